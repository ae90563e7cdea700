package org.audiostyle.stylize;

import java.util.Random;

import org.audiostyle.image.PlanarImage;

/** Generated inputs for stylizer tests: audio signals and a smooth synthetic scene. */
final class TestSignals {

	private TestSignals() {}

	static float[] noise(int rate, double seconds) {
		Random r = new Random(1);
		float[] x = new float[(int) (rate * seconds)];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) r.nextGaussian() * 0.3f;
		return x;
	}

	static float[] tone(int rate, double seconds, double hz) {
		float[] x = new float[(int) (rate * seconds)];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
		return x;
	}

	/** Sky over ground with some texture; deterministic for a seed. */
	static PlanarImage scene(int w, int h, long seed) {
		PlanarImage p = new PlanarImage(w, h);
		Random r = new Random(seed);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double t = h == 1 ? 0 : y / (double) (h - 1);
				boolean sky = t < 0.5 + 0.1 * Math.sin(x * 0.05);
				float n = (float) (r.nextFloat() * 0.05);
				p.set(0, x, y, (float) (sky ? 0.4 + 0.3 * t : 0.25) + n);
				p.set(1, x, y, (float) (sky ? 0.6 + 0.2 * t : 0.55) + n);
				p.set(2, x, y, (float) (sky ? 0.9 : 0.2) + n);
			}
		return p;
	}
}
