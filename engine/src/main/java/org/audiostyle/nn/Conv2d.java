package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * {@code nn.Conv2d(in, out, kernel, stride, padding, bias)} with square kernels and zero padding. Parameters
 * {@code weight} [out, in, k, k] and optionally {@code bias} [out].
 */
public final class Conv2d extends TorchLayer {

	private final int in;
	private final int out;
	private final int kernel;
	private final int stride;
	private final int padding;
	private final WeightInit init;
	private final Parameter weight;
	private final Parameter bias;

	public Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias, WeightInit init) {
		this.in = in;
		this.out = out;
		this.kernel = kernel;
		this.stride = stride;
		this.padding = padding;
		this.init = init;
		this.weight = weight("weight", Parameter.Type.WEIGHT, new Shape(out, in, kernel, kernel));
		this.bias = bias ? weight("bias", Parameter.Type.BIAS, new Shape(out)) : null;
	}

	public int inChannels() {
		return in;
	}

	public int outChannels() {
		return out;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return GradSafeConv.conv2d(x, weight.getArray(), bias == null ? null : bias.getArray(), stride, padding);
	}

	/**
	 * The contribution of input channels [from, from + C') to the output: {@code x} holds just those channels. Summing
	 * the parts of all channel ranges (bias on exactly one of them) gives {@link #apply}.
	 */
	NDArray applyToInputChannels(NDArray x, long from, boolean withBias) {
		long c = x.getShape().get(1);
		NDArray w = Padding.slice(weight.getArray(), 1, from, from + c);
		return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, withBias && bias != null ? bias.getArray() : null,
			new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		if (name.equals("weight")) return init.weight(shape, random);
		return init.bias(weight.getShape(), out, random);
	}
}
