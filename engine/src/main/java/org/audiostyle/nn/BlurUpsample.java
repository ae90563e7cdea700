package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * CUT's anti-aliased {@code Upsample(channels)}: replication pad 1, depthwise {@code conv_transpose2d} with the fixed
 * filter ([1,3,3,1] x [1,3,3,1] / 64) * 4 at stride 2 and padding 2, then crop [1:, 1:] and [:-1, :-1]. An H x W input
 * gives 2H x 2W. Buffer {@code filt} [C, 1, 4, 4].
 * <p>
 * DJL's PyTorch engine has no transposed convolution. Written out, the cropped result is, per axis,
 * out[2m + a] = sum over t in {0, 1, 2} of k_a[t] * xp[m + t] (xp the padded input) with k_0 = [f3, f1, 0] and
 * k_1 = [0, f2, f0] (f the filter taps): four ordinary 3 x 3 correlations ("polyphase" parts a, b in {0, 1}) computed
 * as one grouped convolution with 4 outputs per channel, then interleaved by a transpose. This needs far less memory
 * and work than zero-stuffing the input to twice its size and correlating with the whole flipped filter.
 * <p>
 * When gradients may be taken (not in low-memory inference) and the filter is separable and the same for every
 * channel, the same map is applied per axis as a 2H x H matrix product instead (see {@code AxisMatrices}), whose
 * backward pass is much faster on CPU than that of the grouped convolution.
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
		if (!ctx.inferenceOnly()) {
			// When gradients may be taken and the filter is one separable u v^T for all channels (CUT's is), two
			// matrix products do the padding, transposed convolution and crops: same numbers, faster backward.
			double[][] uv = AxisMatrices.separable(filt.getArray().toFloatArray(), 4);
			if (uv != null) return applyAsMatrices(x, uv);
		}
		return applyToChannels(x, 0, ctx);
	}

	private NDArray applyAsMatrices(NDArray x, double[][] uv) {
		Shape s = x.getShape();
		if (s.dimension() != 4 || s.get(1) != channels)
			throw new IllegalArgumentException("Upsample has " + channels + " channels, got " + s);
		int h = Math.toIntExact(s.get(2));
		int w = Math.toIntExact(s.get(3));
		return AxisMatrices.apply(x, AxisMatrices.blurUpsample(h, uv[0]), 2 * h, AxisMatrices.blurUpsample(w, uv[1]),
			2 * w);
	}

	/**
	 * Upsamples {@code x}, which holds channels [first, first + C') of this layer's input; lets low-memory inference
	 * process the channels in chunks.
	 */
	NDArray applyToChannels(NDArray x, long first, ForwardContext ctx) {
		Shape s = x.getShape();
		long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
		if (first < 0 || first + c > channels)
			throw new IllegalArgumentException("Upsample has " + channels + " channels, got " + s + " from " + first);
		NDArray padded = Padding.replicate(Padding.replicate(x, 2, 1, 1), 3, 1, 1);
		NDArray all = ai.djl.nn.convolutional.Conv2d.conv2d(padded, polyphaseKernels(first, first + c, x), null,
			new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), Math.toIntExact(c)).singletonOrThrow();
		if (ctx.inferenceOnly()) padded.close();
		// [N, C, a, b, H, W] -> [N, C, H, a, W, b] -> [N, C, 2H, 2W]
		NDArray out = all.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
		if (ctx.inferenceOnly()) all.close();
		return out;
	}

	/**
	 * [4C, 1, 3, 3] for channels [from, to): output channel 4c + 2a + b holds part (a, b) of channel c. With z the
	 * flipped filter zero-padded by one on each side (6 x 6), part (a, b) is z[1 - a :: 2, 1 - b :: 2]. Built in Java
	 * from the buffer's values and created in the input's manager, so nothing is left behind in the (long-lived)
	 * manager of the parameters.
	 */
	private NDArray polyphaseKernels(long from, long to, NDArray x) {
		float[] f = filt.getArray().toFloatArray();
		int count = Math.toIntExact(to - from);
		float[] k = new float[count * 4 * 9];
		for (int c = 0; c < count; c++) {
			int base = Math.toIntExact(from + c) * 16;
			for (int a = 0; a < 2; a++)
				for (int b = 0; b < 2; b++)
					for (int s = 0; s < 3; s++)
						for (int t = 0; t < 3; t++) {
							int zi = 1 - a + 2 * s, zj = 1 - b + 2 * t;
							boolean inside = zi >= 1 && zi <= 4 && zj >= 1 && zj <= 4;
							k[((4 * c + 2 * a + b) * 3 + s) * 3 + t] = inside ? f[base + (4 - zi) * 4 + (4 - zj)] : 0;
						}
		}
		return x.getManager().create(k, new Shape(4L * count, 1, 3, 3)).toDevice(x.getDevice(), false);
	}

	/**
	 * Whether {@code filt} ([channels, 1, 4, 4], row-major) is CUT's standard filter for every channel, the case in
	 * which this layer equals bilinear 2x upsampling (see {@code GeneratorScript}).
	 */
	public static boolean isStandardFilter(float[] filt, int channels) {
		float[] standard = tiledFilter(new double[] { 1, 3, 3, 1 }, 4.0, channels);
		if (filt.length != standard.length) return false;
		for (int i = 0; i < filt.length; i++)
			if (Math.abs(filt[i] - standard[i]) > 1e-6f) return false;
		return true;
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
