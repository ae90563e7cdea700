package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * CUT's anti-aliased {@code Downsample(channels)}: reflection pad 1, then a depthwise blur with the fixed filter
 * [1,2,1] x [1,2,1] / 16 at stride 2. An H x W input gives ceil(H/2) x ceil(W/2). Buffer {@code filt} [C, 1, 3, 3].
 */
public final class BlurDownsample extends TorchLayer {

	private final int channels;
	private final Parameter filt;

	public BlurDownsample(int channels) {
		this.channels = channels;
		this.filt = buffer("filt", Parameter.Type.OTHER, new Shape(channels, 1, 3, 3));
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		NDArray padded = Padding.reflect(Padding.reflect(x, 2, 1, 1), 3, 1, 1);
		return ai.djl.nn.convolutional.Conv2d.conv2d(padded, filt.getArray(), null, new Shape(2, 2),
			new Shape(0, 0), new Shape(1, 1), channels).singletonOrThrow();
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		return BlurUpsample.tiledFilter(new double[] { 1, 2, 1 }, 1.0, channels);
	}
}
