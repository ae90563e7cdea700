package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10-minute recording is never held whole: every read keeps a few seconds of working buffers at most, counted by
 * {@link BufferMeter} (a whole-file decode would need 38 MB of floats here).
 */
class LongFileTest {

	@TempDir
	static Path dir;

	private static final int RATE = 16000;
	private static final long FRAMES = 600L * RATE;
	/** Working memory allowed per read: 3 s of 16 kHz floats (192 KB) plus small chunks; well below 1 MB. */
	private static final long MAX_WORKING_BYTES = 1 << 20;

	private static Path file;

	@BeforeAll
	static void writeTenMinutes() throws IOException {
		// quiet hash (deterministic, cheap) with a loud 440 Hz burst at 7:30–7:31
		file = TestAudio.longWav(dir.resolve("ten-minutes.wav"), RATE, FRAMES, i -> {
			double quiet = 0.02 * (((i * 2654435761L) >>> 8 & 0xffff) / 32768.0 - 1);
			return i >= 450 * RATE && i < 451 * RATE ? 0.9 * Math.sin(2 * Math.PI * 440 * i / RATE) : quiet;
		});
	}

	@Test
	void loudestScanHoldsAFewSeconds() throws IOException {
		BufferMeter.reset();
		long t0 = System.nanoTime();
		float[] y = WindowReader.read(file, AudioWindow.loudest());
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("LongFileTest: loudest window of a 10-minute 16 kHz WAV in " + ms + " ms, largest buffer " +
			BufferMeter.largestBytes() + " B, all buffers " + BufferMeter.totalBytes() + " B");
		assertEquals(0.9, TestAudio.peak(y), 1e-3, "the burst is in the window");
		double start = WindowReader.loudestStartSeconds(file);
		assertTrue(start >= 448 && start <= 450, "start " + start);
		assertTrue(BufferMeter.totalBytes() < MAX_WORKING_BYTES, "working buffers " + BufferMeter.totalBytes());
	}

	@Test
	void windowNearTheEndSeeksInsteadOfReading() throws IOException {
		BufferMeter.reset();
		long t0 = System.nanoTime();
		float[] y = WindowReader.read(file, AudioWindow.at(450));
		long ms = (System.nanoTime() - t0) / 1_000_000;
		assertEquals(0.9, TestAudio.peak(y), 1e-3);
		assertTrue(BufferMeter.totalBytes() < MAX_WORKING_BYTES, "working buffers " + BufferMeter.totalBytes());
		assertTrue(ms < 2000, "seek, not decode: " + ms + " ms");
	}

	@Test
	void windowStreamOverTheWholeFile() throws IOException {
		BufferMeter.reset();
		int windows = 0, loud = 0;
		long t0 = System.nanoTime();
		try (WindowStream s = WindowReader.windows(file, 30)) {
			for (SoundWindow w : s) {
				windows++;
				if (TestAudio.peak(w.samples()) > 0.5) loud++;
			}
			assertEquals(600, s.durationSeconds(), 1e-9);
		}
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("LongFileTest: 20 windows streamed from 10 minutes in " + ms + " ms, all buffers " +
			BufferMeter.totalBytes() + " B");
		assertEquals(20, windows);
		assertEquals(1, loud, "only the window at 450 s holds the burst");
		assertTrue(BufferMeter.totalBytes() < MAX_WORKING_BYTES, "working buffers " + BufferMeter.totalBytes());
	}

	@Test
	void durationFromTheHeaderWithoutDecoding() throws IOException {
		AudioInfo info = AudioInfo.read(file);
		assertEquals(600, info.durationSeconds(), 1e-9);
		assertEquals(AudioInfo.DurationSource.HEADER, info.durationSource());
	}
}
