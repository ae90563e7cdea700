package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;

public class TrainConfigTest {

	@Test
	public void pretrainBatchDefaultsToTheGanBatch() {
		TrainConfig c = TrainConfig.fromJson("{\"recipe\": \"sound-aware\", \"batch\": 6}");
		assertEquals(0, c.pretrainBatch);
		assertEquals(6, c.effectivePretrainBatch());
	}

	@Test
	public void pretrainBatchSurvivesJson() {
		TrainConfig c = TrainConfig.fromJson("{\"recipe\": \"sound-aware\", \"batch\": 4, \"pretrainBatch\": 16}");
		assertEquals(16, c.effectivePretrainBatch());
		assertEquals(16, TrainConfig.fromJson(c.toJson()).effectivePretrainBatch());
	}

	/** The configuration docs/training.md gives for the bundled model is the one stored in the bundled model.json. */
	@Test
	public void committedDefaultModelConfigIsTheBundledModelsOwn() throws IOException {
		TrainConfig committed = TrainConfig.read(Paths.get("../tools/train/default-model-v14.json"));
		JsonObject manifest;
		try (InputStream in = TrainConfigTest.class.getResourceAsStream(
			"/org/audiostyle/models/default/model.json"))
		{
			manifest = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
		}
		TrainConfig bundled = TrainConfig.fromJson(manifest.getAsJsonObject("provenance").get("trainConfig")
			.getAsString());
		assertEquals(bundled.toJson(), committed.toJson());
	}

	@Test
	public void audioInputAndAudioNetworkAreNetworkSettingsThatSurviveJson() {
		TrainConfig c = TrainConfig.fromJson("{\"network\": {\"preset\": \"tiny\", \"audioInput\": \"log\"}}");
		assertEquals(org.audiostyle.nn.NetworkConfig.AudioInput.LOG, c.network.toConfig().audioInput);
		assertEquals(c.network.toConfig(), TrainConfig.fromJson(c.toJson()).network.toConfig());
		assertEquals(org.audiostyle.nn.NetworkConfig.AudioInput.LINEAR, TrainConfig.fromJson("{\"network\": \"tiny\"}")
			.network.toConfig().audioInput);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.fromJson(
			"{\"network\": {\"audioInput\": \"loud\"}}"));
		assertTrue(e.getMessage().contains("audio input 'loud'"), e.getMessage());
		TrainConfig stats = TrainConfig.fromJson("{\"network\": {\"audioNetwork\": \"statistics\"}}");
		assertEquals(org.audiostyle.nn.NetworkConfig.AudioNetwork.STATISTICS, stats.network.toConfig().audioNetwork);
		assertEquals(stats.network.toConfig(), TrainConfig.fromJson(stats.toJson()).network.toConfig());
		TrainConfig hybrid = TrainConfig.fromJson("{\"network\": {\"audioNetwork\": \"hybrid\", \"audioInput\": \"log\"}}");
		assertEquals(org.audiostyle.nn.NetworkConfig.AudioNetwork.HYBRID, hybrid.network.toConfig().audioNetwork);
		assertEquals(hybrid.network.toConfig(), TrainConfig.fromJson(hybrid.toJson()).network.toConfig());
		e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.fromJson(
			"{\"network\": {\"audioNetwork\": \"statistics\", \"audioInput\": \"log\"}}"));
		assertTrue(e.getMessage().contains("statistics network takes the log"), e.getMessage());
	}

	@Test
	public void pretrainBatchOfOneIsRefusedByName() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.fromJson(
			"{\"recipe\": \"sound-aware\", \"pretrainBatch\": 1}"));
		assertTrue(e.getMessage().contains("pretrainBatch"), e.getMessage());
	}
}
