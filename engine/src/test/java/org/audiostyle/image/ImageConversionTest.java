package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.complex.ComplexFloatType;
import net.imglib2.type.numeric.integer.Unsigned12BitType;
import net.imglib2.view.Views;

import org.audiostyle.stylize.StylizeSettings;
import org.junit.jupiter.api.Test;

class ImageConversionTest {

	private static final float EPS = 1e-6f;

	/** Asserts every channel of pixel (x, y) equals v (grey replicated). */
	private static void assertGrey(PlanarImage p, int x, int y, double v) {
		for (int c = 0; c < 3; c++)
			assertEquals(v, p.get(c, x, y), EPS, "channel " + c + " at " + x + "," + y);
	}

	@Test
	void unsignedBytesScaleBy255() {
		byte[] v = { 0, 1, (byte) 128, (byte) 255, 51, 7 };
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.unsignedBytes(v, 3, 2));
		assertEquals(3, p.width);
		assertEquals(2, p.height);
		assertGrey(p, 0, 0, 0);
		assertGrey(p, 1, 0, 1 / 255.0);
		assertGrey(p, 2, 0, 128 / 255.0);
		assertGrey(p, 0, 1, 1);
		assertGrey(p, 1, 1, 0.2);
	}

	@Test
	void unsignedShortsUseFullRangeByDefaultAndTheDisplayRangeWhenGiven() {
		short[] v = { 0, (short) 65535, (short) 40000, 1000 };
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.unsignedShorts(v, 2, 2));
		assertGrey(p, 0, 0, 0);
		assertGrey(p, 1, 0, 1);
		assertGrey(p, 0, 1, 40000 / 65535.0);
		PlanarImage q = ImageConversion.toPlanar(ArrayImgs.unsignedShorts(v, 2, 2), 1000, 41000);
		assertGrey(q, 0, 0, 0); // below the range: clamped
		assertGrey(q, 1, 0, 1); // above: clamped
		assertGrey(q, 0, 1, 39000 / 40000.0);
		assertGrey(q, 1, 1, 0);
	}

	@Test
	void signedShortsAndIntsUseTheirOwnMinAndMax() {
		PlanarImage s = ImageConversion.toPlanar(ArrayImgs.shorts(new short[] { -300, 100, 0, -100 }, 2, 2));
		assertGrey(s, 0, 0, 0);
		assertGrey(s, 1, 0, 1);
		assertGrey(s, 0, 1, 0.75);
		PlanarImage i = ImageConversion.toPlanar(ArrayImgs.ints(new int[] { 2_000_000_000, -2_000_000_000, 0 }, 3, 1));
		assertGrey(i, 0, 0, 1);
		assertGrey(i, 1, 0, 0);
		assertGrey(i, 2, 0, 0.5);
		PlanarImage d = ImageConversion.toPlanar(ArrayImgs.ints(new int[] { 5, 10, 15 }, 3, 1), 0, 20);
		assertGrey(d, 1, 0, 0.5);
	}

	@Test
	void otherNativeIntegerTypes() {
		assertGrey(ImageConversion.toPlanar(ArrayImgs.bytes(new byte[] { -128, 127, 0 }, 3, 1)), 2, 0, 128 / 255.0);
		assertGrey(ImageConversion.toPlanar(ArrayImgs.longs(new long[] { -4, 4, 0 }, 3, 1)), 2, 0, 0.5);
		PlanarImage u = ImageConversion.toPlanar(ArrayImgs.unsignedInts(new int[] { 0, -1, Integer.MIN_VALUE }, 3, 1));
		assertGrey(u, 1, 0, 1); // -1 is 2^32 - 1 when unsigned
		assertGrey(u, 2, 0, 0.5);
		PlanarImage ul = ImageConversion.toPlanar(ArrayImgs.unsignedLongs(new long[] { 0, -1, Long.MIN_VALUE }, 3, 1));
		assertGrey(ul, 1, 0, 1);
		assertGrey(ul, 2, 0, 0.5);
	}

	@Test
	void floatsUseTheDisplayRangeFromSettings() {
		float[] v = { -1, 0, 1, 2, 3, Float.NaN };
		StylizeSettings s = StylizeSettings.defaults().withDisplayRange(0, 2);
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.floats(v, 3, 2), s);
		assertGrey(p, 0, 0, 0);
		assertGrey(p, 1, 0, 0);
		assertGrey(p, 2, 0, 0.5);
		assertGrey(p, 0, 1, 1);
		assertGrey(p, 1, 1, 1);
		assertGrey(p, 2, 1, 0); // NaN -> 0
	}

	@Test
	void floatsWithoutRangeUseTheirFiniteMinAndMax() {
		float[] v = { 10, 20, 30, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY };
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.floats(v, 3, 2), StylizeSettings.defaults());
		assertGrey(p, 0, 0, 0);
		assertGrey(p, 1, 0, 0.5);
		assertGrey(p, 2, 0, 1);
		assertGrey(p, 0, 1, 0);
		assertGrey(p, 1, 1, 1);
		assertGrey(p, 2, 1, 0);
		PlanarImage d = ImageConversion.toPlanar(ArrayImgs.doubles(new double[] { 1e300, -1e300, 0 }, 3, 1));
		assertGrey(d, 2, 0, 0.5);
	}

	@Test
	void constantImagesBecomeMidGrey() {
		for (PlanarImage p : new PlanarImage[] { ImageConversion.toPlanar(ArrayImgs.floats(new float[] { 7, 7, 7, 7 },
			2, 2)), ImageConversion.toPlanar(ArrayImgs.doubles(new double[] { 1e308, 1e308 }, 2, 1)), ImageConversion
				.toPlanar(ArrayImgs.ints(new int[] { -5 }, 1, 1)) })
			for (float f : p.data)
				assertEquals(0.5f, f);
		// NaN stays black, also when nothing else is there (no NaN ever reaches the network)
		PlanarImage nan = ImageConversion.toPlanar(ArrayImgs.doubles(new double[] { Double.NaN, 3 }, 2, 1));
		assertGrey(nan, 0, 0, 0);
		assertGrey(nan, 1, 0, 0.5);
		for (float f : ImageConversion.toPlanar(ArrayImgs.floats(new float[] { Float.NaN }, 1, 1)).data)
			assertEquals(0f, f);
	}

	@Test
	void threeChannelRealImagesAreRgb() {
		// X,Y,C: 2x1 pixels, channel planes R = {0, 100}, G = {50, 100}, B = {100, 0}
		float[] v = { 0, 100, 50, 100, 100, 0 };
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.floats(v, 2, 1, 3));
		assertArrayEquals(new float[] { 0, 1, 0.5f, 1, 1, 0 }, p.data, EPS);
		// one channel on the third axis: grey
		PlanarImage g = ImageConversion.toPlanar(ArrayImgs.unsignedBytes(new byte[] { 0, (byte) 255 }, 2, 1, 1));
		assertGrey(g, 1, 0, 1);
	}

	@Test
	void argbToPlanarAndBackIsExactFor8Bit() {
		int[] px = new int[37 * 23];
		Random r = new Random(1);
		for (int i = 0; i < px.length; i++)
			px[i] = 0xff000000 | r.nextInt(1 << 24);
		px[0] = 0xff000000;
		px[1] = 0xffffffff;
		PlanarImage p = ImageConversion.toPlanar(ArrayImgs.argbs(px, 37, 23));
		assertEquals(((px[5] >> 8) & 0xff) / 255f, p.get(1, 5, 0), EPS);
		ArrayImg<ARGBType, IntArray> back = ImageConversion.toArgb(p);
		assertArrayEquals(px, back.update(null).getCurrentStorageArray());
	}

	@Test
	void everyByteValueRoundTrips() {
		byte[] v = new byte[256];
		for (int i = 0; i < 256; i++)
			v[i] = (byte) i;
		int[] back = ImageConversion.toArgb(ImageConversion.toPlanar(ArrayImgs.unsignedBytes(v, 16, 16))).update(null)
			.getCurrentStorageArray();
		for (int i = 0; i < 256; i++)
			assertEquals(0xff000000 | i << 16 | i << 8 | i, back[i]);
	}

	@Test
	void toByteRoundsHalfUpAndClamps() {
		assertEquals(0, ImageConversion.toByte(Float.NaN));
		assertEquals(0, ImageConversion.toByte(-0.5f));
		assertEquals(255, ImageConversion.toByte(1.5f));
		assertEquals(1, ImageConversion.toByte(0.5f / 255));
		assertEquals(0, ImageConversion.toByte(0.49f / 255));
		assertEquals(128, ImageConversion.toByte(0.5f)); // 127.5 rounds up
	}

	@Test
	void nonZeroMinIntervalsAndManyStrips() {
		// 700 x 800 > one strip of 2^18 samples; offset the interval to (-50, 30)
		int w = 700, h = 800;
		short[] v = new short[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = (short) (i % 65536);
		RandomAccessibleInterval<?> shifted = Views.translate(ArrayImgs.unsignedShorts(v, w, h), -50, 30);
		PlanarImage p = ImageConversion.toPlanar(shifted);
		for (int i : new int[] { 0, 1, 262143, 262144, 300000, w * h - 1 })
			assertGrey(p, i % w, i / w, (i % 65536) / 65535.0);
		// a crop with non-zero min of an ARGB image
		int[] px = new int[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = i;
		PlanarImage c = ImageConversion.toPlanar(Views.interval(ArrayImgs.argbs(px, w, h), new long[] { 100, 200 },
			new long[] { 149, 599 }));
		assertEquals(50, c.width);
		assertEquals(400, c.height);
		int expected = 300 * w + 110;
		assertEquals((expected & 0xff) / 255f, c.get(2, 10, 100), EPS);
		assertEquals(((expected >> 8) & 0xff) / 255f, c.get(1, 10, 100), EPS);
	}

	@Test
	void otherRealTypesGoThroughTheGenericPath() {
		// 12-bit packs several pixels per long: must not be copied as raw longs
		net.imglib2.img.array.ArrayImg<Unsigned12BitType, ?> img = new net.imglib2.img.array.ArrayImgFactory<>(
			new Unsigned12BitType()).create(5, 1);
		int i = 0;
		for (Unsigned12BitType t : img)
			t.set(i++ * 1000);
		PlanarImage p = ImageConversion.toPlanar(img);
		assertGrey(p, 0, 0, 0);
		assertGrey(p, 1, 0, 0.25);
		assertGrey(p, 4, 0, 1);
	}

	@Test
	void badInputsFailClearly() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(
			ArrayImgs.floats(4, 4, 2)));
		assertTrue(e.getMessage().contains("[4, 4, 2]"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(ArrayImgs.floats(4, 4, 3, 2)));
		e = assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(ArrayImgs.complexFloats(2,
			2)));
		assertTrue(e.getMessage().contains(ComplexFloatType.class.getSimpleName()), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(ArrayImgs.floats(2, 2), 5, 5));
		assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(ArrayImgs.argbs(2, 2, 3)));
	}

	@Test
	void imagejStyleStorageAndConvertedViews() {
		// PlanarImg (what ImageJ datasets use) with X,Y,C = 4x3x3, and a CellImg with small cells
		net.imglib2.img.planar.PlanarImg<net.imglib2.type.numeric.integer.UnsignedByteType, ?> planar =
			net.imglib2.img.planar.PlanarImgs.unsignedBytes(4, 3, 3);
		net.imglib2.RandomAccess<net.imglib2.type.numeric.integer.UnsignedByteType> ra = planar.randomAccess();
		ra.setPositionAndGet(3, 2, 1).set(255);
		ra.setPositionAndGet(0, 1, 2).set(51);
		PlanarImage p = ImageConversion.toPlanar(planar);
		assertEquals(1f, p.get(1, 3, 2), EPS);
		assertEquals(0.2f, p.get(2, 0, 1), EPS);
		assertEquals(0f, p.get(0, 3, 2), EPS);

		net.imglib2.img.cell.CellImg<net.imglib2.type.numeric.real.FloatType, ?> cells =
			new net.imglib2.img.cell.CellImgFactory<>(new net.imglib2.type.numeric.real.FloatType(), 5).create(23, 17);
		int i = 0;
		for (net.imglib2.type.numeric.real.FloatType t : Views.flatIterable(cells))
			t.set(i++);
		PlanarImage c = ImageConversion.toPlanar(cells);
		assertGrey(c, 22, 16, 1);
		assertGrey(c, 7, 9, (9 * 23 + 7) / (23.0 * 17 - 1));

		// a converter view whose result type is FloatType: still read correctly
		RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType> halved = net.imglib2.converter.Converters
			.convertRAI(ArrayImgs.unsignedBytes(new byte[] { 0, 100, (byte) 200 }, 3, 1), (a, b) -> b.set(a.get() / 2f),
				new net.imglib2.type.numeric.real.FloatType());
		PlanarImage h = ImageConversion.toPlanar(halved, 0, 100);
		assertGrey(h, 1, 0, 0.5);
		assertGrey(h, 2, 0, 1);
	}

	@Test
	void imagesTooLargeForAnArrayFailBeforeAllocating() {
		// a 100000 x 100000 virtual image (constant extension): 3e10 samples
		RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType> huge = Views.interval(Views.extendZero(
			ArrayImgs.floats(1, 1)), new net.imglib2.FinalInterval(100000, 100000));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageConversion.toPlanar(
			huge));
		assertTrue(e.getMessage().contains("100000x100000") && e.getMessage().contains("too large"), e.getMessage());
	}

	/** Prints the cost of converting a 4000 x 3000 photo both ways. */
	@Test
	void benchmarkPhotoConversion() {
		int w = 4000, h = 3000;
		int[] px = new int[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = 0xff000000 | i * 37;
		ArrayImg<ARGBType, IntArray> img = ArrayImgs.argbs(px, w, h);
		short[] v = new short[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = (short) (i * 7);
		long toPlanar = Long.MAX_VALUE, toArgb = Long.MAX_VALUE, grey16 = Long.MAX_VALUE;
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			PlanarImage p = ImageConversion.toPlanar(img);
			long t1 = System.nanoTime();
			ImageConversion.toArgb(p);
			long t2 = System.nanoTime();
			ImageConversion.toPlanar(ArrayImgs.unsignedShorts(v, w, h));
			long t3 = System.nanoTime();
			toPlanar = Math.min(toPlanar, t1 - t0);
			toArgb = Math.min(toArgb, t2 - t1);
			grey16 = Math.min(grey16, t3 - t2);
		}
		System.out.printf("Conversion 4000x3000: ARGB->planar %d ms, planar->ARGB %d ms, 16-bit grey->planar %d ms%n",
			toPlanar / 1_000_000, toArgb / 1_000_000, grey16 / 1_000_000);
	}
}
