package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/** ImageJ planes reach the engine without a copy, in their own type; results come back in ImageJ's pixel order. */
class ImagePlanesTest {

	@Test
	void greyPlanesAreWrappedNotCopied() {
		for (int bits : new int[] { 8, 16, 32 }) {
			ImageProcessor ip = Fixtures.plane(bits, 5, 4, 0);
			RandomAccessibleInterval<?> img = ImagePlanes.wrap(ip);
			assertEquals(5, img.dimension(0));
			assertEquals(4, img.dimension(1));
			Object t = img.getAt(0, 0);
			assertEquals(bits == 8 ? UnsignedByteType.class : bits == 16 ? UnsignedShortType.class : FloatType.class, t
				.getClass());
			assertEquals(ip.getf(3, 2), ((RealType<?>) img.getAt(3, 2)).getRealFloat(), 0);
			// Writing through ImageJ shows through the wrapper: it is the same array.
			ip.setf(3, 2, 42);
			assertEquals(42f, ((RealType<?>) img.getAt(3, 2)).getRealFloat(), 0, bits + "-bit");
		}
	}

	@Test
	void rgbPlaneIsWrappedAsArgb() {
		ColorProcessor cp = (ColorProcessor) Fixtures.plane(24, 6, 3, 1);
		@SuppressWarnings("unchecked")
		RandomAccessibleInterval<ARGBType> img = (RandomAccessibleInterval<ARGBType>) ImagePlanes.wrap(cp);
		assertEquals(cp.get(4, 2) & 0xffffff, img.getAt(4, 2).get() & 0xffffff);
	}

	@Test
	void resultIsCopiedInRowOrderWhateverTheLayout() {
		int w = 7, h = 3;
		int[] px = new int[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = i * 1000;
		// A transposed view iterates in a different order than ImageJ's array; flatIterable must still get it right.
		RandomAccessibleInterval<ARGBType> transposed = Views.permute(ArrayImgs.argbs(px.clone(), w, h), 0, 1);
		RandomAccessibleInterval<ARGBType> back = Views.permute(transposed, 0, 1);
		ColorProcessor cp = ImagePlanes.toColorProcessor(back, w, h);
		for (int i = 0; i < px.length; i++)
			assertEquals(px[i], ((int[]) cp.getPixels())[i] & 0xffffff);
		IllegalStateException e = assertThrows(IllegalStateException.class, () -> ImagePlanes.toColorProcessor(
			transposed, w, h));
		assertTrue(e.getMessage().contains("3x7"), e.getMessage());
	}

	@Test
	void displayRangeComesFromTheChannelsLut() {
		ImagePlus imp = Fixtures.image("cells", 16, 8, 8, 2, 1, 1);
		CompositeImage ci = new CompositeImage(imp, CompositeImage.COMPOSITE);
		ci.setC(1);
		ci.setDisplayRange(100, 2000);
		ci.setC(2);
		ci.setDisplayRange(500, 900);
		assertArrayEquals(new double[] { 100, 2000 }, ImagePlanes.displayRange(ci, 1));
		assertArrayEquals(new double[] { 500, 900 }, ImagePlanes.displayRange(ci, 2));
		ImagePlus bytes = Fixtures.image("b", 8, 4, 4, 1, 1, 1);
		assertTrue(Double.isNaN(ImagePlanes.displayRange(bytes, 1)[0]), "8-bit uses its full range");
	}

	@Test
	void displayedRgbUsesTheRangeButNotTheLut() {
		ImageProcessor ip = Fixtures.plane(16, 4, 4, 0);
		ip.setf(0, 0, 100);
		ip.setf(1, 0, 300);
		ColorProcessor rgb = ImagePlanes.asDisplayedRgb(ip, new double[] { 100, 300 });
		assertEquals(0x000000, rgb.get(0, 0) & 0xffffff);
		assertEquals(0xffffff, rgb.get(1, 0) & 0xffffff);
		ImageProcessor bytes = Fixtures.plane(8, 4, 4, 0);
		bytes.invertLut();
		int v = bytes.get(2, 1);
		assertEquals(v << 16 | v << 8 | v, ImagePlanes.asDisplayedRgb(bytes, new double[] { Double.NaN,
			Double.NaN }).get(2, 1) & 0xffffff);
		// the input is untouched
		assertEquals(100, ip.getf(0, 0), 0);
	}
}
