package org.audiostyle.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.AudioInfo;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.TestAudio;
import org.audiostyle.io.AtomicFiles;
import org.audiostyle.samples.SoundSynth.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The synthesizer is deterministic, the committed sample sounds are its output, and each sounds like its name. */
class SoundSynthTest {

	@TempDir
	Path dir;

	/** The repository's sample-sounds folder, found from the module folder the tests run in. */
	static Path sampleSounds() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
			if (Files.isDirectory(p.resolve("sample-sounds"))) return p.resolve("sample-sounds");
		return null;
	}

	@Test
	void sameSeedSameBytesOtherSeedOtherSound() {
		assertArrayEquals(SoundSynth.wav(Kind.RAIN), SoundSynth.wav(Kind.RAIN));
		float[] a = SoundSynth.synthesize(Kind.BIRDSONG, 1, 16000, 3), b = SoundSynth.synthesize(Kind.BIRDSONG, 1, 16000,
			3), c = SoundSynth.synthesize(Kind.BIRDSONG, 2, 16000, 3);
		assertArrayEquals(a, b);
		assertFalse(Arrays.equals(a, c));
		assertEquals(48000, a.length);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void committedFileIsTheSynthesizersOutput(Kind kind) throws IOException {
		Path folder = sampleSounds();
		assertNotNull(folder, "sample-sounds/ not found above " + Path.of("").toAbsolutePath());
		byte[] committed = Files.readAllBytes(folder.resolve(kind.fileName()));
		assertTrue(committed.length < 200 * 1024, kind + " is " + committed.length + " bytes");
		assertArrayEquals(SoundSynth.wav(kind), committed, kind.fileName() +
			" differs from SoundSynth: regenerate with `java -cp train/target/classes:engine/target/classes org.audiostyle.samples.SoundSynth`");
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everySoundGoesThroughTheFrontEnd(Kind kind) throws IOException {
		Path f = dir.resolve(kind.fileName());
		AtomicFiles.write(f, SoundSynth.wav(kind));
		AudioInfo info = AudioInfo.read(f);
		assertEquals(SoundSynth.SECONDS, info.durationSeconds(), 1e-9);
		assertEquals(SoundSynth.SAMPLE_RATE, info.sampleRate());
		float[] y = AudioFrontEnd.prepare(Sound.file(f));
		assertEquals(1 / 1.1, TestAudio.peak(y), 1e-6);
	}

	@Test
	void soundsHaveTheirCharacter() {
		int r = SoundSynth.SAMPLE_RATE;
		float[] crickets = SoundSynth.synthesize(Kind.CRICKETS);
		assertEquals(4500, TestAudio.dominantHz(crickets, r, 16384), 650, "crickets trill between 3.9 and 5.1 kHz");
		assertTrue(TestAudio.energyFraction(SoundSynth.synthesize(Kind.BIRDSONG), r, 1800, 6500) > 0.8,
			"birdsong lives in 2–6 kHz");
		float[] thunder = SoundSynth.synthesize(Kind.THUNDER);
		assertTrue(TestAudio.energyFraction(thunder, r, 0, 500) > 0.8, "thunder is low rumble");
		assertTrue(quietestQuarterSecond(thunder, r) > 0.4 * rms(thunder, 0, thunder.length),
			"a storm rumbles on: no quarter second near silence");
		float[] wind = SoundSynth.synthesize(Kind.WIND);
		assertTrue(TestAudio.energyFraction(wind, r, 0, 2000) > 0.95, "wind has almost nothing above 2 kHz");
		assertTrue(TestAudio.energyFraction(wind, r, 500, 2000) > 0.3, "wind howls between 500 Hz and 2 kHz");
		assertTrue(TestAudio.energyFraction(SoundSynth.synthesize(Kind.RAIN), r, 0, 1000) > 0.5,
			"rain patters: drop impacts below 1 kHz");
		assertTrue(crest(SoundSynth.synthesize(Kind.FIRE)) > crest(thunder) * 2,
			"fire crackles: sharper peaks than the rumble of a storm");
		float[] waves = SoundSynth.synthesize(Kind.WAVES);
		assertTrue(rms(waves, (int) (1.3 * r), r / 5) > 3 * rms(waves, (int) (2.4 * r), r / 5), "a wave swells");
	}

	/** Peak over RMS: large for clicks and crackles. */
	private static double crest(float[] x) {
		return TestAudio.peak(x) / rms(x, 0, x.length);
	}

	private static double quietestQuarterSecond(float[] x, int rate) {
		double quietest = Double.MAX_VALUE;
		for (int from = 0; from + rate / 4 <= x.length; from += rate / 8)
			quietest = Math.min(quietest, rms(x, from, rate / 4));
		return quietest;
	}

	private static double rms(float[] x, int from, int n) {
		double e = 0;
		for (int i = from; i < from + n; i++)
			e += x[i] * (double) x[i];
		return Math.sqrt(e / n);
	}
}
