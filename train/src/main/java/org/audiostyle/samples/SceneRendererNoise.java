package org.audiostyle.samples;

/**
 * Seeded value noise for {@link SceneRenderer}: random values on an integer lattice, smoothly interpolated, summed
 * over octaves (fractal Brownian motion). Only integer hashing and plain arithmetic (+, *, floor; no
 * sin/exp/pow), so results are bit-identical on every JVM and CPU.
 */
final class SceneRendererNoise {

	private final long seed;

	SceneRendererNoise(long seed) {
		this.seed = mix(seed ^ 0x5DEECE66DL);
	}

	/** SplitMix64's finaliser: a strong 64-bit mixer. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A uniform value in [0, 1) determined by the seed and (a, b). */
	double hash(long a, long b) {
		long h = mix(seed + a * 0x9E3779B97F4A7C15L + mix(b * 0xC2B2AE3D27D4EB4FL));
		return (h >>> 11) * 0x1.0p-53;
	}

	/** Smoothly interpolated lattice noise in [0, 1]. */
	double value(double x, double y) {
		double fx = Math.floor(x), fy = Math.floor(y);
		long ix = (long) fx, iy = (long) fy;
		double tx = smooth(x - fx), ty = smooth(y - fy);
		double a = hash(ix, iy), b = hash(ix + 1, iy), c = hash(ix, iy + 1), d = hash(ix + 1, iy + 1);
		double top = a + (b - a) * tx, bottom = c + (d - c) * tx;
		return top + (bottom - top) * ty;
	}

	/** 1-D noise in [0, 1] (a row of the 2-D lattice far from the others). */
	double value(double x) {
		return value(x, 7919.5);
	}

	/** Octaves of noise, each twice the frequency and half the amplitude; normalised to [0, 1]. */
	double fbm(double x, double y, int octaves) {
		double sum = 0, amp = 1, norm = 0;
		for (int o = 0; o < octaves; o++) {
			// shift each octave so lattice points of different octaves do not line up
			sum += amp * value(x + o * 17.31, y - o * 9.77);
			norm += amp;
			amp *= 0.5;
			x *= 2;
			y *= 2;
		}
		return sum / norm;
	}

	double fbm(double x, int octaves) {
		return fbm(x, 7919.5, octaves);
	}

	private static double smooth(double t) {
		return t * t * (3 - 2 * t);
	}
}
