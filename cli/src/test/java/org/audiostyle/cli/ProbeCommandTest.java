package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiostyle probe} on generated sounds of two classes a linear read-out must tell apart. */
class ProbeCommandTest {

	@TempDir
	Path dir;

	@Test
	void namesTheClassesOfUnseenSoundsFromStatisticsAndFromAModel() throws Exception {
		long seed = 1;
		for (String split : new String[] { "train", "validation" })
			for (int i = 0; i < (split.equals("train") ? 3 : 2); i++) {
				TestSounds.writeTone(dir.resolve(split + "/low/" + i + ".wav"), 300 + 20 * i, seed++);
				TestSounds.writeTone(dir.resolve(split + "/high/" + i + ".wav"), 3000 + 200 * i, seed++);
			}
		Path model = dir.resolve("tiny.model");
		assertEquals(0, CliTest.run("init-model", "--config", "tiny", "--seed", "3", "--out", model.toString()));
		String table = CliTest.runForStdout("probe", "--train", dir.resolve("train").toString(), "--validation", dir
			.resolve("validation").toString(), "--model", model.toString());
		assertTrue(table.contains("| audio statistics (fixed) | 4/4 = 100.0 % | high 2/2, low 2/2 |"), table);
		assertTrue(table.contains("| model embedding (resnet) | "), table);
		assertEquals(CliErrors.BAD_INPUT, CliTest.run("probe", "--train", dir.resolve("nowhere").toString(),
			"--validation", dir.resolve("validation").toString()));
	}
}
