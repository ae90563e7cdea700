package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
