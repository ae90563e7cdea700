package org.audiostyle.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.io.AtomicFiles;
import org.audiostyle.stylize.StageTimes;

/**
 * Reads image files into ImgLib2 images and writes RGB images as PNG, through Java's ImageIO (PNG, JPEG, TIFF, BMP,
 * GIF).
 *
 * <p>Reading gives an {@code ArrayImg}: single-band grey images keep their sample type (8-bit to UnsignedByteType,
 * 16-bit to UnsignedShortType, signed 16-bit to ShortType, 32-bit int to IntType, float to FloatType, double to
 * DoubleType); everything else (RGB, palette, grey with alpha, CMY...) becomes ARGBType with 8 bits per channel and
 * alpha forced to 255. 16-bit-per-channel colour is thereby reduced to 8 bits.
 *
 * <p>Writing is atomic: the file is written next to the target under a hidden temporary name, flushed to disk, then
 * renamed over the target, so readers never see a partial file and a failed write leaves nothing behind.
 */
public final class ImageFiles {

	/** Most pixels one image may have: three float planes of it must fit one Java array (see {@link PlanarImage}). */
	public static final long MAX_PIXELS = PlanarImage.MAX_ELEMENTS / 3;

	private ImageFiles() {}

	/**
	 * Reads the first image in {@code file}.
	 *
	 * @throws NoSuchFileException if the file does not exist
	 * @throws IOException if it is not an image ImageIO can read, cannot be decoded, or has an unsupported type; the
	 *           message names the file
	 */
	public static Img<?> read(Path file) throws IOException {
		if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "image file not found");
		if (Files.isDirectory(file)) throw new IOException(file + " is a folder, not an image file");
		if (Files.size(file) == 0) throw new IOException(file + " is empty (0 bytes); was it copied or saved completely?");
		if (!Files.isReadable(file)) throw new AccessDeniedException(file.toString(), null, "image file not readable");
		BufferedImage img;
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			if (in == null) throw new IOException("Cannot open " + file + " for reading");
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) throw new IOException(file +
				" is not an image file that can be read (supported: PNG, JPEG, TIFF, BMP, GIF)");
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				checkDeclaredSize(file, reader.getWidth(0), reader.getHeight(0));
				// decoders report damage they step over (a JPEG cut short comes back grey) as warnings: refuse it
				List<String> warnings = new ArrayList<>();
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				img = reader.read(0);
				if (!warnings.isEmpty()) throw new IOException(warnings.get(0));
			}
			catch (TooLarge e) {
				throw e;
			}
			catch (IOException | RuntimeException e) {
				throw new IOException("Cannot decode " + file + " as " + reader.getFormatName() +
					": " + e.getMessage() + " (unsupported image type or damaged file)", e);
			}
			finally {
				reader.dispose();
			}
		}
		try {
			return toImg(img);
		}
		catch (IllegalArgumentException e) {
			throw new IOException("Cannot use " + file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Refuses an image whose header declares more pixels than one image can hold here, before any pixel memory is
	 * taken: a few hundred bytes of PNG can declare 100000×100000 pixels.
	 */
	private static void checkDeclaredSize(Path file, int w, int h) throws TooLarge {
		if ((long) w * h <= MAX_PIXELS) return;
		throw new TooLarge(String.format(Locale.ROOT, "%s declares %dx%d pixels (%.0f megapixels); at most %d " +
			"megapixels can be restyled. Reduce the image first (e.g. to 20000x20000).", file, w, h, (double) w * h /
				1e6, MAX_PIXELS / 1_000_000));
	}

	/** An image too large to hold: its own type so the decoder's wording does not replace the message. */
	private static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}
	}

	/** The ImgLib2 image of a decoded BufferedImage (see class doc for the types). */
	static Img<?> toImg(BufferedImage img) {
		int w = img.getWidth(), h = img.getHeight();
		if ((long) w * h > PlanarImage.MAX_ELEMENTS) throw new IllegalArgumentException("image of " + w + "x" + h +
			" pixels is too large for one Java array");
		Raster r = img.getRaster();
		boolean grey = r.getNumBands() == 1 && !(img.getColorModel() instanceof IndexColorModel);
		if (grey) {
			int bits = r.getSampleModel().getSampleSize(0);
			switch (r.getDataBuffer().getDataType()) {
				case DataBuffer.TYPE_BYTE:
					if (bits == 8) {
						int[] s = r.getSamples(0, 0, w, h, 0, (int[]) null);
						byte[] b = new byte[s.length];
						for (int i = 0; i < s.length; i++)
							b[i] = (byte) s[i];
						return ArrayImgs.unsignedBytes(b, w, h);
					}
					break; // 1, 2, 4-bit grey: let the colour model expand it below
				case DataBuffer.TYPE_USHORT: {
					int[] s = r.getSamples(0, 0, w, h, 0, (int[]) null);
					short[] v = new short[s.length];
					for (int i = 0; i < s.length; i++)
						v[i] = (short) s[i];
					return ArrayImgs.unsignedShorts(v, w, h);
				}
				case DataBuffer.TYPE_SHORT: {
					int[] s = r.getSamples(0, 0, w, h, 0, (int[]) null);
					short[] v = new short[s.length];
					for (int i = 0; i < s.length; i++)
						v[i] = (short) s[i];
					return ArrayImgs.shorts(v, w, h);
				}
				case DataBuffer.TYPE_INT:
					return ArrayImgs.ints(r.getSamples(0, 0, w, h, 0, (int[]) null), w, h);
				case DataBuffer.TYPE_FLOAT:
					return ArrayImgs.floats(r.getSamples(0, 0, w, h, 0, (float[]) null), w, h);
				case DataBuffer.TYPE_DOUBLE:
					return ArrayImgs.doubles(r.getSamples(0, 0, w, h, 0, (double[]) null), w, h);
				default:
					break;
			}
		}
		int[] argb = packedRgb(img);
		if (argb != null) return ArrayImgs.argbs(argb, w, h);
		try {
			argb = img.getRGB(0, 0, w, h, null, 0, w);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("unsupported image type (" + r.getNumBands() + " bands, colour model " +
				img.getColorModel().getClass().getSimpleName() + ")", e);
		}
		for (int i = 0; i < argb.length; i++)
			argb[i] |= 0xff000000;
		return ArrayImgs.argbs(argb, w, h);
	}

	/** The output formats, chosen by the file name's extension. */
	public enum Format {
		PNG, TIFF, JPEG;

		/** The format a file name's extension names (.png, .tif/.tiff, .jpg/.jpeg, any case), or null. */
		public static Format of(Path file) {
			String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.endsWith(".png")) return PNG;
			if (n.endsWith(".tif") || n.endsWith(".tiff")) return TIFF;
			if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return JPEG;
			return null;
		}
	}

	/** JPEG quality (0..1) when none is given: visually lossless for photos, a tenth of the PNG's size. */
	public static final float DEFAULT_JPEG_QUALITY = 0.92f;

	/**
	 * The pixels of an 8-bit sRGB image in the layouts decoders give (JPEG and PNG: 3 bytes B, G, R; PNG with alpha: 4
	 * bytes A, B, G, R; packed ints) as opaque ARGB ints, read straight from its array; null for any other layout.
	 * The same values as {@code getRGB} with alpha forced to 255, which goes through the colour model pixel by
	 * pixel (a third of a second for 12 MP).
	 */
	private static int[] packedRgb(BufferedImage img) {
		int type = img.getType();
		if (type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_4BYTE_ABGR &&
			type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) return null;
		if (!img.getColorModel().getColorSpace().isCS_sRGB()) return null;
		Raster r = img.getRaster();
		int w = img.getWidth(), h = img.getHeight(), n = w * h;
		if (r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0 || r.getDataBuffer()
			.getNumBanks() != 1 || r.getDataBuffer().getOffset() != 0) return null;
		int[] out = new int[n];
		if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
			if (!(r.getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel) ||
				((java.awt.image.SinglePixelPackedSampleModel) r.getSampleModel()).getScanlineStride() != w) return null;
			int[] d = ((DataBufferInt) r.getDataBuffer()).getData();
			for (int i = 0; i < n; i++)
				out[i] = d[i] | 0xff000000;
			return out;
		}
		int stride = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
		if (!(r.getSampleModel() instanceof java.awt.image.ComponentSampleModel)) return null;
		java.awt.image.ComponentSampleModel sm = (java.awt.image.ComponentSampleModel) r.getSampleModel();
		int[] bands = sm.getBandOffsets();
		int[] want = stride == 3 ? new int[] { 2, 1, 0 } : new int[] { 3, 2, 1, 0 };
		if (sm.getPixelStride() != stride || sm.getScanlineStride() != stride * w || !java.util.Arrays.equals(bands,
			want)) return null;
		if (stride == 4 && img.getColorModel().isAlphaPremultiplied()) return null;
		byte[] d = ((java.awt.image.DataBufferByte) r.getDataBuffer()).getData();
		int o = stride - 3; // skip the alpha byte
		for (int i = 0, j = o; i < n; i++, j += stride)
			out[i] = 0xff000000 | (d[j + 2] & 0xff) << 16 | (d[j + 1] & 0xff) << 8 | d[j] & 0xff;
		return out;
	}

	/**
	 * Writes a 2-D RGB image as an 8-bit PNG (alpha dropped), atomically.
	 *
	 * @param overwrite whether an existing {@code file} may be replaced
	 * @throws FileAlreadyExistsException if {@code file} exists and {@code overwrite} is false
	 * @throws IOException if the file cannot be written; the message names it
	 */
	public static void writePng(RandomAccessibleInterval<ARGBType> image, Path file, boolean overwrite)
		throws IOException
	{
		writeRgb(image, file, Format.PNG, overwrite, DEFAULT_JPEG_QUALITY, StageTimes.NONE);
	}

	/**
	 * Writes a 2-D RGB image (alpha dropped) atomically in the format its name's extension names: PNG (8-bit RGB,
	 * lossless, compressed in parallel by {@link PngEncoder}), TIFF (8-bit RGB, uncompressed) or JPEG (at
	 * {@code jpegQuality}, 0..1). Compressing counts as the {@link StageTimes#ENCODE} stage, putting the bytes into
	 * place as {@link StageTimes#WRITE}.
	 *
	 * @throws IllegalArgumentException if the extension names none of these formats, or the quality is outside 0..1
	 */
	public static void writeRgb(RandomAccessibleInterval<ARGBType> image, Path file, boolean overwrite,
		float jpegQuality, StageTimes times) throws IOException
	{
		Format f = Format.of(file);
		if (f == null) throw new IllegalArgumentException("Cannot write " + file + ": name it .png, .tif or .jpg to " +
			"choose the format");
		writeRgb(image, file, f, overwrite, jpegQuality, times);
	}

	private static void writeRgb(RandomAccessibleInterval<ARGBType> image, Path file, Format format,
		boolean overwrite, float jpegQuality, StageTimes times) throws IOException
	{
		if (!(jpegQuality >= 0 && jpegQuality <= 1)) throw new IllegalArgumentException("JPEG quality must be " +
			"between 0 and 1, got " + jpegQuality);
		Path target = checkTarget(file, overwrite);
		long t0 = System.nanoTime();
		Bytes bytes;
		try {
			bytes = format == Format.PNG ? png(image) : imageIo(image, format, jpegQuality);
		}
		catch (IOException | RuntimeException e) {
			throw new IOException("Cannot write " + file + ": " + describe(e), e);
		}
		long t1 = System.nanoTime();
		times.add(StageTimes.ENCODE, t1 - t0);
		writeAtomically(bytes, target, file, overwrite);
		times.add(StageTimes.WRITE, System.nanoTime() - t1);
	}

	/** Encoded file contents, written out by {@link #writeTo}. */
	private interface Bytes {

		void writeTo(java.io.OutputStream out) throws IOException;
	}

	private static Bytes png(RandomAccessibleInterval<ARGBType> image) {
		long w = image.dimension(0), h = image.dimension(1);
		checkSavable(image);
		return new PngEncoder().compress(packedPixels(image), (int) w, (int) h)::writeTo;
	}

	private static Bytes imageIo(RandomAccessibleInterval<ARGBType> image, Format format, float quality)
		throws IOException
	{
		BufferedImage bi = toBgrImage(image);
		ImageWriter writer = ImageIO.getImageWritersByFormatName(format == Format.JPEG ? "jpeg" : "tiff").next();
		java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
		try (javax.imageio.stream.ImageOutputStream out = new javax.imageio.stream.MemoryCacheImageOutputStream(buf)) {
			writer.setOutput(out);
			javax.imageio.ImageWriteParam p = writer.getDefaultWriteParam();
			if (format == Format.JPEG) {
				p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
				p.setCompressionQuality(quality);
			}
			writer.write(null, new javax.imageio.IIOImage(bi, null, null), p);
		}
		finally {
			writer.dispose();
		}
		return buf::writeTo;
	}

	private static void checkSavable(RandomAccessibleInterval<ARGBType> image) {
		if (image.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2-D RGB image, got " + image
			.numDimensions() + " dimensions");
		long w = image.dimension(0), h = image.dimension(1);
		if (w * h > PlanarImage.MAX_ELEMENTS || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE)
			throw new IllegalArgumentException("Image of " + w + "x" + h + " pixels is too large to save as one file");
	}

	/** An RGB BufferedImage (TYPE_INT_RGB) holding the pixels of a 2-D ARGB image (bulk copy). */
	public static BufferedImage toBufferedImage(RandomAccessibleInterval<ARGBType> image) {
		if (image.numDimensions() != 2) throw new IllegalArgumentException("Expected a 2-D RGB image, got " + image
			.numDimensions() + " dimensions");
		long w = image.dimension(0), h = image.dimension(1);
		if (w * h > PlanarImage.MAX_ELEMENTS || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE)
			throw new IllegalArgumentException("Image of " + w + "x" + h + " pixels is too large to save as one PNG");
		// the image's own pixels where it has an array (no second copy of a possibly huge image just to save it),
		// viewed as RGB: the colour model ignores the top byte, which is where ARGB keeps alpha
		int[] pixels = packedPixels(image);
		DirectColorModel rgb = new DirectColorModel(24, 0xff0000, 0xff00, 0xff);
		return new BufferedImage(rgb, Raster.createWritableRaster(rgb.createCompatibleSampleModel((int) w, (int) h),
			new DataBufferInt(pixels, pixels.length), null), false, null);
	}

	/**
	 * The image as 3-byte BGR, the layout ImageIO's JPEG and TIFF writers take without converting pixel by pixel: for
	 * a 12 MP image the JPEG writer took 0.48 s from packed ints and 0.16 s from these bytes (same file, byte for
	 * byte), the copy itself about 0.13 s (docs/end-to-end-speed.md).
	 */
	static BufferedImage toBgrImage(RandomAccessibleInterval<ARGBType> image) {
		checkSavable(image);
		int w = (int) image.dimension(0), h = (int) image.dimension(1);
		int[] src = packedPixels(image);
		BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
		byte[] out = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
		java.util.stream.IntStream.range(0, h).parallel().forEach(y -> {
			for (int i = y * w, j = 3 * i, end = i + w; i < end; i++, j += 3) {
				int p = src[i];
				out[j] = (byte) p;
				out[j + 1] = (byte) (p >> 8);
				out[j + 2] = (byte) (p >> 16);
			}
		});
		return bi;
	}

	/** The image's packed ARGB ints: its own array when it has one ({@link #argbArray}), else a bulk copy. */
	private static int[] packedPixels(RandomAccessibleInterval<ARGBType> image) {
		int[] a = argbArray(image);
		if (a != null) return a;
		a = new int[(int) (image.dimension(0) * image.dimension(1))];
		PrimitiveBlocks.of(image, PrimitiveBlocks.OnFallback.ACCEPT).copy(image, a);
		return a;
	}

	/** The backing int[] of a whole ARGB ArrayImg (not a view of part of one), else null. */
	private static int[] argbArray(RandomAccessibleInterval<ARGBType> image) {
		if (!(image instanceof ArrayImg) || image.min(0) != 0 || image.min(1) != 0) return null;
		Object storage = ((ArrayImg<?, ?>) image).update(null);
		if (!(storage instanceof IntArray)) return null;
		int[] a = ((IntArray) storage).getCurrentStorageArray();
		return a.length == image.dimension(0) * image.dimension(1) ? a : null;
	}

	/**
	 * Writes {@code image} with the ImageIO writer for {@code format} ("png", "tif", ...) to {@code file}, atomically:
	 * to a hidden temporary file in the same folder, flushed to disk, then renamed onto {@code file}. Without
	 * {@code overwrite}, an existing file is never replaced (checked atomically where the file system supports hard
	 * links, else just before the rename).
	 */
	public static void write(RenderedImage image, String format, Path file, boolean overwrite) throws IOException {
		Path target = checkTarget(file, overwrite);
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
		if (!writers.hasNext()) throw new IOException("Cannot write " + file + ": no image writer for format '" +
			format + "'");
		ImageWriter writer = writers.next();
		fillAtomically(tmp -> {
			try (FileImageOutputStream io = new FileImageOutputStream(tmp.toFile())) {
				writer.setOutput(io);
				writer.write(image);
			}
			finally {
				writer.dispose();
			}
		}, target, file, overwrite);
	}

	/** The absolute target, after checking that its folder exists, it is no folder, and it may be (re)placed. */
	private static Path checkTarget(Path file, boolean overwrite) throws IOException {
		Path target = file.toAbsolutePath().normalize();
		Path dir = target.getParent();
		if (dir == null || !Files.isDirectory(dir)) throw new NoSuchFileException(file.toString(), null,
			"cannot write: folder " + dir + " does not exist");
		if (Files.isDirectory(target)) throw new IOException("Cannot write " + file + ": it is a folder");
		if (!overwrite && Files.exists(target)) throw new FileAlreadyExistsException(file.toString(), null,
			"already exists; choose another name or allow overwriting");
		return target;
	}

	/**
	 * Writes {@code bytes} to a hidden temporary file in the target's folder, flushes it to disk, then renames it onto
	 * the target; the temporary file never outlives a failure.
	 */
	private static void writeAtomically(Bytes bytes, Path target, Path file, boolean overwrite) throws IOException {
		fillAtomically(tmp -> {
			try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp,
				StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
				bytes.writeTo(out);
			}
		}, target, file, overwrite);
	}

	/** Fills a file. */
	private interface FileFiller {

		void fill(Path tmp) throws IOException;
	}

	private static void fillAtomically(FileFiller filler, Path target, Path file, boolean overwrite)
		throws IOException
	{
		Path tmp = target.getParent().resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom
			.current().nextLong()) + ".tmp");
		try {
			try {
				// created first (CREATE_NEW, default permissions) so the final file gets the usual mode
				Files.createFile(tmp);
				filler.fill(tmp);
				try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
					ch.force(true);
				}
			}
			catch (IOException | RuntimeException e) {
				throw new IOException("Cannot write " + file + ": " + describe(e), e);
			}
			moveIntoPlace(tmp, target, file, overwrite);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void moveIntoPlace(Path tmp, Path target, Path file, boolean overwrite) throws IOException {
		if (!overwrite) {
			try {
				// link creation fails if the target exists: an atomic "create unless present"
				Files.createLink(target, tmp);
				return; // tmp is deleted by the caller
			}
			catch (FileAlreadyExistsException e) {
				throw new FileAlreadyExistsException(file.toString(), null,
					"already exists; choose another name or allow overwriting");
			}
			catch (IOException | UnsupportedOperationException e) {
				// no hard links here (FAT, some network shares): check, then rename
				if (Files.exists(target)) throw new FileAlreadyExistsException(file.toString(), null,
					"already exists; choose another name or allow overwriting");
			}
		}
		try {
			AtomicFiles.move(tmp, target);
		}
		catch (IOException e) {
			throw new IOException("Cannot write " + file + ": " + describe(e), e);
		}
	}

	private static String describe(Throwable e) {
		if (e instanceof AccessDeniedException || e instanceof java.nio.file.FileSystemException && String.valueOf(e
			.getMessage()).contains("Read-only")) return "permission denied; choose a folder you can write to";
		if (e instanceof NoSuchFileException) return "folder not found";
		String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m;
	}
}
