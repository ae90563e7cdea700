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
 * DJL's PyTorch engine has no transposed convolution. Written out, the cropped result is, per axis,
 * out[2m + a] = sum over u in {0, 1} of filt[3 - a - 2u] * xp[m + a + u] (xp the padded input), i.e. four ordinary
 * 2 x 2 correlations ("polyphase" parts a, b in {0, 1}) with the flipped filter's taps at stride 2, interleaved.
 * That is 4 times fewer operations and far less memory than zero-stuffing the input to twice its size and
 * correlating with the whole flipped 4 x 4 filter.
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
		Shape s = x.getShape();
		long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
		if (c != channels)
			throw new IllegalArgumentException("Upsample expects " + channels + " channels, got " + s);
		boolean free = ctx.inferenceOnly();
		NDArray padded = Padding.replicate(Padding.replicate(x, 2, 1, 1), 3, 1, 1);
		// Polyphase kernels [C * 4, 1, 2, 2], output channel 4c + 2a + b holds part (a, b) of channel c.
		NDArray flipped = filt.getArray().flip(2, 3);
		NDList parts = new NDList(4);
		for (int a = 0; a < 2; a++)
			for (int b = 0; b < 2; b++)
				parts.add(flipped.get(":, 0, " + a + "::2, " + b + "::2"));
		NDArray kernels = NDArrays.stack(parts, 1).reshape(4 * c, 1, 2, 2);
		NDArray all = ai.djl.nn.convolutional.Conv2d.conv2d(padded, kernels, null, new Shape(1, 1), new Shape(0, 0),
			new Shape(1, 1), channels).singletonOrThrow().reshape(n, c, 2, 2, h + 1, w + 1);
		if (free) padded.close();
		NDList rows = new NDList(2);
		for (int a = 0; a < 2; a++) {
			NDList cols = new NDList(2);
			for (int b = 0; b < 2; b++)
				cols.add(all.get(":, :, " + a + ", " + b + ", " + a + ":" + (a + h) + ", " + b + ":" + (b + w)));
			rows.add(NDArrays.stack(cols, 4)); // [N, C, H, W, 2]: column parity last
		}
		if (free) all.close();
		NDArray out = NDArrays.stack(rows, 3).reshape(n, c, 2 * h, 2 * w); // [N, C, H, 2, W, 2]
		if (free) rows.close();
		return out;
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
