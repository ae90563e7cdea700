package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class ArgbDetailTransferTest {

	/** Random photo-like ARGB pixels: a smooth gradient plus noise, so every filter weight matters. */
	static int[] photo(int w, int h, long seed) {
		Random r = new Random(seed);
		int[] px = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				int red = clamp(255 * x / w + r.nextInt(41) - 20), green = clamp(255 * y / h + r.nextInt(41) - 20);
				int blue = clamp(r.nextInt(256));
				px[y * w + x] = 0xff000000 | red << 16 | green << 8 | blue;
			}
		return px;
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}

	/** Sizes that take each pass order in the reduce and in the restore, odd sizes and extreme aspect ratios. */
	private static final int[][] SIZES = { { 640, 426 }, { 333, 257 }, { 257, 333 }, { 1000, 37 }, { 41, 900 },
		{ 300, 299 } };

	/** Output rows per block besides the chosen ones: one row, and sizes that do not divide the heights. */
	private static final int[] BLOCKS = { 1, 3, 7 };

	@Test
	void reduceAndRestoreAreThePlanarPathBitForBit() {
		for (int[] s : SIZES)
			for (int work : new int[] { 64, 100, 256 }) {
				int w = s[0], h = s[1];
				int[] low = Resampling.workingSize(w, h, work);
				if (!ArgbDetailTransfer.applies(w, h, low[0], low[1])) continue;
				int[] px = photo(w, h, w * 31L + h);
				PlanarImage full = ImageConversion.toPlanar(ArrayImgs.argbs(px.clone(), w, h));
				PlanarImage plainSmall = Resampling.resize(full, low[0], low[1]);
				PlanarImage small = ArgbDetailTransfer.reduce(px, w, h, low[0], low[1]);
				assertArrayEquals(plainSmall.data, small.data, 0f, w + "x" + h + " to " + low[0] + "x" + low[1]);
				// blocks of a few rows: the bands of neighbouring blocks overlap where a window spans both
				for (int block : BLOCKS)
					assertArrayEquals(plainSmall.data, ArgbDetailTransfer.reduce(px, w, h, low[0], low[1], block).data,
						0f, w + "x" + h + " to " + low[0] + "x" + low[1] + " in blocks of " + block);
				// a "network output": the reduced image with a strong, uneven change (pushed out of range in places)
				PlanarImage out = small.copy();
				Random r = new Random(7);
				for (int i = 0; i < out.data.length; i++)
					out.data[i] = out.data[i] * 0.7f + 0.4f * r.nextFloat() - 0.05f;
				int[] plain = ImageConversion.toArgb(DetailTransfer.apply(full, plainSmall, out)).update(null)
					.getCurrentStorageArray();
				int[] fused = ArgbDetailTransfer.restore(px, w, h, small, out).update(null).getCurrentStorageArray();
				assertArrayEquals(plain, fused, w + "x" + h + " at work size " + work);
				// written over the photo's own pixels (what stylizeConsuming does): the same result
				int[] inPlace = px.clone();
				ArgbDetailTransfer.restore(inPlace, w, h, small, out, inPlace);
				assertArrayEquals(plain, inPlace, w + "x" + h + " in place");
				for (int block : BLOCKS) {
					int[] blocked = px.clone();
					ArgbDetailTransfer.restore(blocked, w, h, small, out, blocked, block);
					assertArrayEquals(plain, blocked, w + "x" + h + " in place in blocks of " + block);
				}
			}
	}

	@Test
	void onlyWholeArgbArrayImagesAreTakenAsPixels() {
		int[] px = photo(20, 10, 1);
		assertNotNull(ArgbDetailTransfer.pixels(ArrayImgs.argbs(px, 20, 10)));
		assertNull(ArgbDetailTransfer.pixels(Views.interval(ArrayImgs.argbs(px, 20, 10), new long[] { 1, 1 },
			new long[] { 10, 5 })));
		assertNull(ArgbDetailTransfer.pixels(ArrayImgs.unsignedBytes(20, 10)));
		assertTrue(ArgbDetailTransfer.applies(20, 10, 10, 5));
		assertFalse(ArgbDetailTransfer.applies(20, 10, 20, 5));
	}
}
