package org.audiostyle.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.RgbImageFiles;

/** Generated "scenes": blue skies (bright, saturated, sharp), fog (grey, washed out, blurred), night (dark). */
final class SceneFixtures {

	private SceneFixtures() {}

	static PlanarImage scene(String kind, long seed) {
		Random r = new Random(seed);
		int w = 64, h = 48;
		PlanarImage img = new PlanarImage(w, h);
		double[] base;
		double texture;
		switch (kind) {
			case "sky":
				base = new double[] { 0.35, 0.6, 0.95 };
				texture = 0.25;
				break;
			case "fog":
				base = new double[] { 0.75, 0.75, 0.78 };
				texture = 0.04;
				break;
			default:
				base = new double[] { 0.08, 0.08, 0.15 };
				texture = 0.1;
		}
		double phase = r.nextDouble() * 6;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double t = texture * Math.sin(x / 2.0 + phase) * Math.sin(y / 3.0) + 0.03 * r.nextGaussian();
				for (int c = 0; c < 3; c++)
					img.set(c, x, y, (float) (base[c] + t + 0.05 * (r.nextDouble() - 0.5)));
			}
		return img.clamp();
	}

	static void write(Path dir, String kind, int count, long seed) throws IOException {
		for (int i = 0; i < count; i++)
			RgbImageFiles.writePng(RgbImageFiles.toBuffered(scene(kind, seed + i)), dir.resolve(kind).resolve(i + ".png"));
	}
}
