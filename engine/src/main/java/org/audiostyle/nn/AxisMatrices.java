package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Fixed linear maps along the two spatial axes (padding, blur-and-resample), applied as two matrix products:
 * y = R x C with R (outH x H) acting on rows and C (W x outW) on columns of every N x C plane. This is how the
 * training path computes reflection/replication padding and the anti-aliased resampling: the same numbers as the
 * slice/concat and (grouped) convolution forms, but the backward pass of a matrix product is one more matrix
 * product, several times faster on CPU than the backward of many slices or of a depthwise convolution. The matrices
 * are H x (H + 2p) and similar, so this form is meant for training-size maps; low-memory inference keeps the
 * direct forms.
 * <p>
 * Each map is described per axis by an "n x out" matrix M in column form: output position o = sum over i of
 * in[i] * M[i][o].
 */
final class AxisMatrices {

	private AxisMatrices() {
	}

	/** R x C with R built from {@code rows} (H x outH, column form) and C from {@code cols} (W x outW). */
	static NDArray apply(NDArray x, float[] rows, int outH, float[] cols, int outW) {
		Shape s = x.getShape();
		int h = Math.toIntExact(s.get(2));
		int w = Math.toIntExact(s.get(3));
		NDManager m = x.getManager();
		NDArray c = m.create(cols, new Shape(w, outW)).toDevice(x.getDevice(), false);
		NDArray r = m.create(transpose(rows, h, outH), new Shape(outH, h)).toDevice(x.getDevice(), false);
		// Columns first: for downsampling that shrinks the tensor before the second product.
		return r.matMul(x.matMul(c));
	}

	private static float[] transpose(float[] a, int rows, int cols) {
		float[] t = new float[a.length];
		for (int i = 0; i < rows; i++)
			for (int j = 0; j < cols; j++)
				t[j * rows + i] = a[i * cols + j];
		return t;
	}

	/** Input index read at padded position i by PyTorch "reflect" padding p (edge not repeated). */
	static int reflect(int i, int n, int p) {
		int j = Math.abs(i - p);
		return j >= n ? 2 * (n - 1) - j : j;
	}

	/** Input index read at padded position i by "replicate" padding p (edge repeated). */
	static int replicate(int i, int n, int p) {
		return Math.max(0, Math.min(n - 1, i - p));
	}

	/** n x (n + 2p): reflection padding. */
	static float[] reflectPad(int n, int p) {
		if (p >= n)
			throw new IllegalArgumentException("Reflection padding of " + p + " needs an axis longer than the " +
				"padding, got length " + n);
		int out = n + 2 * p;
		float[] m = new float[n * out];
		for (int i = 0; i < out; i++)
			m[reflect(i, n, p) * out + i] = 1;
		return m;
	}

	/** n x (n + 2p): replication padding. */
	static float[] replicatePad(int n, int p) {
		int out = n + 2 * p;
		float[] m = new float[n * out];
		for (int i = 0; i < out; i++)
			m[replicate(i, n, p) * out + i] = 1;
		return m;
	}

	/** Output length of reflect-pad 1 + 3-tap filter at stride 2, as torch computes it. */
	static int downsampledLength(int n) {
		return (n - 1) / 2 + 1;
	}

	/** n x downsampledLength(n): reflect-pad 1, then correlation with {@code taps} (3) at stride 2. */
	static float[] blurDownsample(int n, double[] taps) {
		if (n < 2)
			throw new IllegalArgumentException("Reflection padding of 1 needs an axis longer than the padding, got " +
				"length " + n);
		int out = downsampledLength(n);
		double[] m = new double[n * out];
		for (int o = 0; o < out; o++)
			for (int t = 0; t < 3; t++)
				m[reflect(2 * o + t, n, 1) * out + o] += taps[t];
		return toFloat(m);
	}

	/**
	 * n x 2n: CUT's upsampling along one axis for the 4 filter taps f: replicate-pad 1, then
	 * out[2m + a] = sum over t of k_a[t] * padded[m + t] with k_0 = [f3, f1, 0], k_1 = [0, f2, f0] (see
	 * {@link BlurUpsample}).
	 */
	static float[] blurUpsample(int n, double[] f) {
		double[][] k = { { f[3], f[1], 0 }, { 0, f[2], f[0] } };
		int out = 2 * n;
		double[] m = new double[n * out];
		for (int o = 0; o < n; o++)
			for (int a = 0; a < 2; a++)
				for (int t = 0; t < 3; t++)
					m[replicate(o + t, n, 1) * out + 2 * o + a] += k[a][t];
		return toFloat(m);
	}

	private static float[] toFloat(double[] d) {
		float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++)
			f[i] = (float) d[i];
		return f;
	}

	/**
	 * When every channel of {@code filter} ([C, 1, k, k], row-major) is the same outer product u v^T, returns
	 * {u, v} (split symmetrically, so [1,2,1] x [1,2,1] / 16 gives u = v = [1,2,1] / 4 exactly); otherwise null.
	 */
	static double[][] separable(float[] filter, int k) {
		int channels = filter.length / (k * k);
		for (int c = 1; c < channels; c++)
			for (int i = 0; i < k * k; i++)
				if (filter[c * k * k + i] != filter[i]) return null;
		int best = 0;
		for (int i = 1; i < k * k; i++)
			if (Math.abs(filter[i]) > Math.abs(filter[best])) best = i;
		double pivot = filter[best];
		if (pivot == 0) return null;
		int bi = best / k, bj = best % k;
		double root = Math.sqrt(Math.abs(pivot));
		double[] u = new double[k];
		double[] v = new double[k];
		for (int i = 0; i < k; i++)
			u[i] = filter[i * k + bj] / root * Math.signum(pivot);
		for (int j = 0; j < k; j++)
			v[j] = filter[bi * k + j] / root;
		for (int i = 0; i < k; i++)
			for (int j = 0; j < k; j++)
				if (Math.abs(u[i] * v[j] - filter[i * k + j]) > 1e-7 * Math.abs(pivot)) return null;
		return new double[][] { u, v };
	}
}
