package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class DetailTransferTest {

	@Test
	void aCheckerboardKeepsItsDetailAndGetsTheShift() {
		// 1-pixel checkerboard: down(I) is flat grey, so plain up(o) would lose the pattern entirely
		PlanarImage full = ResamplingTest.checkerboard(333, 257, 0.2f, 0.7f);
		int[] ws = Resampling.workingSize(333, 257, 64);
		PlanarImage low = Resampling.resize(full, ws[0], ws[1]);
		PlanarImage out = low.copy();
		float[] shift = { 0.1f, -0.15f, 0.25f };
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < out.planeSize(); i++)
				out.data[out.offset(c) + i] += shift[c];
		PlanarImage result = DetailTransfer.apply(full, low, out);
		assertEquals(333, result.width);
		assertEquals(257, result.height);
		for (Resampling.Upscale up : Resampling.Upscale.values()) {
			PlanarImage r = up == Resampling.Upscale.BICUBIC ? result : DetailTransfer.apply(full, low, out, up);
			for (int c = 0; c < 3; c++)
				for (int y = 0; y < 257; y++)
					for (int x = 0; x < 333; x++)
						if (Math.abs(full.get(c, x, y) + shift[c] - r.get(c, x, y)) > 1e-5f) fail(up + " channel " + c +
							" at " + x + "," + y + ": " + r.get(c, x, y));
		}
	}

	@Test
	void theResultIsClamped() {
		PlanarImage full = new PlanarImage(8, 8).fill(0, 0.9f).fill(1, 0.1f).fill(2, 0.5f);
		PlanarImage low = Resampling.resize(full, 2, 2);
		PlanarImage out = new PlanarImage(2, 2).fill(0, 2f).fill(1, -1f).fill(2, 0.5f);
		PlanarImage r = DetailTransfer.apply(full, low, out);
		for (int i = 0; i < 64; i++) {
			assertEquals(1f, r.data[i]);
			assertEquals(0f, r.data[64 + i]);
			assertEquals(0.5f, r.data[128 + i], 1e-6f);
		}
	}

	@Test
	void atNativeResolutionTheOutputIsTheNetworkOutput() {
		PlanarImage full = PlanarImageTest.ramp(7, 5);
		PlanarImage out = PlanarImageTest.ramp(7, 5);
		for (int i = 0; i < out.data.length; i++)
			out.data[i] = 1 - out.data[i];
		assertArrayEquals(out.data, DetailTransfer.apply(full, full, out).data, 1e-6f);
	}

	@Test
	void mismatchedLowResolutionImagesAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> DetailTransfer.apply(new PlanarImage(8, 8), new PlanarImage(
			2, 2), new PlanarImage(2, 3)));
	}
}
