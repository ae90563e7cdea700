package org.audiostyle.eval;

/** Spearman's rank correlation, for "does the judge's probability rise with the weight?" checks. */
public final class Spearman {

	private Spearman() {}

	/**
	 * Rank correlation of x and y (ties get their mean rank). 0 when either is constant: a flat response to a
	 * changing weight is no rise.
	 */
	public static double rho(double[] x, double[] y) {
		if (x.length != y.length || x.length < 2)
			throw new IllegalArgumentException("Spearman's rho needs two series of equal length >= 2, got " + x.length +
				" and " + y.length);
		double[] rx = ranks(x), ry = ranks(y);
		double mx = mean(rx), my = mean(ry);
		double sxy = 0, sxx = 0, syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (rx[i] - mx) * (ry[i] - my);
			sxx += (rx[i] - mx) * (rx[i] - mx);
			syy += (ry[i] - my) * (ry[i] - my);
		}
		return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
	}

	static double[] ranks(double[] v) {
		int n = v.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
		double[] r = new double[n];
		for (int i = 0; i < n;) {
			int j = i;
			while (j + 1 < n && v[order[j + 1]] == v[order[i]])
				j++;
			double mean = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++)
				r[order[k]] = mean;
			i = j + 1;
		}
		return r;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double x : v)
			s += x;
		return s / v.length;
	}
}
