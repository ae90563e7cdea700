package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * CUT's anti-aliased {@code Upsample(channels)}: replication pad 1, depthwise {@code conv_transpose2d} with the fixed
 * filter ([1,3,3,1] x [1,3,3,1] / 64) * 4 at stride 2 and padding 2, then crop [1:, 1:] and [:-1, :-1]. An H x W input
 * gives 2H x 2W. Buffer {@code filt} [C, 1, 4, 4].
 * <p>
 * DJL's PyTorch engine has no transposed convolution, so it is rewritten as the equivalent ordinary one: insert a
 * zero between neighbouring input pixels, zero-pad by kernel - 1 - padding = 1, and correlate with the spatially
 * flipped kernel (a transposed conv scatters each input pixel through the kernel; gathering through the flipped
 * kernel over the zero-stuffed input sums the same terms).
 */
public final class BlurUpsample extends TorchLayer {

	private final int channels;
	private final Parameter filt;

	public BlurUpsample(int channels) {
		this.channels = channels;
		this.filt = buffer("filt", Parameter.Type.OTHER, new Shape(channels, 1, 4, 4));
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		NDArray padded = Padding.replicate(Padding.replicate(x, 2, 1, 1), 3, 1, 1);
		NDArray stuffed = zeroStuff(zeroStuff(padded, 2), 3);
		NDArray full = ai.djl.nn.convolutional.Conv2d.conv2d(stuffed, filt.getArray().flip(2, 3), null,
			new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), channels).singletonOrThrow();
		// full is (2H + 2) x (2W + 2); the official code keeps [1 : 2H + 1] on both axes.
		long h = full.getShape().get(2);
		long w = full.getShape().get(3);
		return Padding.slice(Padding.slice(full, 2, 1, h - 1), 3, 1, w - 1);
	}

	/** Inserts one zero between neighbours along {@code axis} (length n becomes 2n - 1). */
	static NDArray zeroStuff(NDArray x, int axis) {
		long[] dims = x.getShape().getShape();
		long n = dims[axis];
		NDArray pairs = NDArrays.stack(new NDList(x, x.zerosLike()), axis + 1);
		dims[axis] = 2 * n;
		return Padding.slice(pairs.reshape(new Shape(dims)), axis, 0, 2 * n - 1);
	}

	/** outer(a, a) / sum * scale, repeated for each channel: [channels, 1, k, k]. */
	static float[] tiledFilter(double[] a, double scale, int channels) {
		int k = a.length;
		double sum = 0;
		for (double u : a)
			for (double v : a)
				sum += u * v;
		float[] out = new float[channels * k * k];
		for (int c = 0; c < channels; c++)
			for (int i = 0; i < k; i++)
				for (int j = 0; j < k; j++)
					out[(c * k + i) * k + j] = (float) (a[i] * a[j] / sum * scale);
		return out;
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		return tiledFilter(new double[] { 1, 3, 3, 1 }, 4.0, channels);
	}
}
