package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/** {@code nn.Linear(in, out)}: {@code weight} [out, in], {@code bias} [out]; input N x in. */
public final class Linear extends TorchLayer {

	private final int out;
	private final WeightInit init;
	private final double gain;
	private final Parameter weight;
	private final Parameter bias;

	public Linear(int in, int out, WeightInit init) {
		this(in, out, init, 1.0);
	}

	/** {@code gain} scales the initial weights (biases keep their scheme); used for FiLM's small start. */
	public Linear(int in, int out, WeightInit init, double gain) {
		this.out = out;
		this.init = init;
		this.gain = gain;
		this.weight = weight("weight", Parameter.Type.WEIGHT, new Shape(out, in));
		this.bias = weight("bias", Parameter.Type.BIAS, new Shape(out));
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return ai.djl.nn.core.Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		if (name.equals("bias")) return init.bias(weight.getShape(), out, random);
		float[] w = init.weight(shape, random);
		if (gain != 1.0)
			for (int i = 0; i < w.length; i++)
				w[i] *= gain;
		return w;
	}
}
