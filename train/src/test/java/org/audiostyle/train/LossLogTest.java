package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class LossLogTest {

	@TempDir
	Path dir;

	/** A run resumed from a log written before the SCENE column keeps one table: old rows move by column name. */
	@Test
	public void resumingAnOlderLogLaysItsRowsOutInTodaysColumns() throws IOException {
		Path f = dir.resolve("losses.csv");
		Files.writeString(f, "step,phase,lr,D,G_GAN,NCE_X,NCE_Y,AV_G,AV_C,COLOUR,seconds\n" +
			"1,gan,0.0002,0.25,0.5,1.4,,0.3,0.4,0.2,1.6\n2,gan,0.0002,0.24,0.4,1.3,,0.3,0.4,0.2,1.7\n");
		StepLosses l = new StepLosses("gan");
		l.d = 0.2;
		l.sceneStatistics = 0.05;
		try (LossLog log = LossLog.open(f, 1)) {
			log.append(2, l, 1e-4, 1.5);
		}
		List<String> rows = Files.readAllLines(f);
		assertEquals(String.join(",", LossLog.COLUMNS), rows.get(0));
		assertEquals("1,gan,0.0002,0.25,0.5,1.4,,0.3,0.4,0.2,,,1.6", rows.get(1),
			"no SCENE or MIX value, seconds still last");
		assertEquals("2,gan,0.000100000,0.200000,,,,,,,0.050000,,1.500", rows.get(2));
		assertEquals(3, rows.size(), "the old row 2 (after the checkpoint) is dropped");
	}
}
