package org.audiostyle.samples;

/**
 * The parameters of one procedural outdoor scene drawn by {@link SceneRenderer}. Positions and sizes are fractions
 * of the image height (x of the width for the sun); colours are RGB in [0, 1]. Immutable; the presets below are
 * the committed test images.
 */
public final class SceneRendererScene {

	public final String name;
	public final int width, height;
	public final long seed;
	final double[] skyTop, skyHorizon, sun, cloud, groundFar, groundNear, foliage, water;
	/** Sun centre: x as a fraction of the width, y of the height; radius as a fraction of the height. */
	final double sunX, sunY, sunRadius;
	/** 0 = clear sky, 1 = heavily clouded. */
	final double cloudiness;
	/** Height of the farthest ridge's baseline and of the nearest one's (fractions of the height). */
	final double horizon, ground;
	final double hillAmplitude, haze;
	final int layers, trees, flowers;
	/** Share of trees that are conifers rather than round-crowned. */
	final double conifers;
	/** Height of the water's edge (fraction of the height); 0 = no water. */
	final double waterline;

	private SceneRendererScene(Builder b) {
		name = b.name;
		width = b.width;
		height = b.height;
		seed = b.seed;
		skyTop = b.skyTop;
		skyHorizon = b.skyHorizon;
		sun = b.sun;
		cloud = b.cloud;
		groundFar = b.groundFar;
		groundNear = b.groundNear;
		foliage = b.foliage;
		water = b.water;
		sunX = b.sunX;
		sunY = b.sunY;
		sunRadius = b.sunRadius;
		cloudiness = b.cloudiness;
		horizon = b.horizon;
		ground = b.ground;
		hillAmplitude = b.hillAmplitude;
		haze = b.haze;
		layers = b.layers;
		trees = b.trees;
		flowers = b.flowers;
		conifers = b.conifers;
		waterline = b.waterline;
	}

	/** Midday meadow under a blue sky with clouds, round trees and flowers; 640 x 426. */
	public static SceneRendererScene meadow() {
		Builder b = new Builder("meadow", 640, 426, 11);
		b.skyTop = rgb(0x3a6fc4);
		b.skyHorizon = rgb(0xb9d4ee);
		b.sun = rgb(0xfff6d8);
		b.cloud = rgb(0xfbfbfd);
		b.groundFar = rgb(0x5d7f9a);
		b.groundNear = rgb(0x8fb34a);
		b.foliage = rgb(0x2f5e22);
		b.sunX = 0.8;
		b.sunY = 0.14;
		b.sunRadius = 0.045;
		b.cloudiness = 0.55;
		b.horizon = 0.52;
		b.ground = 0.72;
		b.hillAmplitude = 0.16;
		b.haze = 0.55;
		b.layers = 3;
		b.trees = 11;
		b.flowers = 140;
		b.conifers = 0.2;
		return new SceneRendererScene(b);
	}

	/** Late-afternoon lake reflecting mountains and a conifer shore; 512 x 512. */
	public static SceneRendererScene lake() {
		Builder b = new Builder("lake", 512, 512, 23);
		b.skyTop = rgb(0x44609c);
		b.skyHorizon = rgb(0xf0c99a);
		b.sun = rgb(0xfff0c0);
		b.cloud = rgb(0xf6e2d2);
		b.groundFar = rgb(0x6a6f8e);
		b.groundNear = rgb(0x2f4a2c);
		b.foliage = rgb(0x1f3a22);
		b.water = rgb(0x28506e);
		b.sunX = 0.3;
		b.sunY = 0.3;
		b.sunRadius = 0.035;
		b.cloudiness = 0.35;
		b.horizon = 0.36;
		b.ground = 0.5;
		b.hillAmplitude = 0.2;
		b.haze = 0.5;
		b.layers = 3;
		b.trees = 26;
		b.conifers = 0.9;
		b.waterline = 0.56;
		return new SceneRendererScene(b);
	}

	/** Sunset over five hazy ridges; 800 x 450. */
	public static SceneRendererScene hills() {
		Builder b = new Builder("hills", 800, 450, 37);
		b.skyTop = rgb(0x2c2f6b);
		b.skyHorizon = rgb(0xf39a5b);
		b.sun = rgb(0xffe3a0);
		b.cloud = rgb(0xe79a8c);
		b.groundFar = rgb(0x9a6c8c);
		b.groundNear = rgb(0x2a2236);
		b.foliage = rgb(0x1c1727);
		b.sunX = 0.62;
		b.sunY = 0.4;
		b.sunRadius = 0.06;
		b.cloudiness = 0.3;
		b.horizon = 0.5;
		b.ground = 0.86;
		b.hillAmplitude = 0.13;
		b.haze = 0.85;
		b.layers = 5;
		b.trees = 14;
		b.conifers = 1;
		return new SceneRendererScene(b);
	}

	/** A small lake scene of odd size (333 x 257), for size-handling tests. */
	public static SceneRendererScene odd() {
		Builder b = new Builder("odd", 333, 257, 41);
		SceneRendererScene l = lake();
		b.skyTop = rgb(0x5b8fd0);
		b.skyHorizon = rgb(0xd6e6f2);
		b.sun = l.sun;
		b.cloud = rgb(0xffffff);
		b.groundFar = rgb(0x7d8ca0);
		b.groundNear = rgb(0x3f6a33);
		b.foliage = rgb(0x28482a);
		b.water = rgb(0x2b5d80);
		b.sunX = 0.75;
		b.sunY = 0.18;
		b.sunRadius = 0.05;
		b.cloudiness = 0.6;
		b.horizon = 0.4;
		b.ground = 0.55;
		b.hillAmplitude = 0.18;
		b.haze = 0.45;
		b.layers = 2;
		b.trees = 9;
		b.conifers = 0.5;
		b.waterline = 0.62;
		return new SceneRendererScene(b);
	}

	/** The same scene at another size (shapes scale with the height). */
	public SceneRendererScene resized(int w, int h) {
		Builder b = new Builder(name, w, h, seed);
		b.copy(this);
		return new SceneRendererScene(b);
	}

	static double[] rgb(int hex) {
		return new double[] { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0 };
	}

	private static final class Builder {

		final String name;
		final int width, height;
		final long seed;
		double[] skyTop, skyHorizon, sun, cloud, groundFar, groundNear, foliage, water = rgb(0x2a5070);
		double sunX, sunY, sunRadius, cloudiness, horizon, ground, hillAmplitude, haze, conifers, waterline;
		int layers, trees, flowers;

		Builder(String name, int width, int height, long seed) {
			if (width < 1 || height < 1) throw new IllegalArgumentException("Scene size must be at least 1x1");
			this.name = name;
			this.width = width;
			this.height = height;
			this.seed = seed;
		}

		void copy(SceneRendererScene s) {
			skyTop = s.skyTop;
			skyHorizon = s.skyHorizon;
			sun = s.sun;
			cloud = s.cloud;
			groundFar = s.groundFar;
			groundNear = s.groundNear;
			foliage = s.foliage;
			water = s.water;
			sunX = s.sunX;
			sunY = s.sunY;
			sunRadius = s.sunRadius;
			cloudiness = s.cloudiness;
			horizon = s.horizon;
			ground = s.ground;
			hillAmplitude = s.hillAmplitude;
			haze = s.haze;
			layers = s.layers;
			trees = s.trees;
			flowers = s.flowers;
			conifers = s.conifers;
			waterline = s.waterline;
		}
	}
}
