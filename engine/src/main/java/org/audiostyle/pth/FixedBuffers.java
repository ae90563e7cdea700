package org.audiostyle.pth;

import org.audiostyle.nn.StftMagnitude;

/**
 * The values the paper's fixed buffers must hold (anti-aliasing filters, STFT kernels). A checkpoint always carries
 * them; comparing finds files made with different settings, whose buffers the networks would silently adopt.
 */
final class FixedBuffers {

	/** Largest difference accepted without a warning (float32 rounding of the kernels is ~1e-7). */
	static final double TOLERANCE = 1e-4;

	private FixedBuffers() {}

	/** The expected values of a buffer in row-major order, or null when the key is not a fixed buffer. */
	static float[] expected(String key, long[] shape) {
		if (key.endsWith(".filt") && shape.length == 4) {
			if (shape[2] == 3 && shape[3] == 3) return depthwise(new double[] { 1, 2, 1 }, 1.0, (int) shape[0]);
			if (shape[2] == 4 && shape[3] == 4) return depthwise(new double[] { 1, 3, 3, 1 }, 4.0, (int) shape[0]);
			return null;
		}
		if (key.equals("stft.window_mask")) return window();
		if (key.equals("stft.wsin") || key.equals("stft.wcos")) return kernels(key.equals("stft.wsin"));
		return null;
	}

	/** Largest absolute difference between a tensor and the expected values (infinite if sizes differ). */
	static double maxDifference(float[] actual, float[] expected) {
		if (actual.length != expected.length) return Double.POSITIVE_INFINITY;
		double d = 0;
		for (int i = 0; i < actual.length; i++)
			d = Math.max(d, Math.abs((double) actual[i] - expected[i]));
		return d;
	}

	/** Per channel: the outer product of a binomial row with itself, normalised to sum 1, times gain. */
	private static float[] depthwise(double[] row, double gain, int channels) {
		int k = row.length;
		double sum = 0;
		for (double a : row)
			for (double b : row)
				sum += a * b;
		float[] out = new float[channels * k * k];
		for (int c = 0; c < channels; c++)
			for (int i = 0; i < k; i++)
				for (int j = 0; j < k; j++)
					out[(c * k + i) * k + j] = (float) (row[i] * row[j] / sum * gain);
		return out;
	}

	private static float[] window() {
		double[] w = StftMagnitude.window();
		float[] out = new float[w.length];
		for (int i = 0; i < w.length; i++)
			out[i] = (float) w[i];
		return out;
	}

	/** nnAudio 0.2.2: float32 Fourier kernels times the float32 window. */
	private static float[] kernels(boolean sin) {
		float[] w = window();
		int n = StftMagnitude.N_FFT;
		float[] out = new float[StftMagnitude.BINS * n];
		for (int k = 0; k < StftMagnitude.BINS; k++)
			for (int s = 0; s < n; s++) {
				double phase = 2 * Math.PI * k * s / n;
				out[k * n + s] = (float) (sin ? Math.sin(phase) : Math.cos(phase)) * w[s];
			}
		return out;
	}
}
