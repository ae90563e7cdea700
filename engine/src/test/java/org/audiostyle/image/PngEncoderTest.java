package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.Adler32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PngEncoderTest {

	@Test
	void everyFilterAndLevelDecodesToTheSamePixels() throws IOException {
		// small bands (64 KB of raw rows: about 70 rows here), so the pieces and the combined checksum are tested
		int w = 300, h = 250;
		int[] px = ArgbDetailTransferTest.photo(w, h, 3);
		for (PngEncoder.Filter f : PngEncoder.Filter.values())
			for (int level : new int[] { PngEncoder.HUFFMAN_ONLY, 0, 1, 6 }) {
				byte[] png = new PngEncoder(level, f, 1 << 16).encode(px, w, h);
				BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
				int[] rgb = back.getRGB(0, 0, w, h, null, 0, w);
				assertArrayEquals(px, rgb, f + " level " + level);
			}
	}

	@Test
	void flatImagesAreNotHuffmanCoded() throws IOException {
		// stripes and flat fields: Huffman coding alone would spend a bit a byte (over 12 % of the raw size), LZ77
		// matching at level 1 far less; the default must find that out band by band
		int w = 600, h = 400;
		int[] px = new int[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = (x / 50) % 2 == 0 ? 0xff3060a0 : y % 40 < 2 ? 0xff000000 : 0xfff0f0f0;
		byte[] byDefault = new PngEncoder(PngEncoder.HUFFMAN_ONLY, PngEncoder.Filter.SUB, 1 << 16).encode(px, w, h);
		byte[] levelOne = new PngEncoder(1, PngEncoder.Filter.SUB, 1 << 16).encode(px, w, h);
		assertEquals(levelOne.length, byDefault.length, "flat bands take level 1");
		assertTrue(byDefault.length < 0.05 * 3 * w * h, byDefault.length + " bytes");
		assertArrayEquals(px, ImageIO.read(new ByteArrayInputStream(byDefault)).getRGB(0, 0, w, h, null, 0, w));
		// a noisy photo-like image is Huffman coded: not the bytes level 1 writes, the same pixels
		int[] photo = ArgbDetailTransferTest.photo(w, h, 5);
		byte[] noisy = new PngEncoder().encode(photo, w, h);
		assertFalse(java.util.Arrays.equals(noisy, new PngEncoder(1, PngEncoder.Filter.SUB).encode(photo, w, h)));
		assertArrayEquals(photo, ImageIO.read(new ByteArrayInputStream(noisy)).getRGB(0, 0, w, h, null, 0, w));
	}

	@Test
	void tinyImagesAndAlphaAreHandled() throws IOException {
		int[] px = { 0x00ff0000, 0x8000ff00, 0xff0000ff }; // alpha is dropped: every pixel comes back opaque
		BufferedImage back = ImageIO.read(new ByteArrayInputStream(new PngEncoder().encode(px, 3, 1)));
		assertEquals(0xffff0000, back.getRGB(0, 0));
		assertEquals(0xff00ff00, back.getRGB(1, 0));
		assertEquals(0xff0000ff, back.getRGB(2, 0));
		assertThrows(IllegalArgumentException.class, () -> new PngEncoder().encode(px, 2, 1));
	}

	@Test
	void adlerChecksumsCombine() {
		byte[] a = new byte[100_000], b = new byte[77_777];
		new java.util.Random(5).nextBytes(a);
		new java.util.Random(6).nextBytes(b);
		Adler32 all = new Adler32(), first = new Adler32(), second = new Adler32();
		all.update(a);
		all.update(b);
		first.update(a);
		second.update(b);
		assertEquals(all.getValue(), PngEncoder.combine(first.getValue(), second.getValue(), b.length));
	}
}
