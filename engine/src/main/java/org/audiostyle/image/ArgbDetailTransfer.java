package org.audiostyle.image;

import java.util.stream.IntStream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * The reduce and restore steps around the network ({@link Resampling#resize} of {@link ImageConversion#toPlanar},
 * then {@link DetailTransfer} and {@link ImageConversion#toArgb}) done straight on a packed ARGB image, without
 * its full-resolution float planes.
 *
 * <p>The plain path converts a 12 MP photo into 144 MB of float planes, reduces them, copies them for the result,
 * adds the enlarged change, clamps, and packs the result back into ints: four passes over full-resolution floats
 * and two 144 MB allocations whose pages are touched for the first time. Here the full-resolution image is read
 * once to reduce it and once to restore it, each 8-bit sample turned into its float where it is used, and the
 * result is packed as each row is finished. The arithmetic is the plain path's, operation for operation (the same
 * filters, the same pass order, the same sums in the same order), so the result is bit for bit the same.
 */
public final class ArgbDetailTransfer {

	/** 8-bit value to [0, 1] float, as {@link ImageConversion} maps it. */
	private static final float[] LUT = new float[256];

	static {
		for (int i = 0; i < 256; i++)
			LUT[i] = (float) (i / 255.0);
	}

	private ArgbDetailTransfer() {}

	/**
	 * The packed pixels of a whole 2-D ARGB {@code ArrayImg} (row-major, pixel (x, y) at y * width + x), or null when
	 * {@code image} is anything else (a view, a cell image, another type): then the plain path applies.
	 */
	public static int[] pixels(RandomAccessibleInterval<?> image) {
		if (!(image instanceof ArrayImg) || image.numDimensions() != 2 || !(image.getType() instanceof ARGBType) ||
			image.min(0) != 0 || image.min(1) != 0) return null;
		Object storage = ((ArrayImg<?, ?>) image).update(null);
		if (!(storage instanceof IntArray)) return null;
		int[] a = ((IntArray) storage).getCurrentStorageArray();
		return a.length == image.dimension(0) * image.dimension(1) ? a : null;
	}

	/**
	 * Whether a {@code width} x {@code height} image reduced to {@code w} x {@code h} can take this path: both axes
	 * shrink (an axis that keeps its length takes the plain path's copy branch, not repeated here).
	 */
	public static boolean applies(int width, int height, int w, int h) {
		return w < width && h < height;
	}

	/** {@code Resampling.resize(ImageConversion.toPlanar(px), w, h)}, bit for bit. */
	public static PlanarImage reduce(int[] px, int width, int height, int w, int h) {
		check(px, width, height, w, h);
		AxisFilter fx = AxisFilter.of(width, w, Resampling.Upscale.BICUBIC);
		AxisFilter fy = AxisFilter.of(height, h, Resampling.Upscale.BICUBIC);
		PlanarImage out = new PlanarImage(w, h);
		if (Resampling.rowsFirst(fx, fy)) {
			float[] tmp = new float[Math.multiplyExact(3, Math.multiplyExact(height, w))];
			horizontalFromArgb(px, height, fx, tmp);
			Resampling.vertical(tmp, w, height, fy, out.data, false);
		}
		else {
			float[] tmp = new float[Math.multiplyExact(3, Math.multiplyExact(h, width))];
			verticalFromArgb(px, width, fy, tmp);
			Resampling.horizontal(tmp, h, fx, out.data, false);
		}
		return out;
	}

	/**
	 * {@code ImageConversion.toArgb(DetailTransfer.apply(ImageConversion.toPlanar(px), lowInput, lowOutput))}, bit
	 * for bit: O = clamp(I + up(o - i)) as opaque 8-bit RGB, with {@code lowInput} = {@link #reduce}'s result and
	 * {@code lowOutput} the network's picture of it.
	 */
	public static ArrayImg<ARGBType, IntArray> restore(int[] px, int width, int height, PlanarImage lowInput,
		PlanarImage lowOutput)
	{
		return restore(px, width, height, lowInput, lowOutput, new int[px.length]);
	}

	/**
	 * As above, the result written into {@code result} ({@code px.length} ints), which may be {@code px} itself: each
	 * pixel is read before its result is written, by the same task.
	 */
	public static ArrayImg<ARGBType, IntArray> restore(int[] px, int width, int height, PlanarImage lowInput,
		PlanarImage lowOutput, int[] result)
	{
		if (result.length != px.length) throw new IllegalArgumentException("The result needs " + px.length +
			" pixels, got " + result.length);
		int w = lowInput.width, h = lowInput.height;
		check(px, width, height, w, h);
		if (lowOutput.width != w || lowOutput.height != h) throw new IllegalArgumentException("Low-resolution input " +
			w + "x" + h + " and output " + lowOutput.width + "x" + lowOutput.height + " must have the same size");
		float[] a = lowInput.data, b = lowOutput.data;
		float[] diff = new float[a.length];
		for (int i = 0; i < diff.length; i++)
			diff[i] = b[i] - a[i];
		AxisFilter fx = AxisFilter.of(w, width, Resampling.Upscale.BICUBIC);
		AxisFilter fy = AxisFilter.of(h, height, Resampling.Upscale.BICUBIC);
		if (Resampling.rowsFirst(fx, fy)) {
			// across first (low height x full width), then down the rows into each output row
			float[] wide = new float[Math.multiplyExact(3, Math.multiplyExact(h, width))];
			Resampling.horizontal(diff, h, fx, wide, false);
			addDown(px, width, height, wide, fy, result);
		}
		else {
			// down first (full height x low width), then across each output row
			float[] tall = new float[Math.multiplyExact(3, Math.multiplyExact(height, w))];
			Resampling.vertical(diff, w, h, fy, tall, false);
			addAcross(px, width, height, tall, fx, result);
		}
		return ArrayImgs.argbs(result, width, height);
	}

	private static void check(int[] px, int width, int height, int w, int h) {
		if ((long) width * height != px.length) throw new IllegalArgumentException("A " + width + "x" + height +
			" image has " + (long) width * height + " pixels, got " + px.length);
		if (!applies(width, height, w, h)) throw new IllegalArgumentException("Both axes must shrink: " + width + "x" +
			height + " to " + w + "x" + h);
	}

	private static int shift(int c) {
		return 16 - 8 * c;
	}

	/** {@link Resampling#horizontal} over the planar float image of {@code px}, read from the ints. */
	private static void horizontalFromArgb(int[] px, int rows, AxisFilter f, float[] out) {
		int sw = f.srcLen, dw = f.dstLen, taps = f.taps;
		int[] start = f.start;
		float[] wt = f.weight;
		Resampling.forRows(rows, dw, (c, y0, y1) -> {
			int sh = shift(c);
			for (int y = y0; y < y1; y++) {
				int ri = y * sw, ro = (c * rows + y) * dw;
				for (int x = 0; x < dw; x++) {
					int p = ri + start[x], t = x * taps;
					float s;
					if (taps == 4) s = wt[t] * LUT[px[p] >> sh & 0xff] + wt[t + 1] * LUT[px[p + 1] >> sh & 0xff] + wt[t +
						2] * LUT[px[p + 2] >> sh & 0xff] + wt[t + 3] * LUT[px[p + 3] >> sh & 0xff];
					else if (taps == 2) s = wt[t] * LUT[px[p] >> sh & 0xff] + wt[t + 1] * LUT[px[p + 1] >> sh & 0xff];
					else {
						s = 0;
						for (int k = 0; k < taps; k++)
							s += wt[t + k] * LUT[px[p + k] >> sh & 0xff];
					}
					out[ro + x] = s;
				}
			}
		});
	}

	/** {@link Resampling#vertical} over the planar float image of {@code px}, read from the ints. */
	private static void verticalFromArgb(int[] px, int width, AxisFilter f, float[] out) {
		int taps = f.taps, dstRows = f.dstLen;
		int[] start = f.start;
		float[] wt = f.weight;
		Resampling.forRows(dstRows, width, (c, y0, y1) -> {
			int sh = shift(c);
			float[] acc = new float[width];
			for (int y = y0; y < y1; y++) {
				int t = y * taps, ro = (c * dstRows + y) * width;
				int r0 = start[y] * width;
				float w0 = wt[t];
				for (int x = 0; x < width; x++)
					acc[x] = w0 * LUT[px[r0 + x] >> sh & 0xff];
				for (int k = 1; k < taps; k++) {
					float w = wt[t + k];
					if (w == 0) continue;
					int ri = r0 + k * width;
					for (int x = 0; x < width; x++)
						acc[x] += w * LUT[px[ri + x] >> sh & 0xff];
				}
				System.arraycopy(acc, 0, out, ro, width);
			}
		});
	}

	/** Output row blocks in parallel (each row written by one task, so the result does not depend on threads). */
	private static void rowBlocks(int rows, int width, java.util.function.IntBinaryOperator body) {
		int step = Resampling.rowsPerTask(width);
		int blocks = (rows + step - 1) / step;
		IntStream tasks = IntStream.range(0, blocks);
		if ((long) rows * width > (1 << 17)) tasks = tasks.parallel();
		tasks.forEach(b -> body.applyAsInt(b * step, Math.min(rows, (b + 1) * step)));
	}

	/**
	 * The last step of {@link Resampling#vertical} with add, fused with the clamp and the packing: row y of channel c
	 * is I + (the weighted sum of {@code wide}'s rows), each sum formed as vertical forms it.
	 */
	private static void addDown(int[] px, int width, int height, float[] wide, AxisFilter f, int[] result) {
		int taps = f.taps, srcRows = f.srcLen;
		int[] start = f.start;
		float[] wt = f.weight;
		rowBlocks(height, width, (y0, y1) -> {
			float[][] acc = new float[3][width];
			for (int y = y0; y < y1; y++) {
				int t = y * taps, row = y * width;
				for (int c = 0; c < 3; c++) {
					float[] a = acc[c];
					int r0 = (c * srcRows + start[y]) * width;
					Resampling.scaled(wide, r0, wt[t], a, width);
					for (int k = 1; k < taps; k++) {
						float w = wt[t + k];
						if (w != 0) Resampling.addScaled(wide, r0 + k * width, w, a, width);
					}
				}
				pack(px, row, width, acc, result);
			}
			return 0;
		});
	}

	/** The last step of {@link Resampling#horizontal} with add, fused with the clamp and the packing. */
	private static void addAcross(int[] px, int width, int height, float[] tall, AxisFilter f, int[] result) {
		int sw = f.srcLen, taps = f.taps;
		int[] start = f.start;
		float[] wt = f.weight;
		rowBlocks(height, width, (y0, y1) -> {
			float[][] acc = new float[3][width];
			for (int y = y0; y < y1; y++) {
				for (int c = 0; c < 3; c++) {
					float[] a = acc[c];
					int ri = (c * height + y) * sw;
					for (int x = 0; x < width; x++) {
						int p = ri + start[x], t = x * taps;
						float s;
						if (taps == 4) s = wt[t] * tall[p] + wt[t + 1] * tall[p + 1] + wt[t + 2] * tall[p + 2] + wt[t + 3] *
							tall[p + 3];
						else if (taps == 2) s = wt[t] * tall[p] + wt[t + 1] * tall[p + 1];
						else {
							s = 0;
							for (int k = 0; k < taps; k++)
								s += wt[t + k] * tall[p + k];
						}
						a[x] = s;
					}
				}
				pack(px, y * width, width, acc, result);
			}
			return 0;
		});
	}

	/** result = opaque RGB of clamp(I + change) for one row; {@code acc} holds the change per channel. */
	private static void pack(int[] px, int row, int width, float[][] acc, int[] result) {
		float[] r = acc[0], g = acc[1], b = acc[2];
		for (int x = 0; x < width; x++) {
			int p = px[row + x];
			result[row + x] = 0xff000000 | ImageConversion.toByte(LUT[p >> 16 & 0xff] + r[x]) << 16 | ImageConversion
				.toByte(LUT[p >> 8 & 0xff] + g[x]) << 8 | ImageConversion.toByte(LUT[p & 0xff] + b[x]);
		}
	}
}
