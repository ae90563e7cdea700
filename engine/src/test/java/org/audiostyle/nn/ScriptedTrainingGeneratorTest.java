package org.audiostyle.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedTrainingGenerator;
import org.junit.jupiter.api.Test;

/** The generator's scripted training passes compute what the eager layers compute, gradients included. */
class ScriptedTrainingGeneratorTest extends ManagedArraysTest {

	private static final int[] LAYERS = { 0, 4, 8, 12, 13 };

	@Test
	void fp32PassesAndGradientsEqualTheEagerLayers() {
		for (NetworkConfig c : new NetworkConfig[] { TestData.TINY_FILM, TestData.TINY_CONCAT }) {
			ResnetGenerator g = TestData.generator(manager, c, 11);
			try (ScriptedTrainingGenerator s = new ScriptedTrainingGenerator(g, ScriptPrecision.FP32, LAYERS,
				manager)) {
				Result eager = passes(g, null, c);
				Result scripted = passes(g, s, c);
				assertTrue(maxDiff(eager.output, scripted.output) < 1e-5, c.conditioning + ": outputs differ by " +
					maxDiff(eager.output, scripted.output));
				assertTrue(eager.embeddingGradient.length > 0 && norm(eager.embeddingGradient) > 0);
				assertTrue(relative(eager.embeddingGradient, scripted.embeddingGradient) < 1e-3, "embedding gradient");
				double largest = eager.gradients.values().stream().mapToDouble(ScriptedTrainingGeneratorTest::norm).max()
					.orElse(0);
				int compared = 0;
				for (String key : eager.gradients.keySet()) {
					float[] e = eager.gradients.get(key), q = scripted.gradients.get(key);
					if (norm(e) < 1e-5 * largest) {
						// a bias just before an instance norm: its gradient is zero but for rounding, in both passes
						assertTrue(norm(q) < 1e-4 * largest, key + ": " + norm(q) + " where the eager pass has ~0");
						continue;
					}
					// relative to the gradient, plus rounding that cancellation (sums of many terms) can leave
					double diff = relative(e, q) * norm(e);
					assertTrue(diff < 1e-3 * norm(e) + 1e-5 * largest, c.conditioning + " " + key + ": gradients " +
						"differ by " + diff + " (norm " + norm(e) + ")");
					compared++;
				}
				assertTrue(compared > eager.gradients.size() / 2, "only " + compared + " gradients compared");
			}
		}
	}

	@Test
	void bf16PassesRunAndStayCloseInTheForwardDirection() {
		ResnetGenerator g = TestData.generator(manager, TestData.TINY_FILM, 5);
		Result eager = passes(g, null, TestData.TINY_FILM);
		for (ScriptPrecision p : new ScriptPrecision[] { ScriptPrecision.BF16, ScriptPrecision.BF16_NCHW })
			try (ScriptedTrainingGenerator s = new ScriptedTrainingGenerator(g, p, LAYERS, manager)) {
				Result r = passes(g, s, TestData.TINY_FILM);
				double d = maxDiff(eager.output, r.output);
				assertTrue(d < 0.02, p + ": outputs differ by " + d);
				for (float[] grad : r.gradients.values())
					for (float v : grad)
						assertTrue(Float.isFinite(v), p + ": non-finite gradient");
			}
	}

	@Test
	void wrongShapesAndLayersAreRefused() {
		ResnetGenerator g = TestData.generator(manager, TestData.TINY_FILM, 5);
		try (NDManager m = manager.newSubManager();
			ScriptedTrainingGenerator s = new ScriptedTrainingGenerator(g, ScriptPrecision.FP32, LAYERS, m)) {
			NDArray e = m.randomNormal(new Shape(1, TestData.TINY_FILM.embeddingDim));
			IllegalArgumentException odd = assertThrows(IllegalArgumentException.class, () -> s.generate(TestData
				.image(m, 1, 30, 32, 1), e));
			assertTrue(odd.getMessage().contains("multiples of 4"), odd.getMessage());
			assertThrows(IllegalArgumentException.class, () -> s.encode(TestData.image(m, 1, 32, 32, 1), new int[] {
				0, 4 }));
			assertThrows(IllegalArgumentException.class, () -> new ScriptedTrainingGenerator(g, ScriptPrecision.FP32,
				new int[] { 14 }, m));
		}
	}

	private static final class Result {
		float[] output;
		float[] embeddingGradient;
		final Map<String, float[]> gradients = new LinkedHashMap<>();
	}

	/**
	 * generate + encode of the result, and the gradients of a fixed random projection of both (a loss whose gradient
	 * is not cancelled by the instance norms, unlike a mean of squares of normalised features).
	 */
	private static Result passes(ResnetGenerator g, ScriptedTrainingGenerator s, NetworkConfig c) {
		Map<String, Parameter> state = StateDict.of(g);
		for (Parameter p : state.values())
			if (p.requiresGradient()) p.getArray().setRequiresGradient(true);
		Result r = new Result();
		try (NDManager m = manager.newSubManager()) {
			NDArray image = TestData.image(m, 2, 32, 40, 3);
			NDArray embedding = projection(m, new Shape(2, c.embeddingDim), 99);
			embedding.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				NDArray out = s == null ? g.forward(image, embedding, null) : s.generate(image, embedding);
				List<NDArray> features = new ArrayList<>(s == null ? g.encode(out, LAYERS) : s.encode(out, LAYERS));
				NDArray loss = out.mul(projection(m, out.getShape(), 0)).mean();
				for (int k = 0; k < features.size(); k++)
					loss = loss.add(features.get(k).mul(projection(m, features.get(k).getShape(), k + 1)).mean());
				gc.backward(loss);
				r.output = out.toFloatArray();
			}
			r.embeddingGradient = embedding.getGradient().toFloatArray();
		}
		for (Map.Entry<String, Parameter> e : state.entrySet())
			if (e.getValue().requiresGradient()) {
				NDArray grad = e.getValue().getArray().getGradient();
				r.gradients.put(e.getKey(), grad.toFloatArray());
				grad.subi(grad);
			}
		return r;
	}

	/** The same pseudo-random tensor for the same shape and index, in every call. */
	private static NDArray projection(NDManager m, Shape shape, int k) {
		java.util.Random random = new java.util.Random(31 * k + shape.hashCode());
		float[] v = new float[Math.toIntExact(shape.size())];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) random.nextGaussian();
		return m.create(v, shape);
	}

	private static double maxDiff(float[] a, float[] b) {
		assertEquals(a.length, b.length);
		double d = 0;
		for (int i = 0; i < a.length; i++)
			d = Math.max(d, Math.abs(a[i] - b[i]));
		return d;
	}

	private static double norm(float[] a) {
		double n = 0;
		for (float v : a)
			n += v * (double) v;
		return Math.sqrt(n);
	}

	private static double relative(float[] a, float[] b) {
		double d = 0;
		for (int i = 0; i < a.length; i++)
			d += (a[i] - b[i]) * (double) (a[i] - b[i]);
		return Math.sqrt(d) / norm(a);
	}
}
