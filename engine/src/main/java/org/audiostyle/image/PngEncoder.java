package org.audiostyle.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An 8-bit RGB PNG encoder for packed (A)RGB pixels that compresses bands of rows in parallel.
 *
 * <p>The image is cut into bands of rows; each band is filtered and deflated on its own (a raw deflate stream ended
 * by a sync flush, the last one finished), and the pieces, in order, form one zlib stream: back-references never
 * cross a band, which costs a fraction of a percent in size. The zlib checksum (Adler-32) is combined from the bands'
 * own. Each band becomes one IDAT chunk. The decoded pixels are exactly the input's RGB (alpha is dropped); the bytes
 * differ from ImageIO's PNG writer, which filters and compresses differently.
 *
 * <p>Filter: every row uses the same PNG filter type ({@link Filter#SUB} by default: the cheapest that still turns
 * smooth photo content into small numbers; on restyled 12 MP photos UP, AVERAGE and PAETH came within 3 % of its
 * size). Compression by default is deflate's Huffman-only strategy for bands with grain and level 1 (LZ77 matching)
 * for flat ones (mostly zero bytes after the filter): on a restyled 12 MP photo with sensor grain Huffman coding took
 * 0.16-0.22 s against 0.23-0.35 s for level 1 (one thread), for a file 1.3 % larger (38.9 % of the raw size against
 * 38.4 %), while on flat images and graphics it writes files many times larger (12 % against 1 % of the raw size),
 * hence level 1 there. Level 6 took about 5 times as long as level 1 for 14 % less, and level 1 already writes files
 * about 30 % smaller than ImageIO's PNG writer. See docs/end-to-end-speed.md.
 */
public final class PngEncoder {

	/** The PNG row filter used for every row. */
	public enum Filter {
		NONE(0), SUB(1), UP(2), AVERAGE(3), PAETH(4);

		final int code;

		Filter(int code) {
			this.code = code;
		}
	}

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final int ADLER_MOD = 65521;
	/** Raw bytes per band: big enough that the per-band cost is small, small enough to keep both cores busy. */
	private static final int BAND_BYTES = 1 << 21;

	/**
	 * Deflate level standing for Huffman coding (no LZ77 matching) in this class's constructors, with level 1 for
	 * bands whose filtered bytes are mostly zero.
	 */
	public static final int HUFFMAN_ONLY = -1;

	private final int level;
	private final Filter filter;
	private final int bandBytes;

	/** Huffman coding (level 1 for flat bands), SUB filter: the fastest compression that still halves a photo's size. */
	public PngEncoder() {
		this(HUFFMAN_ONLY, Filter.SUB);
	}

	/** {@code level}: deflate level 0 (stored) to 9 (smallest), or {@link #HUFFMAN_ONLY}. */
	public PngEncoder(int level, Filter filter) {
		this(level, filter, BAND_BYTES);
	}

	/** With bands of about {@code bandBytes} raw bytes (tests: many bands from a small image). */
	PngEncoder(int level, Filter filter, int bandBytes) {
		if (level < HUFFMAN_ONLY || level > 9) throw new IllegalArgumentException("Deflate level must be 0..9 (or " +
			"HUFFMAN_ONLY), got " + level);
		this.level = level;
		this.filter = filter;
		this.bandBytes = Math.max(1, bandBytes);
	}

	/** The PNG file of a {@code width} x {@code height} image whose pixel (x, y) is {@code rgb[y * width + x]}. */
	public byte[] encode(int[] rgb, int width, int height) {
		Encoded e = compress(rgb, width, height);
		ByteArrayOutputStream b = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, e.size()));
		try {
			e.writeTo(b);
		}
		catch (IOException x) {
			throw new IllegalStateException(x); // a byte array stream does not fail
		}
		return b.toByteArray();
	}

	/**
	 * The compressed image, ready to be written: the costly part (filtering and deflating, in parallel) is done here,
	 * writing it out is a few large copies.
	 */
	public Encoded compress(int[] rgb, int width, int height) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image size must be at least 1x1, got " +
			width + "x" + height);
		if ((long) width * height != rgb.length) throw new IllegalArgumentException("A " + width + "x" + height +
			" image has " + (long) width * height + " pixels, got " + rgb.length);
		if (3L * width + 1 > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("Image too wide: " + width);
		int rowBytes = 3 * width + 1;
		int bandRows = Math.max(1, Math.min(height, bandBytes / rowBytes));
		int bands = (height + bandRows - 1) / bandRows;
		// bands in parallel on the common pool, this thread taking part (as the resampling loops do); each thread
		// filters into one buffer of its own, reused from band to band: fresh memory is costly where every new page
		// faults (about 3 ms a MB on the development VM), and a 12 MP image's filtered bytes are 36 MB; likewise
		// each band deflates into the thread's own buffer and keeps an exact-size copy
		ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(bandRows * rowBytes));
		Band[] parts = java.util.stream.IntStream.range(0, bands).parallel().mapToObj(i -> band(rgb, width, i *
			bandRows, Math.min(height, (i + 1) * bandRows), i == bands - 1, scratch.get())).toArray(Band[]::new);
		return new Encoded(width, height, parts);
	}

	/** A compressed PNG held as its bands' deflated pieces. */
	public static final class Encoded {

		private final int width, height;
		private final Band[] parts;

		private Encoded(int width, int height, Band[] parts) {
			this.width = width;
			this.height = height;
			this.parts = parts;
		}

		/** Bytes the file will have. */
		public long size() {
			long n = SIGNATURE.length + 3 * 12 + 13 + 2 + 4; // signature, IHDR/IEND chunks, zlib header and checksum
			for (Band b : parts)
				n += 12 + b.deflated.length;
			return n;
		}

		/** Writes the PNG file to {@code out} (not closed). */
		public void writeTo(OutputStream out) throws IOException {
			out.write(SIGNATURE);
			byte[] ihdr = new byte[13];
			putInt(ihdr, 0, width);
			putInt(ihdr, 4, height);
			ihdr[8] = 8; // bits per sample
			ihdr[9] = 2; // colour type: RGB
			// compression 0, filter method 0, no interlace
			chunk(out, "IHDR", null, ihdr, ihdr.length, null);
			// the zlib header (deflate, 32 KB window; the check bits make it a multiple of 31), the bands' pieces,
			// and the Adler-32 of all the filtered bytes after the last piece
			byte[] header = { 0x78, 0x5e };
			long adler = 1;
			for (int i = 0; i < parts.length; i++) {
				Band b = parts[i];
				adler = combine(adler, b.adler, b.length);
				byte[] tail = null;
				if (i == parts.length - 1) {
					tail = new byte[4];
					putInt(tail, 0, (int) adler);
				}
				chunk(out, "IDAT", i == 0 ? header : null, b.deflated, b.deflated.length, tail);
			}
			chunk(out, "IEND", null, new byte[0], 0, null);
		}
	}

	/** One band's filtered rows, deflated, with the Adler-32 and length of its raw (filtered) bytes. */
	private static final class Band {

		/** Exactly the band's deflated bytes. */
		byte[] deflated;
		long adler;
		long length;
		boolean last;
	}

	/** One thread's buffers, reused from band to band. */
	private static final class Scratch {

		/** A band's filtered rows (only its first (y1 - y0) rows are the current band's). */
		final byte[] raw;
		/** A band's deflated bytes, grown when a band does not compress. */
		byte[] deflated;

		Scratch(int rawBytes) {
			raw = new byte[rawBytes];
			deflated = new byte[Math.max(1024, rawBytes / 2)];
		}
	}

	/** Filters rows y0..y1 into the scratch's raw rows and deflates them. */
	private Band band(int[] rgb, int width, int y0, int y1, boolean last, Scratch scratch) {
		byte[] raw = scratch.raw;
		int rowBytes = 3 * width + 1;
		int length = (y1 - y0) * rowBytes;
		byte[] cur = new byte[3 * width], prev = new byte[3 * width];
		if (y0 > 0) unpack(rgb, width, y0 - 1, prev);
		for (int y = y0; y < y1; y++) {
			unpack(rgb, width, y, cur);
			filterRow(cur, y > 0 ? prev : null, raw, (y - y0) * rowBytes);
			byte[] t = prev;
			prev = cur;
			cur = t;
		}
		Adler32 a = new Adler32();
		a.update(raw, 0, length);
		// Huffman coding sees no repeats and spends at least a bit a byte: on flat or repetitive bands (skies,
		// backgrounds, graphics: mostly zero bytes after the filter) LZ77 matching at level 1 writes a far smaller
		// file, and quickly, so such bands take level 1
		int n = deflate(raw, length, last, scratch, level == HUFFMAN_ONLY && mostlyZero(raw, length) ? 1 : level);
		Band b = new Band();
		b.deflated = java.util.Arrays.copyOf(scratch.deflated, n);
		b.adler = a.getValue();
		b.length = length;
		b.last = last;
		return b;
	}

	/** Whether more than half of raw[0, length) is zero, judged from every 61st byte (a prime: no row alignment). */
	private static boolean mostlyZero(byte[] raw, int length) {
		int zeros = 0, seen = 0;
		for (int i = 0; i < length; i += 61, seen++)
			if (raw[i] == 0) zeros++;
		return zeros * 2 > seen;
	}

	/**
	 * Deflates raw[0, length) at {@code level} (or {@link #HUFFMAN_ONLY}) into the scratch's buffer, grown as needed:
	 * a raw deflate stream ended by a sync flush, or finished for the last band. Returns its length.
	 */
	private static int deflate(byte[] raw, int length, boolean last, Scratch scratch, int level) {
		Deflater d = new Deflater(level == HUFFMAN_ONLY ? 1 : level, true);
		if (level == HUFFMAN_ONLY) d.setStrategy(Deflater.HUFFMAN_ONLY);
		try {
			d.setInput(raw, 0, length);
			if (last) d.finish();
			byte[] buf = scratch.deflated;
			int n = 0;
			while (true) {
				if (n == buf.length) buf = scratch.deflated = java.util.Arrays.copyOf(buf, buf.length * 2);
				int room = buf.length - n;
				int k = d.deflate(buf, n, room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
				n += k;
				// finished, or (sync flush) all input taken and the flush fitted in the room given; the first call
				// after a change of strategy applies it and may return before taking all the input
				if (last ? d.finished() : k < room && d.needsInput()) break;
			}
			return n;
		}
		finally {
			d.end();
		}
	}

	private static void unpack(int[] rgb, int width, int y, byte[] row) {
		for (int x = 0, i = y * width, j = 0; x < width; x++, i++) {
			int p = rgb[i];
			row[j++] = (byte) (p >> 16);
			row[j++] = (byte) (p >> 8);
			row[j++] = (byte) p;
		}
	}

	/** Writes the filter byte and the filtered row at {@code o}; {@code prev} null for the image's first row. */
	private void filterRow(byte[] cur, byte[] prev, byte[] out, int o) {
		int n = cur.length;
		Filter f = filter;
		if (prev == null && (f == Filter.UP || f == Filter.PAETH || f == Filter.AVERAGE)) f = f == Filter.UP ? Filter.NONE : Filter.SUB;
		out[o++] = (byte) f.code;
		switch (f) {
			case NONE:
				System.arraycopy(cur, 0, out, o, n);
				break;
			case SUB:
				for (int i = 0; i < n; i++)
					out[o + i] = (byte) (cur[i] - (i >= 3 ? cur[i - 3] : 0));
				break;
			case UP:
				for (int i = 0; i < n; i++)
					out[o + i] = (byte) (cur[i] - prev[i]);
				break;
			case AVERAGE:
				for (int i = 0; i < n; i++)
					out[o + i] = (byte) (cur[i] - (((i >= 3 ? cur[i - 3] & 0xff : 0) + (prev[i] & 0xff)) >> 1));
				break;
			case PAETH:
				for (int i = 0; i < n; i++) {
					int a = i >= 3 ? cur[i - 3] & 0xff : 0, b = prev[i] & 0xff, c = i >= 3 ? prev[i - 3] & 0xff : 0;
					out[o + i] = (byte) (cur[i] - paeth(a, b, c));
				}
				break;
			default:
				throw new AssertionError(f);
		}
	}

	private static int paeth(int a, int b, int c) {
		int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
		return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
	}

	/** The Adler-32 of two byte sequences one after the other, from each one's own and the second's length. */
	static long combine(long adler1, long adler2, long length2) {
		long a1 = adler1 & 0xffff, b1 = adler1 >>> 16 & 0xffff, a2 = adler2 & 0xffff, b2 = adler2 >>> 16 & 0xffff;
		long n = length2 % ADLER_MOD;
		long a = (a1 + a2 + ADLER_MOD - 1) % ADLER_MOD;
		long b = (b1 + b2 + n * ((a1 + ADLER_MOD - 1) % ADLER_MOD)) % ADLER_MOD;
		return b << 16 | a;
	}

	/** One chunk whose data is {@code head}, {@code data[0, length)} and {@code tail} (null: none) in a row. */
	private static void chunk(OutputStream out, String type, byte[] head, byte[] data, int length, byte[] tail)
		throws IOException
	{
		int h = head == null ? 0 : head.length, t = tail == null ? 0 : tail.length;
		byte[] start = new byte[8];
		putInt(start, 0, h + length + t);
		for (int i = 0; i < 4; i++)
			start[4 + i] = (byte) type.charAt(i);
		CRC32 crc = new CRC32();
		crc.update(start, 4, 4);
		out.write(start);
		for (byte[] part : new byte[][] { head, data, tail }) {
			if (part == null) continue;
			int n = part == data ? length : part.length;
			crc.update(part, 0, n);
			out.write(part, 0, n);
		}
		byte[] end = new byte[4];
		putInt(end, 0, (int) crc.getValue());
		out.write(end);
	}

	private static void putInt(byte[] b, int o, int v) {
		b[o] = (byte) (v >>> 24);
		b[o + 1] = (byte) (v >>> 16);
		b[o + 2] = (byte) (v >>> 8);
		b[o + 3] = (byte) v;
	}
}
