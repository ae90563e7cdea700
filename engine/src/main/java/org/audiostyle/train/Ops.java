package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Differentiable building operations for the training-only networks of this package (discriminator, projection heads,
 * critic), written over plain NDArrays. They follow the PyTorch definitions the paper's code uses; DJL lacks
 * reflection padding and instance norm, and its multi-axis mean is unsupported on PyTorch, hence the workarounds.
 */
public final class Ops {

	private Ops() {}

	/** torch {@code ReflectionPad2d(p)} on N x C x H x W, built from flipped slices (DJL pads with constants only). */
	public static NDArray reflectionPad2d(NDArray x, int p) {
		if (p == 0) return x;
		long h = x.getShape().get(2);
		long w = x.getShape().get(3);
		if (p >= h || p >= w)
			throw new IllegalArgumentException("Reflection padding " + p + " needs a map larger than " + p + ", got " +
				h + "x" + w);
		NDArray left = x.get(":, :, :, 1:" + (p + 1)).flip(3);
		NDArray right = x.get(":, :, :, " + (w - 1 - p) + ":" + (w - 1)).flip(3);
		NDArray wide = NDArrays.concat(new ai.djl.ndarray.NDList(left, x, right), 3);
		NDArray top = wide.get(":, :, 1:" + (p + 1) + ", :").flip(2);
		NDArray bottom = wide.get(":, :, " + (h - 1 - p) + ":" + (h - 1) + ", :").flip(2);
		return NDArrays.concat(new ai.djl.ndarray.NDList(top, wide, bottom), 2);
	}

	/** torch {@code InstanceNorm2d(affine=False)}: per sample and channel over H x W, biased variance, eps 1e-5. */
	public static NDArray instanceNorm(NDArray x) {
		Shape s = x.getShape();
		NDArray flat = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
		NDArray mean = flat.mean(new int[] { 2 }, true);
		NDArray centred = flat.sub(mean);
		NDArray var = centred.square().mean(new int[] { 2 }, true);
		return centred.div(var.add(1e-5).sqrt()).reshape(s);
	}

	/** CUT's fixed anti-aliasing filter: [1,2,1] x [1,2,1] / 16, one copy per channel (C x 1 x 3 x 3). */
	public static NDArray blurFilter(NDManager manager, long channels) {
		float[] k = { 1, 2, 1, 2, 4, 2, 1, 2, 1 };
		float[] v = new float[Math.toIntExact(channels * 9)];
		for (int c = 0; c < channels; c++)
			for (int i = 0; i < 9; i++)
				v[c * 9 + i] = k[i] / 16f;
		return manager.create(v, new Shape(channels, 1, 3, 3));
	}

	/** CUT's {@code Downsample}: reflection pad 1, depthwise blur with {@code filt}, stride 2. */
	public static NDArray blurDownsample(NDArray x, NDArray filt) {
		NDArray padded = reflectionPad2d(x, 1);
		return Conv2d.conv2d(padded, filt, null, new Shape(2, 2), new Shape(0, 0), new Shape(1, 1),
			Math.toIntExact(x.getShape().get(1))).singletonOrThrow();
	}

	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
		return Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
			.singletonOrThrow();
	}

	/** x W^T + b, as torch {@code nn.Linear} (weight is out x in). */
	public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
		return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
	}

	public static NDArray leakyRelu(NDArray x, float slope) {
		return Activation.leakyRelu(x, slope);
	}

	/** Rows divided by (their L2 norm + 1e-7), as CUT's {@code Normalize(2)}. */
	public static NDArray l2NormalizeRows(NDArray x) {
		NDArray norm = x.square().sum(new int[] { 1 }, true).sqrt();
		return x.div(norm.add(1e-7));
	}

	/**
	 * Area resize (box-filter average) of the last two axes to outH x outW, as two matrix products with fixed
	 * weights: exact average pooling when the ratio is an integer, proportional overlap weights otherwise; also
	 * upsamples (nearest-style replication). Differentiable and works for any size, unlike DJL's pooling.
	 */
	public static NDArray areaResize(NDArray x, int outH, int outW) {
		Shape s = x.getShape();
		int d = s.dimension();
		int h = Math.toIntExact(s.get(d - 2));
		int w = Math.toIntExact(s.get(d - 1));
		if (h == outH && w == outW) return x;
		NDManager m = x.getManager();
		NDArray rows = m.create(areaMatrix(h, outH), new Shape(outH, h));
		NDArray cols = m.create(areaMatrix(w, outW), new Shape(outW, w)).transpose();
		return rows.matMul(x).matMul(cols);
	}

	/** Row i averages input interval [i*in/out, (i+1)*in/out) with weights equal to the overlap lengths. */
	static float[] areaMatrix(int in, int out) {
		float[] m = new float[out * in];
		double scale = (double) in / out;
		for (int i = 0; i < out; i++) {
			double a = i * scale;
			double b = (i + 1) * scale;
			for (int j = (int) Math.floor(a); j < Math.min(in, (int) Math.ceil(b)); j++) {
				double overlap = Math.min(b, j + 1) - Math.max(a, j);
				if (overlap > 0) m[i * in + j] = (float) (overlap / scale);
			}
		}
		return m;
	}

	/** Mean of (x - target)^2 over all elements: torch {@code MSELoss} against a constant target (LSGAN). */
	public static NDArray mseToConstant(NDArray x, float target) {
		return x.sub(target).square().mean();
	}
}
