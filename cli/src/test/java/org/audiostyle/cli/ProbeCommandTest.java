package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiostyle probe} on generated sounds of two classes a linear read-out must tell apart. */
class ProbeCommandTest {

	@TempDir
	Path dir;

	/** A 3.5 s tone at {@code hz} in noise, at 16 kHz; the level and noise vary with {@code seed}. */
	private static void writeTone(Path file, double hz, long seed) throws Exception {
		Random r = new Random(seed);
		double level = 0.2 + 0.5 * r.nextDouble();
		byte[] pcm = new byte[2 * 56000];
		for (int i = 0; i < 56000; i++) {
			double v = level * Math.sin(2 * Math.PI * hz * i / 16000.0) + 0.05 * r.nextGaussian();
			short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
			pcm[2 * i] = (byte) s;
			pcm[2 * i + 1] = (byte) (s >> 8);
		}
		AudioFormat f = new AudioFormat(16000, 16, 1, true, false);
		Files.createDirectories(file.getParent());
		AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, 56000), AudioFileFormat.Type.WAVE,
			file.toFile());
	}

	@Test
	void namesTheClassesOfUnseenSoundsFromStatisticsAndFromAModel() throws Exception {
		long seed = 1;
		for (String split : new String[] { "train", "validation" })
			for (int i = 0; i < (split.equals("train") ? 3 : 2); i++) {
				writeTone(dir.resolve(split + "/low/" + i + ".wav"), 300 + 20 * i, seed++);
				writeTone(dir.resolve(split + "/high/" + i + ".wav"), 3000 + 200 * i, seed++);
			}
		Path model = dir.resolve("tiny.model");
		assertEquals(0, CliTest.run("init-model", "--config", "tiny", "--seed", "3", "--out", model.toString()));
		PrintStream old = System.out;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = CliTest.run("probe", "--train", dir.resolve("train").toString(), "--validation", dir.resolve(
				"validation").toString(), "--model", model.toString());
		}
		finally {
			System.setOut(old);
		}
		String table = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, table);
		assertTrue(table.contains("| audio statistics (fixed) | 4/4 = 100.0 % | high 2/2, low 2/2 |"), table);
		assertTrue(table.contains("| model embedding (resnet) | "), table);
		assertEquals(CliErrors.BAD_INPUT, CliTest.run("probe", "--train", dir.resolve("nowhere").toString(),
			"--validation", dir.resolve("validation").toString()));
	}
}
