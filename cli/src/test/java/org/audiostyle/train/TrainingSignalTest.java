package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.audiostyle.hostile.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real training process: it finishes the step in progress, writes a checkpoint of it, closes libtorch's
 * resources and exits, with no native crash; --resume continues from that step. (That a resumed run equals an
 * uninterrupted one is {@link TrainingStopTest}'s job, in-process.)
 */
class TrainingSignalTest {

	@TempDir
	Path dir;

	@Test
	void sigtermStopsAtAStepBoundaryWithACheckpoint() throws Exception {
		Path data = TrainingRunTest.dataSet(dir);
		TrainConfig c = TinyData.config(100_000, 1); // far more steps than the test waits for
		Path cfg = Files.writeString(dir.resolve("config.json"), c.toJson());
		Path run = dir.resolve("run");
		ChildJvm p = ChildJvm.start(dir, "train", "1g", "train", "--data", data.toString(), "--out", run.toString(),
			"--config", cfg.toString(), "--no-progress");
		Path losses = run.resolve("losses.csv");
		while (p.process.isAlive() && rows(losses) < 3) // training is under way
			Thread.sleep(20);
		p.process.destroy(); // SIGTERM
		int exit = p.waitFor();
		String out = p.output();
		assertEquals(143, exit, "the JVM's exit code for SIGTERM after its shutdown hooks\n" + out);
		assertTrue(p.crashReports().isEmpty(), "no native crash: " + p.crashReports());
		assertFalse(out.contains("SIGSEGV") || out.contains("fatal error"), out);
		assertFalse(out.contains("NNPACK") || out.contains("AutoNonVariableTypeMode"), "libtorch kept quiet\n" + out);
		Matcher m = Pattern.compile("Stopped at step (\\d+) of").matcher(out);
		assertTrue(m.find(), out);
		long step = Long.parseLong(m.group(1));
		assertEquals(step, rows(losses), "one loss row per finished step");
		assertTrue(Files.isRegularFile(run.resolve(String.format("checkpoints/step-%09d.ckpt", step))), out);

		TrainOptions resume = TrainingRunTest.options(data, run, null);
		resume.resume = true;
		resume.stop = TrainingStopTest.after(2);
		TrainResult r = Training.run(resume);
		assertEquals(step + 2, r.steps);
		assertEquals(step + 2, rows(losses));
	}

	private static long rows(Path losses) throws IOException {
		if (!Files.exists(losses)) return 0;
		List<String> l = Files.readAllLines(losses);
		return l.stream().filter(s -> !s.isBlank()).count() - 1;
	}
}
