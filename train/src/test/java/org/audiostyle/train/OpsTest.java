package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

public class OpsTest {

	@Test
	public void reflectionPadMatchesTorch() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new Shape(1, 1, 2, 4));
			NDArray p = Ops.reflectionPad2d(x, 1);
			// torch.nn.ReflectionPad2d(1) of [[1,2,3,4],[5,6,7,8]]
			assertArrayEquals(new float[] { 6, 5, 6, 7, 8, 7, 2, 1, 2, 3, 4, 3, 6, 5, 6, 7, 8, 7, 2, 1, 2, 3, 4, 3 },
				p.toFloatArray());
		}
	}

	@Test
	public void instanceNormGivesZeroMeanUnitVariancePerChannel() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] { 1, 2, 3, 4, 10, 10, 10, 30 }, new Shape(1, 2, 2, 2));
			float[] y = Ops.instanceNorm(x).toFloatArray();
			double s = Math.sqrt(1.25 + 1e-5); // biased variance of 1..4
			assertEquals(-1.5 / s, y[0], 1e-5);
			assertEquals(1.5 / s, y[3], 1e-5);
			double s2 = Math.sqrt(75 + 1e-5); // 10,10,10,30: mean 15, var 75
			assertEquals(15 / s2, y[7], 1e-5);
		}
	}

	@Test
	public void blurDownsampleKeepsConstantsAndHalvesTheSize() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.ones(new Shape(1, 2, 6, 6)).mul(3);
			NDArray y = Ops.blurDownsample(x);
			assertArrayEquals(new long[] { 1, 2, 3, 3 }, y.getShape().getShape());
			for (float v : y.toFloatArray())
				assertEquals(3f, v, 1e-6);
			// A centred impulse at (2,2) of a 5x5 map: output (1,1) sits on it and gets the centre weight 4/16.
			float[] imp = new float[25];
			imp[12] = 16;
			float[] z = Ops.blurDownsample(m.create(imp, new Shape(1, 1, 5, 5))).toFloatArray();
			assertEquals(4f, z[4], 1e-6);
			assertEquals(0f, z[0], 1e-6);
		}
	}

	/** The separable matrix form equals CUT's definition: reflection pad 1, depthwise 3x3 blur, stride 2. */
	@Test
	public void blurDownsampleEqualsTheDepthwiseConvolution() {
		try (NDManager m = NDManager.newBaseManager()) {
			for (int[] hw : new int[][] { { 7, 10 }, { 8, 5 } }) {
				NDArray x = m.randomNormal(new Shape(2, 3, hw[0], hw[1]));
				NDArray conv = ai.djl.nn.convolutional.Conv2d.conv2d(Ops.reflectionPad2d(x, 1), Ops.blurFilter(m, 3), null,
					new Shape(2, 2), new Shape(0, 0), new Shape(1, 1), 3).singletonOrThrow();
				NDArray fast = Ops.blurDownsample(x);
				assertArrayEquals(conv.getShape().getShape(), fast.getShape().getShape());
				assertArrayEquals(conv.toFloatArray(), fast.toFloatArray(), 1e-5f);
			}
		}
	}

	@Test
	public void reflectionPadOfThreeMatchesTorch() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray sq = m.arange(16f).reshape(1, 1, 4, 4);
			float[] p = Ops.reflectionPad2d(sq, 3).toFloatArray(); // 10 x 10
			assertEquals(10 * 10, p.length);
			// row 0 of the padded map is input row 3, column order reflect: 3,2,1,0,1,2,3,2,1,0
			assertArrayEquals(new float[] { 15, 14, 13, 12, 13, 14, 15, 14, 13, 12 }, java.util.Arrays.copyOfRange(p, 0, 10));
		}
	}

	@Test
	public void areaResizeAveragesBlocks() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.arange(16f).reshape(1, 1, 4, 4);
			assertArrayEquals(new float[] { 2.5f, 4.5f, 10.5f, 12.5f }, Ops.areaResize(x, 2, 2).toFloatArray(), 1e-5f);
			// 3 -> 2: [0,1.5) and [1.5,3): (a + b/2) / 1.5 and (b/2 + c) / 1.5
			NDArray r = m.create(new float[] { 3, 6, 9 }, new Shape(1, 1, 1, 3));
			assertArrayEquals(new float[] { 4, 8 }, Ops.areaResize(r, 1, 2).toFloatArray(), 1e-5f);
		}
	}

	@Test
	public void l2NormalisationUsesTheEpsilonOfCut() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] { 3, 4, 0, 0 }, new Shape(2, 2));
			assertArrayEquals(new float[] { 0.6f, 0.8f, 0, 0 }, Ops.l2NormalizeRows(x).toFloatArray(), 1e-6f);
		}
	}
	/**
	 * DJL's x.mul(number) leaves autograd a 0-d tensor over a Java buffer it has already released: after a garbage
	 * collection between forward and backward the gradient was garbage (1e7, -2e-9, -1.9e35 instead of 3, every time).
	 * Ops.mul and Ops.div keep their scalar in libtorch memory.
	 */
	@Test
	public void constantFactorsSurviveAGarbageCollectionBeforeTheBackwardPass() throws InterruptedException {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] { 1, 2, 3, 4 }, new Shape(4));
			x.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				NDArray y = Ops.div(Ops.mul(x, 6f), 2f).sum();
				for (int i = 0; i < 3; i++) {
					System.gc();
					Thread.sleep(20);
				}
				gc.backward(y);
			}
			assertArrayEquals(new float[] { 3, 3, 3, 3 }, x.getGradient().toFloatArray());
		}
	}
}
