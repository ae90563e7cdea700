package org.audiostyle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training-path forms of the blocks (matrix-product padding and resampling, fused instance norm) against the
 * direct forms they replace (slices + concat, depthwise and grouped convolutions, a chain of mean/sub/div): same
 * outputs and same gradients with respect to the input (and FiLM's scale and shift), to about 1e-5.
 */
class TrainingPathTest extends ManagedArraysTest {

	private static final double TOL = 1e-5;
	private static ForwardContext training() {
		return new ForwardContext(false);
	}

	/** Output and input gradient of sum(f(x) * weights) for a fixed random weighting. */
	private static float[][] valueAndGradient(NDManager m, NDArray input, Function<NDArray, NDArray> f) {
		NDArray x = input.duplicate();
		x.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray y = f.apply(x);
			Engine.getInstance().setRandomSeed(7); // the same weighting for both forms
			NDArray weights = m.randomNormal(y.getShape());
			gc.backward(y.mul(weights).sum());
			return new float[][] { y.toFloatArray(), x.getGradient().toFloatArray() };
		}
	}

	private static void assertSame(Function<NDArray, NDArray> fast, Function<NDArray, NDArray> reference,
		Shape shape, String what) {
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.randomNormal(shape);
			float[][] a = valueAndGradient(m, x, fast);
			float[][] b = valueAndGradient(m, x, reference);
			assertClose(b[0], a[0], what + " output");
			assertClose(b[1], a[1], what + " input gradient");
		}
	}

	private static void assertClose(float[] expected, float[] actual, String what) {
		assertEquals(expected.length, actual.length, what + " length");
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], TOL * Math.max(1, Math.abs(expected[i])), what + " at " + i);
	}

	@Test
	void reflectionPadMatchesSlicedForm() {
		for (int p : new int[] { 1, 3 })
			assertSame(x -> new ReflectionPad2d(p).apply(x, training()),
				x -> Padding.reflect(Padding.reflect(x, 2, p, p), 3, p, p), new Shape(2, 3, 7, 5), "reflect " + p);
	}

	@Test
	void replicationPadMatchesSlicedForm() {
		assertSame(x -> new ReplicationPad2d(2).apply(x, training()),
			x -> Padding.replicate(Padding.replicate(x, 2, 2, 2), 3, 2, 2), new Shape(2, 3, 4, 6), "replicate");
	}

	@Test
	void slicedReplicationLeavesTheInputsShapeAlone() {
		NDArray x = manager.randomNormal(new Shape(1, 2, 3, 4));
		Padding.replicate(Padding.replicate(x, 2, 1, 1), 3, 2, 2);
		assertEquals(new Shape(1, 2, 3, 4), x.getShape());
	}

	@Test
	void blurDownsampleMatchesDepthwiseConvolution() {
		BlurDownsample down = new BlurDownsample(3);
		down.initialize(manager, 0);
		NDArray filt = down.torchParameters().get("filt").getArray();
		for (Shape s : new Shape[] { new Shape(2, 3, 9, 8), new Shape(1, 3, 6, 7), new Shape(1, 3, 2, 3) })
			assertSame(x -> down.apply(x, training()), x -> depthwise(x, filt), s, "downsample " + s);
	}

	/** The direct form: reflect-pad 1 by slices, depthwise convolution with the buffer at stride 2. */
	private static NDArray depthwise(NDArray x, NDArray filt) {
		NDArray padded = Padding.reflect(Padding.reflect(x, 2, 1, 1), 3, 1, 1);
		return ai.djl.nn.convolutional.Conv2d.conv2d(padded, filt, null, new Shape(2, 2), new Shape(0, 0),
			new Shape(1, 1), Math.toIntExact(filt.getShape().get(0))).singletonOrThrow();
	}

	@Test
	void blurDownsampleWithANonSeparableFilterStillConvolves() {
		BlurDownsample down = new BlurDownsample(2);
		down.initialize(manager, 0);
		NDArray odd = manager.randomUniform(0, 1, new Shape(2, 1, 3, 3));
		TorchBlock.replace(down.torchParameters().get("filt"), odd);
		assertSame(x -> down.apply(x, training()), x -> depthwise(x, odd), new Shape(1, 2, 5, 6), "custom filter");
	}

	@Test
	void blurUpsampleMatchesPolyphaseConvolution() {
		BlurUpsample up = new BlurUpsample(3);
		up.initialize(manager, 0);
		for (Shape s : new Shape[] { new Shape(2, 3, 5, 4), new Shape(1, 3, 1, 2) })
			assertSame(x -> up.apply(x, training()), x -> up.applyToChannels(x, 0, training()), s, "upsample " + s);
	}

	@Test
	void blurUpsampleWithANonSeparableFilterStillConvolves() {
		BlurUpsample reference = new BlurUpsample(2);
		reference.initialize(manager, 0);
		BlurUpsample up = new BlurUpsample(2);
		up.initialize(manager, 0);
		NDArray odd = manager.randomUniform(0, 1, new Shape(2, 1, 4, 4));
		TorchBlock.replace(up.torchParameters().get("filt"), odd);
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.randomNormal(new Shape(1, 2, 3, 3));
			float[] custom = up.apply(x, training()).toFloatArray();
			assertClose(up.applyToChannels(x, 0, training()).toFloatArray(), custom, "custom filter");
			assertNotEquals(reference.apply(x, training()).toFloatArray()[0], custom[0]);
		}
	}

	@Test
	void upsamplingLeavesNothingInTheParametersManager() {
		try (NDManager params = manager.newSubManager()) {
			BlurUpsample up = new BlurUpsample(4);
			up.initialize(params, 0);
			BlurDownsample down = new BlurDownsample(4);
			down.initialize(params, 0);
			int before = params.getManagedArrays().size();
			for (ForwardContext ctx : new ForwardContext[] { training(), training().setInferenceOnly(true) })
				try (NDManager m = manager.newSubManager()) {
					NDArray x = m.randomNormal(new Shape(1, 4, 6, 6));
					down.apply(up.apply(x, ctx), ctx).toFloatArray();
					up.applyToChannels(Padding.slice(x, 1, 1, 3), 1, ctx).toFloatArray();
				}
			assertEquals(before, params.getManagedArrays().size());
		}
	}

	@Test
	void instanceNormMatchesTheChainOfOps() {
		InstanceNorm2d norm = new InstanceNorm2d(3);
		assertSame(x -> norm.apply(x.mul(3).add(1), training()), x -> directInstanceNorm(x.mul(3).add(1)),
			new Shape(2, 3, 6, 5), "instance norm");
	}

	/** The direct form of instance norm: biased variance over H x W per image and channel, eps 1e-5. */
	static NDArray directInstanceNorm(NDArray x) {
		Shape s = x.getShape();
		NDArray mean = x.reshape(s.get(0), s.get(1), -1).mean(new int[] { 2 }, true).reshape(s.get(0), s.get(1), 1, 1);
		NDArray centred = x.sub(mean);
		NDArray var = centred.square().reshape(s.get(0), s.get(1), -1).mean(new int[] { 2 }, true)
			.reshape(s.get(0), s.get(1), 1, 1);
		return centred.div(var.add(1e-5).sqrt());
	}

	@Test
	void filmModulatedNormMatchesTheChainOfOpsIncludingScaleAndShiftGradients() {
		InstanceNorm2d norm = new InstanceNorm2d(3);
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.randomNormal(new Shape(2, 3, 4, 5));
			NDArray scale0 = m.randomNormal(new Shape(2, 3, 1, 1)).mul(0.3);
			NDArray shift0 = m.randomNormal(new Shape(2, 3, 1, 1));
			float[][] fast = filmGradients(m, x, scale0, shift0, (in, film) -> {
				ForwardContext ctx = training();
				ctx.modulate(norm, film[0], film[1]);
				return norm.apply(in, ctx);
			});
			float[][] ref = filmGradients(m, x, scale0, shift0,
				(in, film) -> directInstanceNorm(in).mul(film[0].add(1f)).add(film[1]));
			String[] what = { "output", "input gradient", "scale gradient", "shift gradient" };
			for (int i = 0; i < 4; i++)
				assertClose(ref[i], fast[i], "FiLM " + what[i]);
		}
	}

	private static float[][] filmGradients(NDManager m, NDArray input, NDArray scale0, NDArray shift0,
		java.util.function.BiFunction<NDArray, NDArray[], NDArray> f) {
		NDArray x = input.duplicate();
		NDArray scale = scale0.duplicate();
		NDArray shift = shift0.duplicate();
		for (NDArray a : new NDArray[] { x, scale, shift })
			a.setRequiresGradient(true);
		try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray y = f.apply(x, new NDArray[] { scale, shift });
			Engine.getInstance().setRandomSeed(11);
			gc.backward(y.mul(m.randomNormal(y.getShape())).sum());
			return new float[][] { y.toFloatArray(), x.getGradient().toFloatArray(),
				scale.getGradient().toFloatArray(), shift.getGradient().toFloatArray() };
		}
	}

	@Test
	void recordingInTheTrainingPathStoresTheBiasedStatistics() {
		InstanceNorm2d norm = new InstanceNorm2d(2);
		norm.setKey("n");
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.randomNormal(new Shape(1, 2, 3, 4));
			NormStatistics stats = NormStatistics.recording();
			NDArray recorded = norm.apply(x, new ForwardContext(false, stats));
			NDArray plain = norm.apply(x, training());
			assertEquals(0.0, TestData.maxAbsDiff(plain, recorded));
			float[] v = x.toFloatArray();
			for (int c = 0; c < 2; c++) {
				double mean = 0, var = 0;
				for (int i = 0; i < 12; i++)
					mean += v[c * 12 + i] / 12.0;
				for (int i = 0; i < 12; i++)
					var += Math.pow(v[c * 12 + i] - mean, 2) / 12.0;
				assertEquals(mean, stats.mean("n")[c], 1e-5);
				assertEquals(var, stats.variance("n")[c], 1e-5);
			}
			NDArray applied = norm.apply(x, new ForwardContext(false, stats.apply()));
			assertTrue(TestData.maxAbsDiff(plain, applied) < 1e-5);
		}
	}
}
