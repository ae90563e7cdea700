package org.audiostyle.cli;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Generated sounds for the command tests. */
final class TestSounds {

	private TestSounds() {}

	/** A 3.5 s tone at {@code hz} in noise, at 16 kHz; the level and noise vary with {@code seed}. */
	static void writeTone(Path file, double hz, long seed) throws Exception {
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
}
