package org.audiostyle.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class StatisticsSceneClassifierTest {

	@TempDir
	Path dir;

	@Test
	public void learnsGeneratedScenesAndSurvivesSaveAndLoad() throws IOException {
		for (String k : List.of("fog", "night", "sky")) {
			SceneFixtures.write(dir.resolve("train"), k, 8, 100);
			SceneFixtures.write(dir.resolve("test"), k, 5, 900);
		}
		StatisticsSceneClassifier c = StatisticsSceneClassifier.train(dir.resolve("train"), s -> {});
		assertEquals(List.of("fog", "night", "sky"), c.classes());
		StatisticsSceneClassifier.Accuracy a = StatisticsSceneClassifier.accuracy(c, dir.resolve("test"));
		assertEquals(15, a.total);
		assertTrue(a.rate() >= 0.9, "held-out accuracy " + a.rate());
		c.save(dir.resolve("judge.json"));
		StatisticsSceneClassifier d = StatisticsSceneClassifier.load(dir.resolve("judge.json"));
		var img = SceneFixtures.scene("fog", 5);
		assertArrayEquals(c.probabilities(img), d.probabilities(img), 1e-12);
	}
}
