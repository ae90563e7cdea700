package org.audiostyle.image;

/**
 * The 1-D resampling of one axis from {@code srcLen} to {@code dstLen} samples, as a table: output i is the sum over
 * k < taps of {@code weight[i * taps + k] * input[index[i * taps + k]]}. Indices are already clamped to the input
 * (edge pixels repeat), and each output's weights sum to 1, so a constant stays exactly constant (up to float
 * rounding).
 */
final class AxisFilter {

	final int srcLen, dstLen, taps;
	final int[] index;
	final float[] weight;

	private AxisFilter(int srcLen, int dstLen, int taps) {
		this.srcLen = srcLen;
		this.dstLen = dstLen;
		this.taps = taps;
		this.index = new int[dstLen * taps];
		this.weight = new float[dstLen * taps];
	}

	boolean isIdentity() {
		return srcLen == dstLen;
	}

	/** Area averaging when shrinking, the given interpolation when enlarging, identity when equal. */
	static AxisFilter of(int srcLen, int dstLen, Resampling.Upscale up) {
		if (srcLen < 1 || dstLen < 1) throw new IllegalArgumentException("Lengths must be >= 1: " + srcLen + " -> " +
			dstLen);
		if (dstLen == srcLen) {
			AxisFilter f = new AxisFilter(srcLen, dstLen, 1);
			for (int i = 0; i < dstLen; i++) {
				f.index[i] = i;
				f.weight[i] = 1;
			}
			return f;
		}
		if (dstLen < srcLen) return area(srcLen, dstLen);
		return up == Resampling.Upscale.BILINEAR ? linear(srcLen, dstLen) : cubic(srcLen, dstLen);
	}

	/**
	 * Box filter over each output pixel's footprint [i s, (i + 1) s) in input coordinates, s = srcLen / dstLen,
	 * weighting partly covered input pixels by their covered fraction. This is exact area averaging: every input
	 * pixel contributes in total the same share, so there is no aliasing of fine detail into moiré.
	 */
	private static AxisFilter area(int srcLen, int dstLen) {
		double s = (double) srcLen / dstLen;
		int taps = (int) Math.ceil(s) + 1;
		AxisFilter f = new AxisFilter(srcLen, dstLen, taps);
		double[] w = new double[taps];
		for (int i = 0; i < dstLen; i++) {
			double a = i * s, b = Math.min(srcLen, (i + 1) * s);
			int j0 = (int) Math.floor(a);
			double sum = 0;
			for (int k = 0; k < taps; k++) {
				int j = j0 + k;
				double lo = Math.max(a, j), hi = Math.min(b, j + 1);
				w[k] = hi > lo ? hi - lo : 0;
				sum += w[k];
			}
			for (int k = 0; k < taps; k++) {
				f.index[i * taps + k] = Math.min(j0 + k, srcLen - 1);
				f.weight[i * taps + k] = (float) (w[k] / sum);
			}
		}
		return f;
	}

	/** Input coordinate of output pixel i's centre, with pixel centres (not edges) aligned at both ends' halves. */
	private static double centre(int i, int srcLen, int dstLen) {
		return (i + 0.5) * srcLen / dstLen - 0.5;
	}

	private static AxisFilter linear(int srcLen, int dstLen) {
		AxisFilter f = new AxisFilter(srcLen, dstLen, 2);
		for (int i = 0; i < dstLen; i++) {
			double x = centre(i, srcLen, dstLen);
			int j = (int) Math.floor(x);
			double t = x - j;
			f.set(i, 0, j, 1 - t);
			f.set(i, 1, j + 1, t);
		}
		return f;
	}

	/** Keys cubic convolution with a = -0.5 (Catmull-Rom): interpolating, C1-smooth, 4 taps. */
	private static AxisFilter cubic(int srcLen, int dstLen) {
		AxisFilter f = new AxisFilter(srcLen, dstLen, 4);
		for (int i = 0; i < dstLen; i++) {
			double x = centre(i, srcLen, dstLen);
			int j = (int) Math.floor(x);
			double t = x - j, t2 = t * t, t3 = t2 * t;
			f.set(i, 0, j - 1, -0.5 * t3 + t2 - 0.5 * t);
			f.set(i, 1, j, 1.5 * t3 - 2.5 * t2 + 1);
			f.set(i, 2, j + 1, -1.5 * t3 + 2 * t2 + 0.5 * t);
			f.set(i, 3, j + 2, 0.5 * t3 - 0.5 * t2);
		}
		return f;
	}

	private void set(int i, int k, int j, double w) {
		index[i * taps + k] = j < 0 ? 0 : j >= srcLen ? srcLen - 1 : j;
		weight[i * taps + k] = (float) w;
	}
}
