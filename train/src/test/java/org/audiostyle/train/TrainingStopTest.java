package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A stop request (what SIGTERM and Ctrl-C send through the train command's shutdown hook) ends the run at a step
 * boundary with a checkpoint of that step, and --resume then gives the same weights as a run never stopped.
 */
class TrainingStopTest {

	@TempDir
	Path dir;

	/** Answers "stop" from its {@code (after + 1)}-th poll on: the loop polls once before each step. */
	static StopSignal after(int steps) {
		return new StopSignal() {

			int polls;

			@Override
			public boolean requested() {
				return ++polls > steps || super.requested();
			}
		};
	}

	@Test
	void stoppedRunResumesToTheSameWeights() throws IOException {
		Path data = TrainingRunTest.dataSet(dir);
		TrainConfig c = TinyData.config(4, 1);
		c.checkpointEvery = 2;
		Path cfg = Files.writeString(dir.resolve("config.json"), c.toJson());

		Path straight = dir.resolve("straight");
		assertFalse(Training.run(TrainingRunTest.options(data, straight, cfg)).stopped());

		Path stopped = dir.resolve("stopped");
		TrainOptions o = TrainingRunTest.options(data, stopped, cfg);
		o.stop = after(3); // between the step-2 checkpoint and the next one
		TrainResult r = Training.run(o);
		assertTrue(r.stopped());
		assertNull(r.model);
		assertEquals(3, r.steps);
		assertTrue(Files.isRegularFile(stopped.resolve("checkpoints/step-000000003.ckpt")), "checkpoint of the last step");
		assertFalse(Files.exists(stopped.resolve("model")), "no model package from a stopped run");
		assertEquals(4, Files.readAllLines(stopped.resolve("losses.csv")).size(), "header + 3 steps");

		TrainOptions resume = TrainingRunTest.options(data, stopped, null);
		resume.resume = true;
		assertEquals(5, Training.run(resume).steps);
		for (String f : new String[] { "generator.params", "audio.params" })
			assertSameWeights(straight.resolve("model").resolve(f), stopped.resolve("model").resolve(f));
	}

	private static void assertSameWeights(Path x, Path y) throws IOException {
		try (NDManager m = NDManager.newBaseManager()) {
			NDList a = NDList.decode(m, Files.readAllBytes(x));
			NDList b = NDList.decode(m, Files.readAllBytes(y));
			assertEquals(a.size(), b.size());
			for (int i = 0; i < a.size(); i++)
				assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 1e-6f, a.get(i).getName());
		}
	}
}
