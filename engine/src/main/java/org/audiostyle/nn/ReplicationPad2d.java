package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/** {@code nn.ReplicationPad2d(p)}: repeats the edge pixels p times at each border of an N x C x H x W input. */
public final class ReplicationPad2d extends TorchLayer {

	private final int pad;

	public ReplicationPad2d(int pad) {
		this.pad = pad;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return Padding.replicate(Padding.replicate(x, 2, pad, pad), 3, pad, pad);
	}
}
