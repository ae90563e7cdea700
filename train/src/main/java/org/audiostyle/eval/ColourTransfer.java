package org.audiostyle.eval;

import java.util.List;

import org.audiostyle.image.PlanarImage;

/**
 * The label-based baseline: Reinhard et al. (2001) colour transfer, done in CIE Lab: each channel of the input is
 * shifted and scaled so its mean and standard deviation become those of a target (here the pooled pixels of the
 * training images of the sound's main scene class).
 */
public final class ColourTransfer {

	/** Per-channel mean and standard deviation in Lab. */
	public static final class Statistics {

		public final double[] mean = new double[3];
		public final double[] std = new double[3];
	}

	private ColourTransfer() {}

	/** Statistics of all pixels of the given images pooled together. */
	public static Statistics statistics(List<PlanarImage> images) {
		double[] s = new double[3], s2 = new double[3];
		long n = 0;
		for (PlanarImage img : images) {
			float[] lab = Lab.fromRgb(img);
			int p = img.planeSize();
			for (int c = 0; c < 3; c++)
				for (int i = 0; i < p; i++) {
					double v = lab[c * p + i];
					s[c] += v;
					s2[c] += v * v;
				}
			n += p;
		}
		Statistics st = new Statistics();
		for (int c = 0; c < 3; c++) {
			st.mean[c] = s[c] / n;
			st.std[c] = Math.sqrt(Math.max(0, s2[c] / n - st.mean[c] * st.mean[c]));
		}
		return st;
	}

	public static PlanarImage transfer(PlanarImage input, Statistics target) {
		Statistics source = statistics(List.of(input));
		float[] lab = Lab.fromRgb(input);
		int p = input.planeSize();
		for (int c = 0; c < 3; c++) {
			double scale = source.std[c] > 1e-6 ? target.std[c] / source.std[c] : 1;
			for (int i = 0; i < p; i++)
				lab[c * p + i] = (float) ((lab[c * p + i] - source.mean[c]) * scale + target.mean[c]);
		}
		return Lab.toRgb(lab, input.width, input.height);
	}
}
