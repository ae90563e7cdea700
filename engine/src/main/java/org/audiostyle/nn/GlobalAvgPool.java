package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/** {@code nn.AdaptiveAvgPool2d(1)}: N x C x H x W to N x C x 1 x 1 (mean over all pixels of each channel). */
public final class GlobalAvgPool extends TorchLayer {

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		long n = x.getShape().get(0);
		long c = x.getShape().get(1);
		// One reshape + single-axis mean: PyTorch-engine DJL rejects a multi-axis mean.
		return x.reshape(n, c, -1).mean(new int[] { 2 }, true).reshape(n, c, 1, 1);
	}
}
