package org.audiostyle.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * The padded-filter convolution is the plain convolution: same output and same gradients for the input, the weights
 * and the bias, for output channel counts below, at and between oneDNN's blocks, and with or without a bias.
 */
class GradSafeConvTest extends ManagedArraysTest {

	/** {output, dx, dw, db} of sum(conv(x) * r) for a fixed random r. */
	private static float[][] run(NDManager m, NDArray x0, NDArray w0, NDArray b0, boolean padded, int stride,
		int padding)
	{
		NDArray x = x0.duplicate(), w = w0.duplicate(), b = b0 == null ? null : b0.duplicate();
		x.setRequiresGradient(true);
		w.setRequiresGradient(true);
		if (b != null) b.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray y = padded ? GradSafeConv.conv2d(x, w, b, stride, padding) : Conv2d.conv2d(x, w, b, new Shape(
				stride, stride), new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
			Engine.getInstance().setRandomSeed(11);
			NDArray r = m.randomNormal(y.getShape());
			gc.backward(y.mul(r).sum());
			return new float[][] { y.toFloatArray(), x.getGradient().toFloatArray(), w.getGradient().toFloatArray(),
				b == null ? new float[0] : b.getGradient().toFloatArray() };
		}
	}

	@Test
	void paddedFiltersChangeNothing() {
		for (int out : new int[] { 1, 3, 4, 16, 20 })
			for (boolean withBias : new boolean[] { true, false })
				try (NDManager m = manager.newSubManager()) {
					Engine.getInstance().setRandomSeed(out);
					NDArray x = m.randomNormal(new Shape(2, 5, 9, 8));
					NDArray w = m.randomNormal(new Shape(out, 5, 4, 4));
					NDArray b = withBias ? m.randomNormal(new Shape(out)) : null;
					float[][] plain = run(m, x, w, b, false, 2, 1);
					float[][] safe = run(m, x, w, b, true, 2, 1);
					String what = out + " output channels" + (withBias ? "" : ", no bias");
					assertEquals(plain[0].length, safe[0].length, what);
					String[] names = { "output", "input gradient", "weight gradient", "bias gradient" };
					for (int i = 0; i < 4; i++)
						assertArrayEquals(plain[i], safe[i], 1e-4f, what + ": " + names[i]);
				}
	}

	@Test
	void withoutGradientsItIsThePlainConvolution() {
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.randomNormal(new Shape(1, 3, 6, 6));
			NDArray w = m.randomNormal(new Shape(3, 3, 3, 3));
			int before = m.getManagedArrays().size();
			NDArray y = GradSafeConv.conv2d(x, w, null, 1, 1);
			assertEquals(before + 1, m.getManagedArrays().size(), "no padded weights, no slice: just the result");
			assertEquals(new Shape(1, 3, 6, 6), y.getShape());
			assertArrayEquals(Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
				.singletonOrThrow().toFloatArray(), y.toFloatArray(), 0f);
		}
	}
}
