package org.audiostyle.train;

/**
 * A small seeded random generator whose whole state is one {@code long}, so a checkpoint can store it and a resumed run
 * draws exactly the numbers an uninterrupted run would have drawn. SplitMix64 (Steele, Lea and Flood 2014): fast,
 * passes BigCrush, and trivially splittable into independent streams by seeding from {@link #nextLong()}.
 *
 * <p>Every random choice of training (data order, crops, flips, patch ids, initial weights) comes from instances of
 * this class; nothing uses the engine's global RNG, whose state cannot be saved.
 */
public final class SeededRandom {

	private long state;

	public SeededRandom(long seed) {
		this.state = seed;
	}

	/** The full state; {@code new SeededRandom(0).setState(r.state())} continues r's sequence. */
	public long state() {
		return state;
	}

	public void setState(long state) {
		this.state = state;
	}

	public long nextLong() {
		long z = (state += 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A new generator seeded from this one (an independent stream). */
	public SeededRandom split() {
		return new SeededRandom(nextLong());
	}

	/** Uniform in [0, 1) with 53 random bits. */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	public int nextInt(int bound) {
		if (bound <= 0) throw new IllegalArgumentException("bound must be > 0, got " + bound);
		// Rejection sampling removes the modulo bias.
		long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
		while (true) {
			long r = nextLong() >>> 1;
			if (r < limit) return (int) (r % bound);
		}
	}

	public boolean nextBoolean() {
		return nextLong() < 0;
	}

	/**
	 * Standard normal by Box-Muller. Both uniforms are drawn on every call and the second normal is discarded, so the
	 * state stays a single long (no cached spare value to checkpoint).
	 */
	public double nextGaussian() {
		double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
		double u2 = nextDouble();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
	public int[] permutation(int n) {
		int[] p = new int[n];
		for (int i = 0; i < n; i++)
			p[i] = i;
		for (int i = n - 1; i > 0; i--) {
			int j = nextInt(i + 1);
			int t = p[i];
			p[i] = p[j];
			p[j] = t;
		}
		return p;
	}

	/** Index i drawn with probability weights[i] / sum(weights). */
	public int nextWeighted(double[] weights) {
		double total = 0;
		for (double w : weights)
			total += w;
		if (!(total > 0)) throw new IllegalArgumentException("Weights must have a positive sum.");
		double r = nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		// Rounding can leave r at ~0 after the last positive weight.
		for (int i = weights.length - 1; i >= 0; i--)
			if (weights[i] > 0) return i;
		throw new IllegalStateException("unreachable");
	}
}
