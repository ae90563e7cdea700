package org.audiostyle.eval;

import org.audiostyle.image.PlanarImage;

/**
 * sRGB (D65) to and from CIE L*a*b*, per pixel. A {@link PlanarImage} in [0, 1] becomes three planes L (0..100),
 * a, b (roughly -110..110), in the same planar layout.
 */
public final class Lab {

	private static final double XN = 0.95047, YN = 1.0, ZN = 1.08883;

	private Lab() {}

	public static float[] fromRgb(PlanarImage img) {
		int n = img.planeSize();
		float[] out = new float[3 * n];
		double[] lab = new double[3];
		for (int i = 0; i < n; i++) {
			rgbToLab(img.data[i], img.data[n + i], img.data[2 * n + i], lab);
			out[i] = (float) lab[0];
			out[n + i] = (float) lab[1];
			out[2 * n + i] = (float) lab[2];
		}
		return out;
	}

	/** Lab planes back to an RGB image, clamped to [0, 1]. */
	public static PlanarImage toRgb(float[] lab, int width, int height) {
		PlanarImage img = new PlanarImage(width, height);
		int n = width * height;
		double[] rgb = new double[3];
		for (int i = 0; i < n; i++) {
			labToRgb(lab[i], lab[n + i], lab[2 * n + i], rgb);
			for (int c = 0; c < 3; c++)
				img.data[c * n + i] = (float) Math.min(1, Math.max(0, rgb[c]));
		}
		return img;
	}

	static void rgbToLab(double r, double g, double b, double[] out) {
		double rl = linear(r), gl = linear(g), bl = linear(b);
		double x = (0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / XN;
		double y = (0.2126729 * rl + 0.7151522 * gl + 0.0721750 * bl) / YN;
		double z = (0.0193339 * rl + 0.1191920 * gl + 0.9503041 * bl) / ZN;
		double fx = f(x), fy = f(y), fz = f(z);
		out[0] = 116 * fy - 16;
		out[1] = 500 * (fx - fy);
		out[2] = 200 * (fy - fz);
	}

	static void labToRgb(double l, double a, double bb, double[] out) {
		double fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - bb / 200;
		double x = finv(fx) * XN, y = finv(fy) * YN, z = finv(fz) * ZN;
		double rl = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
		double gl = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
		double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
		out[0] = gamma(rl);
		out[1] = gamma(gl);
		out[2] = gamma(bl);
	}

	private static double linear(double c) {
		c = Math.min(1, Math.max(0, c));
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static double gamma(double c) {
		if (c <= 0) return 0;
		return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
	}

	private static final double E = 216.0 / 24389, K = 24389.0 / 27;

	private static double f(double t) {
		return t > E ? Math.cbrt(t) : (K * t + 16) / 116;
	}

	private static double finv(double t) {
		double t3 = t * t * t;
		return t3 > E ? t3 : (116 * t - 16) / K;
	}
}
