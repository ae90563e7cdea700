package org.audiostyle.image;

/**
 * Resizes {@link PlanarImage}s to any size with separable filters, in plain array loops.
 *
 * <p>Each axis is treated on its own: shrinking uses exact area averaging (every output pixel is the mean of the
 * input area it covers, so fine detail does not alias); enlarging interpolates, by default with Keys cubic
 * convolution (Catmull-Rom, a = -0.5). Cubic rather than bilinear because the main use is bringing the network's
 * change back to full resolution ({@link DetailTransfer}) at factors of 4-10: bilinear is only C0, so its slope
 * jumps at every low-resolution sample, and smooth colour changes in skies and water show faint grid-aligned
 * creases (Mach bands); cubic is C1 and keeps textures the network painted crisper. Its small overshoot at sharp
 * steps (at most ~7% of the step) is harmless there, since the result is clamped. Bilinear stays available.
 *
 * <p>Sample positions align pixel centres: output pixel i samples input coordinate (i + 0.5) * src / dst - 0.5.
 * Edges repeat the border pixel. The pass order (rows or columns first) is chosen to do the least work.
 */
public final class Resampling {

	/** Interpolation used when an axis is enlarged. */
	public enum Upscale {
		BILINEAR, BICUBIC
	}

	private Resampling() {}

	/**
	 * The size at which to process a {@code width} x {@code height} image for a working size {@code longSide}: the
	 * long side becomes {@code longSide}, the short side keeps the aspect ratio (rounded, at least 1). Images whose
	 * long side is already at most {@code longSide}, and {@code longSide} <= 0 ("native"), keep their size: the
	 * working size only ever shrinks, as enlarging adds no information.
	 *
	 * @return {width, height}
	 */
	public static int[] workingSize(int width, int height, int longSide) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image size must be at least 1x1, got " +
			width + "x" + height);
		int longest = Math.max(width, height);
		if (longSide <= 0 || longest <= longSide) return new int[] { width, height };
		double s = (double) longSide / longest;
		int w = width >= height ? longSide : (int) Math.max(1, Math.round(width * s));
		int h = width >= height ? (int) Math.max(1, Math.round(height * s)) : longSide;
		return new int[] { w, h };
	}

	/** {@code src} resized to {@code width} x {@code height} (area average down, bicubic up). */
	public static PlanarImage resize(PlanarImage src, int width, int height) {
		return resize(src, width, height, Upscale.BICUBIC);
	}

	/** {@code src} resized to {@code width} x {@code height}: area average down, {@code up} up. */
	public static PlanarImage resize(PlanarImage src, int width, int height, Upscale up) {
		PlanarImage dst = new PlanarImage(width, height);
		run(src, dst, up, false);
		return dst;
	}

	/**
	 * Adds {@code src}, resized to {@code dst}'s size, to {@code dst} in place (no full-size temporary). This is the
	 * step that brings a low-resolution change up onto a full-resolution image.
	 */
	public static void resizeAdd(PlanarImage src, PlanarImage dst, Upscale up) {
		run(src, dst, up, true);
	}

	private static void run(PlanarImage src, PlanarImage dst, Upscale up, boolean add) {
		AxisFilter fx = AxisFilter.of(src.width, dst.width, up);
		AxisFilter fy = AxisFilter.of(src.height, dst.height, up);
		int sw = src.width, sh = src.height, dw = dst.width, dh = dst.height;
		if (fx.isIdentity() && fy.isIdentity()) {
			for (int i = 0; i < dst.data.length; i++)
				dst.data[i] = add ? dst.data[i] + src.data[i] : src.data[i];
			return;
		}
		if (fx.isIdentity()) {
			vertical(src.data, sw, sh, fy, dst.data, add);
			return;
		}
		if (fy.isIdentity()) {
			horizontal(src.data, sh, fx, dst.data, add);
			return;
		}
		if (rowsFirst(fx, fy)) {
			float[] tmp = new float[Math.multiplyExact(3, Math.multiplyExact(sh, dw))];
			horizontal(src.data, sh, fx, tmp, false);
			vertical(tmp, dw, sh, fy, dst.data, add);
		}
		else {
			float[] tmp = new float[Math.multiplyExact(3, Math.multiplyExact(dh, sw))];
			vertical(src.data, sw, sh, fy, tmp, false);
			horizontal(tmp, dh, fx, dst.data, add);
		}
	}

	/**
	 * Whether resampling both axes goes along the rows first. Work of each order, counting a horizontal multiply-add
	 * 3x: it gathers a short window per output, while the vertical pass streams whole rows through a vectorised
	 * loop. The intermediate is sh x dw or dh x sw.
	 */
	static boolean rowsFirst(AxisFilter fx, AxisFilter fy) {
		int sw = fx.srcLen, dw = fx.dstLen, sh = fy.srcLen, dh = fy.dstLen;
		long rowsFirst = 3L * sh * dw * fx.taps + (long) dh * dw * fy.taps;
		long colsFirst = (long) dh * sw * fy.taps + 3L * dh * dw * fx.taps;
		return rowsFirst <= colsFirst;
	}

	/** Rows per parallel task: enough work (~64k outputs) to outweigh the scheduling. */
	static int rowsPerTask(int width) {
		return Math.max(1, (1 << 16) / Math.max(1, width));
	}

	/**
	 * Runs body(channel, y0, y1) over the 3 channels and all {@code rows} rows, in parallel blocks when there is
	 * enough work. Each output row is written by exactly one task, so the result does not depend on the threads.
	 */
	static void forRows(int rows, int width, RowBlock body) {
		int step = rowsPerTask(width);
		int blocks = (rows + step - 1) / step;
		java.util.stream.IntStream tasks = java.util.stream.IntStream.range(0, 3 * blocks);
		if ((long) rows * width > (1 << 17)) tasks = tasks.parallel();
		tasks.forEach(t -> {
			int c = t / blocks, y0 = (t % blocks) * step;
			body.run(c, y0, Math.min(rows, y0 + step));
		});
	}

	/**
	 * dst[0, n) = w * src[off, off + n): with {@link #addScaled}, the inner loops of every vertical pass (here and in
	 * {@link ArgbDetailTransfer}), in the order the passes' results depend on.
	 */
	static void scaled(float[] src, int off, float w, float[] dst, int n) {
		for (int x = 0; x < n; x++)
			dst[x] = w * src[off + x];
	}

	/** dst[0, n) += w * src[off, off + n) (see {@link #scaled}). */
	static void addScaled(float[] src, int off, float w, float[] dst, int n) {
		for (int x = 0; x < n; x++)
			dst[x] += w * src[off + x];
	}

	interface RowBlock {

		void run(int c, int y0, int y1);
	}

	/**
	 * Resamples along x each row of a 3-channel planar array ({@code rows} rows per channel, f.srcLen wide) into
	 * {@code out} (f.dstLen wide).
	 */
	static void horizontal(float[] in, int rows, AxisFilter f, float[] out, boolean add) {
		int sw = f.srcLen, dw = f.dstLen;
		forRows(rows, dw, (c, y0, y1) -> {
			for (int y = y0; y < y1; y++)
				horizontalRow(in, (c * rows + y) * sw, f, out, (c * rows + y) * dw, add);
		});
	}

	/**
	 * One row of {@link #horizontal}: out[ro, ro + f.dstLen) = (or +=) the row at in[ri, ri + f.srcLen) resampled; the
	 * arithmetic every horizontal pass shares (here and in {@link ArgbDetailTransfer}'s banded passes).
	 */
	static void horizontalRow(float[] in, int ri, AxisFilter f, float[] out, int ro, boolean add) {
		int dw = f.dstLen, taps = f.taps;
		int[] start = f.start;
		float[] wt = f.weight;
		for (int x = 0; x < dw; x++) {
			int p = ri + start[x], t = x * taps;
			float s;
			if (taps == 4) s = wt[t] * in[p] + wt[t + 1] * in[p + 1] + wt[t + 2] * in[p + 2] + wt[t + 3] * in[p + 3];
			else if (taps == 2) s = wt[t] * in[p] + wt[t + 1] * in[p + 1];
			else {
				s = 0;
				for (int k = 0; k < taps; k++)
					s += wt[t + k] * in[p + k];
			}
			out[ro + x] = add ? out[ro + x] + s : s;
		}
	}

	/**
	 * Resamples along y each column of a 3-channel planar array ({@code srcRows} rows per channel, {@code width}
	 * wide) into {@code out} (f.dstLen rows per channel).
	 */
	static void vertical(float[] in, int width, int srcRows, AxisFilter f, float[] out, boolean add) {
		int dstRows = f.dstLen;
		forRows(dstRows, width, (c, y0, y1) -> {
			float[] acc = new float[width];
			for (int y = y0; y < y1; y++) {
				int ro = (c * dstRows + y) * width;
				verticalRow(in, (c * srcRows + f.start[y]) * width, width, f, y, acc);
				if (add) for (int x = 0; x < width; x++)
					out[ro + x] += acc[x];
				else System.arraycopy(acc, 0, out, ro, width);
			}
		});
	}

	/**
	 * Output row y of a vertical pass into acc[0, width): the weighted sum of the {@code f.taps} rows of {@code in}
	 * that start at {@code r0} (the offset of input row f.start[y]), one row apart; shared as {@link #horizontalRow}.
	 */
	static void verticalRow(float[] in, int r0, int width, AxisFilter f, int y, float[] acc) {
		int taps = f.taps, t = y * taps;
		float[] wt = f.weight;
		scaled(in, r0, wt[t], acc, width);
		for (int k = 1; k < taps; k++) {
			float w = wt[t + k];
			if (w != 0) addScaled(in, r0 + k * width, w, acc, width);
		}
	}
}
