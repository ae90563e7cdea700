package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

	@TempDir
	Path dir;

	private static int[] pixels(Img<?> img) {
		@SuppressWarnings("unchecked")
		ArrayImg<ARGBType, IntArray> a = (ArrayImg<ARGBType, IntArray>) img;
		return a.update(null).getCurrentStorageArray();
	}

	/**
	 * TIFF and JPEG are written from a 3-byte BGR copy: the TIFF holds exactly the pixels, the JPEG is what ImageIO's
	 * writer makes of the same pixels given as packed ints (the layout written before), byte for byte.
	 */
	@Test
	void tiffAndJpegHoldThePixels() throws IOException {
		int w = 37, h = 23;
		int[] px = new int[w * h];
		java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < px.length; i++)
			px[i] = 0xff000000 | r.nextInt(1 << 24);
		Img<ARGBType> img = ArrayImgs.argbs(px, w, h);
		Path tif = dir.resolve("o.tif");
		ImageFiles.writeRgb(img, tif, false, 0.9f, org.audiostyle.stylize.StageTimes.NONE);
		BufferedImage back = ImageIO.read(tif.toFile());
		for (int i = 0; i < px.length; i++)
			assertEquals(px[i], back.getRGB(i % w, i / w) | 0xff000000, "pixel " + i);
		Path jpg = dir.resolve("o.jpg");
		ImageFiles.writeRgb(img, jpg, false, 0.9f, org.audiostyle.stylize.StageTimes.NONE);
		BufferedImage ints = ImageFiles.toBufferedImage(img);
		javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		java.io.ByteArrayOutputStream want = new java.io.ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream out = new javax.imageio.stream.MemoryCacheImageOutputStream(want)) {
			writer.setOutput(out);
			javax.imageio.ImageWriteParam p = writer.getDefaultWriteParam();
			p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
			p.setCompressionQuality(0.9f);
			writer.write(null, new javax.imageio.IIOImage(ints, null, null), p);
		}
		finally {
			writer.dispose();
		}
		assertArrayEquals(want.toByteArray(), Files.readAllBytes(jpg));
	}

	@Test
	void writesAndReadsRgbPngExactly() throws IOException {
		int[] px = new int[31 * 17];
		for (int i = 0; i < px.length; i++)
			px[i] = 0xff000000 | (int) (i * 2654435761L) & 0xffffff; // scattered colours
		Path f = dir.resolve("rgb.png");
		ImageFiles.writePng(ArrayImgs.argbs(px, 31, 17), f, false);
		Img<?> back = ImageFiles.read(f);
		assertInstanceOf(ARGBType.class, back.firstElement());
		assertArrayEquals(new long[] { 31, 17 }, back.dimensionsAsLongArray());
		assertArrayEquals(px, pixels(back));
	}

	@Test
	void writesViewsWithNonZeroMinAndDropsAlpha() throws IOException {
		int[] px = new int[10 * 10];
		for (int i = 0; i < px.length; i++)
			px[i] = 0x12000000 | i;
		Path f = dir.resolve("crop.png");
		ImageFiles.writePng(Views.interval(ArrayImgs.argbs(px, 10, 10), new long[] { 2, 3 }, new long[] { 5, 4 }), f,
			false);
		BufferedImage bi = ImageIO.read(f.toFile());
		assertEquals(4, bi.getWidth());
		assertEquals(2, bi.getHeight());
		assertEquals(0xff000000 | 3 * 10 + 2, bi.getRGB(0, 0));
		assertEquals(0xff000000 | 4 * 10 + 5, bi.getRGB(3, 1));
	}

	@Test
	void readsGreyTypes() throws IOException {
		BufferedImage g8 = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
		g8.getRaster().setSamples(0, 0, 3, 2, 0, new int[] { 0, 1, 2, 128, 254, 255 });
		Path f8 = dir.resolve("g8.png");
		ImageIO.write(g8, "png", f8.toFile());
		Img<?> a = ImageFiles.read(f8);
		assertInstanceOf(UnsignedByteType.class, a.firstElement());
		assertEquals(128, ((UnsignedByteType) a.getAt(0, 1)).get());

		BufferedImage g16 = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
		short[] v = ((DataBufferUShort) g16.getRaster().getDataBuffer()).getData();
		v[0] = 1000;
		v[3] = (short) 60000;
		for (String fmt : new String[] { "png", "tif" }) {
			Path f16 = dir.resolve("g16." + fmt);
			ImageIO.write(g16, fmt, f16.toFile());
			Img<?> b = ImageFiles.read(f16);
			assertInstanceOf(UnsignedShortType.class, b.firstElement());
			assertEquals(1000, ((UnsignedShortType) b.getAt(0, 0)).get());
			assertEquals(60000, ((UnsignedShortType) b.getAt(1, 1)).get());
		}
	}

	@Test
	void readsFloatTiff() throws IOException {
		// 32-bit float grey TIFF, as written by scientific software
		java.awt.image.SampleModel sm = new java.awt.image.BandedSampleModel(java.awt.image.DataBuffer.TYPE_FLOAT, 2, 1,
			1);
		DataBufferFloat db = new DataBufferFloat(new float[] { -1.5f, 1e6f }, 2);
		java.awt.image.WritableRaster r = java.awt.image.Raster.createWritableRaster(sm, db, null);
		java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(java.awt.color.ColorSpace.getInstance(
			java.awt.color.ColorSpace.CS_GRAY), false, false, java.awt.Transparency.OPAQUE,
			java.awt.image.DataBuffer.TYPE_FLOAT);
		Path f = dir.resolve("f.tif");
		assertTrue(ImageIO.write(new BufferedImage(cm, r, false, null), "tif", f.toFile()));
		Img<?> img = ImageFiles.read(f);
		assertInstanceOf(FloatType.class, img.firstElement());
		assertEquals(-1.5f, ((FloatType) img.getAt(0, 0)).get());
		assertEquals(1e6f, ((FloatType) img.getAt(1, 0)).get());
	}

	@Test
	void readsJpegAsRgb() throws IOException {
		BufferedImage bi = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 8; x++)
				bi.setRGB(x, y, 0x3080c0);
		Path f = dir.resolve("c.jpg");
		ImageIO.write(bi, "jpg", f.toFile());
		Img<?> img = ImageFiles.read(f);
		assertInstanceOf(ARGBType.class, img.firstElement());
		int p = pixels(img)[27];
		assertEquals(0xff, p >>> 24);
		assertEquals(0x30, (p >> 16) & 0xff, 4);
		assertEquals(0xc0, p & 0xff, 4);
	}

	@Test
	void refusesToOverwriteUnlessAllowed() throws IOException {
		Path f = dir.resolve("out.png");
		ImageFiles.writePng(ArrayImgs.argbs(new int[] { 0xff0000 }, 1, 1), f, false);
		FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> ImageFiles.writePng(
			ArrayImgs.argbs(new int[] { 0x00ff00 }, 1, 1), f, false));
		assertTrue(e.getMessage().contains("out.png"), e.getMessage());
		assertEquals(0xffff0000, pixels(ImageFiles.read(f))[0]);
		ImageFiles.writePng(ArrayImgs.argbs(new int[] { 0x00ff00 }, 1, 1), f, true);
		assertEquals(0xff00ff00, pixels(ImageFiles.read(f))[0]);
		assertNoTempFiles();
	}

	@Test
	void failedWritesLeaveNothingBehind() throws IOException {
		Path f = dir.resolve("missing-folder").resolve("x.png");
		NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ImageFiles.writePng(ArrayImgs.argbs(1,
			1), f, true));
		assertTrue(e.getMessage().contains("x.png") && e.getMessage().contains("does not exist"), e.getMessage());
		Files.createDirectory(dir.resolve("folder.png"));
		IOException d = assertThrows(IOException.class, () -> ImageFiles.writePng(ArrayImgs.argbs(1, 1), dir.resolve(
			"folder.png"), true));
		assertTrue(d.getMessage().contains("folder"), d.getMessage());
		assertThrows(IOException.class, () -> ImageFiles.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
			"no-such-format", dir.resolve("y.xyz"), true));
		// a writer that fails half-way: an image whose raster throws while being encoded
		BufferedImage broken = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB) {

			@Override
			public java.awt.image.Raster getData(java.awt.Rectangle rect) {
				throw new IllegalStateException("simulated failure while encoding");
			}
		};
		IOException w = assertThrows(IOException.class, () -> ImageFiles.write(broken, "png", dir.resolve("half.png"),
			true));
		assertTrue(w.getMessage().contains("half.png"), w.getMessage());
		assertTrue(Files.notExists(dir.resolve("half.png")));
		assertNoTempFiles();
	}

	@Test
	void readErrorsNameTheFile() throws IOException {
		NoSuchFileException nf = assertThrows(NoSuchFileException.class, () -> ImageFiles.read(dir.resolve(
			"nope.png")));
		assertTrue(nf.getMessage().contains("nope.png"));
		Path text = dir.resolve("text.png");
		Files.write(text, "this is not an image".getBytes());
		IOException e = assertThrows(IOException.class, () -> ImageFiles.read(text));
		assertTrue(e.getMessage().contains("text.png") && e.getMessage().contains("not an image"), e.getMessage());
		Path truncated = dir.resolve("truncated.png");
		ImageFiles.writePng(ArrayImgs.argbs(new int[64 * 64], 64, 64), dir.resolve("full.png"), false);
		byte[] all = Files.readAllBytes(dir.resolve("full.png"));
		Files.write(truncated, java.util.Arrays.copyOf(all, 60));
		IOException t = assertThrows(IOException.class, () -> ImageFiles.read(truncated));
		assertTrue(t.getMessage().contains("truncated.png"), t.getMessage());
		assertThrows(IOException.class, () -> ImageFiles.read(dir));
	}

	private void assertNoTempFiles() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
		}
	}
}
