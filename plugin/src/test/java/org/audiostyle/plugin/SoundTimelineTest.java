package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundTimelineTest {

	@TempDir
	Path dir;

	@Test
	void durationOfAGeneratedWav() throws Exception {
		File wav = Fixtures.wav(dir, "long.wav", 7.25, 220, 1);
		assertEquals(7.25, SoundTimeline.durationSeconds(wav), 1e-3);
	}

	@Test
	void notASoundSaysSo() throws Exception {
		Path txt = Files.write(dir.resolve("notes.wav"), "not audio".getBytes());
		AudioStyleException e = assertThrows(AudioStyleException.class, () -> SoundTimeline.durationSeconds(txt
			.toFile()));
		assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());
	}

	@Test
	void oneWindowPerStepWhileAWholeWindowFits() {
		assertArrayEquals(new double[] { 0, 0.5, 1, 1.5, 2 }, SoundTimeline.windowStarts(5.2, 2, 0), 1e-9);
		assertArrayEquals(new double[] { 0, 0.5 }, SoundTimeline.windowStarts(5.2, 2, 2), 1e-9);
		assertArrayEquals(new double[] { 0 }, SoundTimeline.windowStarts(1.0, 10, 0), 1e-9, "short sound: one frame");
		assertEquals(4 * 57 + 1, SoundTimeline.windowStarts(60, 4, 0).length);
	}

	@Test
	void smoothingAveragesNeighboursAndKeepsConstants() {
		float[][] constant = { { 1, 2 }, { 1, 2 }, { 1, 2 }, { 1, 2 } };
		float[][] s = SoundTimeline.smooth(constant, 1.5);
		for (float[] v : s)
			assertArrayEquals(new float[] { 1, 2 }, v, 1e-6f);
		float[][] spike = { { 0 }, { 0 }, { 9 }, { 0 }, { 0 } };
		float[][] t = SoundTimeline.smooth(spike, 1);
		assertTrue(t[2][0] < 9 && t[2][0] > t[1][0] && t[1][0] > t[0][0] && t[1][0] > 0, "spread out");
		assertEquals(t[1][0], t[3][0], 1e-6, "symmetric");
		assertTrue(SoundTimeline.smooth(spike, 0) == spike, "sigma 0 leaves the sequence alone");
	}
}
