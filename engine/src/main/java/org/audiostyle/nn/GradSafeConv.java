package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A 2-D convolution whose backward pass cannot pick up stray NaNs from libtorch's oneDNN kernels.
 *
 * <p>Why: with gradients recorded, libtorch 2.7.1 (CPU, oneDNN) sometimes returned a NaN input-gradient from a
 * convolution whose output channel count is not a multiple of 16. What was measured (tiny training runs,
 * discriminator width 4, many runs in one JVM): 4 to 14 runs in 120-150 ended with NaN weights; zero-filling every
 * malloc (glibc {@code MALLOC_PERTURB_=255}) gave 0 in 150; the discriminator's NaN began at the input-gradient of
 * its 1-channel output convolution (that layer's weight gradient stayed finite). Our reading: oneDNN computes in
 * blocks of 16 channels and reads the gradient of the padding channels from memory that is not always zeroed,
 * multiplying it by their zero weights, which is NaN when the leftover bytes are. With this class: 0 NaN runs in 500.
 * The fix gives such a convolution real zero filters up to the next multiple of 16 and slices them off, so the
 * gradient for the extra channels is an explicit zero from the slice's backward. Its cost on a training step has not
 * been measured yet.
 *
 * <p>Without gradient recording (inference) the plain convolution runs: the forward pass is not affected.
 */
public final class GradSafeConv {

	/** oneDNN's channel block on AVX-512 machines (AVX2 uses 8, which divides it). */
	static final int BLOCK = 16;

	private GradSafeConv() {}

	/** torch {@code conv2d(x, weight, bias, stride, padding)} with square stride/padding, dilation 1, groups 1. */
	public static NDArray conv2d(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
		Shape strides = new Shape(stride, stride);
		Shape pads = new Shape(padding, padding);
		Shape dilation = new Shape(1, 1);
		long out = weight.getShape().get(0);
		if (out % BLOCK == 0 || !JniUtils.isGradMode())
			return Conv2d.conv2d(x, weight, bias, strides, pads, dilation, 1).singletonOrThrow();
		long extra = BLOCK - out % BLOCK;
		NDManager m = x.getManager();
		Shape ws = weight.getShape();
		NDArray w = NDArrays.concat(new NDList(weight, m.zeros(new Shape(extra, ws.get(1), ws.get(2), ws.get(3)),
			weight.getDataType())), 0);
		NDArray b = bias == null ? null : NDArrays.concat(new NDList(bias, m.zeros(new Shape(extra), bias
			.getDataType())), 0);
		// The padded copies would live in the weights' (long-lived) manager: they belong to this pass, like x.
		w.attach(m);
		if (b != null) b.attach(m);
		return Conv2d.conv2d(x, w, b, strides, pads, dilation, 1).singletonOrThrow().get(new NDIndex(":, 0:" + out));
	}
}
