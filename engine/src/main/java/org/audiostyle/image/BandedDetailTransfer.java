package org.audiostyle.image;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.view.Views;

/**
 * {@link DetailTransfer} for images too large to hold as float planes, one band of rows at a time.
 *
 * <p>A 20000×20000 photo is 1.6 GB as ARGB but 4.8 GB as float planes, and the plain path holds two such copies
 * (input and output) besides the ARGB input and result. Here the full-resolution image is only ever read in bands:
 * it is reduced to the working size (area average: each band resized across, then the stack of reduced rows resized
 * down), and the low-resolution change is enlarged across once (working height × full width) and then, band by band,
 * down the rows, added to the band's pixels and written straight into the 8-bit result. Memory beyond the input and
 * the result is a few bands and the width-enlarged change (tens of MB). The separable filters are the plain path's,
 * so results agree with it up to float rounding.
 */
public final class BandedDetailTransfer {

	/** Above this many pixels the banded path is used: two full float copies would pass 1.2 GB. */
	public static final long BANDED_ABOVE_PIXELS = 1L << 25;

	/** Rows per band: 2 × 20000 × 3 floats × 256 rows is about 120 MB of temporaries at the widest. */
	private static final int BAND_ROWS = 256;

	private BandedDetailTransfer() {}

	/**
	 * Whether this path applies: a large 2-D image whose pixels convert without a whole-image display range (ARGB,
	 * or integer grey with its type's range).
	 */
	public static boolean applies(RandomAccessibleInterval<?> image) {
		Object t = image.getType();
		return image.numDimensions() == 2 && (t instanceof ARGBType || t instanceof IntegerType) && image.dimension(
			0) * image.dimension(1) > BANDED_ABOVE_PIXELS;
	}

	/** The image reduced to {@code w}×{@code h} by area averaging, read band by band. */
	public static PlanarImage reduce(RandomAccessibleInterval<?> image, int w, int h) {
		int fullW = (int) image.dimension(0), fullH = (int) image.dimension(1);
		PlanarImage across = new PlanarImage(w, fullH);
		for (int y0 = 0; y0 < fullH; y0 += BAND_ROWS) {
			int rows = Math.min(BAND_ROWS, fullH - y0);
			PlanarImage band = Resampling.resize(ImageConversion.toPlanar(band(image, y0, rows)), w, rows);
			for (int c = 0; c < 3; c++)
				System.arraycopy(band.data, band.offset(c), across.data, across.offset(c) + y0 * w, rows * w);
		}
		return Resampling.resize(across, w, h);
	}

	/**
	 * O = clamp(I + up(o - i)) as 8-bit RGB: {@code lowInput} is {@link #reduce}'s result, {@code lowOutput} the
	 * network's output for it.
	 */
	public static ArrayImg<ARGBType, IntArray> restore(RandomAccessibleInterval<?> image, PlanarImage lowInput,
		PlanarImage lowOutput)
	{
		int fullW = (int) image.dimension(0), fullH = (int) image.dimension(1);
		int w = lowInput.width, h = lowInput.height;
		PlanarImage change = new PlanarImage(w, h);
		for (int i = 0; i < change.data.length; i++)
			change.data[i] = lowOutput.data[i] - lowInput.data[i];
		PlanarImage wide = Resampling.resize(change, fullW, h, Resampling.Upscale.BICUBIC); // across only
		AxisFilter down = AxisFilter.of(h, fullH, Resampling.Upscale.BICUBIC);
		int[] px = new int[Math.multiplyExact(fullW, fullH)];
		float[] acc = new float[fullW];
		for (int y0 = 0; y0 < fullH; y0 += BAND_ROWS) {
			int rows = Math.min(BAND_ROWS, fullH - y0);
			PlanarImage band = ImageConversion.toPlanar(band(image, y0, rows));
			for (int c = 0; c < 3; c++)
				for (int r = 0; r < rows; r++) {
					changeRow(wide, c, down, y0 + r, acc);
					int bi = band.offset(c) + r * fullW;
					for (int x = 0; x < fullW; x++)
						band.data[bi + x] += acc[x];
				}
			int g = band.offset(1), b = band.offset(2), o = y0 * fullW;
			for (int i = 0, n = rows * fullW; i < n; i++)
				px[o + i] = 0xff000000 | ImageConversion.toByte(band.data[i]) << 16 | ImageConversion.toByte(
					band.data[g + i]) << 8 | ImageConversion.toByte(band.data[b + i]);
		}
		return ArrayImgs.argbs(px, fullW, fullH);
	}

	/** Row {@code y} of channel {@code c} of the change enlarged down the rows, into {@code acc}. */
	private static void changeRow(PlanarImage wide, int c, AxisFilter f, int y, float[] acc) {
		int width = wide.width, t = y * f.taps;
		int r0 = wide.offset(c) + f.start[y] * width;
		float w0 = f.weight[t];
		for (int x = 0; x < width; x++)
			acc[x] = w0 * wide.data[r0 + x];
		for (int k = 1; k < f.taps; k++) {
			float wk = f.weight[t + k];
			if (wk == 0) continue;
			int ri = r0 + k * width;
			for (int x = 0; x < width; x++)
				acc[x] += wk * wide.data[ri + x];
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<?> band(RandomAccessibleInterval<?> image, int y0, int rows) {
		return Views.interval((RandomAccessibleInterval) image, FinalInterval.createMinSize(image.min(0), image.min(1) + y0, image.dimension(0),
			rows));
	}
}
