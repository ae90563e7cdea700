package org.audiostyle.image;

/**
 * The 1-D resampling of one axis from {@code srcLen} to {@code dstLen} samples, as a table: output i is the sum over
 * k < taps of {@code weight[i * taps + k] * input[start[i] + k]}, a contiguous window inside the input (taps <=
 * srcLen). Kernel taps that fall outside the input are folded onto the border sample (edge pixels repeat), and each
 * output's weights sum to 1, so a constant stays constant (up to float rounding).
 */
final class AxisFilter {

	final int srcLen, dstLen, taps;
	final int[] start;
	final float[] weight;
	/** Accumulates the raw kernel in double before it is stored as a window. */
	private final int rawTaps;
	private final int[] rawIndex;
	private final double[] rawWeight;

	private AxisFilter(int srcLen, int dstLen, int rawTaps) {
		this.srcLen = srcLen;
		this.dstLen = dstLen;
		this.rawTaps = rawTaps;
		this.taps = Math.min(rawTaps, srcLen);
		this.start = new int[dstLen];
		this.weight = new float[dstLen * taps];
		this.rawIndex = new int[rawTaps];
		this.rawWeight = new double[rawTaps];
	}

	/** Folds output i's raw kernel (indices possibly outside the input) into its clamped contiguous window. */
	private void store(int i) {
		int lo = Integer.MAX_VALUE;
		for (int k = 0; k < rawTaps; k++)
			lo = Math.min(lo, rawIndex[k]);
		int st = Math.max(0, Math.min(lo, srcLen - taps));
		start[i] = st;
		double[] w = new double[taps];
		double sum = 0;
		for (int k = 0; k < rawTaps; k++) {
			int j = Math.max(0, Math.min(srcLen - 1, rawIndex[k]));
			w[j - st] += rawWeight[k];
			sum += rawWeight[k];
		}
		for (int k = 0; k < taps; k++)
			weight[i * taps + k] = (float) (w[k] / sum);
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
				f.start[i] = i;
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
		for (int i = 0; i < dstLen; i++) {
			double a = i * s, b = Math.min(srcLen, (i + 1) * s);
			int j0 = (int) Math.floor(a);
			for (int k = 0; k < taps; k++) {
				int j = j0 + k;
				double lo = Math.max(a, j), hi = Math.min(b, j + 1);
				f.rawIndex[k] = j;
				f.rawWeight[k] = hi > lo ? hi - lo : 0;
			}
			f.store(i);
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
			f.set(0, j, 1 - t);
			f.set(1, j + 1, t);
			f.store(i);
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
			f.set(0, j - 1, -0.5 * t3 + t2 - 0.5 * t);
			f.set(1, j, 1.5 * t3 - 2.5 * t2 + 1);
			f.set(2, j + 1, -1.5 * t3 + 2 * t2 + 0.5 * t);
			f.set(3, j + 2, 0.5 * t3 - 0.5 * t2);
			f.store(i);
		}
		return f;
	}

	private void set(int k, int j, double w) {
		rawIndex[k] = j;
		rawWeight[k] = w;
	}
}
