package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/** Generated inputs for the network tests: smooth images with noise, and two clearly different sounds. */
final class TestData {

	static final NetworkConfig TINY_FILM = NetworkConfig.tiny();
	static final NetworkConfig TINY_CONCAT = NetworkConfig.tiny().withConditioning(NetworkConfig.Conditioning.CONCAT);

	private TestData() {
	}

	/** A tiny generator with seeded random weights in {@code m}. */
	static ResnetGenerator generator(NDManager m, NetworkConfig c, long seed) {
		ResnetGenerator g = new ResnetGenerator(c);
		g.initialize(m, seed);
		return g;
	}

	/** N x 3 x h x w image in about [-0.7, 0.7]. */
	static NDArray image(NDManager m, int n, int h, int w, long seed) {
		Random r = new Random(seed);
		float[] v = new float[n * 3 * h * w];
		for (int b = 0; b < n; b++)
			for (int c = 0; c < 3; c++)
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						v[((b * 3 + c) * h + y) * w + x] = (float) (0.5 * Math.sin(x * 0.1 + c + b) *
							Math.cos(y * 0.07) + 0.1 * r.nextGaussian());
		return m.create(v, new Shape(n, 3, h, w));
	}

	/** 3 s at 16 kHz, peak-normalised like the paper: kind 0 is a 440 Hz tone, kind 1 white noise. */
	static float[] sound(int kind) {
		float[] w = new float[48000];
		Random r = new Random(kind);
		for (int i = 0; i < w.length; i++)
			w[i] = kind == 0 ? (float) Math.sin(2 * Math.PI * 440 * i / 16000.0) : (float) r.nextGaussian();
		float max = 0;
		for (float v : w)
			max = Math.max(max, Math.abs(v));
		for (int i = 0; i < w.length; i++)
			w[i] /= max * 1.1f;
		return w;
	}

	/** Both sounds as a 2 x 48000 batch. */
	static NDArray twoSounds(NDManager m) {
		float[] a = sound(0);
		float[] b = sound(1);
		float[] both = new float[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return m.create(both, new Shape(2, 48000));
	}

	static double maxAbsDiff(NDArray a, NDArray b) {
		float[] x = a.toFloatArray();
		float[] y = b.toFloatArray();
		double d = 0;
		for (int i = 0; i < x.length; i++)
			d = Math.max(d, Math.abs(x[i] - y[i]));
		return d;
	}
}
