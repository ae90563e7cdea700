package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resampling, tiling, cropping, normalisation and mixing: the paper's front end, number by number. */
class AudioFrontEndTest {

	@TempDir
	Path dir;

	private static final int N = AudioFrontEnd.WINDOW_SAMPLES;

	@Test
	void constantsAreThePapers() {
		assertEquals(16000, AudioFrontEnd.SAMPLE_RATE);
		assertEquals(48000, AudioFrontEnd.WINDOW_SAMPLES);
		assertEquals(3.0, AudioFrontEnd.WINDOW_SECONDS);
		assertEquals(1.1, AudioFrontEnd.PEAK_HEADROOM);
	}

	@Test
	void resamplingKeepsPitchAndDuration() {
		for (double rate : new double[] { 8000, 22050, 32000, 44100, 48000, 96000 }) {
			float[] x = TestAudio.tone(440, 2.0, rate, 0.5);
			float[] y = AudioFrontEnd.resample(x, rate);
			assertEquals(32000, y.length, "2 s at " + rate + " Hz");
			assertEquals(440, TestAudio.dominantHz(y, 16000, 16384), 2, "pitch from " + rate + " Hz");
			// time-aligned: away from the edges the output is the same sine sampled at 16 kHz
			float[] expected = TestAudio.tone(440, 2.0, 16000, 0.5);
			assertEquals(0, TestAudio.maxDiff(y, 200, expected, 200, 31600), 2e-3, "waveform from " + rate + " Hz");
		}
	}

	@Test
	void resamplingAt16kHzIsACopy() {
		float[] x = TestAudio.noise(3, 1000, 1);
		assertArrayEquals(x, AudioFrontEnd.resample(x, 16000));
	}

	@Test
	void oneSecondClipIsTiled() throws IOException {
		float[] x = TestAudio.noise(4, 16000, 0.5);
		float[] y = AudioFrontEnd.load(Sound.samples(x, 16000, "1 s"));
		assertEquals(N, y.length);
		for (int i = 0; i < N; i++)
			assertEquals(x[i % 16000], y[i]);
	}

	@Test
	void tileTruncatesLikeNumpy() {
		float[] x = { 1, 2, 3 };
		assertArrayEquals(new float[] { 1, 2, 3, 1, 2, 3, 1 }, AudioFrontEnd.tile(x, 0, 3, 7));
		assertArrayEquals(new float[] { 2, 3 }, AudioFrontEnd.tile(x, 1, 2, 2));
		assertArrayEquals(new float[] { 1, 2 }, AudioFrontEnd.tile(x, 0, 3, 2));
	}

	@Test
	void fiveSecondClipIsCroppedToItsStart() throws IOException {
		float[] x = TestAudio.noise(5, 5 * 16000, 0.5);
		float[] y = AudioFrontEnd.load(Sound.samples(x, 16000, "5 s"));
		for (int i = 0; i < N; i++)
			assertEquals(x[i], y[i]);
	}

	@Test
	void inMemorySoundsAreResampled() throws IOException {
		float[] y = AudioFrontEnd.prepare(Sound.samples(TestAudio.tone(440, 1.0, 22050, 0.3), 22050, "tone"));
		assertEquals(N, y.length);
		assertEquals(440, TestAudio.dominantHz(y, 16000, 16384), 2);
		assertEquals(1 / 1.1, TestAudio.peak(y), 1e-3);
	}

	@Test
	void normalisedPeakIsOneOverOnePointOne() {
		float[] x = TestAudio.noise(6, N, 0.3);
		x[1234] = -0.7f;
		float[] y = AudioFrontEnd.normalise(x);
		assertEquals(1 / 1.1, TestAudio.peak(y), 1e-6);
		assertEquals(-1 / 1.1, y[1234], 1e-6, "the peak keeps its sign");
		for (int i = 0; i < N; i += 997)
			assertEquals(x[i] / (1.1 * 0.7), y[i], 1e-6, "one common scale");
	}

	@Test
	void silenceGivesZerosNotNaN() throws IOException {
		float[] y = AudioFrontEnd.prepare(Sound.samples(new float[8000], 16000, "silence"));
		for (float v : y)
			assertEquals(0f, v);
		Path f = TestAudio.wav(dir.resolve("silence.wav"), 44100, Layout.S16, new float[44100]);
		for (float v : AudioFrontEnd.prepare(Sound.file(f)))
			assertFalse(Float.isNaN(v));
	}

	@Test
	void strengthLeavesTheWaveformAloneAndAWeightIsAGain() throws IOException {
		SoundMix mix = SoundMix.of(List.of(sound(7), sound(8)), new double[] { 0.6, 0.4 });
		assertArrayEquals(AudioFrontEnd.prepare(mix), AudioFrontEnd.prepare(mix.withStrength(0)),
			"strength scales the picture's change, not the sound");
		assertEquals(0.5 / 1.1, TestAudio.peak(AudioFrontEnd.prepare(SoundMix.of(List.of(sound(7)), new double[] {
			0.5 }))), 1e-6, "a lone sound's weight is its level: the mix is not normalised again");
	}

	@Test
	void crossfadeEndpointsAreTheSingleSounds() throws IOException {
		Sound a = sound(9), b = Sound.samples(TestAudio.tone(440, 1, 22050, 0.2), 22050, "tone");
		assertArrayEquals(AudioFrontEnd.prepare(a), AudioFrontEnd.prepare(SoundMix.crossfade(a, b, 0)));
		assertArrayEquals(AudioFrontEnd.prepare(b), AudioFrontEnd.prepare(SoundMix.crossfade(a, b, 1)));
		assertArrayEquals(AudioFrontEnd.prepare(a), AudioFrontEnd.prepare(SoundMix.of(a)));
		float[] na = AudioFrontEnd.prepare(a), nb = AudioFrontEnd.prepare(b);
		float[] mid = AudioFrontEnd.prepare(SoundMix.crossfade(a, b, 0.25));
		for (int i = 0; i < N; i++)
			assertEquals(0.75 * na[i] + 0.25 * nb[i], mid[i], 1e-6);
	}

	@Test
	void weightsAreUsedAsGiven() throws IOException {
		Sound a = sound(10), b = sound(11);
		float[] na = AudioFrontEnd.prepare(a), nb = AudioFrontEnd.prepare(b);
		float[] layered = AudioFrontEnd.prepare(SoundMix.of(List.of(a, b), new double[] { 1, 1 }));
		float[] mix = AudioFrontEnd.mix(List.of(na, nb), List.of(1.0, 1.0));
		for (int i = 0; i < N; i++) {
			assertEquals(na[i] + nb[i], layered[i], 1e-6);
			assertEquals(layered[i], mix[i]);
		}
	}

	@Test
	void fileAndInMemorySoundsGiveTheSameInput() throws IOException {
		float[] x = TestAudio.noise(12, 2 * 22050, 0.4);
		Path f = TestAudio.wav(dir.resolve("n.wav"), 22050, Layout.F32, x);
		assertArrayEquals(AudioFrontEnd.prepare(Sound.samples(x, 22050, "n")), AudioFrontEnd.prepare(Sound.file(f,
			AudioWindow.start())), 1e-6f);
	}

	@Test
	void mixRejectsMismatchedInputs() {
		assertThrows(IllegalArgumentException.class, () -> AudioFrontEnd.mix(List.of(new float[N]), List.of(1.0,
			1.0)));
		assertThrows(IllegalArgumentException.class, () -> AudioFrontEnd.mix(List.of(new float[10]), List.of(1.0)));
	}

	private static Sound sound(long seed) {
		return Sound.samples(TestAudio.noise(seed, 20000, 0.1 + seed % 3 * 0.2), 16000, "noise " + seed);
	}
}
