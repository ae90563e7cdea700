package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consecutive windows for sound-driven movies. */
class WindowStreamTest {

	@TempDir
	Path dir;

	private static final int N = AudioFrontEnd.WINDOW_SAMPLES;

	@Test
	void oneWindowPerHopWhileTheStartIsInside() throws IOException {
		float[] x = TestAudio.noise(30, 10 * 16000, 0.5);
		Path f = TestAudio.wav(dir.resolve("10s.wav"), 16000, Layout.F32, x);
		List<SoundWindow> windows = new ArrayList<>();
		try (WindowStream s = WindowReader.windows(f, 1.0)) {
			for (SoundWindow w : s)
				windows.add(w);
			assertEquals(10.0, s.durationSeconds(), 1e-9);
			assertNull(s.read(), "stays at the end");
		}
		assertEquals(10, windows.size());
		for (SoundWindow w : windows) {
			int k = w.index();
			assertEquals(k, w.startSeconds(), 1e-9);
			int available = Math.min(N, x.length - k * 16000);
			assertEquals(available < N, w.tiled(), w.toString());
			assertEquals(0, TestAudio.maxDiff(w.samples(), 0, x, k * 16000, available), w.toString());
			if (w.tiled()) assertEquals(0, TestAudio.maxDiff(w.samples(), available, w.samples(), 0, N - available));
		}
		assertEquals(1 / 1.1, TestAudio.peak(windows.get(3).normalised()), 1e-6);
	}

	@Test
	void windowsMatchSingleReadsAtOtherRates() throws IOException {
		float[] x = TestAudio.noise(31, 7 * 44100, 0.5);
		Path f = TestAudio.wav(dir.resolve("7s44.wav"), 44100, Layout.S16, x);
		try (WindowStream s = WindowReader.windows(f, 2.5)) {
			assertEquals(44100, s.sourceSampleRate());
			SoundWindow w0 = s.read(), w1 = s.read(), w2 = s.read();
			assertNull(s.read());
			assertEquals(0, TestAudio.maxDiff(w1.samples(), 0, WindowReader.read(f, AudioWindow.at(2.5)), 0, N), 2e-3);
			assertEquals(0, TestAudio.maxDiff(w0.samples(), 0, WindowReader.read(f, AudioWindow.start()), 0, N), 2e-3);
			assertTrue(w2.tiled());
			assertEquals(7.0, s.durationSeconds(), 1e-9);
		}
	}

	@Test
	void movieRateHops() throws IOException {
		Path f = TestAudio.wav(dir.resolve("5s.wav"), 22050, Layout.S16, TestAudio.tone(440, 5, 22050, 0.5));
		int count = 0;
		try (WindowStream s = WindowReader.windows(f, 0.04)) {
			for (SoundWindow w : s) {
				assertEquals(count * 0.04, w.startSeconds(), 1e-4);
				count++;
			}
		}
		assertEquals(125, count, "one window per 40 ms frame of a 5 s sound");
	}

	@Test
	void hopsLongerThanAWindowSkipAudio() throws IOException {
		float[] x = TestAudio.noise(32, 20 * 16000, 0.5);
		Path f = TestAudio.wav(dir.resolve("20s.wav"), 16000, Layout.F32, x);
		try (WindowStream s = WindowReader.windows(f, 7)) {
			SoundWindow w;
			int k = 0;
			while ((w = s.read()) != null) {
				assertEquals(0, TestAudio.maxDiff(w.samples(), 0, x, k * 7 * 16000, Math.min(N, x.length - k * 7 * 16000)));
				k++;
			}
			assertEquals(3, k);
		}
	}

	@Test
	void compressedFilesStreamToo() throws IOException {
		try (WindowStream s = WindowReader.windows(DecodeFormatsTest.fixture("tone440l_660r_44k1_stereo.ogg"), 0.5)) {
			SoundWindow w = s.read();
			assertTrue(w.tiled());
			double other = TestAudio.toneLevel(w.samples(), 16000, 1000);
			assertTrue(TestAudio.toneLevel(w.samples(), 16000, 440) > 50 * other, "left channel's tone");
			assertTrue(TestAudio.toneLevel(w.samples(), 16000, 660) > 50 * other, "right channel's tone");
		}
	}

	@Test
	void badHopIsRejected() {
		Path f = dir.resolve("x.wav");
		assertThrows(IllegalArgumentException.class, () -> WindowReader.windows(f, 0));
		assertThrows(IllegalArgumentException.class, () -> WindowReader.windows(f, Double.NaN));
	}

	@Test
	void closedStreamSaysSo() throws IOException {
		Path f = TestAudio.wav(dir.resolve("1s.wav"), 16000, Layout.S16, new float[16000]);
		WindowStream s = WindowReader.windows(f, 1);
		s.close();
		IllegalStateException e = assertThrows(IllegalStateException.class, s::read);
		assertTrue(e.getMessage().contains("1s.wav"));
		assertFalse(Double.isFinite(s.durationSeconds()));
	}
}
