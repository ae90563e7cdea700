package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

public class RecordingSimulationTest {

	static final int F = 257, T = 301;

	/** A tone at {@code bin}, sounding in frames [on, off). */
	static float[] tone(int bin, int on, int off) {
		float[] s = new float[F * T];
		for (int x = on; x < off; x++)
			s[bin * T + x] = 1f;
		return s;
	}

	@Test
	public void pitchShiftMovesAToneByTheFactor() {
		float[] s = tone(100, 0, T);
		RecordingSimulation.shiftPitch(s, 0, F, T, 1.1);
		int peak = 0;
		for (int b = 0; b < F; b++)
			if (s[b * T + 5] > s[peak * T + 5]) peak = b;
		assertEquals(110, peak, "a tone at bin 100 stretched by 1.1");
		float[] down = tone(100, 0, T);
		RecordingSimulation.shiftPitch(down, 0, F, T, 1 / 1.1);
		assertEquals(0, down[100 * T + 5], "nothing left at the old bin");
		assertTrue(down[91 * T + 5] > 0.5f, "the tone is near bin 91 = 100 / 1.1");
	}

	@Test
	public void reverberationLeavesADecayingTailAfterTheSoundStops() {
		float[] s = tone(50, 0, 100);
		RecordingSimulation.reverberate(s, 0, F, T, 0.5, 0.3);
		assertEquals(0, s[60 * T + 150], "other bins stay silent");
		float at110 = s[50 * T + 110], at150 = s[50 * T + 150], at250 = s[50 * T + 250];
		assertTrue(at110 > at150 && at150 > at250 && at250 > 0, "the tail decays: " + at110 + ", " + at150 + ", " +
			at250);
		// 60 dB in 0.5 s = 50 frames: 40 frames later the tail is 48 dB down
		assertEquals(-48, 20 * Math.log10(at150 / at110), 0.5, "decay rate set by the reverberation time");
		assertTrue(s[50 * T + 50] >= 1f && s[50 * T + 50] < 1.5f, "the direct sound stays, a little louder");
	}

	@Test
	public void equaliserGainsStayWithinTheirRangeAndAreSmooth() {
		SeededRandom rng = new SeededRandom(3);
		double limit = RecordingSimulation.MAX_TILT_DB / 2 + 3 * RecordingSimulation.MAX_RIPPLE_DB;
		for (int trial = 0; trial < 50; trial++) {
			double[] g = RecordingSimulation.equaliserGains(F, rng);
			for (int b = 0; b < F; b++) {
				double db = 20 * Math.log10(g[b]);
				assertTrue(Math.abs(db) <= limit + 1e-9, "gain " + db + " dB at bin " + b);
				if (b > 0) assertTrue(Math.abs(db - 20 * Math.log10(g[b - 1])) < 0.5, "smooth over bins");
			}
		}
	}

	@Test
	public void backgroundAddsPowers() {
		float[] a = {3f, 0f}, clean = {3f, 0f, 4f, 2f};
		RecordingSimulation.addBackground(a, 0, clean, 2, 2, 0.5);
		assertArrayEquals(new float[] {(float) Math.sqrt(9 + 4), 1f}, a, 1e-6f);
	}

	@Test
	public void batchCopyIsSeededNonNegativeAndKeepsTheInput() {
		int n = 8;
		try (NDManager m = NDManager.newBaseManager()) {
			float[] values = new float[n * F * T];
			SeededRandom fill = new SeededRandom(1);
			for (int k = 0; k < values.length; k++)
				values[k] = (float) fill.nextDouble();
			NDArray spec = m.create(values, new Shape(n, 1, F, T));
			float[] out = RecordingSimulation.apply(spec, new SeededRandom(9)).toFloatArray();
			assertArrayEquals(values, spec.toFloatArray(), "the input is not changed");
			assertArrayEquals(out, RecordingSimulation.apply(spec, new SeededRandom(9)).toFloatArray(), "same seed");
			int changed = 0;
			for (int i = 0; i < n; i++) {
				boolean differs = false;
				for (int k = i * F * T; k < (i + 1) * F * T; k++) {
					assertTrue(out[k] >= 0 && Float.isFinite(out[k]), "a magnitude: " + out[k]);
					differs |= out[k] != values[k];
				}
				if (differs) changed++;
			}
			assertTrue(changed >= n / 2, "most clips are changed (" + changed + " of " + n + ")");
		}
	}
}
