package org.audiostyle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.audiostyle.image.PlanarImage;
import org.junit.jupiter.api.Test;

/** The artefact check: a grid painted into a flat sky is caught; a smooth recolouring and busy regions are not. */
class FlatRegionTextureTest {

	/** Top half a smooth sky gradient, bottom half strong noise (never flat). */
	static PlanarImage skyOverNoise(int w, int h) {
		PlanarImage im = new PlanarImage(w, h);
		java.util.Random r = new java.util.Random(3);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				float v = y < h / 2 ? 0.6f + 0.1f * y / h : r.nextFloat();
				for (int c = 0; c < 3; c++)
					im.set(c, x, y, v);
			}
		return im;
	}

	@Test
	void aGridInTheSkyIsCaught() {
		PlanarImage in = skyOverNoise(64, 64);
		PlanarImage grid = in.copy();
		for (int y = 0; y < 32; y++)
			for (int x = 0; x < 64; x++)
				for (int c = 0; c < 3; c++)
					grid.set(c, x, y, grid.get(c, x, y) + (((x / 2 + y / 2) & 1) == 0 ? 0.02f : -0.02f));
		FlatRegionTexture.Result r = FlatRegionTexture.measure(in, grid);
		assertEquals(7 * 3 * 64, r.flatPixels, "the sky's whole blocks inside the margin are flat");
		assertTrue(r.ratio() > 10, "ratio " + r.ratio());
		assertTrue(r.outputLevels() > 2, "levels " + r.outputLevels());
	}

	@Test
	void aSmoothRecolouringAddsNothing() {
		PlanarImage in = skyOverNoise(64, 64);
		PlanarImage tinted = in.copy();
		for (int i = 0; i < tinted.data.length; i++)
			tinted.data[i] = 0.8f * tinted.data[i] + 0.1f;
		FlatRegionTexture.Result r = FlatRegionTexture.measure(in, tinted);
		assertTrue(r.ratio() <= 1.0, "ratio " + r.ratio());
		assertTrue(r.outputLevels() < 0.25, "levels " + r.outputLevels());
		assertEquals(1.0, FlatRegionTexture.measure(in, in).ratio(), 1e-12);
	}

	@Test
	void nothingFlatGivesNoFigure() {
		PlanarImage noise = skyOverNoise(64, 64).crop(0, 32, 64, 32);
		FlatRegionTexture.Result r = FlatRegionTexture.measure(noise, noise);
		assertEquals(0, r.flatPixels);
		assertTrue(Double.isNaN(r.ratio()));
	}

	@Test
	void spearmanRanks() {
		assertEquals(1.0, Spearman.rho(new double[] { 0, 1, 2, 3 }, new double[] { 0.1, 0.2, 0.5, 0.9 }), 1e-12);
		assertEquals(-1.0, Spearman.rho(new double[] { 0, 1, 2 }, new double[] { 3, 2, 1 }), 1e-12);
		assertEquals(0.0, Spearman.rho(new double[] { 0, 1, 2 }, new double[] { 5, 5, 5 }), 1e-12, "flat is no rise");
		assertEquals(0.5, Spearman.rho(new double[] { 0, 1, 2 }, new double[] { 1, 0, 2 }), 1e-12);
	}
}
