package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/** {@code nn.MaxPool2d(kernel, stride, padding)} with square windows (ResNet's stem uses 3, 2, 1). */
public final class MaxPool2d extends TorchLayer {

	private final int kernel;
	private final int stride;
	private final int padding;

	public MaxPool2d(int kernel, int stride, int padding) {
		this.kernel = kernel;
		this.stride = stride;
		this.padding = padding;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride), new Shape(padding, padding),
			false);
	}
}
