package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** judge names the scene class whose training photos look like the image, and refuses a missing image by name. */
class JudgeCommandTest {

	@TempDir
	Path dir;

	private static void write(Path file, int rgb, long seed) throws Exception {
		BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		Random r = new Random(seed);
		for (int y = 0; y < 24; y++)
			for (int x = 0; x < 32; x++) {
				int n = r.nextInt(30);
				int c = Math.min(255, ((rgb >> 16) & 255) + n) << 16 | Math.min(255, ((rgb >> 8) & 255) + n) << 8 |
					Math.min(255, (rgb & 255) + n);
				img.setRGB(x, y, c);
			}
		Files.createDirectories(file.getParent());
		ImageIO.write(img, "png", file.toFile());
	}

	@Test
	void namesTheSceneThePhotoLooksLike() throws Exception {
		for (int i = 0; i < 6; i++) {
			write(dir.resolve("train/dusk/" + i + ".png"), 0xB04010, i);
			write(dir.resolve("train/sea/" + i + ".png"), 0x1040B0, 100 + i);
		}
		write(dir.resolve("blue.png"), 0x0838A8, 7);
		String out = CliTest.runForStdout("judge", "--train-images", dir.resolve("train").toString(), dir.resolve(
			"blue.png").toString());
		assertTrue(out.contains("| blue.png | sea |"), out);
		assertEquals(2, CliTest.run("judge", "--train-images", dir.resolve("train").toString(), dir.resolve("nope.png")
			.toString()));
	}
}
