package org.audiostyle.hostile;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image files made by code for the hostile-input suite: damaged, lying and merely unusual ones. Seeded. */
final class HostileImages {

	private HostileImages() {}

	/** A smooth RGB picture with some seeded noise (so PNG and JPEG data are not trivially short). */
	static BufferedImage rgb(int w, int h, long seed) {
		Random r = new Random(seed);
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.setRGB(x, y, (255 * x / Math.max(1, w - 1)) << 16 | (255 * y / Math.max(1, h - 1)) << 8 | r
					.nextInt(256));
		return img;
	}

	static Path write(BufferedImage img, String format, Path file) throws IOException {
		if (!ImageIO.write(img, format, file.toFile())) throw new IOException("no " + format + " writer");
		return file;
	}

	/** The first {@code fraction} of a file written in {@code format}. */
	static Path truncated(BufferedImage img, String format, double fraction, Path file) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		ImageIO.write(img, format, b);
		byte[] all = b.toByteArray();
		return Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
	}

	static Path text(Path file) throws IOException {
		return Files.write(file, "These are my holiday notes, not a picture.\n".repeat(20).getBytes(
			StandardCharsets.UTF_8));
	}

	/**
	 * A valid-looking PNG whose header declares {@code w}×{@code h} RGB pixels, followed by a few bytes of image
	 * data: a decoder that trusts the header allocates w·h·3 bytes before noticing the data is missing.
	 */
	static Path lyingPngHeader(int w, int h, Path file) throws IOException {
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		DataOutputStream d = new DataOutputStream(ihdr);
		d.writeInt(w);
		d.writeInt(h);
		d.write(new byte[] { 8, 2, 0, 0, 0 }); // 8 bits, RGB, deflate, no filter, no interlace
		chunk(b, "IHDR", ihdr.toByteArray());
		Deflater def = new Deflater();
		def.setInput(new byte[64]);
		def.finish();
		byte[] z = new byte[128];
		chunk(b, "IDAT", Arrays.copyOf(z, def.deflate(z)));
		chunk(b, "IEND", new byte[0]);
		return Files.write(file, b.toByteArray());
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		d.writeInt(data.length);
		d.write(t);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}

	/** A 4-channel (CMYK) JPEG, as print workflows and some cameras write; ImageIO cannot read these by default. */
	static Path cmykJpeg(int w, int h, Path file) throws IOException {
		WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				r.setPixel(x, y, new int[] { 255 * x / w, 255 * y / h, 60, 20 });
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(r, null, null), null);
		}
		finally {
			writer.dispose();
		}
		return file;
	}

	/** An 8-bit palette image of four colours. */
	static BufferedImage palette(int w, int h) {
		byte[] red = { 0, (byte) 255, 0, 40 }, green = { 0, 0, (byte) 200, 90 }, blue = { 0, 0, 0, (byte) 250 };
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, red,
			green, blue));
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.getRaster().setSample(x, y, 0, (x / 8 + y / 8) % 4);
		return img;
	}

	/** RGB with an alpha channel that is transparent on the left half. */
	static BufferedImage alpha(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.setRGB(x, y, (x < w / 2 ? 0 : 0xff) << 24 | 0x3080c0);
		return img;
	}

	/** 16-bit grey. */
	static BufferedImage grey16(int w, int h) {
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				img.getRaster().setSample(x, y, 0, 65535 * x / Math.max(1, w - 1));
		return img;
	}

	/** 16 bits per channel RGB (a "48-bit" PNG from a raw converter). */
	static BufferedImage rgb48(int w, int h) {
		ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
			Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		WritableRaster r = cm.createCompatibleWritableRaster(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				r.setPixel(x, y, new int[] { 65535 * x / Math.max(1, w - 1), 30000, 65535 * y / Math.max(1, h - 1) });
		return new BufferedImage(cm, r, false, null);
	}
}
