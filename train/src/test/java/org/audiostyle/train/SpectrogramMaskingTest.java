package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

public class SpectrogramMaskingTest {

	@Test
	public void zeroesAtMostTwoBandsAndTwoSpansPerClipAndKeepsTheRest() {
		int n = 3, f = 257, t = 301;
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray spec = m.ones(new Shape(n, 1, f, t)).mul(2f);
			float[] before = spec.toFloatArray();
			float[] out = SpectrogramMasking.apply(spec, new SeededRandom(7)).toFloatArray();
			assertArrayEquals(before, spec.toFloatArray(), "the input is not changed");
			for (int i = 0; i < n; i++) {
				int zeroRows = 0, zeroColumns = 0, kept = 0;
				for (int b = 0; b < f; b++) {
					boolean all = true;
					for (int x = 0; x < t; x++)
						if (out[(i * f + b) * t + x] != 0) all = false;
					if (all) zeroRows++;
				}
				for (int x = 0; x < t; x++) {
					boolean all = true;
					for (int b = 0; b < f; b++)
						if (out[(i * f + b) * t + x] != 0) all = false;
					if (all) zeroColumns++;
				}
				for (int k = i * f * t; k < (i + 1) * f * t; k++) {
					assertTrue(out[k] == 0 || out[k] == 2, "a value is kept or zeroed, got " + out[k]);
					if (out[k] == 2) kept++;
				}
				assertTrue(zeroRows <= 2 * (int) (0.15 * f), "clip " + i + ": " + zeroRows + " bins masked");
				assertTrue(zeroColumns <= 2 * (int) (0.10 * t), "clip " + i + ": " + zeroColumns + " frames masked");
				assertTrue(kept >= (f - zeroRows) * (t - zeroColumns), "clip " + i + ": outside the masks all is kept");
				assertTrue(kept < f * t, "clip " + i + ": something is masked");
			}
			assertArrayEquals(out, SpectrogramMasking.apply(spec, new SeededRandom(7)).toFloatArray(),
				"the same seed masks the same bands");
			assertEquals(new Shape(n, 1, f, t), SpectrogramMasking.apply(spec, new SeededRandom(8)).getShape());
		}
	}
}
