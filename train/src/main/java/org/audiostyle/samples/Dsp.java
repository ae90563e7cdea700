package org.audiostyle.samples;

import java.util.Random;

/**
 * The few signal blocks the synthesizer needs. StrictMath and java.util.Random (whose algorithm is specified) make
 * every result identical on every JVM, so the committed sample sounds can be checked against a fresh synthesis.
 */
strictfp final class Dsp {

	private Dsp() {}

	/** Uniform white noise in [-1, 1). */
	static double[] white(Random random, int n) {
		double[] x = new double[n];
		for (int i = 0; i < n; i++)
			x[i] = 2 * random.nextDouble() - 1;
		return x;
	}

	/** One-pole low-pass at {@code hz}, in place (6 dB/octave: apply twice for a steeper slope). */
	static double[] lowpass(double[] x, double hz, double rate) {
		double a = 1 - StrictMath.exp(-2 * StrictMath.PI * hz / rate);
		double y = 0;
		for (int i = 0; i < x.length; i++)
			x[i] = y += a * (x[i] - y);
		return x;
	}

	/** One-pole high-pass at {@code hz} (the input minus its low-pass), in place. */
	static double[] highpass(double[] x, double hz, double rate) {
		double a = 1 - StrictMath.exp(-2 * StrictMath.PI * hz / rate);
		double y = 0;
		for (int i = 0; i < x.length; i++) {
			y += a * (x[i] - y);
			x[i] -= y;
		}
		return x;
	}

	/** Band-pass biquad (RBJ cookbook, 0 dB peak) whose centre may move each sample, in place. */
	static double[] bandpass(double[] x, double[] centreHz, double q, double rate) {
		double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
		for (int i = 0; i < x.length; i++) {
			double w = 2 * StrictMath.PI * centreHz[i] / rate;
			double alpha = StrictMath.sin(w) / (2 * q);
			double a0 = 1 + alpha;
			double b0 = alpha / a0, b2 = -alpha / a0;
			double a1 = -2 * StrictMath.cos(w) / a0, a2 = (1 - alpha) / a0;
			double y = b0 * x[i] + b2 * x2 - a1 * y1 - a2 * y2;
			x2 = x1;
			x1 = x[i];
			y2 = y1;
			y1 = y;
			x[i] = y;
		}
		return x;
	}

	/** A slow random wobble in about [-1, 1]: white noise low-passed at {@code hz} (twice) and rescaled. */
	static double[] wobble(Random random, int n, double hz, double rate) {
		double[] x = lowpass(lowpass(white(random, n), hz, rate), hz, rate);
		return scaleToPeak(x, 1);
	}

	/** Adds a decaying sine whose frequency glides from f0 to f1 over its life (a water drop, a pop). */
	static void addDampedSine(double[] out, int start, double f0, double f1, double decaySeconds, double amplitude,
		double rate)
	{
		int n = (int) (5 * decaySeconds * rate);
		double phase = 0;
		for (int i = 0; i < n && start + i < out.length; i++) {
			double t = i / rate;
			double f = f0 + (f1 - f0) * i / n;
			phase += 2 * StrictMath.PI * f / rate;
			out[start + i] += amplitude * StrictMath.exp(-t / decaySeconds) * StrictMath.sin(phase);
		}
	}

	/** Adds a burst of white noise with an exponential decay (a click, a crackle, a crack of thunder). */
	static void addNoiseBurst(double[] out, int start, double decaySeconds, double amplitude, Random random,
		double rate)
	{
		int n = (int) (5 * decaySeconds * rate);
		for (int i = 0; i < n && start + i < out.length; i++)
			out[start + i] += amplitude * StrictMath.exp(-i / rate / decaySeconds) * (2 * random.nextDouble() - 1);
	}

	/** sin² rise and fall of {@code seconds} at both ends: no clicks when the clip starts, stops or is tiled. */
	static void fadeEdges(double[] x, double seconds, double rate) {
		int n = Math.min(x.length / 2, (int) (seconds * rate));
		for (int i = 0; i < n; i++) {
			double s = StrictMath.sin(0.5 * StrictMath.PI * i / n);
			x[i] *= s * s;
			x[x.length - 1 - i] *= s * s;
		}
	}

	/** Scales in place so the largest magnitude is {@code peak} (silence stays silence). */
	static double[] scaleToPeak(double[] x, double peak) {
		double max = 0;
		for (double v : x)
			max = Math.max(max, Math.abs(v));
		if (max > 0) for (int i = 0; i < x.length; i++)
			x[i] *= peak / max;
		return x;
	}

	/** Adds {@code gain * b} to {@code a} in place. */
	static void add(double[] a, double[] b, double gain) {
		for (int i = 0; i < a.length; i++)
			a[i] += gain * b[i];
	}

	/** Exponentially distributed waiting time for events at {@code perSecond} (Poisson process). */
	static double nextGap(Random random, double perSecond) {
		return -StrictMath.log(1 - random.nextDouble()) / perSecond;
	}

	/** A smooth bump exp(-((t - centre) / width)²). */
	static double bump(double t, double centre, double width) {
		double z = (t - centre) / width;
		return StrictMath.exp(-z * z);
	}
}
