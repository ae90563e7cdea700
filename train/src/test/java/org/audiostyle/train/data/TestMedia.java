package org.audiostyle.train.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Generated test media: 16-bit mono WAVs and solid or striped images. */
public final class TestMedia {

	private TestMedia() {}

	/** A sine of {@code hz} (0 for white noise from a fixed seed), {@code seconds} long, at {@code rate}. */
	public static Path wav(Path file, double hz, double seconds, float rate) throws IOException {
		int n = (int) Math.round(seconds * rate);
		ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
		java.util.Random r = new java.util.Random(1);
		for (int i = 0; i < n; i++) {
			double v = hz > 0 ? 0.5 * Math.sin(2 * Math.PI * hz * i / rate) : 0.5 * (2 * r.nextDouble() - 1);
			b.putShort((short) Math.round(v * 32767));
		}
		AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
		Files.createDirectories(file.getParent());
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, n)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
		}
		return file;
	}

	/** A w x h image of one colour with a darker vertical stripe (so crops and flips are visible). */
	public static Path image(Path file, Color c, int w, int h) throws IOException {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(c);
		g.fillRect(0, 0, w, h);
		g.setColor(c.darker());
		g.fillRect(0, 0, w / 4, h);
		g.dispose();
		Files.createDirectories(file.getParent());
		String fmt = file.toString().endsWith(".png") ? "png" : "jpg";
		ImageIO.write(img, fmt, file.toFile());
		return file;
	}
}
