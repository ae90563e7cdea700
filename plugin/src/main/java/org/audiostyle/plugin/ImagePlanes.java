package org.audiostyle.plugin;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

/**
 * Bridges ImageJ 1.x planes and ImgLib2. Input planes are wrapped, not copied: the engine reads the processor's own
 * pixel array. Only the engine's RGB result is copied, into a new {@link ColorProcessor}.
 */
public final class ImagePlanes {

	private ImagePlanes() {}

	/** The processor's pixels as an ImgLib2 image of the matching type (8/16-bit unsigned, 32-bit float, ARGB). */
	public static RandomAccessibleInterval<?> wrap(ImageProcessor ip) {
		int w = ip.getWidth(), h = ip.getHeight();
		if (ip instanceof ByteProcessor) return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w, h);
		if (ip instanceof ShortProcessor) return ArrayImgs.unsignedShorts((short[]) ip.getPixels(), w, h);
		if (ip instanceof FloatProcessor) return ArrayImgs.floats((float[]) ip.getPixels(), w, h);
		if (ip instanceof ColorProcessor) return ArrayImgs.argbs((int[]) ip.getPixels(), w, h);
		throw new IllegalArgumentException("Unsupported image processor " + ip.getClass().getSimpleName() +
			": use an 8-, 16- or 32-bit greyscale or an RGB image.");
	}

	/** Copies a 2-D RGB image (any iteration order) into a new ColorProcessor of the given size. */
	public static ColorProcessor toColorProcessor(RandomAccessibleInterval<ARGBType> rgb, int width, int height) {
		if (rgb.numDimensions() != 2 || rgb.dimension(0) != width || rgb.dimension(1) != height)
			throw new IllegalStateException("The engine returned a " + dims(rgb) + " image for a " + width + "x" +
				height + " plane.");
		int[] pixels = new int[width * height];
		// flatIterable visits x fastest, then y: the same order as ImageJ's pixel array, whatever the image's layout.
		Cursor<ARGBType> c = Views.flatIterable(rgb).cursor();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = c.next().get() | 0xff000000;
		return new ColorProcessor(width, height, pixels);
	}

	/**
	 * The values the user sees as black and white in this plane's channel (16- and 32-bit only; NaN for 8-bit and
	 * RGB, whose full range is used). Restyling what is displayed, not the raw value range, keeps a dim 16-bit image
	 * from turning black.
	 */
	public static double[] displayRange(ImagePlus imp, int channel) {
		int bits = imp.getBitDepth();
		if (bits != 16 && bits != 32) return new double[] { Double.NaN, Double.NaN };
		double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		if (imp.isComposite() && channel >= 1 && channel <= imp.getNChannels()) {
			LUT lut = ((CompositeImage) imp).getChannelLut(channel);
			if (lut != null) {
				min = lut.min;
				max = lut.max;
			}
		}
		if (!(max > min)) return new double[] { Double.NaN, Double.NaN };
		return new double[] { min, max };
	}

	/** The plane converted to RGB as it is displayed (display range applied), for blending outside a selection. */
	public static ColorProcessor asDisplayedRgb(ImageProcessor ip, double[] range) {
		if (ip instanceof ColorProcessor) return (ColorProcessor) ip.duplicate();
		ImageProcessor grey = ip;
		if (!(ip instanceof ByteProcessor)) {
			grey = ip.duplicate();
			if (!Double.isNaN(range[0])) grey.setMinAndMax(range[0], range[1]);
			else grey.resetMinAndMax();
			grey = grey.convertToByteProcessor(true);
		}
		// Grey values without the LUT, as the engine sees them (a coloured or inverted LUT would make the outside of a
		// selection differ from what the network was given).
		byte[] v = (byte[]) grey.getPixels();
		ColorProcessor cp = new ColorProcessor(ip.getWidth(), ip.getHeight());
		cp.setRGB(v, v, v);
		return cp;
	}

	private static String dims(RandomAccessibleInterval<?> img) {
		StringBuilder b = new StringBuilder();
		for (int d = 0; d < img.numDimensions(); d++)
			b.append(d == 0 ? "" : "x").append(img.dimension(d));
		return b.toString();
	}
}
