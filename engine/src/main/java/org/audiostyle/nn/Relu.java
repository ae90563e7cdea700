package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** {@code nn.ReLU}. */
public final class Relu extends TorchLayer {

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return Activation.relu(x);
	}
}
