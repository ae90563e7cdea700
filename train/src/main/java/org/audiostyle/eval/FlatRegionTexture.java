package org.audiostyle.eval;

import org.audiostyle.image.PlanarImage;

/**
 * The artefact check of {@code evaluate}: does the output add texture where the input is flat (clear sky, calm water,
 * walls)? GAN generators tend to paint a faint periodic grid into such regions, which a scene classifier ignores but a
 * viewer sees at once.
 *
 * <p>Flat regions are the 8 x 8 blocks whose input luminance varies by less than {@link #FLAT_STD} (standard
 * deviation, 0..1 scale). In them, high-frequency energy is the mean square of the luminance minus its 3 x 3 box mean,
 * measured on the input and on the output. The figure per pair is the RMS of the output's high frequencies in levels
 * (of 255) and its ratio to the input's (both floored at a quarter level, so two clean skies compare as 1): near 1
 * means no texture was added; a grid shows as a ratio of several.
 */
public final class FlatRegionTexture {

	/** Block side in pixels. */
	static final int BLOCK = 8;
	/** Luminance standard deviation below which an input block counts as flat (about 2.5 levels of 255). */
	static final double FLAT_STD = 0.01;
	/** Floor of the input's high-frequency RMS in the ratio (a quarter level: sensor noise of a clean JPEG sky). */
	static final double FLOOR = 0.25 / 255;

	/** High-frequency RMS in flat regions: of the input, of the output (0..1 scale), and how many pixels were flat. */
	public static final class Result {

		public final double inputRms;
		public final double outputRms;
		public final long flatPixels;

		Result(double inputRms, double outputRms, long flatPixels) {
			this.inputRms = inputRms;
			this.outputRms = outputRms;
			this.flatPixels = flatPixels;
		}

		/** Output RMS over input RMS, both floored at {@link #FLOOR}; NaN when nothing is flat. */
		public double ratio() {
			return flatPixels == 0 ? Double.NaN : Math.max(outputRms, FLOOR) / Math.max(inputRms, FLOOR);
		}

		/** The output's high-frequency RMS in levels of 255; NaN when nothing is flat. */
		public double outputLevels() {
			return flatPixels == 0 ? Double.NaN : 255 * outputRms;
		}
	}

	private FlatRegionTexture() {}

	/** Measures {@code output} against {@code input} (same size, RGB 0..1). */
	public static Result measure(PlanarImage input, PlanarImage output) {
		if (input.width != output.width || input.height != output.height)
			throw new IllegalArgumentException("Input " + input.width + "x" + input.height + " and output " +
				output.width + "x" + output.height + " differ in size");
		int w = input.width, h = input.height;
		float[] yin = luminance(input), yout = luminance(output);
		float[] hin = highPass(yin, w, h), hout = highPass(yout, w, h);
		double ein = 0, eout = 0;
		long n = 0;
		// Blocks inside a 1-pixel margin, where the 3 x 3 mean is complete.
		for (int by = 1; by + BLOCK <= h - 1; by += BLOCK)
			for (int bx = 1; bx + BLOCK <= w - 1; bx += BLOCK) {
				if (std(yin, w, bx, by) >= FLAT_STD) continue;
				for (int y = by; y < by + BLOCK; y++)
					for (int x = bx; x < bx + BLOCK; x++) {
						int i = y * w + x;
						ein += hin[i] * (double) hin[i];
						eout += hout[i] * (double) hout[i];
					}
				n += BLOCK * BLOCK;
			}
		return n == 0 ? new Result(Double.NaN, Double.NaN, 0) : new Result(Math.sqrt(ein / n), Math.sqrt(eout / n), n);
	}

	static float[] luminance(PlanarImage im) {
		int n = im.planeSize();
		float[] y = new float[n];
		for (int i = 0; i < n; i++)
			y[i] = 0.299f * im.data[i] + 0.587f * im.data[n + i] + 0.114f * im.data[2 * n + i];
		return y;
	}

	/** y minus its 3 x 3 box mean (0 on the 1-pixel border, which no block reads). */
	static float[] highPass(float[] y, int w, int h) {
		float[] r = new float[y.length];
		for (int j = 1; j < h - 1; j++)
			for (int i = 1; i < w - 1; i++) {
				float s = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++)
						s += y[(j + dy) * w + i + dx];
				r[j * w + i] = y[j * w + i] - s / 9f;
			}
		return r;
	}

	private static double std(float[] y, int w, int bx, int by) {
		double s = 0, s2 = 0;
		for (int j = by; j < by + BLOCK; j++)
			for (int i = bx; i < bx + BLOCK; i++) {
				double v = y[j * w + i];
				s += v;
				s2 += v * v;
			}
		int n = BLOCK * BLOCK;
		double mean = s / n;
		return Math.sqrt(Math.max(0, s2 / n - mean * mean));
	}
}
