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
		// multiply-adds of each order; the intermediate image is sh x dw (rows first) or dh x sw (columns first)
		long rowsFirst = (long) sh * dw * fx.taps + (long) dh * dw * fy.taps;
		long colsFirst = (long) dh * sw * fy.taps + (long) dh * dw * fx.taps;
		boolean byRows = rowsFirst <= colsFirst;
		float[] tmp = fx.isIdentity() || fy.isIdentity() ? null : new float[Math.multiplyExact(byRows ? sh : dh, byRows ? dw : sw)];
		for (int c = 0; c < 3; c++) {
			int so = src.offset(c), d0 = dst.offset(c);
			if (fx.isIdentity()) vertical(src.data, so, sw, fy, dst.data, d0, add);
			else if (fy.isIdentity()) horizontal(src.data, so, sh, fx, dst.data, d0, add);
			else if (byRows) {
				horizontal(src.data, so, sh, fx, tmp, 0, false);
				vertical(tmp, 0, dw, fy, dst.data, d0, add);
			}
			else {
				vertical(src.data, so, sw, fy, tmp, 0, false);
				horizontal(tmp, 0, dh, fx, dst.data, d0, add);
			}
		}
	}

	/** Resamples each of {@code rows} rows (width f.srcLen, starting at {@code in[io]}) along x. */
	private static void horizontal(float[] in, int io, int rows, AxisFilter f, float[] out, int oo, boolean add) {
		int sw = f.srcLen, dw = f.dstLen, taps = f.taps;
		int[] idx = f.index;
		float[] wt = f.weight;
		for (int y = 0; y < rows; y++) {
			int ri = io + y * sw, ro = oo + y * dw;
			for (int x = 0, t = 0; x < dw; x++) {
				float s = 0;
				for (int k = 0; k < taps; k++, t++)
					s += wt[t] * in[ri + idx[t]];
				out[ro + x] = add ? out[ro + x] + s : s;
			}
		}
	}

	/**
	 * Resamples along y an image {@code width} wide (f.srcLen rows starting at {@code in[io]}). Each output row is a
	 * weighted sum of whole input rows, so the inner loop runs over contiguous x and vectorises.
	 */
	private static void vertical(float[] in, int io, int width, AxisFilter f, float[] out, int oo, boolean add) {
		int taps = f.taps;
		int[] idx = f.index;
		float[] wt = f.weight;
		for (int y = 0; y < f.dstLen; y++) {
			int ro = oo + y * width;
			int t = y * taps;
			{
				float w = wt[t];
				int ri = io + idx[t] * width;
				if (add) for (int x = 0; x < width; x++)
					out[ro + x] += w * in[ri + x];
				else for (int x = 0; x < width; x++)
					out[ro + x] = w * in[ri + x];
			}
			for (int k = 1; k < taps; k++) {
				float w = wt[t + k];
				if (w == 0) continue;
				int ri = io + idx[t + k] * width;
				for (int x = 0; x < width; x++)
					out[ro + x] += w * in[ri + x];
			}
		}
	}
}
