package org.audiostyle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.audiostyle.image.PlanarImage;
import org.junit.jupiter.api.Test;

public class ImageMetricsTest {

	static PlanarImage pattern(int w, int h, long seed) {
		Random r = new Random(seed);
		PlanarImage img = new PlanarImage(w, h);
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					img.set(c, x, y, (float) (0.5 + 0.3 * Math.sin(x / 3.0 + c) * Math.cos(y / 5.0) + 0.05 * r.nextGaussian()));
		return img.clamp();
	}

	@Test
	public void ssimOfIdenticalImagesIsOneAndOfConstantsFollowsTheFormula() {
		PlanarImage a = pattern(40, 30, 1);
		assertEquals(1.0, Ssim.luminance(a, a.copy()), 1e-12);
		PlanarImage dark = new PlanarImage(20, 20).fill(0, 0.2f).fill(1, 0.2f).fill(2, 0.2f);
		PlanarImage light = new PlanarImage(20, 20).fill(0, 0.6f).fill(1, 0.6f).fill(2, 0.6f);
		double c1 = 1e-4;
		assertEquals((2 * 0.2 * 0.6 + c1) / (0.04 + 0.36 + c1), Ssim.luminance(dark, light), 1e-6);
		double noisy = Ssim.luminance(a, pattern(40, 30, 2));
		assertTrue(noisy > 0.3 && noisy < 0.99, "different noise lowers SSIM: " + noisy);
	}

	@Test
	public void labMatchesKnownValuesAndRoundTrips() {
		double[] lab = new double[3];
		Lab.rgbToLab(1, 0, 0, lab);
		assertEquals(53.24, lab[0], 0.05);
		assertEquals(80.09, lab[1], 0.05);
		assertEquals(67.20, lab[2], 0.05);
		Lab.rgbToLab(1, 1, 1, lab);
		assertEquals(100, lab[0], 0.01);
		assertEquals(0, lab[1], 0.01);
		PlanarImage a = pattern(16, 12, 3);
		PlanarImage back = Lab.toRgb(Lab.fromRgb(a), 16, 12);
		for (int i = 0; i < a.data.length; i++)
			assertEquals(a.data[i], back.data[i], 1e-4);
	}

	@Test
	public void colourTransferMatchesTheTargetStatistics() {
		PlanarImage target = pattern(30, 30, 4);
		for (int i = 0; i < target.planeSize(); i++)
			target.data[2 * target.planeSize() + i] *= 0.6f; // yellower
		ColourTransfer.Statistics want = ColourTransfer.statistics(List.of(target));
		PlanarImage out = ColourTransfer.transfer(pattern(30, 30, 5), want);
		ColourTransfer.Statistics got = ColourTransfer.statistics(List.of(out));
		for (int c = 0; c < 3; c++) {
			assertEquals(want.mean[c], got.mean[c], 1.0, "mean of channel " + c);
			assertEquals(want.std[c], got.std[c], 1.0, "std of channel " + c);
		}
	}
}
