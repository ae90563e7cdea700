package org.audiostyle.nn;

import java.util.stream.IntStream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Slicing of a {@link ColourGridGenerator}'s bilateral grid: each pixel takes the affine colour matrix interpolated
 * trilinearly at its position (bilinear over the grid's cells, as PyTorch's {@code interpolate(mode='bilinear',
 * align_corners=False)}) and its luminance (a tent over the {@link ColourGridGenerator#DEPTH} bins, clamped at the
 * ends), and is mapped to {@code x + A x + b} in the network's [-1, 1] range, clamped there.
 * <p>
 * Two forms with the same arithmetic: {@link #apply(NDArray, NDArray)} on NDArrays with gradients (training), and
 * {@link #apply(float[], float[], int, int, int, int, float)} in plain Java over a full-resolution photo (inference:
 * no tensor of the photo's size times the grid's channels ever exists, and the rows run in parallel).
 */
public final class GridSlicing {

	/** Rec. 601 luma weights of the guide. */
	static final float LUMA_R = 0.299f, LUMA_G = 0.587f, LUMA_B = 0.114f;

	private GridSlicing() {
	}

	/**
	 * The size the grid network sees for a side n: a multiple of {@link ColourGridGenerator#CELL}, at least two cells
	 * (the instance norm needs more than one value per channel).
	 */
	public static int lowResolution(int n) {
		int c = ColourGridGenerator.CELL;
		return Math.max(2 * c, Math.round(n / (float) c) * c);
	}

	/**
	 * Source index and weight of output position {@code o} of a bilinear resize from {@code in} to {@code out}
	 * samples (align_corners=False): {i0, i1} and the weight of i1.
	 */
	static double source(int o, int in, int out) {
		double src = (o + 0.5) * in / out - 0.5;
		return Math.min(in - 1, Math.max(0, src));
	}

	/** The bilinear resize from {@code in} to {@code out} samples as an in x out matrix in column form ({@link AxisMatrices}). */
	static float[] bilinear(int in, int out) {
		float[] m = new float[in * out];
		for (int o = 0; o < out; o++) {
			double src = source(o, in, out);
			int i0 = (int) Math.floor(src), i1 = Math.min(in - 1, i0 + 1);
			float f = (float) (src - i0);
			m[i0 * out + o] += 1 - f;
			m[i1 * out + o] += f;
		}
		return m;
	}

	/**
	 * Slices {@code grid} (N x 12 DEPTH x gh x gw) at every pixel of {@code image} (N x 3 x H x W, [-1, 1]) and applies
	 * the matrices: N x 3 x H x W in [-1, 1]. Differentiable in both.
	 */
	public static NDArray apply(NDArray image, NDArray grid) {
		Shape s = image.getShape();
		long n = s.get(0);
		int h = Math.toIntExact(s.get(2)), w = Math.toIntExact(s.get(3));
		Shape g = grid.getShape();
		int gh = Math.toIntExact(g.get(2)), gw = Math.toIntExact(g.get(3));
		int d = ColourGridGenerator.DEPTH, k = ColourGridGenerator.COEFFICIENTS;
		if (g.get(0) != n || g.get(1) != (long) d * k)
			throw new IllegalArgumentException("A grid for " + n + " images has shape " + n + " x " + d * k + " x gh x gw" +
				", got " + g);
		NDArray up = AxisMatrices.apply(grid, bilinear(gh, h), h, bilinear(gw, w), w);
		NDArray lum = Padding.slice(image, 1, 0, 1).mul(LUMA_R).add(Padding.slice(image, 1, 1, 2).mul(LUMA_G))
			.add(Padding.slice(image, 1, 2, 3).mul(LUMA_B)).add(1f).mul(0.5f);
		NDArray z = lum.mul((float) d).sub(0.5f).clip(0f, d - 1f);
		NDArray bins = image.getManager().arange(0f, (float) d).reshape(1, d, 1, 1).toDevice(image.getDevice(), false);
		NDArray weights = z.sub(bins).abs().neg().add(1f).maximum(0f);
		NDArray coefficients = up.reshape(n, d, k, h, w).mul(weights.reshape(n, d, 1, h, w)).sum(new int[] { 1 });
		NDArray matrix = Padding.slice(coefficients, 1, 0, 9).reshape(n, 3, 3, h, w);
		NDArray mixed = matrix.mul(image.reshape(n, 1, 3, h, w)).sum(new int[] { 2 });
		return image.add(mixed).add(Padding.slice(coefficients, 1, 9, 12)).clip(-1f, 1f);
	}

	/**
	 * The same on plain arrays: {@code src} is one planar RGB image in [0, 1] (3 x height x width), {@code grid} one
	 * grid's values (12 DEPTH x gh x gw), {@code strength} scales the change (0 = the input, 1 = the grid's colours;
	 * exactly the blend {@code x + s (T(x) - x)} before clamping). Writes planar RGB in [0, 1] to {@code dst}
	 * (may be {@code src}).
	 */
	public static void apply(float[] src, float[] dst, int width, int height, float[] grid, int gh, int gw,
		float strength)
	{
		int d = ColourGridGenerator.DEPTH, k = ColourGridGenerator.COEFFICIENTS;
		int plane = width * height, cells = gh * gw;
		if (grid.length != d * k * cells)
			throw new IllegalArgumentException("A " + gh + " x " + gw + " grid has " + d * k * cells + " values, got " +
				grid.length);
		if (src.length < 3 * plane || dst.length < 3 * plane)
			throw new IllegalArgumentException("A " + width + " x " + height + " RGB image needs " + 3 * plane +
				" values");
		// column taps, shared by all rows
		int[] x0 = new int[width], x1 = new int[width];
		float[] fx = new float[width];
		for (int x = 0; x < width; x++) {
			double sx = source(x, gw, width);
			x0[x] = (int) Math.floor(sx);
			x1[x] = Math.min(gw - 1, x0[x] + 1);
			fx[x] = (float) (sx - x0[x]);
		}
		IntStream.range(0, height).parallel().forEach(y -> {
			double sy = source(y, gh, height);
			int y0 = (int) Math.floor(sy), y1 = Math.min(gh - 1, y0 + 1);
			float fy = (float) (sy - y0);
			// this row's grid, interpolated between grid rows y0 and y1: [gw][d][k], scaled by the strength
			float[] row = new float[gw * d * k];
			for (int c = 0; c < d * k; c++)
				for (int gx = 0; gx < gw; gx++) {
					float a = grid[c * cells + y0 * gw + gx], b = grid[c * cells + y1 * gw + gx];
					row[(gx * d + c / k) * k + c % k] = strength * (a + fy * (b - a));
				}
			float[] m = new float[k];
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				float r = 2 * src[i] - 1, g = 2 * src[plane + i] - 1, b = 2 * src[2 * plane + i] - 1;
				float z = ((LUMA_R * r + LUMA_G * g + LUMA_B * b + 1f) * 0.5f) * d - 0.5f;
				z = Math.min(d - 1f, Math.max(0f, z));
				int z0 = (int) z, z1 = Math.min(d - 1, z0 + 1);
				float fz = z - z0, f = fx[x];
				int a0 = x0[x] * d, a1 = x1[x] * d;
				for (int c = 0; c < k; c++) {
					float left = (1 - fz) * row[(a0 + z0) * k + c] + fz * row[(a0 + z1) * k + c];
					float right = (1 - fz) * row[(a1 + z0) * k + c] + fz * row[(a1 + z1) * k + c];
					m[c] = left + f * (right - left);
				}
				float or = r + m[0] * r + m[1] * g + m[2] * b + m[9];
				float og = g + m[3] * r + m[4] * g + m[5] * b + m[10];
				float ob = b + m[6] * r + m[7] * g + m[8] * b + m[11];
				dst[i] = unit(or);
				dst[plane + i] = unit(og);
				dst[2 * plane + i] = unit(ob);
			}
		});
	}

	/** [-1, 1] (clamped) to [0, 1]. */
	private static float unit(float v) {
		return (Math.min(1f, Math.max(-1f, v)) + 1f) * 0.5f;
	}
}
