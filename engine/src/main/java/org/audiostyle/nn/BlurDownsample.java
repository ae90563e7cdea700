package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * CUT's anti-aliased {@code Downsample(channels)}: reflection pad 1, then a depthwise blur with the fixed filter
 * [1,2,1] x [1,2,1] / 16 at stride 2. An H x W input gives ceil(H/2) x ceil(W/2). Buffer {@code filt} [C, 1, 3, 3].
 * <p>
 * When gradients may be taken and the stored filter is the same separable filter u v^T for every channel (as
 * CUT's is), the padding, blur and stride are folded into two matrix products (rows by u, columns by v): the same
 * numbers with a backward pass several times faster than that of the depthwise convolution. Otherwise, and in
 * low-memory inference, it runs the convolution itself.
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
		if (x.getShape().dimension() != 4 || x.getShape().get(1) != channels)
			throw new IllegalArgumentException("Downsample has " + channels + " channels, got " + x.getShape());
		if (!ctx.inferenceOnly()) {
			// A few dozen floats, read on every pass so a replaced or reloaded buffer is always honoured.
			double[][] uv = AxisMatrices.separable(filt.getArray().toFloatArray(), 3);
			if (uv != null) {
				int h = Math.toIntExact(x.getShape().get(2));
				int w = Math.toIntExact(x.getShape().get(3));
				return AxisMatrices.apply(x, AxisMatrices.blurDownsample(h, uv[0]), AxisMatrices.downsampledLength(h),
					AxisMatrices.blurDownsample(w, uv[1]), AxisMatrices.downsampledLength(w));
			}
		}
		NDArray padded = Padding.reflect(Padding.reflect(x, 2, 1, 1), 3, 1, 1);
		NDArray out = ai.djl.nn.convolutional.Conv2d.conv2d(padded, filt.getArray(), null, new Shape(2, 2),
			new Shape(0, 0), new Shape(1, 1), channels).singletonOrThrow();
		if (ctx.inferenceOnly()) padded.close();
		return out;
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		return BlurUpsample.tiledFilter(new double[] { 1, 2, 1 }, 1.0, channels);
	}
}
