package org.audiostyle.samples;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes 16-bit PCM mono WAV files byte for byte the same on every machine (no JavaSound involved); write them with
 * {@link org.audiostyle.io.AtomicFiles#write}.
 */
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


	private static byte[] ascii(String s) {
		return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
