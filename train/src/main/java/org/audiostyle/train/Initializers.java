package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Seeded weight initialisers; values are drawn in Java so the same seed gives the same weights everywhere. */
public final class Initializers {

	private Initializers() {}

	/**
	 * PyTorch's {@code xavier_normal_(w, gain)}: normal with std = gain * sqrt(2 / (fan_in + fan_out)), where for a
	 * conv weight (out, in, kh, kw) fan_in = in*kh*kw and fan_out = out*kh*kw. CUT's {@code init_net} uses gain 0.02
	 * for every conv and linear weight of G, D and F.
	 */
	public static NDArray xavierNormal(NDManager manager, Shape shape, double gain, SeededRandom rng) {
		long receptive = 1;
		for (int i = 2; i < shape.dimension(); i++)
			receptive *= shape.get(i);
		long fanIn = shape.get(1) * receptive;
		long fanOut = shape.get(0) * receptive;
		double std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
		float[] v = new float[Math.toIntExact(shape.size())];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (rng.nextGaussian() * std);
		return manager.create(v, shape);
	}

	public static NDArray zeros(NDManager manager, Shape shape) {
		return manager.zeros(shape);
	}
}
