package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/** {@code nn.Tanh}: the generator's output non-linearity, giving values in [-1, 1]. */
public final class Tanh extends TorchLayer {

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return x.tanh();
	}
}
