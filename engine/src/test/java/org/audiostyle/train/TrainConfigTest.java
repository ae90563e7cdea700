package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

	@Test
	public void pretrainBatchOfOneIsRefusedByName() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.fromJson(
			"{\"recipe\": \"sound-aware\", \"pretrainBatch\": 1}"));
		assertTrue(e.getMessage().contains("pretrainBatch"), e.getMessage());
	}
}
