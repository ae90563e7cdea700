package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code nn.ReplicationPad2d(p)}: repeats the edge pixels p times at each border of an N x C x H x W input. Like
 * {@link ReflectionPad2d}: matrix products when gradients may be taken, slices in low-memory inference.
 */
public final class ReplicationPad2d extends TorchLayer {

	private final int pad;

	public ReplicationPad2d(int pad) {
		this.pad = pad;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		if (pad == 0) return x;
		if (ctx.inferenceOnly()) return Padding.replicate(Padding.replicate(x, 2, pad, pad), 3, pad, pad);
		int h = Math.toIntExact(x.getShape().get(2));
		int w = Math.toIntExact(x.getShape().get(3));
		return AxisMatrices.apply(x, AxisMatrices.replicatePad(h, pad), h + 2 * pad,
			AxisMatrices.replicatePad(w, pad), w + 2 * pad);
	}
}
