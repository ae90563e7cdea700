package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** The banded path for huge images gives the plain path's result, band boundaries included. */
class BandedDetailTransferTest {

	/** A detailed ARGB picture: noise on gradients. */
	private static ArrayImg<ARGBType, IntArray> picture(int w, int h) {
		Random r = new Random(11);
		int[] px = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = 0xff000000 | (255 * x / w) << 16 | (r.nextInt(256)) << 8 | (255 * y / h);
		return ArrayImgs.argbs(px, w, h);
	}

	@Test
	void agreesWithThePlanarPath() {
		int w = 530, h = 700, lw = 97, lh = 128; // 700 rows: three bands, the last one partial
		ArrayImg<ARGBType, IntArray> img = picture(w, h);
		PlanarImage full = ImageConversion.toPlanar(img);
		PlanarImage small = Resampling.resize(full, lw, lh);
		PlanarImage banded = BandedDetailTransfer.reduce(img, lw, lh);
		double worst = 0;
		for (int i = 0; i < small.data.length; i++)
			worst = Math.max(worst, Math.abs(small.data[i] - banded.data[i]));
		assertTrue(worst < 1e-5, "reduced images differ by " + worst);

		// a "network output": the reduced image shifted in colour, with some structure of its own
		PlanarImage restyled = small.copy();
		for (int i = 0; i < restyled.data.length; i++)
			restyled.data[i] = restyled.data[i] * 0.8f + 0.1f * (float) Math.sin(i * 0.01);
		ArrayImg<ARGBType, IntArray> plain = ImageConversion.toArgb(DetailTransfer.apply(full, small, restyled));
		ArrayImg<ARGBType, IntArray> viaBands = BandedDetailTransfer.restore(img, small, restyled);
		int[] a = plain.update(null).getCurrentStorageArray(), b = viaBands.update(null).getCurrentStorageArray();
		int[] in = img.update(null).getCurrentStorageArray();
		int maxLevels = 0, changed = 0;
		for (int i = 0; i < a.length; i++) {
			for (int s = 0; s <= 16; s += 8)
				maxLevels = Math.max(maxLevels, Math.abs((a[i] >> s & 0xff) - (b[i] >> s & 0xff)));
			if (b[i] != in[i]) changed++;
		}
		assertTrue(maxLevels <= 1, "8-bit results differ by " + maxLevels + " levels (float rounding allows 1)");
		assertTrue(changed > a.length / 2, "the change reached the full-resolution picture");
	}

	@Test
	void appliesOnlyToLargeImagesWithoutAWholeImageRange() {
		assertFalse(BandedDetailTransfer.applies(picture(64, 48)));
		assertTrue(BandedDetailTransfer.applies(Views.interval(ArrayImgs.unsignedBytes(1, 1), new long[] { 0, 0 },
			new long[] { 7000, 7000 })));
		assertFalse(BandedDetailTransfer.applies(Views.interval(ArrayImgs.floats(1, 1), new long[] { 0, 0 },
			new long[] { 7000, 7000 })), "float grey takes its display range from the whole image");
		assertEquals(1L << 25, BandedDetailTransfer.BANDED_ABOVE_PIXELS);
	}
}
