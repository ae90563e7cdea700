package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.util.LinkedHashMap;

/**
 * PyTorch-style access to the parameters of our networks, for the checkpoint importer and tests. Keys are exactly
 * those of the official {@code state_dict} (e.g. {@code model_down.12.conv_block.1.weight},
 * {@code AudioLayer2.0.downsample.1.running_var}, {@code stft.wsin}); BatchNorm {@code num_batches_tracked} entries
 * of a checkpoint have no counterpart and must be skipped by the importer.
 */
public final class StateDict {

	private StateDict() {
	}

	/** All parameters and buffers of {@code root} (a {@link TorchBlock}) keyed like PyTorch's state_dict. */
	public static LinkedHashMap<String, Parameter> of(Block root) {
		if (!(root instanceof TorchBlock))
			throw new IllegalArgumentException("Not an Audio Style network: " + root.getClass().getName());
		return ((TorchBlock) root).stateDict();
	}

	/**
	 * Overwrites the values of an initialised parameter in place (its NDArray, NDManager and gradient flag stay),
	 * e.g. with a tensor read from a checkpoint. {@code values} are row-major and must fill the declared shape.
	 */
	public static void copy(Parameter p, float[] values) {
		Shape s = p.getShape();
		if (values.length != s.size())
			throw new IllegalArgumentException("Parameter '" + p.getName() + "' of shape " + s + " needs " + s.size() +
				" values, got " + values.length);
		if (!p.isInitialized())
			throw new IllegalStateException("Parameter '" + p.getName() + "' has no array yet: initialize the " +
				"network (any seed) before copying values into it");
		NDArray array = p.getArray();
		array.set(values);
	}
}
