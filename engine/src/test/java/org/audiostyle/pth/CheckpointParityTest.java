package org.audiostyle.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedGenerator;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch reference (tools/reference/make_fixtures.py) saved random tiny networks and their outputs; imported into
 * the engine's DJL networks they must give the same outputs.
 */
class CheckpointParityTest {

	static final double TOLERANCE = 1e-4;

	@Test
	void importedTinyNetworksReproducePyTorchOutputs() throws Exception {
		ImportResult r = CheckpointImporter.importCheckpoints(PthFixtures.path("tiny_net_G.pth"), PthFixtures.path(
			"tiny_net_Audio.pth"), false);
		JsonObject c = PthFixtures.manifest().getAsJsonObject("config");
		assertEquals(new NetworkConfig(c.get("ngf").getAsInt(), c.get("residualBlocks").getAsInt(), c.get("audioWidth")
			.getAsInt(), c.get("embeddingDim").getAsInt(), NetworkConfig.Conditioning.CONCAT), r.config());
		assertTrue(r.isComplete());
		assertTrue(r.notes().isEmpty(), r.report());

		float[] wave = PthFixtures.floats("tiny_wave.f32");
		float[] image = PthFixtures.floats("tiny_image.f32");
		float[] expectedEmbedding = PthFixtures.floats("tiny_embedding.f32");
		float[] expectedOutput = PthFixtures.floats("tiny_output.f32");
		try (NDManager m = NDManager.newBaseManager()) {
			AudioEncoder audio = r.createAudioEncoder(m);
			ResnetGenerator generator = r.createGenerator(m);
			NDArray embedding = audio.embed(m.create(wave, new Shape(1, wave.length)));
			float[] gotEmbedding = embedding.toFloatArray();
			double embDiff = maxAbsDiff(expectedEmbedding, gotEmbedding);
			NDArray img = m.create(image, new Shape(1, 3, 20, 28));
			float[] gotOutput = generator.forward(img, m.create(expectedEmbedding, new Shape(1, expectedEmbedding
				.length)), null).toFloatArray();
			double outDiff = maxAbsDiff(expectedOutput, gotOutput);
			// the whole chain: Java embedding into the Java generator
			float[] chained = generator.forward(img, embedding, null).toFloatArray();
			double chainDiff = maxAbsDiff(expectedOutput, chained);
			// the compiled (TorchScript) pass that stylize uses, float32
			double scriptDiff;
			try (ScriptedGenerator scripted = new ScriptedGenerator(generator, ScriptPrecision.FP32, m)) {
				scriptDiff = maxAbsDiff(expectedOutput, scripted.infer(m, img, m.create(expectedEmbedding, new Shape(1,
					expectedEmbedding.length)), null).toFloatArray());
			}
			System.out.printf("parity: embedding %.3g, generator %.3g, chained %.3g, compiled %.3g (max abs diff)%n",
				embDiff, outDiff, chainDiff, scriptDiff);
			assertTrue(scriptDiff <= TOLERANCE, "compiled generator output max abs diff " + scriptDiff);
			assertTrue(embDiff <= TOLERANCE, "embedding max abs diff " + embDiff);
			assertTrue(outDiff <= TOLERANCE, "generator output max abs diff " + outDiff);
			assertTrue(chainDiff <= TOLERANCE, "chained output max abs diff " + chainDiff);
		}
	}

	@Test
	void applyToOverwritesEveryInitialisedValue() throws Exception {
		ImportResult r = CheckpointImporter.importCheckpoints(PthFixtures.path("tiny_net_G_fp16.pth"), PthFixtures
			.path("tiny_net_Audio.pth"), false);
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("float16")), r.report());
		try (NDManager m = NDManager.newBaseManager()) {
			ResnetGenerator g = new ResnetGenerator(r.config());
			AudioEncoder a = new AudioEncoder(r.config());
			g.initialize(m, 123);
			a.initialize(m, 123);
			r.applyTo(g, a);
			for (java.util.Map.Entry<String, ai.djl.nn.Parameter> e : org.audiostyle.nn.StateDict.of(g).entrySet())
				assertArrayEquals(r.generatorTensors().get(e.getKey()).values(), e.getValue().getArray()
					.toFloatArray(), e.getKey());
		}
	}

	@Test
	void paperConfigurationKeysAndShapesEqualTheReferenceList() throws Exception {
		JsonObject paper = PthFixtures.json("paper_keys.json");
		assertEquals(NetworkConfig.paper().ngf, paper.getAsJsonObject("config").get("ngf").getAsInt());
		assertSameKeys(paper.getAsJsonArray("generator"), CheckpointImporter.officialShapes(new ResnetGenerator(
			NetworkConfig.paper())));
		assertSameKeys(paper.getAsJsonArray("audio"), CheckpointImporter.officialShapes(new AudioEncoder(NetworkConfig
			.paper())));
	}

	/** Same keys in the same order, same shapes. */
	private static void assertSameKeys(JsonArray reference, java.util.Map<String, long[]> expected) {
		java.util.List<String> refKeys = new java.util.ArrayList<>();
		for (int i = 0; i < reference.size(); i++)
			refKeys.add(reference.get(i).getAsJsonObject().get("key").getAsString());
		assertEquals(refKeys, new java.util.ArrayList<>(expected.keySet()));
		for (int i = 0; i < reference.size(); i++) {
			JsonObject o = reference.get(i).getAsJsonObject();
			String key = o.get("key").getAsString();
			assertArrayEquals(PthFixtures.longs(o.getAsJsonArray("shape")), expected.get(key), key + " " + Arrays
				.toString(expected.get(key)));
		}
	}

	static double maxAbsDiff(float[] a, float[] b) {
		assertEquals(a.length, b.length);
		double d = 0;
		for (int i = 0; i < a.length; i++)
			d = Math.max(d, Math.abs((double) a[i] - b[i]));
		return d;
	}
}
