package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume --steps N: a run continues into a schedule of another length; a schedule already passed is refused. */
class RescheduleTest {

	@TempDir
	Path dir;

	@Test
	void aRunIsExtendedAndItsConfigurationFollows() throws IOException {
		Path data = TrainingRunTest.dataSet(dir);
		TrainConfig c = TinyData.config(2, 1);
		c.checkpointEvery = 1;
		Path cfg = Files.writeString(dir.resolve("config.json"), c.toJson());
		Path run = dir.resolve("run");
		assertEquals(3, Training.run(TrainingRunTest.options(data, run, cfg)).steps);

		TrainOptions longer = TrainingRunTest.options(data, run, null);
		longer.resume = true;
		longer.steps = 4L;
		TrainResult r = Training.run(longer);
		assertEquals(5, r.steps, "1 pre-training + 4 GAN steps");
		assertEquals(4, TrainConfig.read(run.resolve("config.json")).steps, "later resumes keep the new length");
		assertEquals(6, Files.readAllLines(run.resolve("losses.csv")).size(), "header + 5 steps");

		TrainOptions shorter = TrainingRunTest.options(data, run, null);
		shorter.resume = true;
		shorter.steps = 3L;
		IOException e = assertThrows(IOException.class, () -> Training.run(shorter));
		assertTrue(e.getMessage().contains("pass a larger --steps"), e.getMessage());
		assertEquals(4, TrainConfig.read(run.resolve("config.json")).steps, "a refused change leaves the run as it was");
	}
}
