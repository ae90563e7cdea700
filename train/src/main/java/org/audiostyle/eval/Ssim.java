package org.audiostyle.eval;

import org.audiostyle.image.PlanarImage;

/**
 * Structural similarity of luminance (Wang, Bovik, Sheikh and Simoncelli 2004): Y = 0.299 R + 0.587 G + 0.114 B in
 * [0, 1], an 11 x 11 Gaussian window with sigma 1.5, K1 = 0.01, K2 = 0.03, dynamic range 1, averaged over every
 * position where the window fits (no padding).
 */
public final class Ssim {

	private static final int RADIUS = 5;
	private static final double SIGMA = 1.5;
	private static final double C1 = 0.01 * 0.01, C2 = 0.03 * 0.03;

	private Ssim() {}

	public static double luminance(PlanarImage a, PlanarImage b) {
		if (a.width != b.width || a.height != b.height)
			throw new IllegalArgumentException("SSIM needs images of the same size, got " + a.width + "x" + a.height +
				" and " + b.width + "x" + b.height);
		return ssim(luma(a), luma(b), a.width, a.height);
	}

	static double[] luma(PlanarImage img) {
		int n = img.planeSize();
		double[] y = new double[n];
		for (int i = 0; i < n; i++)
			y[i] = 0.299 * img.data[i] + 0.587 * img.data[n + i] + 0.114 * img.data[2 * n + i];
		return y;
	}

	/** Mean SSIM of two single-channel images (row-major, values in [0, 1]). */
	public static double ssim(double[] x, double[] y, int w, int h) {
		if (w < 2 * RADIUS + 1 || h < 2 * RADIUS + 1)
			throw new IllegalArgumentException("SSIM needs images of at least 11x11 pixels, got " + w + "x" + h);
		double[] k = new double[2 * RADIUS + 1];
		double sum = 0;
		for (int i = -RADIUS; i <= RADIUS; i++)
			sum += k[i + RADIUS] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
		for (int i = 0; i < k.length; i++)
			k[i] /= sum;
		double[] xy = new double[x.length], xx = new double[x.length], yy = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			xy[i] = x[i] * y[i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
		}
		double[] mx = blur(x, w, h, k), my = blur(y, w, h, k), sxx = blur(xx, w, h, k), syy = blur(yy, w, h, k),
			sxy = blur(xy, w, h, k);
		int ow = w - 2 * RADIUS, oh = h - 2 * RADIUS;
		double total = 0;
		for (int i = 0; i < ow * oh; i++) {
			double vx = sxx[i] - mx[i] * mx[i], vy = syy[i] - my[i] * my[i], cxy = sxy[i] - mx[i] * my[i];
			total += (2 * mx[i] * my[i] + C1) * (2 * cxy + C2) / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
		}
		return total / (ow * oh);
	}

	/** Separable "valid" filtering: output (w - 2r) x (h - 2r). */
	private static double[] blur(double[] v, int w, int h, double[] k) {
		int ow = w - 2 * RADIUS, oh = h - 2 * RADIUS;
		double[] rows = new double[ow * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < ow; x++) {
				double s = 0;
				for (int t = 0; t < k.length; t++)
					s += k[t] * v[y * w + x + t];
				rows[y * ow + x] = s;
			}
		double[] out = new double[ow * oh];
		for (int y = 0; y < oh; y++)
			for (int x = 0; x < ow; x++) {
				double s = 0;
				for (int t = 0; t < k.length; t++)
					s += k[t] * rows[(y + t) * ow + x];
				out[y * ow + x] = s;
			}
		return out;
	}
}
