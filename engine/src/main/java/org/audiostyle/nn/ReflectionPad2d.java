package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/** {@code nn.ReflectionPad2d(p)}: reflects p pixels at each border of an N x C x H x W input. */
public final class ReflectionPad2d extends TorchLayer {

	private final int pad;

	public ReflectionPad2d(int pad) {
		this.pad = pad;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return Padding.reflect(Padding.reflect(x, 2, pad, pad), 3, pad, pad);
	}
}
