package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

import org.audiostyle.nn.GradSafeConv;

/**
 * Differentiable building operations for the training-only networks of this package (discriminator, projection heads,
 * critic), written over plain NDArrays. They follow the PyTorch definitions the paper's code uses; DJL lacks
 * reflection padding and instance norm, and its multi-axis mean is unsupported on PyTorch, hence the workarounds.
 */
public final class Ops {

	private Ops() {}

	/**
	 * torch {@code ReflectionPad2d(p)} on N x C x H x W, as two products with fixed 0/1 matrices (rows, then columns).
	 * DJL pads with constants only; building the pad from flipped slices works but its backward pass is slow (every
	 * slice's gradient is a full-size tensor), while a matrix product's backward is one more matrix product.
	 */
	public static NDArray reflectionPad2d(NDArray x, int p) {
		if (p == 0) return x;
		int h = Math.toIntExact(x.getShape().get(2));
		int w = Math.toIntExact(x.getShape().get(3));
		if (p >= h || p >= w)
			throw new IllegalArgumentException("Reflection padding " + p + " needs a map larger than " + p + ", got " +
				h + "x" + w);
		NDManager m = x.getManager();
		NDArray cols = m.create(reflectionMatrix(w, p), new Shape(w, w + 2 * p));
		NDArray rows = m.create(reflectionMatrix(h, p), new Shape(h, h + 2 * p)).transpose();
		return rows.matMul(x.matMul(cols));
	}

	/** Index of the input sample at padded position i for reflection padding p ("reflect": the edge not repeated). */
	static int reflect(int i, int n, int p) {
		int j = Math.abs(i - p);
		return j >= n ? 2 * (n - 1) - j : j;
	}

	/** n x (n + 2p) matrix M with (x M)[i] = x[reflect(i)]. */
	static float[] reflectionMatrix(int n, int p) {
		int out = n + 2 * p;
		float[] m = new float[n * out];
		for (int i = 0; i < out; i++)
			m[reflect(i, n, p) * out + i] = 1;
		return m;
	}

	/**
	 * torch {@code InstanceNorm2d(affine=False)}: per sample and channel over H x W, biased variance, eps 1e-5. Computed
	 * as PyTorch itself does, by batch-normalising the (1, N*C, H, W) view in training mode (the fused kernel's backward
	 * is several times faster than a chain of mean/sub/square/div ops); the running statistics it updates are
	 * throw-away arrays.
	 */
	public static NDArray instanceNorm(NDArray x) {
		Shape s = x.getShape();
		long nc = s.get(0) * s.get(1);
		NDManager m = x.getManager();
		NDArray view = x.reshape(1, nc, s.get(2), s.get(3));
		Shape c = new Shape(nc);
		return ai.djl.nn.norm.BatchNorm.batchNorm(view, m.zeros(c), m.ones(c), m.ones(c), m.zeros(c), 1, 0.1f, 1e-5f,
			true).singletonOrThrow().reshape(s);
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

	/**
	 * CUT's {@code Downsample} (reflection pad 1, depthwise [1,2,1] x [1,2,1] / 16, stride 2). The filter is separable,
	 * so this applies [1,2,1] / 4 with stride 2 along each axis, with the padding folded in, as two matrix products:
	 * the same numbers as the depthwise convolution with {@link #blurFilter}, with a backward pass ~7 times faster on
	 * CPU.
	 */
	public static NDArray blurDownsample(NDArray x) {
		int h = Math.toIntExact(x.getShape().get(2));
		int w = Math.toIntExact(x.getShape().get(3));
		NDManager m = x.getManager();
		NDArray cols = m.create(blurMatrix(w), new Shape(w, (w - 1) / 2 + 1));
		NDArray rows = m.create(blurMatrix(h), new Shape(h, (h - 1) / 2 + 1)).transpose();
		return rows.matMul(x.matMul(cols));
	}

	/** n x out matrix of reflect-pad-1 + [1,2,1]/4 at stride 2, out = (n - 1) / 2 + 1 (torch's output size). */
	static float[] blurMatrix(int n) {
		int out = (n - 1) / 2 + 1;
		float[] m = new float[n * out];
		float[] k = { 0.25f, 0.5f, 0.25f };
		for (int i = 0; i < out; i++)
			for (int t = 0; t < 3; t++)
				m[reflect(2 * i + t, n, 1) * out + i] += k[t];
		return m;
	}

	/** torch {@code conv2d}; gradients through it are safe from libtorch's stray NaNs ({@link GradSafeConv}). */
	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
		return GradSafeConv.conv2d(x, weight, bias, stride, padding);
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
		// + 1e-14 under the root: the same value, but a zero row (an all-zero feature patch) has a finite gradient
		// instead of sqrt's infinite one, which would turn the weights into NaN.
		NDArray norm = x.square().sum(new int[] { 1 }, true).add(1e-14f).sqrt();
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

	/**
	 * x * s, for use under a gradient collector. Never write {@code x.mul(number)} or {@code x.div(number)} there: the
	 * PyTorch engine of DJL wraps the number in a 0-d tensor over a Java direct buffer (torch::from_blob, no copy) and
	 * closes that array as soon as the product is computed. Autograd keeps the 0-d tensor for the backward pass (the
	 * gradient of x is grad * s), but nothing holds its buffer any more: once the garbage collector frees it, the
	 * backward pass would read freed memory. (The NaN runs of the tests were not this: they persisted with a garbage
	 * collector that never frees; their cause was oneDNN's convolution backward, see GradSafeConv.)
	 * Here the scalar is made by libtorch (torch::full), which owns its memory, so autograd keeps it alive. Adding or
	 * subtracting a number is safe: those backward passes keep no tensor.
	 */
	public static NDArray mul(NDArray x, float s) {
		return x.mul(constant(x.getManager(), s));
	}

	/** x / s, for use under a gradient collector: see {@link #mul(NDArray, float)}. */
	public static NDArray div(NDArray x, float s) {
		return x.div(constant(x.getManager(), s));
	}

	/** A float32 0-d array holding {@code v} in memory libtorch allocated and owns, attached to {@code manager}. */
	static NDArray constant(NDManager manager, float v) {
		return manager.full(new Shape(), v);
	}

	/** Mean of (x - target)^2 over all elements: torch {@code MSELoss} against a constant target (LSGAN). */
	public static NDArray mseToConstant(NDArray x, float target) {
		return x.sub(target).square().mean();
	}

	/** {mean, standard deviation (biased, sqrt(var + eps))} over the last axis of an N x C x L array, each N x C. */
	public static NDArray[] momentsOverLastAxis(NDArray x, float eps) {
		NDArray mean = x.mean(new int[] { 2 });
		NDArray var = x.sub(mean.expandDims(2)).square().mean(new int[] { 2 });
		return new NDArray[] { mean, var.add(eps).sqrt() };
	}
}
