package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/**
 * {@code nn.ReflectionPad2d(p)}: reflects p pixels at each border of an N x C x H x W input. When gradients may be
 * taken it pads with two fixed 0/1 matrix products (fast backward, see {@code AxisMatrices}); low-memory inference
 * copies slices instead (no H x H matrices, no arithmetic).
 */
public final class ReflectionPad2d extends TorchLayer {

	private final int pad;

	public ReflectionPad2d(int pad) {
		this.pad = pad;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		if (pad == 0) return x;
		if (ctx.inferenceOnly()) return Padding.reflect(Padding.reflect(x, 2, pad, pad), 3, pad, pad);
		int h = Math.toIntExact(x.getShape().get(2));
		int w = Math.toIntExact(x.getShape().get(3));
		return AxisMatrices.apply(x, AxisMatrices.reflectPad(h, pad), h + 2 * pad, AxisMatrices.reflectPad(w, pad),
			w + 2 * pad);
	}
}
