package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code nn.Sequential}: children named "0", "1", ... run in order. */
public final class TorchSequential extends TorchLayer {

	private final List<TorchLayer> layers = new ArrayList<>();

	public TorchSequential add(TorchLayer layer) {
		child(Integer.toString(layers.size()), layer);
		layers.add(layer);
		return this;
	}

	public List<TorchLayer> layers() {
		return Collections.unmodifiableList(layers);
	}

	public TorchLayer layer(int index) {
		return layers.get(index);
	}

	public int size() {
		return layers.size();
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		for (TorchLayer l : layers)
			x = l.apply(x, ctx);
		return x;
	}

	/**
	 * Runs layers in order and returns the outputs of those at {@code indices} (in the order given), stopping after
	 * the last one needed, like the official {@code forward(..., layers, encode_only=True)}.
	 */
	public List<NDArray> outputsAt(NDArray x, ForwardContext ctx, int[] indices) {
		int last = -1;
		for (int i : indices) {
			if (i < 0 || i >= layers.size())
				throw new IllegalArgumentException("Layer index " + i + " outside 0.." + (layers.size() - 1));
			last = Math.max(last, i);
		}
		NDArray[] found = new NDArray[layers.size()];
		for (int i = 0; i <= last; i++) {
			x = layers.get(i).apply(x, ctx);
			found[i] = x;
		}
		List<NDArray> out = new ArrayList<>(indices.length);
		for (int i : indices)
			out.add(found[i]);
		return out;
	}
}
