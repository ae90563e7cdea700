package org.audiostyle.nn;

import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * Initial weights of convolutions and linear layers, matching what the official code gets from PyTorch (the random
 * numbers themselves come from Java, so only the distributions match).
 */
public enum WeightInit {
	/** CUT's init_net(init_type='xavier', gain=0.02): weights N(0, 0.02 sqrt(2 / (fan_in + fan_out))), biases 0. */
	XAVIER_002,
	/** torchvision ResNet: kaiming_normal_(mode='fan_out', nonlinearity='relu'), std sqrt(2 / fan_out); biases 0. */
	KAIMING_FAN_OUT,
	/** PyTorch's default for Conv/Linear: weights and biases U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
	TORCH_DEFAULT,
	/** Our FiLM layers: weights N(0, 1/sqrt(fan_in)) (unit gain for unit-scale input), biases 0. */
	LECUN_NORMAL;

	/** fan_in and fan_out of a weight of shape [out, in, k...] (conv) or [out, in] (linear). */
	static long[] fans(Shape weightShape) {
		long receptive = 1;
		for (int i = 2; i < weightShape.dimension(); i++)
			receptive *= weightShape.get(i);
		return new long[] { weightShape.get(1) * receptive, weightShape.get(0) * receptive };
	}

	public float[] weight(Shape shape, Random random) {
		long[] fans = fans(shape);
		int n = Math.toIntExact(shape.size());
		switch (this) {
			case XAVIER_002:
				return normal(n, 0.02 * Math.sqrt(2.0 / (fans[0] + fans[1])), random);
			case KAIMING_FAN_OUT:
				return normal(n, Math.sqrt(2.0 / fans[1]), random);
			case TORCH_DEFAULT:
				return uniform(n, 1.0 / Math.sqrt(fans[0]), random);
			case LECUN_NORMAL:
				return normal(n, 1.0 / Math.sqrt(fans[0]), random);
			default:
				throw new AssertionError(this);
		}
	}

	/** Bias of a layer whose weight has shape {@code weightShape}. */
	public float[] bias(Shape weightShape, int n, Random random) {
		if (this == TORCH_DEFAULT) return uniform(n, 1.0 / Math.sqrt(fans(weightShape)[0]), random);
		return new float[n];
	}

	static float[] normal(int n, double std, Random random) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) (random.nextGaussian() * std);
		return v;
	}

	static float[] uniform(int n, double bound, Random random) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
		return v;
	}
}
