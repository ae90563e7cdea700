package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.audiostyle.audio.AudioFormatException.Reason;
import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which 3 s the model hears: start, a given time, the loudest part; tiling at the end; starts beyond the end. */
class WindowReaderTest {

	@TempDir
	Path dir;

	private static final int N = AudioFrontEnd.WINDOW_SAMPLES;

	/** 10 s of quiet noise with a loud burst at 6.0–6.5 s, at 16 kHz (float: exact round trip). */
	private float[] burst;
	private Path burst16k;

	@BeforeEach
	void writeBurst() throws IOException {
		burst = TestAudio.noise(20, 10 * 16000, 0.05);
		for (int i = 6 * 16000; i < 6 * 16000 + 8000; i++)
			burst[i] = (float) (0.8 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
		burst16k = TestAudio.wav(dir.resolve("burst.wav"), 16000, Layout.F32, burst);
	}

	@Test
	void startBeginsAtZero() throws IOException {
		float[] y = WindowReader.read(burst16k, AudioWindow.start());
		assertEquals(0, TestAudio.maxDiff(y, 0, burst, 0, N));
	}

	@Test
	void atTwoSecondsStartsAtTwoSeconds() throws IOException {
		float[] y = WindowReader.read(burst16k, AudioWindow.at(2.0));
		assertEquals(0, TestAudio.maxDiff(y, 0, burst, 32000, N));
	}

	@Test
	void loudestWindowContainsTheBurst() throws IOException {
		double start = WindowReader.loudestStartSeconds(burst16k);
		assertTrue(start >= 3.5 && start <= 6.0, "window [" + start + ", " + (start + 3) + "] holds 6.0–6.5 s");
		assertEquals(0, start * 2 % 1, 1e-9, "on the 0.5 s grid");
		float[] y = WindowReader.read(burst16k, AudioWindow.loudest());
		assertEquals(0, TestAudio.maxDiff(y, 0, burst, (int) (start * 16000), N));
		assertEquals(0.8, TestAudio.peak(y), 1e-3);
	}

	@Test
	void loudestIsTheDefault() throws IOException {
		assertEquals(AudioWindow.Kind.LOUDEST, Sound.file(burst16k).window().kind);
		float[] viaSound = AudioFrontEnd.load(Sound.file(burst16k));
		assertEquals(0, TestAudio.maxDiff(viaSound, 0, WindowReader.read(burst16k, AudioWindow.loudest()), 0, N));
	}

	@Test
	void windowAtOtherRatesMatchesTheWholeFileResampled() throws IOException {
		// the window is decoded alone (with 10 ms of context); it must equal the same stretch of the whole file
		float[] x = TestAudio.noise(21, 7 * 44100, 0.5);
		Path f = TestAudio.wav(dir.resolve("n44.wav"), 44100, Layout.F32, x);
		float[] whole = AudioFrontEnd.resample(x, 44100);
		float[] y = WindowReader.read(f, AudioWindow.at(2.5));
		assertEquals(0, TestAudio.maxDiff(y, 0, whole, 40000, N), 2e-3);
		float[] loud = WindowReader.read(f, AudioWindow.loudest());
		int s = (int) Math.round(WindowReader.loudestStartSeconds(f) * 16000);
		assertEquals(0, TestAudio.maxDiff(loud, 0, whole, s, N), 2e-3);
	}

	@Test
	void windowRunningPastTheEndIsTiled() throws IOException {
		float[] y = WindowReader.read(burst16k, AudioWindow.at(8.5));
		assertEquals(0, TestAudio.maxDiff(y, 0, burst, 8 * 16000 + 8000, 24000));
		assertEquals(0, TestAudio.maxDiff(y, 24000, y, 0, 24000), "second half repeats the 1.5 s that exist");
	}

	@Test
	void shortFileIsTiledWhateverTheWindow() throws IOException {
		float[] x = TestAudio.noise(22, 16000, 0.5);
		Path f = TestAudio.wav(dir.resolve("short.wav"), 16000, Layout.F32, x);
		assertEquals(0, WindowReader.loudestStartSeconds(f));
		for (AudioWindow w : new AudioWindow[] { AudioWindow.loudest(), AudioWindow.start(), AudioWindow.at(0) }) {
			float[] y = WindowReader.read(f, w);
			for (int k = 0; k < 3; k++)
				assertEquals(0, TestAudio.maxDiff(y, k * 16000, x, 0, 16000), w.toString());
		}
	}

	@Test
	void startBeyondTheEndNamesFileAndDuration() {
		for (double at : new double[] { 10.0, 12.0 }) {
			AudioFormatException e = assertThrows(AudioFormatException.class, () -> WindowReader.read(burst16k,
				AudioWindow.at(at)));
			assertEquals(Reason.WINDOW_BEYOND_END, e.reason());
			assertTrue(e.getMessage().contains("burst.wav"), e.getMessage());
			assertTrue(e.getMessage().contains("10.000 s"), e.getMessage());
		}
	}

	@Test
	void truncatedWavStatesItsRealDuration() throws IOException {
		// the header promises 10 s, the data stops at 4 s (an interrupted copy)
		byte[] b = java.nio.file.Files.readAllBytes(burst16k);
		Path cut = java.nio.file.Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(b, 44 + 4 * 16000 * 4));
		AudioFormatException e = assertThrows(AudioFormatException.class, () -> WindowReader.read(cut, AudioWindow.at(
			6)));
		assertEquals(Reason.WINDOW_BEYOND_END, e.reason());
		assertTrue(e.getMessage().contains("4.000 s"), e.getMessage());
		assertEquals(0, TestAudio.maxDiff(WindowReader.read(cut, AudioWindow.at(1)), 0, burst, 16000, N));
		float[] tail = WindowReader.read(cut, AudioWindow.at(3));
		assertEquals(0, TestAudio.maxDiff(tail, 0, burst, 3 * 16000, 16000));
		assertEquals(0, TestAudio.maxDiff(tail, 16000, tail, 0, 16000), "the last second, tiled");
	}

	@Test
	void startBeyondTheEndOfACompressedFile() {
		AudioFormatException e = assertThrows(AudioFormatException.class, () -> WindowReader.read(DecodeFormatsTest
			.fixture("tone440_22k05_mono.flac"), AudioWindow.at(5)));
		assertEquals(Reason.WINDOW_BEYOND_END, e.reason());
		assertTrue(e.getMessage().contains("1.000 s"), e.getMessage());
	}

	@Test
	void windowsOfCompressedFilesAreTheirContent() throws IOException {
		// MP3 at 44.1 kHz: START window of a 1.07 s tone is the tone, tiled; pitch survives
		float[] y = WindowReader.read(DecodeFormatsTest.fixture("tone440_44k1_mono.mp3"), AudioWindow.loudest());
		assertEquals(440, TestAudio.dominantHz(y, 16000, 16384), 2);
	}
}
