package org.audiostyle.eval;

import java.util.Arrays;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;

/**
 * Colour and texture statistics of a photo, the input of the statistics scene classifier. The image is first
 * area-resized to 128 x 128 (so the features do not depend on resolution), then:
 * <ul>
 * <li>Lab: per channel mean, standard deviation, 10th/50th/90th percentiles (15);</li>
 * <li>Lab means of the top, middle and bottom thirds (sky vs ground; 9);</li>
 * <li>hue histogram, 12 bins weighted by saturation (12), saturation mean and standard deviation (2);</li>
 * <li>Sobel gradient magnitude of L: mean, standard deviation, 90th percentile, per-third means (6); variance of the
 * Laplacian (sharpness; 1);</li>
 * <li>dark-channel mean (7 x 7 minimum of RGB; haze and fog raise it; 1) and colourfulness (Hasler and Suesstrunk
 * 2003; 1).</li>
 * </ul>
 */
public final class ImageFeatures {

	public static final int SIDE = 128;
	public static final int LENGTH = 15 + 9 + 14 + 7 + 2;

	private ImageFeatures() {}

	public static double[] extract(PlanarImage image) {
		PlanarImage img = image.width == SIDE && image.height == SIDE ? image : Resampling.resize(image, SIDE, SIDE);
		int n = SIDE * SIDE;
		float[] lab = Lab.fromRgb(img);
		double[] f = new double[LENGTH];
		int k = 0;
		for (int c = 0; c < 3; c++) {
			float[] ch = Arrays.copyOfRange(lab, c * n, (c + 1) * n);
			double[] ms = meanStd(ch);
			float[] sorted = ch.clone();
			Arrays.sort(sorted);
			f[k++] = ms[0];
			f[k++] = ms[1];
			f[k++] = sorted[n / 10];
			f[k++] = sorted[n / 2];
			f[k++] = sorted[9 * n / 10];
		}
		int third = SIDE / 3;
		for (int band = 0; band < 3; band++) {
			int y0 = band * third, y1 = band == 2 ? SIDE : (band + 1) * third;
			for (int c = 0; c < 3; c++) {
				double s = 0;
				for (int y = y0; y < y1; y++)
					for (int x = 0; x < SIDE; x++)
						s += lab[c * n + y * SIDE + x];
				f[k++] = s / ((y1 - y0) * SIDE);
			}
		}
		double[] hueHist = new double[12];
		double satSum = 0, satSq = 0;
		for (int i = 0; i < n; i++) {
			double r = img.data[i], g = img.data[n + i], b = img.data[2 * n + i];
			double max = Math.max(r, Math.max(g, b)), min = Math.min(r, Math.min(g, b));
			double sat = max > 1e-6 ? (max - min) / max : 0;
			satSum += sat;
			satSq += sat * sat;
			if (max - min > 1e-6) {
				double h;
				if (max == r) h = ((g - b) / (max - min) + 6) % 6;
				else if (max == g) h = (b - r) / (max - min) + 2;
				else h = (r - g) / (max - min) + 4;
				hueHist[Math.min(11, (int) (h * 2))] += sat;
			}
		}
		for (double v : hueHist)
			f[k++] = v / n;
		f[k++] = satSum / n;
		f[k++] = Math.sqrt(Math.max(0, satSq / n - (satSum / n) * (satSum / n)));

		float[] grad = new float[n];
		double lapSum = 0, lapSq = 0;
		int lapCount = 0;
		for (int y = 1; y < SIDE - 1; y++)
			for (int x = 1; x < SIDE - 1; x++) {
				int i = y * SIDE + x;
				double gx = lab[i - SIDE + 1] + 2 * lab[i + 1] + lab[i + SIDE + 1] - lab[i - SIDE - 1] - 2 * lab[i - 1] -
					lab[i + SIDE - 1];
				double gy = lab[i + SIDE - 1] + 2 * lab[i + SIDE] + lab[i + SIDE + 1] - lab[i - SIDE - 1] - 2 * lab[i -
					SIDE] - lab[i - SIDE + 1];
				grad[i] = (float) Math.sqrt(gx * gx + gy * gy);
				double lap = lab[i - 1] + lab[i + 1] + lab[i - SIDE] + lab[i + SIDE] - 4 * lab[i];
				lapSum += lap;
				lapSq += lap * lap;
				lapCount++;
			}
		double[] gms = meanStd(grad);
		float[] gs = grad.clone();
		Arrays.sort(gs);
		f[k++] = gms[0];
		f[k++] = gms[1];
		f[k++] = gs[9 * n / 10];
		for (int band = 0; band < 3; band++) {
			int y0 = band * third, y1 = band == 2 ? SIDE : (band + 1) * third;
			double s = 0;
			for (int y = y0; y < y1; y++)
				for (int x = 0; x < SIDE; x++)
					s += grad[y * SIDE + x];
			f[k++] = s / ((y1 - y0) * SIDE);
		}
		f[k++] = Math.log1p(lapSq / lapCount - (lapSum / lapCount) * (lapSum / lapCount));

		f[k++] = darkChannelMean(img);
		double rgSum = 0, rgSq = 0, ybSum = 0, ybSq = 0;
		for (int i = 0; i < n; i++) {
			double rg = img.data[i] - img.data[n + i];
			double yb = 0.5 * (img.data[i] + img.data[n + i]) - img.data[2 * n + i];
			rgSum += rg;
			rgSq += rg * rg;
			ybSum += yb;
			ybSq += yb * yb;
		}
		double rgm = rgSum / n, ybm = ybSum / n;
		double rgs = Math.sqrt(Math.max(0, rgSq / n - rgm * rgm)), ybs = Math.sqrt(Math.max(0, ybSq / n - ybm * ybm));
		f[k++] = Math.sqrt(rgs * rgs + ybs * ybs) + 0.3 * Math.sqrt(rgm * rgm + ybm * ybm);
		if (k != LENGTH) throw new IllegalStateException("feature count " + k);
		return f;
	}

	private static double darkChannelMean(PlanarImage img) {
		int n = SIDE * SIDE;
		float[] minRgb = new float[n];
		for (int i = 0; i < n; i++)
			minRgb[i] = Math.min(img.data[i], Math.min(img.data[n + i], img.data[2 * n + i]));
		int r = 3;
		float[] rows = new float[n];
		for (int y = 0; y < SIDE; y++)
			for (int x = 0; x < SIDE; x++) {
				float m = 1;
				for (int t = Math.max(0, x - r); t <= Math.min(SIDE - 1, x + r); t++)
					m = Math.min(m, minRgb[y * SIDE + t]);
				rows[y * SIDE + x] = m;
			}
		double s = 0;
		for (int y = 0; y < SIDE; y++)
			for (int x = 0; x < SIDE; x++) {
				float m = 1;
				for (int t = Math.max(0, y - r); t <= Math.min(SIDE - 1, y + r); t++)
					m = Math.min(m, rows[t * SIDE + x]);
				s += m;
			}
		return s / n;
	}

	private static double[] meanStd(float[] v) {
		double s = 0, s2 = 0;
		for (float x : v) {
			s += x;
			s2 += (double) x * x;
		}
		double m = s / v.length;
		return new double[] { m, Math.sqrt(Math.max(0, s2 / v.length - m * m)) };
	}
}
