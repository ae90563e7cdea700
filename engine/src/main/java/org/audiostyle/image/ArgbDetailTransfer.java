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
		return reduce(px, width, height, w, h, 0);
	}

	/** As above in blocks of {@code blockRows} output rows (0: chosen here; tests pass small ones). */
	static PlanarImage reduce(int[] px, int width, int height, int w, int h, int blockRows) {
		check(px, width, height, w, h);
		AxisFilter fx = AxisFilter.of(width, w, Resampling.Upscale.BICUBIC);
		AxisFilter fy = AxisFilter.of(height, h, Resampling.Upscale.BICUBIC);
		PlanarImage out = new PlanarImage(w, h);
		float[] o = out.data;
		if (Resampling.rowsFirst(fx, fy)) {
			// along the photo's rows that a block of output rows reads, then down them into the block
			blocks(h, blockRows > 0 ? blockRows : windowBlock(h, w, fy), (y0, y1, scratch) -> {
				int r0 = fy.start[y0], n = fy.start[y1 - 1] + fy.taps - r0;
				float[] band = scratch.rows(3 * n, w);
				for (int c = 0; c < 3; c++)
					for (int r = 0; r < n; r++)
						horizontalRowFromArgb(px, (r0 + r) * width, shift(c), fx, band, (c * n + r) * w);
				float[] acc = scratch.row(w);
				for (int c = 0; c < 3; c++)
					for (int y = y0; y < y1; y++) {
						Resampling.verticalRow(band, (c * n + fy.start[y] - r0) * w, w, fy, y, acc);
						System.arraycopy(acc, 0, o, (c * h + y) * w, w);
					}
			});
		}
		else {
			// down the photo into a block's rows at full width, then along each of them
			blocks(h, blockRows > 0 ? blockRows : Resampling.rowsPerTask(width), (y0, y1, scratch) -> {
				int n = y1 - y0;
				float[] band = scratch.rows(3 * n, width);
				for (int c = 0; c < 3; c++)
					for (int y = y0; y < y1; y++)
						verticalRowFromArgb(px, width, fy, y, shift(c), band, (c * n + y - y0) * width);
				for (int c = 0; c < 3; c++)
					for (int y = y0; y < y1; y++)
						Resampling.horizontalRow(band, (c * n + y - y0) * width, fx, o, (c * h + y) * w, false);
			});
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
		return restore(px, width, height, lowInput, lowOutput, result, 0);
	}

	/** As above in blocks of {@code blockRows} output rows (0: chosen here; tests pass small ones). */
	static ArrayImg<ARGBType, IntArray> restore(int[] px, int width, int height, PlanarImage lowInput,
		PlanarImage lowOutput, int[] result, int blockRows)
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
			// across the low rows that a block of output rows reads (at full width), then down into each output row
			blocks(height, blockRows > 0 ? blockRows : windowBlock(height, width, fy), (y0, y1, scratch) -> {
				int r0 = fy.start[y0], n = fy.start[y1 - 1] + fy.taps - r0;
				float[] band = scratch.rows(3 * n, width);
				for (int c = 0; c < 3; c++)
					for (int r = 0; r < n; r++)
						Resampling.horizontalRow(diff, (c * h + r0 + r) * w, fx, band, (c * n + r) * width, false);
				float[][] acc = scratch.change(width);
				for (int y = y0; y < y1; y++) {
					for (int c = 0; c < 3; c++)
						Resampling.verticalRow(band, (c * n + fy.start[y] - r0) * width, width, fy, y, acc[c]);
					pack(px, y * width, width, acc, result);
				}
			});
		}
		else {
			// down the change into a block's rows (at low width), then across each of them
			blocks(height, blockRows > 0 ? blockRows : Resampling.rowsPerTask(width), (y0, y1, scratch) -> {
				int n = y1 - y0;
				float[] band = scratch.rows(3 * n, w);
				float[] col = scratch.row(w);
				for (int c = 0; c < 3; c++)
					for (int y = y0; y < y1; y++) {
						Resampling.verticalRow(diff, (c * h + fy.start[y]) * w, w, fy, y, col);
						System.arraycopy(col, 0, band, (c * n + y - y0) * w, w);
					}
				float[][] acc = scratch.change(width);
				for (int y = y0; y < y1; y++) {
					for (int c = 0; c < 3; c++)
						Resampling.horizontalRow(band, (c * n + y - y0) * w, fx, acc[c], 0, false);
					pack(px, y * width, width, acc, result);
				}
			});
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

	/**
	 * Output rows per block for a pass that reads a window of {@code f.taps} intermediate rows per output row. Two
	 * neighbouring blocks both compute the taps - 1 rows their windows share; a block of B output rows does about
	 * B (1 + src/dst) rows of work, so B = 20 (taps - 1) dst / (dst + src) keeps that repetition near 5 %. At least
	 * the usual ~64k outputs a task, and at most an eighth of the rows, so that two or more threads share the work
	 * evenly (three blocks on two threads took a third longer).
	 */
	private static int windowBlock(int rows, int width, AxisFilter f) {
		long even = (20L * (f.taps - 1) * f.dstLen + f.dstLen + f.srcLen - 1) / (f.dstLen + f.srcLen);
		long b = Math.max(Resampling.rowsPerTask(width), even);
		return (int) Math.max(1, Math.min(b, rows / 8));
	}

	/**
	 * Row blocks [y0, y1) of {@code rows} in parallel, each with the calling thread's scratch memory. The full-size
	 * intermediates these passes used to take (3 x 192 x 4000 floats, 9.2 MB each, for a 12 MP photo at the default
	 * work size 256; 37 MB at 1024) were fresh memory, which costs about 2.5 ms a MB on a VM; a block's band is reused
	 * from block to block.
	 * Each output row is written by one block, its values computed as the whole-image passes compute them.
	 */
	private static void blocks(int rows, int step, Block body) {
		int count = (rows + step - 1) / step;
		ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
		IntStream tasks = IntStream.range(0, count);
		if (count > 1) tasks = tasks.parallel();
		tasks.forEach(b -> body.run(b * step, Math.min(rows, (b + 1) * step), scratch.get()));
	}

	private interface Block {

		void run(int y0, int y1, Scratch scratch);
	}

	/** One thread's reusable arrays in {@link #blocks}. */
	private static final class Scratch {

		private float[] band = new float[0], row = new float[0];
		private float[][] change;

		/** At least {@code n} rows of {@code width} floats (contents undefined). */
		float[] rows(int n, int width) {
			int size = Math.multiplyExact(n, width);
			if (band.length < size) band = new float[size];
			return band;
		}

		float[] row(int width) {
			if (row.length < width) row = new float[width];
			return row;
		}

		/** Three rows of {@code width} floats: the change per channel of one output row. */
		float[][] change(int width) {
			if (change == null || change[0].length < width) change = new float[3][width];
			return change;
		}
	}

	/** One output row of {@link Resampling#horizontal} over channel (shift {@code sh}) of the photo's row at ri. */
	private static void horizontalRowFromArgb(int[] px, int ri, int sh, AxisFilter f, float[] out, int ro) {
		int dw = f.dstLen, taps = f.taps;
		int[] start = f.start;
		float[] wt = f.weight;
		for (int x = 0; x < dw; x++) {
			int p = ri + start[x], t = x * taps;
			float s;
			if (taps == 4) s = wt[t] * LUT[px[p] >> sh & 0xff] + wt[t + 1] * LUT[px[p + 1] >> sh & 0xff] + wt[t + 2] *
				LUT[px[p + 2] >> sh & 0xff] + wt[t + 3] * LUT[px[p + 3] >> sh & 0xff];
			else if (taps == 2) s = wt[t] * LUT[px[p] >> sh & 0xff] + wt[t + 1] * LUT[px[p + 1] >> sh & 0xff];
			else {
				s = 0;
				for (int k = 0; k < taps; k++)
					s += wt[t + k] * LUT[px[p + k] >> sh & 0xff];
			}
			out[ro + x] = s;
		}
	}

	/** Output row y of {@link Resampling#vertical} over channel (shift {@code sh}) of the photo, into out at ro. */
	private static void verticalRowFromArgb(int[] px, int width, AxisFilter f, int y, int sh, float[] out, int ro) {
		int taps = f.taps, t = y * taps;
		float[] wt = f.weight;
		int r0 = f.start[y] * width;
		float w0 = wt[t];
		for (int x = 0; x < width; x++)
			out[ro + x] = w0 * LUT[px[r0 + x] >> sh & 0xff];
		for (int k = 1; k < taps; k++) {
			float w = wt[t + k];
			if (w == 0) continue;
			int ri = r0 + k * width;
			for (int x = 0; x < width; x++)
				out[ro + x] += w * LUT[px[ri + x] >> sh & 0xff];
		}
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
