package org.audiostyle.samples;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.image.PlanarImage;

/**
 * Draws deterministic procedural outdoor scenes (sky gradient, sun, value-noise clouds, layered hazy hills, trees,
 * flowers, water with rippled reflections) for tests and demos, so that no photograph has to ship with the project.
 * Pure Java; the same scene gives the same pixels on every machine (seeded integer hashing, {@link StrictMath} for
 * transcendental functions).
 *
 * <p>{@link #main} writes the committed test images into a folder (default {@code test-images}).
 */
public final class SceneRenderer {

	private final SceneRendererScene s;
	private final SceneRendererNoise noise;
	private final int W, H;
	private final PlanarImage img;
	private final float[] d;
	private final int plane;
	/** Ridge line (y in pixels) of each hill layer at each column. */
	private final double[][] ridge;

	private SceneRenderer(SceneRendererScene s) {
		this.s = s;
		this.noise = new SceneRendererNoise(s.seed);
		this.W = s.width;
		this.H = s.height;
		this.img = new PlanarImage(W, H);
		this.d = img.data;
		this.plane = img.planeSize();
		this.ridge = new double[s.layers][W];
	}

	/** Renders a scene as planar RGB in [0, 1]. */
	public static PlanarImage render(SceneRendererScene scene) {
		SceneRenderer r = new SceneRenderer(scene);
		r.sky();
		for (int k = 0; k < scene.layers; k++) {
			r.hill(k);
			r.trees(k);
		}
		r.flowers();
		if (scene.waterline > 0) r.water();
		return r.img.clamp();
	}

	/** A scene as an 8-bit RGB BufferedImage. */
	public static BufferedImage renderRgb(SceneRendererScene scene) {
		return ImageFiles.toBufferedImage(ImageConversion.toArgb(render(scene)));
	}

	/**
	 * A scene's luminance (Rec. 709 weights) as 16-bit grey, mapped to 1000..60000 so that it uses the 16-bit
	 * precision but not the full range (the default 0..65535 display range then shows it slightly flat).
	 */
	public static BufferedImage renderGrey16(SceneRendererScene scene) {
		PlanarImage p = render(scene);
		BufferedImage bi = new BufferedImage(p.width, p.height, BufferedImage.TYPE_USHORT_GRAY);
		short[] out = ((DataBufferUShort) bi.getRaster().getDataBuffer()).getData();
		int n = p.planeSize();
		for (int i = 0; i < n; i++) {
			double y = 0.2126 * p.data[i] + 0.7152 * p.data[n + i] + 0.0722 * p.data[2 * n + i];
			out[i] = (short) Math.round(1000 + 59000 * y);
		}
		return bi;
	}

	/** A 3 x 2 RGB image: red, green, blue / white, black, mid-grey (128). */
	public static BufferedImage tiny3x2() {
		BufferedImage bi = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
		int[] px = { 0xff0000, 0x00ff00, 0x0000ff, 0xffffff, 0x000000, 0x808080 };
		bi.setRGB(0, 0, 3, 2, px, 0, 3);
		return bi;
	}

	/** File names of the committed test images, in a fixed order. */
	public static final List<String> TEST_IMAGES = Collections.unmodifiableList(Arrays.asList("meadow.png", "lake.png",
		"hills.png", "odd-333x257.png", "tiny-3x2.png", "grey16.png"));

	/** One committed test image, by file name (see {@link #TEST_IMAGES}). */
	public static BufferedImage testImage(String name) {
		switch (name) {
			case "meadow.png": return renderRgb(SceneRendererScene.meadow());
			case "lake.png": return renderRgb(SceneRendererScene.lake());
			case "hills.png": return renderRgb(SceneRendererScene.hills());
			case "odd-333x257.png": return renderRgb(SceneRendererScene.odd());
			case "tiny-3x2.png": return tiny3x2();
			case "grey16.png": return renderGrey16(SceneRendererScene.hills().resized(320, 240));
			default: throw new IllegalArgumentException("No test image named '" + name + "'; known: " + TEST_IMAGES);
		}
	}

	/** All committed test images by file name, in a fixed order. */
	public static Map<String, BufferedImage> testImages() {
		Map<String, BufferedImage> m = new LinkedHashMap<>();
		for (String name : TEST_IMAGES)
			m.put(name, testImage(name));
		return m;
	}

	/** Writes {@link #testImages()} into the folder given as the first argument (default: test-images). */
	public static void main(String[] args) throws IOException {
		Path dir = Paths.get(args.length > 0 ? args[0] : "test-images");
		Files.createDirectories(dir);
		for (Map.Entry<String, BufferedImage> e : testImages().entrySet()) {
			Path f = dir.resolve(e.getKey());
			ImageFiles.write(e.getValue(), "png", f, true);
			System.out.println(f + "  " + e.getValue().getWidth() + "x" + e.getValue().getHeight() + "  " + Files.size(
				f) + " bytes");
		}
	}

	// ---- drawing ----

	private void sky() {
		double hy = s.horizon * H, sx = s.sunX * W, sy = s.sunY * H, R = s.sunRadius * H;
		double thr = 0.62 - 0.22 * s.cloudiness;
		double[] c = new double[3], cc = new double[3];
		for (int y = 0; y < H; y++) {
			double t = Math.min(1, (y + 0.5) / hy);
			double g = StrictMath.pow(t, 1.6);
			double v = (y + 0.5) / H;
			double clouds = 1 - smoothstep(0.7, 1.0, t);
			for (int x = 0; x < W; x++) {
				for (int ch = 0; ch < 3; ch++)
					c[ch] = lerp(s.skyTop[ch], s.skyHorizon[ch], g);
				double dx = x + 0.5 - sx, dy = y + 0.5 - sy;
				double dist = Math.sqrt(dx * dx + dy * dy);
				double glow = Math.min(1, 0.55 * StrictMath.exp(-dist / H / 0.09) + 0.25 * StrictMath.exp(-dist / H /
					0.35));
				mix(c, s.sun, glow);
				mix(c, s.sun, clamp01(R - dist + 0.5));
				if (clouds > 0) {
					double u = (x + 0.5) / H;
					double n = noise.fbm(u * 2.5 + 3.1, v * 8.0, 5);
					double dens = smoothstep(thr, thr + 0.18, n) * clouds;
					if (dens > 0) {
						// denser cores are brighter; thin edges take on some of the sky
						double core = smoothstep(thr, thr + 0.3, n);
						for (int ch = 0; ch < 3; ch++)
							cc[ch] = lerp(0.8 * s.cloud[ch] + 0.15 * s.skyHorizon[ch], s.cloud[ch], core);
						mix(c, cc, 0.92 * dens);
					}
				}
				put(x, y, c, 1);
			}
		}
	}

	private double nearness(int k) {
		return s.layers == 1 ? 1 : (double) k / (s.layers - 1);
	}

	private double hazeOf(int k) {
		return s.haze * StrictMath.pow(1 - nearness(k), 1.3);
	}

	private void hill(int k) {
		double f = nearness(k);
		double base = s.horizon + (s.ground - s.horizon) * f;
		double amp = s.hillAmplitude * (1 - 0.45 * f), freq = 1.3 + 2.2 * f;
		double[] col = new double[3], c = new double[3];
		double hz = hazeOf(k);
		for (int ch = 0; ch < 3; ch++)
			col[ch] = lerp(lerp(s.groundFar[ch], s.groundNear[ch], f), s.skyHorizon[ch], hz);
		for (int x = 0; x < W; x++) {
			double u = (x + 0.5) / H;
			// fbm stays near 0.5; stretch it so ridges have real relief
			double r = H * (base - amp * (0.5 + 1.6 * (noise.fbm(u * freq + 11.3 * k, 6) - 0.5)));
			ridge[k][x] = r;
			for (int y = Math.max(0, (int) Math.floor(r)); y < H; y++) {
				double depth = (y + 0.5 - r) / H;
				// lit crest, darker slopes below; gentle large-scale texture, stronger on near layers
				double shade = 1.08 - 0.22 * Math.min(1, depth * 5);
				double tex = 1 + (0.05 + 0.25 * f) * (noise.fbm(u * 18 + 5 * k, (y + 0.5) / H * 30, 3) - 0.5);
				for (int ch = 0; ch < 3; ch++)
					c[ch] = col[ch] * shade * tex;
				put(x, y, c, clamp01(y + 1 - r));
			}
		}
	}

	/** Trees standing on layer k (the two nearest layers, never the farthest), drawn back to front. */
	private void trees(int k) {
		int span = Math.max(1, Math.min(2, s.layers - 1));
		if (k < s.layers - span) return;
		double f = nearness(k);
		double hz = 0.8 * hazeOf(k);
		int n = 0;
		double[][] t = new double[s.trees][];
		for (int i = 0; i < s.trees; i++) {
			int layer = s.layers - 1 - (int) (noise.hash(i, 1) * span);
			if (layer != k) continue;
			double tx = noise.hash(i, 2) * W;
			double r = ridge[k][Math.min(W - 1, (int) tx)];
			double gy = r + (0.01 + 0.04 * noise.hash(i, 3)) * H * (0.3 + f);
			double h = H * (0.05 + 0.07 * f) * (0.7 + 0.6 * noise.hash(i, 4));
			t[n++] = new double[] { i, tx, gy, h, noise.hash(i, 5) < s.conifers ? 1 : 0 };
		}
		t = Arrays.copyOf(t, n);
		Arrays.sort(t, Comparator.comparingDouble(a -> a[2]));
		double[] leaf = new double[3], bark = SceneRendererScene.rgb(0x3b2a1e);
		for (int ch = 0; ch < 3; ch++) {
			leaf[ch] = lerp(s.foliage[ch], s.skyHorizon[ch], hz);
			bark[ch] = lerp(bark[ch], s.skyHorizon[ch], hz);
		}
		for (double[] tree : t) {
			if (tree[4] == 1) conifer((int) tree[0], tree[1], tree[2], tree[3], leaf, bark);
			else roundTree((int) tree[0], tree[1], tree[2], tree[3], leaf, bark);
		}
	}

	private void roundTree(int i, double tx, double gy, double h, double[] leaf, double[] bark) {
		double tw = Math.max(1, h * 0.07), th = h * 0.35, r = h * 0.38;
		double cx = tx, cy = gy - th - r * 0.75;
		double lx = s.sunX * W - cx, ly = s.sunY * H - cy, ln = Math.sqrt(lx * lx + ly * ly) + 1e-9;
		lx /= ln;
		ly /= ln;
		double[] c = new double[3];
		int x0 = (int) Math.floor(tx - r * 1.4), x1 = (int) Math.ceil(tx + r * 1.4);
		int y0 = (int) Math.floor(cy - r * 1.4), y1 = (int) Math.ceil(gy + 1);
		for (int y = Math.max(0, y0); y < Math.min(H, y1); y++)
			for (int x = Math.max(0, x0); x < Math.min(W, x1); x++) {
				double px = x + 0.5, py = y + 0.5;
				double trunk = clamp01(tw / 2 - Math.abs(px - tx) + 0.5) * clamp01(gy - py + 0.5) * clamp01(py - (gy -
					th - r * 0.5) + 0.5);
				if (trunk > 0) put(x, y, bark, trunk);
				double dx = px - cx, dy = py - cy, dist = Math.sqrt(dx * dx + dy * dy);
				double rn = r * (0.82 + 0.3 * noise.value(dx / r * 2.2 + i * 7.1, dy / r * 2.2 + 3.3));
				double cov = clamp01(rn - dist + 0.5);
				if (cov <= 0) continue;
				double light = Math.max(0.55, Math.min(1.2, 0.85 + 0.3 * (dx * lx + dy * ly) / r));
				double clump = 0.88 + 0.24 * noise.value(x * 0.2 + i * 13.0, y * 0.2);
				for (int ch = 0; ch < 3; ch++)
					c[ch] = leaf[ch] * light * clump;
				put(x, y, c, cov);
			}
	}

	private void conifer(int i, double tx, double gy, double h, double[] leaf, double[] bark) {
		double ay = gy - h, by = gy - h * 0.12, hb = h * 0.22, tw = Math.max(1, h * 0.06);
		double side = s.sunX * W >= tx ? 1 : -1;
		double[] c = new double[3];
		int x0 = (int) Math.floor(tx - hb * 1.3), x1 = (int) Math.ceil(tx + hb * 1.3);
		for (int y = Math.max(0, (int) Math.floor(ay)); y < Math.min(H, (int) Math.ceil(gy + 1)); y++)
			for (int x = Math.max(0, x0); x < Math.min(W, x1); x++) {
				double px = x + 0.5, py = y + 0.5, dx = px - tx;
				double trunk = clamp01(tw / 2 - Math.abs(dx) + 0.5) * clamp01(gy - py + 0.5) * clamp01(py - by + 1.5);
				if (trunk > 0) put(x, y, bark, trunk);
				double frac = (py - ay) / (by - ay);
				if (frac <= 0 || frac > 1.05) continue;
				// tiers of branches: a saw-tooth width profile, roughened by noise
				double tier = frac * 4, saw = tier - Math.floor(tier);
				double hw = hb * frac * (0.55 + 0.45 * saw) * (0.85 + 0.3 * noise.value(py * 0.3 + i * 5.0, i * 1.7));
				double cov = clamp01(hw - Math.abs(dx) + 0.5) * clamp01(py - ay + 0.5) * clamp01((by - py) + 0.5);
				if (cov <= 0) continue;
				double light = 0.85 + 0.25 * Math.max(-1, Math.min(1, dx / hb * side));
				for (int ch = 0; ch < 3; ch++)
					c[ch] = leaf[ch] * light;
				put(x, y, c, cov);
			}
	}

	private void flowers() {
		if (s.flowers == 0 || s.layers == 0) return;
		double[][] palette = { SceneRendererScene.rgb(0xfafafa), SceneRendererScene.rgb(0xf4d03f),
			SceneRendererScene.rgb(0x9b6fd1), SceneRendererScene.rgb(0xd9534f) };
		double[] rl = ridge[s.layers - 1];
		for (int j = 0; j < s.flowers; j++) {
			double fx = noise.hash(j, 10) * W;
			double r0 = rl[Math.min(W - 1, (int) fx)];
			if (r0 >= H) continue;
			double t = 0.08 + 0.92 * noise.hash(j, 11);
			double fy = r0 + (H - r0) * t;
			double rad = 0.6 + 1.8 * t;
			double[] col = palette[(int) (noise.hash(j, 12) * palette.length)];
			for (int y = (int) Math.floor(fy - rad); y <= (int) Math.ceil(fy + rad); y++)
				for (int x = (int) Math.floor(fx - rad); x <= (int) Math.ceil(fx + rad); x++) {
					if (x < 0 || y < 0 || x >= W || y >= H) continue;
					double dx = x + 0.5 - fx, dy = y + 0.5 - fy;
					double cov = clamp01(rad - Math.sqrt(dx * dx + dy * dy) + 0.5);
					if (cov > 0) put(x, y, col, cov);
				}
		}
	}

	private void water() {
		double wy = s.waterline * H;
		int top = (int) Math.floor(wy);
		if (top < 1) return;
		double sunPx = s.sunX * W;
		boolean sunUp = s.sunY * H < wy;
		double[] c = new double[3];
		for (int y = top; y < H; y++) {
			double depth = (y + 0.5 - wy) / (H - wy);
			double amp = 0.5 + 4 * depth;
			double ysf = 2 * wy - y - 1;
			for (int x = 0; x < W; x++) {
				double rip = (noise.fbm(x * 0.01, y * 0.25, 3) - 0.5) * 2;
				double xs = x + amp * rip * 2;
				double ys = ysf + 1.5 * depth * (noise.value(x * 0.05, y * 0.5) - 0.5);
				int xi = Math.max(0, Math.min(W - 1, (int) Math.round(xs)));
				int yi = Math.max(0, Math.min(top - 1, (int) Math.round(ys)));
				double tint = 0.2 + 0.45 * depth;
				for (int ch = 0; ch < 3; ch++)
					c[ch] = lerp(0.85 * d[ch * plane + yi * W + xi], s.water[ch], tint);
				if (sunUp) {
					double gx = (x + 0.5 - sunPx) / H / 0.05;
					double glitter = StrictMath.exp(-gx * gx) * Math.max(0, noise.value(x * 0.15, y * 0.9) - 0.55) * 2.2;
					for (int ch = 0; ch < 3; ch++)
						c[ch] += 0.9 * glitter * s.sun[ch];
				}
				put(x, y, c, clamp01(y + 1 - wy));
			}
		}
	}

	// ---- helpers ----

	/** Blends colour c over pixel (x, y) with coverage a. */
	private void put(int x, int y, double[] c, double a) {
		int i = y * W + x;
		for (int ch = 0; ch < 3; ch++, i += plane)
			d[i] = (float) (d[i] + (c[ch] - d[i]) * a);
	}

	private static void mix(double[] c, double[] to, double a) {
		for (int ch = 0; ch < 3; ch++)
			c[ch] += (to[ch] - c[ch]) * a;
	}

	private static double lerp(double a, double b, double t) {
		return a + (b - a) * t;
	}

	private static double clamp01(double v) {
		return v < 0 ? 0 : v > 1 ? 1 : v;
	}

	private static double smoothstep(double a, double b, double v) {
		double t = clamp01((v - a) / (b - a));
		return t * t * (3 - 2 * t);
	}
}
