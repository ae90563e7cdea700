package org.audiostyle.image;

import java.util.Arrays;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.stylize.StylizeSettings;

/**
 * Converts ImgLib2 images to and from {@link PlanarImage} (float RGB in [0, 1]).
 *
 * <p>Accepted inputs:
 * <ul>
 * <li>2-D (X,Y) {@link ARGBType}: RGB, 0..255 per channel; alpha is ignored.</li>
 * <li>2-D (X,Y) RealType (grey): replicated to R, G and B.</li>
 * <li>3-D (X,Y,C) RealType with 3 channels: R, G, B; with 1 channel: grey.</li>
 * </ul>
 * Grey values v map to (v - min) / (max - min), clamped to [0, 1], where [min, max] is the display range: the one
 * given, if any; otherwise 0..255 for 8-bit unsigned, 0..65535 for 16-bit unsigned, and the image's own minimum and
 * maximum (over all channels, ignoring NaN and infinities) for every other type. A constant image becomes mid-grey
 * (0.5). NaN maps to 0, +infinity to 1, -infinity to 0.
 *
 * <p>The image's interval may start anywhere (non-zero min is fine). Pixels are pulled in strips with ImgLib2's
 * {@code PrimitiveBlocks}, so memory beyond the result is one strip.
 */
public final class ImageConversion {

	/** Samples per strip copy: large enough to amortise the copy setup, small enough to stay in cache. */
	private static final int STRIP_SAMPLES = 1 << 18;

	private ImageConversion() {}

	/** Converts with the display range from {@code settings} (NaN = default for the type, see class doc). */
	public static PlanarImage toPlanar(RandomAccessibleInterval<?> image, StylizeSettings settings) {
		return toPlanar(image, settings.displayMin, settings.displayMax);
	}

	/** Converts with the default display range for the pixel type (see class doc). */
	public static PlanarImage toPlanar(RandomAccessibleInterval<?> image) {
		return toPlanar(image, Double.NaN, Double.NaN);
	}

	/**
	 * Converts an image to planar RGB in [0, 1].
	 *
	 * @param displayMin grey value shown as black; NaN (with displayMax NaN) = default for the pixel type
	 * @param displayMax grey value shown as white; must exceed displayMin unless both are NaN. Ignored for ARGB.
	 * @throws IllegalArgumentException for an unsupported shape or pixel type, a bad display range, or an image too
	 *           large for one Java array
	 */
	public static PlanarImage toPlanar(RandomAccessibleInterval<?> image, double displayMin, double displayMax) {
		boolean auto = Double.isNaN(displayMin) || Double.isNaN(displayMax);
		if (!auto && !(displayMax > displayMin) || Double.isInfinite(displayMin) || Double.isInfinite(displayMax))
			throw new IllegalArgumentException("Display range needs finite min < max, got " + displayMin + ".." +
				displayMax);
		int nd = image.numDimensions();
		int channels = nd == 3 ? (int) Math.min(Integer.MAX_VALUE, image.dimension(2)) : 1;
		if (nd < 2 || nd > 3 || nd == 3 && channels != 3 && channels != 1) throw new IllegalArgumentException(
			"Expected a 2-D image (X,Y) or a 3-D image (X,Y,C) with 1 or 3 channels, got dimensions " + Arrays.toString(
				image.dimensionsAsLongArray()) + ". Split or reduce the other axes first.");
		int w = (int) Math.min(Integer.MAX_VALUE, image.dimension(0));
		int h = (int) Math.min(Integer.MAX_VALUE, image.dimension(1));
		PlanarImage.checkedLength(image.dimension(0), image.dimension(1));
		if (image.getType() instanceof ARGBType) {
			if (nd != 2) throw new IllegalArgumentException("ARGB images must be 2-D (X,Y), got dimensions " + Arrays
				.toString(image.dimensionsAsLongArray()));
			return fromArgb(image, w, h);
		}
		return fromReal(new RealStrips(image, w, h, channels), auto, displayMin, displayMax);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static PlanarImage fromArgb(RandomAccessibleInterval<?> image, int w, int h) {
		PrimitiveBlocks<?> blocks = PrimitiveBlocks.of((RandomAccessible) image, PrimitiveBlocks.OnFallback.ACCEPT);
		PlanarImage out = new PlanarImage(w, h);
		float[] lut = new float[256];
		for (int i = 0; i < 256; i++)
			lut[i] = (float) (i / 255.0);
		int rows = (int) Math.max(1, Math.min(h, STRIP_SAMPLES / w));
		int[] strip = new int[rows * w];
		float[] d = out.data;
		int g0 = out.offset(1), b0 = out.offset(2);
		for (int y = 0; y < h; y += rows) {
			int n = Math.min(rows, h - y);
			blocks.copy(FinalInterval.createMinSize(image.min(0), image.min(1) + y, w, n), strip);
			int o = y * w;
			for (int i = 0, m = n * w; i < m; i++) {
				int p = strip[i];
				d[o + i] = lut[(p >> 16) & 0xff];
				d[g0 + o + i] = lut[(p >> 8) & 0xff];
				d[b0 + o + i] = lut[p & 0xff];
			}
		}
		return out;
	}

	private static PlanarImage fromReal(RealStrips src, boolean auto, double min, double max) {
		int w = src.width, h = src.height, nc = src.channels;
		int rows = src.rowsPerStrip(STRIP_SAMPLES);
		double[] strip = new double[rows * w * nc];
		if (auto) {
			double[] fixed = src.fixedDefaultRange();
			if (fixed != null) {
				min = fixed[0];
				max = fixed[1];
			}
			else {
				min = Double.POSITIVE_INFINITY;
				max = Double.NEGATIVE_INFINITY;
				for (int y = 0; y < h; y += rows) {
					int n = Math.min(rows, h - y) * w * nc;
					src.read(y, Math.min(rows, h - y), strip);
					for (int i = 0; i < n; i++) {
						double v = strip[i];
						// v - v is NaN for NaN and infinities: skips them without two extra tests
						if (v - v == 0) {
							if (v < min) min = v;
							if (v > max) max = v;
						}
					}
				}
			}
		}
		// (v - min) * scale + base; a constant (or all-NaN) image has scale 0 and base 0.5: mid-grey
		boolean constant = !(max > min);
		double scale = constant ? 0 : 1 / (max - min), base = constant ? 0.5 : 0;
		double lo = constant ? 0 : min;
		PlanarImage out = new PlanarImage(w, h);
		float[] d = out.data;
		int plane = out.planeSize();
		for (int y = 0; y < h; y += rows) {
			int r = Math.min(rows, h - y), n = r * w;
			src.read(y, r, strip);
			for (int c = 0; c < 3; c++) {
				int si = nc == 1 ? 0 : c * n, di = c * plane + y * w;
				if (nc == 1 && c > 0) {
					// grey: replicate the plane already written for R
					System.arraycopy(d, y * w, d, di, n);
					continue;
				}
				for (int i = 0; i < n; i++) {
					double v = (strip[si + i] - lo) * scale + base;
					d[di + i] = (float) (v >= 1 ? 1 : v > 0 ? v : 0);
				}
			}
		}
		return out;
	}

	/**
	 * The 8-bit value of a [0, 1] sample: round-half-up of v * 255 (v * 255 + 0.5, truncated), clamped to 0..255;
	 * NaN gives 0. Rounding (not truncation, which the reference code uses) makes 8-bit -> float -> 8-bit exact and
	 * avoids a systematic darkening by half a level.
	 */
	public static int toByte(float v) {
		if (v >= 1f) return 255;
		if (!(v > 0f)) return 0;
		return (int) (v * 255f + 0.5f);
	}

	/** An RGB image (ArrayImg over int[], alpha 255) of a planar image, samples clamped and rounded by {@link #toByte}. */
	public static ArrayImg<ARGBType, IntArray> toArgb(PlanarImage img) {
		int n = img.planeSize();
		int[] px = new int[n];
		float[] d = img.data;
		int g0 = img.offset(1), b0 = img.offset(2);
		for (int i = 0; i < n; i++)
			px[i] = 0xff000000 | toByte(d[i]) << 16 | toByte(d[g0 + i]) << 8 | toByte(d[b0 + i]);
		return ArrayImgs.argbs(px, img.width, img.height);
	}
}
