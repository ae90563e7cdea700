package org.audiostyle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.audiostyle.nn.NetworkConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleModelTest {

	@TempDir
	Path dir;

	@Test
	void randomModelsAreSeeded() {
		try (StyleModel a = StyleModel.random(NetworkConfig.tiny(), 5); StyleModel b = StyleModel.random(NetworkConfig
			.tiny(), 5); StyleModel c = StyleModel.random(NetworkConfig.tiny(), 6))
		{
			assertEquals(a.id(), b.id());
			assertNotEquals(a.id(), c.id());
			assertArrayEquals(a.weightsBytes("generator"), b.weightsBytes("generator"));
		}
	}

	@Test
	void folderAndZipRoundTrip() throws Exception {
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny().withConditioning(NetworkConfig.Conditioning.CONCAT),
			3))
		{
			Path folder = dir.resolve("m");
			Path zip = dir.resolve("m.zip");
			m.save(folder, false);
			m.save(zip, false);
			for (Path p : new Path[] { folder, zip })
				try (StyleModel back = StyleModel.load(p)) {
					assertEquals(m.id(), back.id());
					assertEquals(m.config(), back.config());
					assertArrayEquals(m.weightsBytes("audio"), back.weightsBytes("audio"));
				}
			ModelException e = assertThrows(ModelException.class, () -> m.save(folder, false));
			assertTrue(e.getMessage().contains("already exists"), e.getMessage());
			m.save(folder, true);
			try (var s = Files.list(dir)) {
				assertEquals(2, s.count(), "no temporary files left behind");
			}
		}
	}

	@Test
	void audioInputTravelsWithThePackageAndIsAbsentAtItsDefault() throws Exception {
		try (StyleModel log = StyleModel.random(NetworkConfig.tiny().withAudioInput(NetworkConfig.AudioInput.LOG), 3);
			StyleModel linear = StyleModel.random(NetworkConfig.tiny(), 3))
		{
			log.save(dir.resolve("log"), false);
			linear.save(dir.resolve("linear"), false);
			try (StyleModel back = StyleModel.load(dir.resolve("log"))) {
				assertEquals(NetworkConfig.AudioInput.LOG, back.config().audioInput);
			}
			String manifest = Files.readString(dir.resolve("linear/model.json"));
			assertTrue(manifest.contains("\"conditioning\"") && !manifest.contains("audioInput"), manifest);
			try (StyleModel back = StyleModel.load(dir.resolve("linear"))) {
				assertEquals(NetworkConfig.AudioInput.LINEAR, back.config().audioInput);
				assertEquals(NetworkConfig.AudioNetwork.RESNET, back.config().audioNetwork);
			}
		}
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny().withGenerator(NetworkConfig.Generator.GRID), 6)) {
			m.save(dir.resolve("grid"), false);
			assertTrue(Files.readString(dir.resolve("grid").resolve(ModelManifest.FILE_NAME)).contains(
				"\"generator\": \"grid\""));
			try (StyleModel back = StyleModel.load(dir.resolve("grid"))) {
				assertEquals(m.config(), back.config());
				assertTrue(back.colourGrid() != null);
				assertArrayEquals(m.weightsBytes("generator"), back.weightsBytes("generator"));
				assertThrows(UnsupportedOperationException.class, back::generator);
			}
		}
		assertFalse(com.google.gson.JsonParser.parseString(Files.readString(dir.resolve("linear").resolve(ModelManifest
			.FILE_NAME))).getAsJsonObject().getAsJsonObject("network").has("generator"),
			"a ResNet package does not name its generator (older readers load it)");
		for (NetworkConfig.AudioNetwork network : new NetworkConfig.AudioNetwork[] { NetworkConfig.AudioNetwork
			.STATISTICS, NetworkConfig.AudioNetwork.HYBRID })
			try (StyleModel m = StyleModel.random(NetworkConfig.tiny().withAudioNetwork(network), 4)) {
				m.save(dir.resolve(network.id()), false);
				try (StyleModel back = StyleModel.load(dir.resolve(network.id()))) {
					assertEquals(m.config(), back.config());
					assertArrayEquals(m.weightsBytes("audio"), back.weightsBytes("audio"));
				}
			}
	}

	@Test
	void specificErrors() throws Exception {
		Path folder = dir.resolve("m");
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny(), 1)) {
			m.save(folder, false);
		}
		assertMessage(dir.resolve("nope"), "does not exist");

		Path json = folder.resolve(ModelManifest.FILE_NAME);
		String good = Files.readString(json);
		Files.writeString(json, good.replace("\"formatVersion\": 1", "\"formatVersion\": 7"));
		assertMessage(folder, "format version 7");
		Files.writeString(json, "{ not json");
		assertMessage(folder, "not valid JSON");
		// A manifest describing another network than the weights hold: a shape error naming the tensor.
		Files.writeString(json, good.replace("\"ngf\": 8", "\"ngf\": 12").replaceAll("\"sha256\": \\{[^}]*\\}",
			"\"sha256\": {}"));
		assertMessage(folder, "model_down.1.weight");
		Files.writeString(json, good);
		byte[] w = Files.readAllBytes(folder.resolve("audio.params"));
		w[w.length / 2] ^= 0x55;
		Files.write(folder.resolve("audio.params"), w);
		assertMessage(folder, "SHA-256");
		Files.delete(folder.resolve("audio.params"));
		assertMessage(folder, "missing audio.params");
		Files.write(dir.resolve("junk.zip"), "hello".getBytes(StandardCharsets.UTF_8));
		assertMessage(dir.resolve("junk.zip"), "junk.zip");
	}

	@Test
	void bundledDefaultAlwaysLoads() throws Exception {
		try (StyleModel m = StyleModel.bundledDefault()) {
			assertEquals(NetworkConfig.Conditioning.FILM, m.config().conditioning);
			if (!StyleModel.hasBundledModel()) assertTrue(m.isRandom());
			else assertFalse(m.isRandom());
		}
	}

	private static void assertMessage(Path p, String part) {
		ModelException e = assertThrows(ModelException.class, () -> StyleModel.load(p).close());
		assertTrue(e.getMessage().contains(part), "message should mention '" + part + "': " + e.getMessage());
	}
}
