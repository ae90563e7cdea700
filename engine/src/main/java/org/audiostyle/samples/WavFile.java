package org.audiostyle.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes 16-bit PCM mono WAV files byte for byte the same on every machine (no JavaSound involved). */
public final class WavFile {

	private WavFile() {}

	/** The WAV bytes of {@code mono} (clipped to [-1, 1], rounded to 16 bits) at {@code sampleRate}. */
	public static byte[] pcm16(float[] mono, int sampleRate) {
		int dataBytes = mono.length * 2;
		ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
		b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate *
			2).putShort((short) 2).putShort((short) 16);
		b.put(ascii("data")).putInt(dataBytes);
		for (float x : mono) {
			double clipped = Math.max(-1, Math.min(1, x));
			b.putShort((short) Math.round(clipped * 32767));
		}
		return b.array();
	}

	/** Writes the bytes to a temporary file next to {@code target}, then moves it into place. */
	public static void writeAtomically(Path target, byte[] bytes) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			Files.write(tmp, bytes);
			// temp files are created private (rw-------); a sound for others to use should be readable like any file
			if (Files.getFileStore(tmp).supportsFileAttributeView("posix"))
				Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static byte[] ascii(String s) {
		return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
