package org.audiostyle.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.audiostyle.io.AtomicFiles;

/**
 * Photos as 8-bit RGB {@link PlanarImage}s in [0, 1]: training and evaluation images (JPEG, PNG, BMP, GIF), sample
 * grids and contact sheets. Images a user stylizes, of any type and bit depth, go through {@link ImageFiles}.
 */
public final class RgbImageFiles {

	private RgbImageFiles() {}

	public static boolean isImage(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp") ||
			n.endsWith(".gif");
	}

	public static PlanarImage read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException("Image file not found: " + file);
		BufferedImage b = ImageIO.read(file.toFile());
		if (b == null) throw new IOException("Cannot read " + file + " as an image (supported: JPEG, PNG, BMP, GIF).");
		return fromBuffered(b);
	}

	/** RGB of any BufferedImage (alpha ignored; grey replicated) in [0, 1]. */
	public static PlanarImage fromBuffered(BufferedImage b) {
		int w = b.getWidth(), h = b.getHeight();
		int[] argb = b.getRGB(0, 0, w, h, null, 0, w);
		PlanarImage img = new PlanarImage(w, h);
		int plane = w * h;
		for (int i = 0; i < plane; i++) {
			int p = argb[i];
			img.data[i] = ((p >> 16) & 255) / 255f;
			img.data[plane + i] = ((p >> 8) & 255) / 255f;
			img.data[2 * plane + i] = (p & 255) / 255f;
		}
		return img;
	}

	/** 8-bit RGB, clamped and rounded. */
	public static BufferedImage toBuffered(PlanarImage img) {
		int w = img.width, h = img.height, plane = w * h;
		BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] rgb = new int[plane];
		for (int i = 0; i < plane; i++)
			rgb[i] = (toByte(img.data[i]) << 16) | (toByte(img.data[plane + i]) << 8) | toByte(img.data[2 * plane + i]);
		b.setRGB(0, 0, w, h, rgb, 0, w);
		return b;
	}

	private static int toByte(float v) {
		float c = v >= 1f ? 1f : (v > 0f ? v : 0f);
		return Math.round(c * 255f);
	}

	/** Writes a PNG through a temporary file and an atomic move. */
	public static void writePng(BufferedImage image, Path file) throws IOException {
		Path tmp = AtomicFiles.tempNextTo(file);
		try {
			if (!ImageIO.write(image, "png", tmp.toFile())) throw new IOException("No PNG writer available.");
			AtomicFiles.move(tmp, file);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Reads and resizes to exactly {@code side} x {@code side} (aspect ratio not kept, as the paper's loader). */
	public static PlanarImage readSquare(Path file, int side) throws IOException {
		PlanarImage img = read(file);
		return Resampling.resize(img, side, side);
	}
}
