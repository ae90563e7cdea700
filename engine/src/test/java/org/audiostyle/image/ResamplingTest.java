package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplingTest {

	@Test
	void workingSizeKeepsAspectAndNeverEnlarges() {
		assertArrayEquals(new int[] { 512, 384 }, Resampling.workingSize(4000, 3000, 512));
		assertArrayEquals(new int[] { 288, 512 }, Resampling.workingSize(1080, 1920, 512));
		assertArrayEquals(new int[] { 512, 1 }, Resampling.workingSize(100000, 3, 512));
		assertArrayEquals(new int[] { 300, 200 }, Resampling.workingSize(300, 200, 512));
		assertArrayEquals(new int[] { 4000, 3000 }, Resampling.workingSize(4000, 3000, 0));
		assertArrayEquals(new int[] { 1, 1 }, Resampling.workingSize(1, 1, 512));
	}

	@Test
	void constantsStayConstantAtAnySize() {
		PlanarImage p = new PlanarImage(13, 7);
		p.fill(0, 0.25f).fill(1, 0.5f).fill(2, 1f);
		for (int[] s : new int[][] { { 5, 3 }, { 1, 1 }, { 40, 21 }, { 13, 30 }, { 2, 7 } })
			for (Resampling.Upscale up : Resampling.Upscale.values()) {
				PlanarImage q = Resampling.resize(p, s[0], s[1], up);
				for (int i = 0; i < q.planeSize(); i++) {
					assertEquals(0.25f, q.data[i], 1e-6f);
					assertEquals(0.5f, q.data[q.offset(1) + i], 1e-6f);
					assertEquals(1f, q.data[q.offset(2) + i], 1e-6f);
				}
			}
	}

	@Test
	void areaAverageOfAnIntegerFactorIsTheBlockMean() {
		PlanarImage p = PlanarImageTest.ramp(6, 4);
		PlanarImage q = Resampling.resize(p, 3, 2);
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < 2; y++)
				for (int x = 0; x < 3; x++) {
					float m = (p.get(c, 2 * x, 2 * y) + p.get(c, 2 * x + 1, 2 * y) + p.get(c, 2 * x, 2 * y + 1) + p.get(c,
						2 * x + 1, 2 * y + 1)) / 4;
					assertEquals(m, q.get(c, x, y), 1e-6f);
				}
	}

	@Test
	void areaAverageDoesNotAliasACheckerboard() {
		// a 1-pixel checkerboard shrunk by a non-integer factor must come out flat grey (point sampling gives moire)
		PlanarImage p = checkerboard(301, 199, 0f, 1f);
		PlanarImage q = Resampling.resize(p, 37, 23);
		for (float v : q.data)
			assertEquals(0.5f, v, 0.02f);
	}

	@Test
	void upscalingInterpolatesAndReproducesLinearRamps() {
		PlanarImage p = new PlanarImage(8, 1);
		for (int x = 0; x < 8; x++)
			p.fill(0, 0).set(0, x, 0, x / 8f);
		for (int x = 0; x < 8; x++)
			p.set(0, x, 0, x / 8f);
		for (Resampling.Upscale up : Resampling.Upscale.values()) {
			PlanarImage q = Resampling.resize(p, 32, 3, up);
			// away from the clamped borders, both kernels reproduce a linear function exactly
			for (int x = 8; x < 24; x++) {
				double src = (x + 0.5) * 8 / 32 - 0.5;
				assertEquals(src / 8, q.get(0, x, 1), 1e-6, up + " at " + x);
			}
		}
		// bicubic passes through the samples when the factor is an odd integer (centres coincide)
		PlanarImage r = Resampling.resize(PlanarImageTest.ramp(5, 5), 15, 15);
		assertEquals(PlanarImageTest.ramp(5, 5).get(1, 2, 3), r.get(1, 7, 10), 1e-6f);
	}

	@Test
	void resizeAddAddsOntoTheTarget() {
		PlanarImage base = PlanarImageTest.ramp(40, 30);
		PlanarImage small = new PlanarImage(5, 4).fill(0, 0.1f).fill(1, -0.2f).fill(2, 0f);
		PlanarImage out = base.copy();
		Resampling.resizeAdd(small, out, Resampling.Upscale.BICUBIC);
		for (int i = 0; i < base.planeSize(); i++) {
			assertEquals(base.data[i] + 0.1f, out.data[i], 1e-6f);
			assertEquals(base.data[out.offset(1) + i] - 0.2f, out.data[out.offset(1) + i], 1e-6f);
		}
	}

	@Test
	void mixedDirectionsAndDegenerateSizes() {
		PlanarImage p = PlanarImageTest.ramp(1, 50);
		PlanarImage q = Resampling.resize(p, 20, 5); // wider, shorter
		assertEquals(20, q.width);
		assertEquals(5, q.height);
		for (int x = 1; x < 20; x++)
			assertEquals(q.get(0, 0, 2), q.get(0, x, 2), 1e-6f);
		PlanarImage one = Resampling.resize(PlanarImageTest.ramp(9, 9), 1, 1);
		PlanarImage mean = PlanarImageTest.ramp(9, 9);
		double m = 0;
		for (int i = 0; i < 81; i++)
			m += mean.data[i];
		assertEquals(m / 81, one.data[0], 1e-6);
	}

	/** Benchmark of the working-size path: 4000x3000 -> 512x384 (area) and back (bicubic). Prints ms. */
	@Test
	void benchmarkPhotoToWorkingSizeAndBack() {
		PlanarImage big = checkerboard(4000, 3000, 0.2f, 0.8f);
		long best1 = Long.MAX_VALUE, best2 = Long.MAX_VALUE, best3 = Long.MAX_VALUE;
		PlanarImage small = null;
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			small = Resampling.resize(big, 512, 384);
			long t1 = System.nanoTime();
			PlanarImage back = Resampling.resize(small, 4000, 3000);
			long t2 = System.nanoTime();
			Resampling.resizeAdd(small, back, Resampling.Upscale.BICUBIC);
			long t3 = System.nanoTime();
			best1 = Math.min(best1, t1 - t0);
			best2 = Math.min(best2, t2 - t1);
			best3 = Math.min(best3, t3 - t2);
		}
		System.out.printf("Resampling 4000x3000 -> 512x384 (area): %d ms; 512x384 -> 4000x3000 (bicubic): %d ms; " +
			"resizeAdd up: %d ms%n", best1 / 1_000_000, best2 / 1_000_000, best3 / 1_000_000);
		assertEquals(0.5f, small.get(1, 100, 100), 0.01f);
		// generous bound: fails only if something is badly wrong (e.g. a quadratic loop)
		assertTrue(best1 + best2 < 20_000_000_000L);
	}

	static PlanarImage checkerboard(int w, int h, float lo, float hi) {
		PlanarImage p = new PlanarImage(w, h);
		for (int c = 0; c < 3; c++)
			for (int y = 0, i = p.offset(c); y < h; y++)
				for (int x = 0; x < w; x++, i++)
					p.data[i] = ((x + y) & 1) == 0 ? lo : hi;
		return p;
	}
}
