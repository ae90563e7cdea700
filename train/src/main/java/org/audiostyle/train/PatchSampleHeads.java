package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * CUT's {@code PatchSampleF} projection heads ("F"): one 2-layer MLP per encoder layer, Linear(C, 256) - ReLU -
 * Linear(256, 256), then L2 normalisation x / (||x|| + 1e-7). State-dict keys {@code mlp_<i>.0.weight},
 * {@code mlp_<i>.0.bias}, {@code mlp_<i>.2.weight}, {@code mlp_<i>.2.bias}.
 *
 * <p>CUT creates the heads lazily on the first forward pass (when the channel counts are known); here they are
 * created by {@link #ensureHeads} with the channel count of each layer, xavier-normal (gain 0.02) with zero biases,
 * from a seeded generator so the weights do not depend on when they are created.
 */
public final class PatchSampleHeads {

	private final ParameterGroup params = new ParameterGroup("F");
	private final NDManager manager;
	private final int width;
	private final long seed;
	private int layers;

	public PatchSampleHeads(NDManager manager, int width, long seed) {
		this.manager = manager;
		this.width = width;
		this.seed = seed;
	}

	public ParameterGroup params() {
		return params;
	}

	public int width() {
		return width;
	}

	public boolean initialized() {
		return layers > 0;
	}

	/** Creates the heads for layers with these channel counts, once. */
	public void ensureHeads(long[] channels) {
		if (layers > 0) {
			if (layers != channels.length)
				throw new IllegalStateException("Heads exist for " + layers + " layers, asked for " + channels.length);
			return;
		}
		SeededRandom rng = new SeededRandom(seed);
		for (int i = 0; i < channels.length; i++) {
			String p = "mlp_" + i;
			params.addParameter(p + ".0.weight",
				Initializers.xavierNormal(manager, new Shape(width, channels[i]), 0.02, rng));
			params.addParameter(p + ".0.bias", manager.zeros(new Shape(width)));
			params.addParameter(p + ".2.weight", Initializers.xavierNormal(manager, new Shape(width, width), 0.02, rng));
			params.addParameter(p + ".2.bias", manager.zeros(new Shape(width)));
		}
		layers = channels.length;
	}

	/** Projects sampled patch features (N x C) of layer i to N x width unit vectors. */
	public NDArray project(int layer, NDArray features) {
		String p = "mlp_" + layer;
		NDArray h = Ops.linear(features, params.get(p + ".0.weight"), params.get(p + ".0.bias"));
		h = Activation.relu(h);
		h = Ops.linear(h, params.get(p + ".2.weight"), params.get(p + ".2.bias"));
		return Ops.l2NormalizeRows(h);
	}
}
