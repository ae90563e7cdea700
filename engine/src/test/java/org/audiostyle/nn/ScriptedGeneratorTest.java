package org.audiostyle.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.script.GeneratorScript;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedGenerator;
import org.junit.jupiter.api.Test;

/** The compiled (TorchScript) generator pass computes what the eager DJL layers compute. */
class ScriptedGeneratorTest extends ManagedArraysTest {

	private static final NetworkConfig TINY_FILM = TestData.TINY_FILM;
	private static final NetworkConfig TINY_CONCAT = TestData.TINY_CONCAT;

	private static ResnetGenerator generator(NetworkConfig c, long seed) {
		return TestData.generator(manager, c, seed);
	}

	private static NDArray embedding(NDManager m, NetworkConfig c, long seed) {
		return m.randomNormal(new Shape(1, c.embeddingDim)).mul(seed + 3);
	}

	@Test
	void fp32PassEqualsEagerLayersAtAnySize() {
		for (NetworkConfig c : new NetworkConfig[] { TINY_FILM, TINY_CONCAT }) {
			ResnetGenerator g = generator(c, 7);
			try (ScriptedGenerator s = new ScriptedGenerator(g, ScriptPrecision.FP32, manager)) {
				for (int[] size : new int[][] { { 1, 1 }, { 2, 3 }, { 5, 7 }, { 20, 28 }, { 64, 48 }, { 258, 9 }, { 523, 17 },
					{ 777, 6 } }) { // the last three: the whole-image pass's last stage in several strips
					try (NDManager m = manager.newSubManager()) {
						NDArray img = TestData.image(m, 1, size[0], size[1], 4);
						NDArray e = embedding(m, c, 1);
						NDArray eager = g.infer(m, img, e, null);
						NDArray scripted = s.infer(m, img, e, null);
						assertEquals(eager.getShape(), scripted.getShape());
						double d = TestData.maxAbsDiff(eager, scripted);
						assertTrue(d < 1e-4, c.conditioning + " " + size[0] + "x" + size[1] + ": max abs diff " + d);
					}
				}
			}
		}
	}

	@Test
	void soundStillMattersInTheCompiledPass() {
		ResnetGenerator g = generator(TINY_FILM, 3);
		try (NDManager m = manager.newSubManager();
			ScriptedGenerator s = new ScriptedGenerator(g, ScriptPrecision.FP32, m)) {
			NDArray img = TestData.image(m, 1, 32, 32, 1);
			double d = TestData.maxAbsDiff(s.infer(m, img, embedding(m, TINY_FILM, 1), null), s.infer(m, img,
				embedding(m, TINY_FILM, 9), null));
			assertTrue(d > 1e-3, "two embeddings gave the same picture (max diff " + d + ")");
		}
	}

	@Test
	void recordedStatisticsAgreeWithTheEagerNorms() {
		ResnetGenerator g = generator(TINY_FILM, 5);
		try (NDManager m = manager.newSubManager();
			ScriptedGenerator s = new ScriptedGenerator(g, ScriptPrecision.FP32, m)) {
			NDArray whole = TestData.image(m, 1, 40, 56, 2);
			NDArray tile = TestData.image(m, 1, 20, 24, 6);
			NDArray e = embedding(m, TINY_FILM, 2);
			NormStatistics scripted = NormStatistics.recording();
			NormStatistics eager = NormStatistics.recording();
			s.infer(m, whole, e, scripted);
			g.infer(m, whole, e, eager);
			assertEquals(eager.layers(), scripted.layers());
			for (String layer : eager.layers()) {
				assertClose(eager.mean(layer), scripted.mean(layer), 1e-4, layer + " mean");
				assertClose(eager.variance(layer), scripted.variance(layer), 1e-3, layer + " variance");
			}
			// Recording alone (no picture) records the same statistics.
			NormStatistics only = NormStatistics.recording();
			s.record(whole, e, only);
			for (String layer : eager.layers())
				assertClose(scripted.mean(layer), only.mean(layer), 1e-6, layer + " mean, record only");
			// A tile run with the whole image's statistics, compiled against eager.
			double d = TestData.maxAbsDiff(g.infer(m, tile, e, eager.apply()), s.infer(m, tile, e, scripted.apply()));
			assertTrue(d < 2e-5, "tile with shared statistics: max abs diff " + d);
			// And on the image they were recorded from, applying them changes nothing.
			double same = TestData.maxAbsDiff(s.infer(m, whole, e, null), s.infer(m, whole, e, scripted));
			assertTrue(same < 2e-5, "applying an image's own statistics: max abs diff " + same);
		}
	}

	@Test
	void bf16PassStaysCloseToFp32() {
		ResnetGenerator g = generator(TINY_FILM, 11);
		try (NDManager m = manager.newSubManager();
			ScriptedGenerator fp32 = new ScriptedGenerator(g, ScriptPrecision.FP32, m);
			ScriptedGenerator bf16 = new ScriptedGenerator(g, ScriptPrecision.BF16, m)) {
			NDArray img = TestData.image(m, 1, 48, 40, 8);
			NDArray e = embedding(m, TINY_FILM, 4);
			NDArray a = fp32.infer(m, img, e, null);
			NDArray b = bf16.infer(m, img, e, null);
			assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, b.getDataType());
			NDArray diff = a.sub(b).abs().mul(127.5f); // [-1, 1] to 8-bit steps
			double mean = diff.mean().getFloat(), max = diff.max().getFloat();
			assertTrue(mean < 2 && max < 8, "bf16 vs fp32 in 1/255 steps: mean " + mean + ", max " + max);
			assertTrue(max > 0, "bf16 gave bit-identical output: it did not run in bf16");
		}
	}

	@Test
	void nonStandardUpsamplingFilterIsRefused() {
		ResnetGenerator g = generator(TINY_FILM, 1);
		Parameter filt = StateDict.of(g).get("model_up.4.filt");
		float[] v = filt.getArray().toFloatArray();
		v[0] += 0.5f;
		StateDict.copy(filt, v);
		UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
			() -> new ScriptedGenerator(g, ScriptPrecision.FP32, manager));
		assertTrue(e.getMessage().contains("model_up.4.filt"), e.getMessage());
	}

	@Test
	void scriptCoversEveryGeneratorTensorButFilm() {
		for (NetworkConfig c : new NetworkConfig[] { TINY_FILM, TINY_CONCAT, NetworkConfig.paper() }) {
			GeneratorScript s = new GeneratorScript(c, ScriptPrecision.BF16);
			java.util.Set<String> expected = new java.util.TreeSet<>(StateDict.of(new ResnetGenerator(c)).keySet());
			expected.removeIf(k -> k.startsWith("film."));
			java.util.Set<String> used = new java.util.TreeSet<>(s.weightKeys());
			used.addAll(s.upsampleFilters()); // checked to be the standard filter, then computed as bilinear
			assertEquals(expected, used, c.toString());
			assertEquals(5 + 2 * c.residualBlocks, s.normKeys().size(), c.toString()); // 3 down, 2 per block, 2 up
		}
	}

	private static void assertClose(float[] a, float[] b, double tolerance, String what) {
		assertEquals(a.length, b.length, what);
		for (int i = 0; i < a.length; i++)
			assertTrue(Math.abs(a[i] - b[i]) <= tolerance * Math.max(1, Math.abs(a[i])), what + "[" + i + "]: " + a[i] +
				" vs " + b[i]);
	}
}
