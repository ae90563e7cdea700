package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link TorchBlock} with one input and one output, like most PyTorch modules. The work is done in
 * {@link #apply(NDArray, ForwardContext)}; DJL's {@code forward} delegates to it. Results are created in the
 * input's NDManager, which is what the low-memory inference of {@link ResnetGenerator#infer} relies on.
 */
public abstract class TorchLayer extends TorchBlock {

	/** Runs the layer. {@code ctx} carries the training flag, instance-norm statistics and FiLM modulation. */
	public abstract NDArray apply(NDArray x, ForwardContext ctx);

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
		PairList<String, Object> params) {
		return new NDList(apply(inputs.singletonOrThrow(), new ForwardContext(training)));
	}
}
