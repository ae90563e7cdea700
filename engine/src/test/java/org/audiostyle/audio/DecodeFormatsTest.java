package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;

import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every container, sample layout and channel count decodes to the right length and pitch at 16 kHz. */
class DecodeFormatsTest {

	@TempDir
	Path dir;

	/** One FFT bin at 16 kHz with 16384 points is ~1 Hz; allow two. */
	private static final double PITCH_TOLERANCE_HZ = 2;

	static Path fixture(String name) {
		try {
			return Path.of(DecodeFormatsTest.class.getResource("/audio/" + name).toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Decodes the whole file at 16 kHz and checks duration and the 440 Hz peak. */
	private static float[] checkTone(Path file, double seconds, double durationTolerance) throws IOException {
		float[] y = WindowReader.readAll(file);
		assertEquals(seconds, y.length / 16000.0, durationTolerance, file + " duration");
		assertEquals(440, TestAudio.dominantHz(y, 16000, 16384), PITCH_TOLERANCE_HZ, file + " pitch");
		return y;
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void wavSampleLayoutsDecodeToTheSamples(Layout layout) throws IOException {
		float[] x = TestAudio.tone(440, 1.0, 16000, 0.5);
		Path f = TestAudio.wav(dir.resolve(layout + ".wav"), 16000, layout, x);
		float[] y = checkTone(f, 1.0, 0);
		// 16 kHz: no resampling, so every sample must come back as written (up to the layout's quantisation)
		double tolerance = layout == Layout.U8 ? 1e-6 : 1e-7;
		for (int i = 0; i < x.length; i++)
			assertEquals(TestAudio.quantise(x[i], layout), y[i], tolerance, layout + " sample " + i);
	}

	@ParameterizedTest
	@EnumSource(value = Layout.class, names = { "U8", "S16", "S24", "F32" })
	void wavAtOtherRatesKeepsPitchAndDuration(Layout layout) throws IOException {
		for (int rate : new int[] { 8000, 22050, 44100, 48000 }) {
			Path f = TestAudio.wav(dir.resolve(layout + "_" + rate + ".wav"), rate, layout, TestAudio.tone(440, 1.0, rate,
				0.5));
			checkTone(f, 1.0, 0);
		}
	}

	@Test
	void stereoIsTheMeanOfLeftAndRight() throws IOException {
		float[] left = TestAudio.noise(1, 16000, 0.8), right = TestAudio.tone(440, 1.0, 16000, 0.6);
		Path f = TestAudio.wav(dir.resolve("stereo.wav"), 16000, Layout.F32, left, right);
		float[] y = WindowReader.readAll(f);
		assertEquals(16000, y.length);
		for (int i = 0; i < y.length; i++)
			assertEquals((left[i] + right[i]) / 2, y[i], 1e-7);
	}

	@Test
	void sixChannelsAreAveraged() throws IOException {
		float[][] ch = new float[6][];
		for (int c = 0; c < 6; c++)
			ch[c] = TestAudio.noise(10 + c, 8000, 0.9);
		Path f = TestAudio.wav(dir.resolve("surround.wav"), 16000, Layout.S16, ch);
		float[] y = WindowReader.readAll(f);
		for (int i = 0; i < y.length; i++) {
			double mean = 0;
			for (float[] c : ch)
				mean += TestAudio.quantise(c[i], Layout.S16) / 6.0;
			assertEquals(mean, y[i], 1e-6);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Layout.class, names = { "S16", "S24", "S32", "F32" })
	void wavExtensibleSixChannels(Layout layout) throws IOException {
		float[][] ch = new float[6][];
		for (int c = 0; c < 6; c++)
			ch[c] = TestAudio.tone(440, 1.0, 48000, 0.1 * (c + 1));
		checkTone(TestAudio.wavExtensible(dir.resolve("ext" + layout + ".wav"), 48000, layout, ch), 1.0, 0);
		float[] y = WindowReader.readAll(dir.resolve("ext" + layout + ".wav"));
		assertEquals(0.35, TestAudio.peak(y), 0.005, "mean of amplitudes 0.1..0.6");
	}

	@Test
	void stereoAt44kHzKeepsBothPitches() throws IOException {
		Path f = TestAudio.wav(dir.resolve("lr.wav"), 44100, Layout.S16, TestAudio.tone(440, 1, 44100, 0.5), TestAudio
			.tone(660, 1, 44100, 0.5));
		float[] y = WindowReader.readAll(f);
		assertEquals(16000, y.length);
		double ratio = TestAudio.toneLevel(y, 16000, 440) / TestAudio.toneLevel(y, 16000, 660);
		assertEquals(1, ratio, 0.02, "equal loudness of both channels' tones");
	}

	@Test
	void aiffStereo() throws IOException {
		float[] t = TestAudio.tone(440, 1.0, 44100, 0.5);
		checkTone(TestAudio.javaSound(dir.resolve("t.aiff"), AudioFileFormat.Type.AIFF, 44100, 16, false, t, t), 1.0, 0);
	}

	@Test
	void aiff8bit() throws IOException {
		checkTone(TestAudio.javaSound(dir.resolve("t8.aiff"), AudioFileFormat.Type.AIFF, 22050, 8, false, TestAudio
			.tone(440, 1.0, 22050, 0.5)), 1.0, 0);
	}

	@Test
	void au16bit() throws IOException {
		checkTone(TestAudio.javaSound(dir.resolve("t.au"), AudioFileFormat.Type.AU, 8000, 16, false, TestAudio.tone(440,
			1.0, 8000, 0.5)), 1.0, 0);
	}

	@Test
	void auMuLaw() throws IOException {
		checkTone(TestAudio.javaSound(dir.resolve("ulaw.au"), AudioFileFormat.Type.AU, 8000, 8, true, TestAudio.tone(440,
			1.0, 8000, 0.5)), 1.0, 0);
	}

	@Test
	void mp3Mono() throws IOException {
		// LAME pads the start and end with about 1100 samples each: ~1.07 s
		checkTone(fixture("tone440_44k1_mono.mp3"), 1.07, 0.05);
	}

	@Test
	void mp3StereoMpeg2() throws IOException {
		float[] y = WindowReader.readAll(fixture("tone440l_660r_22k05_stereo.mp3"));
		assertEquals(1.07, y.length / 16000.0, 0.05);
		checkBothTones(y);
	}

	@Test
	void oggVorbisStereo() throws IOException {
		float[] y = WindowReader.readAll(fixture("tone440l_660r_44k1_stereo.ogg"));
		// vorbisspi ends on the last full Vorbis block: up to ~12 ms more than was encoded
		assertEquals(1.0, y.length / 16000.0, 0.02);
		checkBothTones(y);
	}

	@Test
	void flac16() throws IOException {
		checkTone(fixture("tone440_22k05_mono.flac"), 1.0, 0);
	}

	@Test
	void flac24() throws IOException {
		float[] y = checkTone(fixture("tone440_32k_24bit.flac"), 1.0, 0);
		assertEquals(0.5, TestAudio.peak(y), 0.01, "24-bit samples scaled like 16-bit ones");
	}

	/** Left 440 Hz and right 660 Hz at equal level, through a lossy codec: both present at similar strength. */
	private static void checkBothTones(float[] y) {
		double at440 = TestAudio.toneLevel(y, 16000, 440), at660 = TestAudio.toneLevel(y, 16000, 660);
		assertEquals(1, at440 / at660, 0.2, "left and right tones");
		assertTrue(at440 > 50 * TestAudio.toneLevel(y, 16000, 1000), "tones stand out");
	}
}
