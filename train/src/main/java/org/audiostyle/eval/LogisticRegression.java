package org.audiostyle.eval;

/**
 * Multinomial logistic regression on standardised features with an L2 penalty, trained by full-batch gradient
 * descent (deterministic: no random initialisation, no shuffling). Small enough for a few thousand samples of a few
 * dozen features.
 */
public final class LogisticRegression {

	final double[] mean;
	final double[] std;
	/** classes x (features + 1); the last column is the bias. */
	final double[][] weights;

	LogisticRegression(double[] mean, double[] std, double[][] weights) {
		this.mean = mean;
		this.std = std;
		this.weights = weights;
	}

	/**
	 * @param x samples x features
	 * @param y class index per sample, in [0, classes)
	 * @param l2 penalty on the (non-bias) weights
	 */
	public static LogisticRegression train(double[][] x, int[] y, int classes, double l2, int iterations) {
		int n = x.length, d = x[0].length;
		double[] mean = new double[d], std = new double[d];
		for (double[] row : x)
			for (int j = 0; j < d; j++)
				mean[j] += row[j] / n;
		for (double[] row : x)
			for (int j = 0; j < d; j++)
				std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
		for (int j = 0; j < d; j++)
			std[j] = Math.sqrt(std[j]) + 1e-8;
		double[][] z = new double[n][];
		for (int i = 0; i < n; i++)
			z[i] = standardise(x[i], mean, std);
		double[][] w = new double[classes][d + 1];
		// Class-balanced weights: each class contributes equally whatever its size.
		int[] count = new int[classes];
		for (int c : y)
			count[c]++;
		double[] sampleWeight = new double[n];
		for (int i = 0; i < n; i++)
			sampleWeight[i] = n / (double) (classes * count[y[i]]);
		double lr = 0.5;
		double[][] grad = new double[classes][d + 1];
		double[] p = new double[classes];
		for (int it = 0; it < iterations; it++) {
			for (double[] g : grad)
				java.util.Arrays.fill(g, 0);
			for (int i = 0; i < n; i++) {
				probabilities(w, z[i], p);
				for (int c = 0; c < classes; c++) {
					double e = (p[c] - (y[i] == c ? 1 : 0)) * sampleWeight[i] / n;
					for (int j = 0; j < d; j++)
						grad[c][j] += e * z[i][j];
					grad[c][d] += e;
				}
			}
			for (int c = 0; c < classes; c++) {
				for (int j = 0; j < d; j++)
					w[c][j] -= lr * (grad[c][j] + l2 * w[c][j]);
				w[c][d] -= lr * grad[c][d];
			}
		}
		return new LogisticRegression(mean, std, w);
	}

	private static double[] standardise(double[] x, double[] mean, double[] std) {
		double[] z = new double[x.length];
		for (int j = 0; j < x.length; j++)
			z[j] = (x[j] - mean[j]) / std[j];
		return z;
	}

	private static void probabilities(double[][] w, double[] z, double[] out) {
		int d = z.length;
		double max = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < w.length; c++) {
			double s = w[c][d];
			for (int j = 0; j < d; j++)
				s += w[c][j] * z[j];
			out[c] = s;
			max = Math.max(max, s);
		}
		double sum = 0;
		for (int c = 0; c < w.length; c++)
			sum += out[c] = Math.exp(out[c] - max);
		for (int c = 0; c < w.length; c++)
			out[c] /= sum;
	}

	/** Index of the largest entry (the first of equals): the most likely class of a probability vector. */
	public static int mostLikely(double[] probabilities) {
		int best = 0;
		for (int i = 1; i < probabilities.length; i++)
			if (probabilities[i] > probabilities[best]) best = i;
		return best;
	}

	/** Class probabilities of one raw (not standardised) feature vector. */
	public double[] predict(double[] x) {
		double[] p = new double[weights.length];
		probabilities(weights, standardise(x, mean, std), p);
		return p;
	}
}
