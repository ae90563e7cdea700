package org.audiostyle.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file formats we decode, recognised from the first bytes of a file rather than its name: a renamed file still
 * opens, a text file called "rain.wav" gets a clear error, and each format goes to its own decoder instead of
 * whichever JavaSound reader claims it first (the MP3 reader is known to accept almost anything).
 */
enum Container {
	WAV("WAV"), AIFF("AIFF"), AU("AU"), MP3("MP3"), OGG_VORBIS("OGG Vorbis"), FLAC("FLAC"),
	/** Ogg with a codec other than Vorbis (Opus, Speex, FLAC-in-Ogg): recognised only to say so. */
	OGG_OTHER("Ogg (not Vorbis)"),
	/** None of the above. */
	UNKNOWN("unknown");

	/** Bytes we look at: enough for a RIFF/FORM header and the first Ogg page's codec id. */
	private static final int HEAD = 64;

	final String displayName;

	Container(String displayName) {
		this.displayName = displayName;
	}

	/** Whether JavaSound's built-in readers handle it (no extra SPI needed). */
	boolean isBuiltIn() {
		return this == WAV || this == AIFF || this == AU;
	}

	static Container sniff(Path file) throws IOException {
		byte[] head = readHead(file, 0);
		if (startsWith(head, 0, "ID3") && head.length >= 10) {
			// An ID3v2 tag can precede MP3 and (rarely) FLAC data: look behind it.
			long tagSize = 10 + ((head[6] & 0x7fL) << 21 | (head[7] & 0x7fL) << 14 | (head[8] & 0x7fL) << 7 |
				(head[9] & 0x7fL)) + ((head[5] & 0x10) != 0 ? 10 : 0);
			byte[] after = readHead(file, tagSize);
			return startsWith(after, 0, "fLaC") ? FLAC : MP3;
		}
		return sniff(head);
	}

	static Container sniff(byte[] head) {
		if ((startsWith(head, 0, "RIFF") || startsWith(head, 0, "RIFX")) && startsWith(head, 8, "WAVE")) return WAV;
		if (startsWith(head, 0, "FORM") && (startsWith(head, 8, "AIFF") || startsWith(head, 8, "AIFC"))) return AIFF;
		if (startsWith(head, 0, ".snd")) return AU;
		if (startsWith(head, 0, "fLaC")) return FLAC;
		if (startsWith(head, 0, "OggS")) return indexOf(head, "vorbis") >= 0 ? OGG_VORBIS : OGG_OTHER;
		if (isMpegAudioFrame(head)) return MP3;
		return UNKNOWN;
	}

	/** An MPEG-1/2/2.5 Layer III frame header: 11 sync bits, a valid version, layer III, valid bitrate and rate. */
	private static boolean isMpegAudioFrame(byte[] h) {
		if (h.length < 4) return false;
		int b1 = h[1] & 0xff, b2 = h[2] & 0xff;
		boolean sync = (h[0] & 0xff) == 0xff && (b1 & 0xe0) == 0xe0;
		boolean version = ((b1 >> 3) & 3) != 1;
		boolean layer3 = ((b1 >> 1) & 3) == 1;
		boolean bitrate = (b2 >> 4) != 0 && (b2 >> 4) != 15;
		boolean rate = ((b2 >> 2) & 3) != 3;
		return sync && version && layer3 && bitrate && rate;
	}

	/** A printable excerpt of the first bytes, for "this is not audio" messages. */
	static String describeHead(Path file) throws IOException {
		byte[] head = readHead(file, 0);
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < Math.min(12, head.length); i++) {
			int c = head[i] & 0xff;
			b.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
		}
		return b.toString();
	}

	private static byte[] readHead(Path file, long offset) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			long skipped = in.skip(offset);
			if (skipped < offset) return new byte[0];
			return in.readNBytes(HEAD);
		}
	}

	private static boolean startsWith(byte[] data, int at, String ascii) {
		byte[] want = ascii.getBytes(StandardCharsets.US_ASCII);
		if (data.length < at + want.length) return false;
		for (int i = 0; i < want.length; i++)
			if (data[at + i] != want[i]) return false;
		return true;
	}

	private static int indexOf(byte[] data, String ascii) {
		for (int i = 0; i < data.length; i++)
			if (startsWith(data, i, ascii)) return i;
		return -1;
	}
}
