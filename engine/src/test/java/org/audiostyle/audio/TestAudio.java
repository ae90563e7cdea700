package org.audiostyle.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/** Test signals, WAV/AIFF/AU writers for every sample layout, and spectra. Shared by the audio and samples tests. */
public final class TestAudio {

	/** Sample layouts a WAV file can hold. */
	public enum Layout {
		U8(1, 1), S16(2, 1), S24(3, 1), S32(4, 1), F32(4, 3), F64(8, 3);

		final int bytes;
		final int formatTag;

		Layout(int bytes, int formatTag) {
			this.bytes = bytes;
			this.formatTag = formatTag;
		}
	}

	private TestAudio() {}

	public static float[] tone(double hz, double seconds, double rate, double amplitude) {
		float[] x = new float[(int) Math.round(seconds * rate)];
		for (int i = 0; i < x.length; i++)
			x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
		return x;
	}

	public static float[] noise(long seed, int n, double amplitude) {
		Random r = new Random(seed);
		float[] x = new float[n];
		for (int i = 0; i < n; i++)
			x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
		return x;
	}

	/** What a sample becomes after writing with {@code layout} and reading back (the quantisation we expect). */
	public static float quantise(float x, Layout layout) {
		switch (layout) {
			case U8: return Math.round(clip(x) * 127) / 128f;
			case S16: return Math.round(clip(x) * 32767) / 32768f;
			case S24: return (float) (Math.round(clip(x) * 8388607.0) / 8388608.0);
			case S32: return (float) (Math.round(clip(x) * 2147483647.0) / 2147483648.0);
			default: return x;
		}
	}

	/** A WAV file (written by hand, not JavaSound) with one array per channel. */
	public static Path wav(Path file, int rate, Layout layout, float[]... channels) throws IOException {
		int frames = channels[0].length, ch = channels.length;
		int dataBytes = frames * ch * layout.bytes;
		ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE")).put(ascii("fmt ")).putInt(16);
		b.putShort((short) layout.formatTag).putShort((short) ch).putInt(rate).putInt(rate * ch * layout.bytes);
		b.putShort((short) (ch * layout.bytes)).putShort((short) (layout.bytes * 8));
		b.put(ascii("data")).putInt(dataBytes);
		for (int i = 0; i < frames; i++)
			for (float[] c : channels)
				putSample(b, c[i], layout);
		Files.write(file, b.array());
		return file;
	}

	/**
	 * A WAVE_FORMAT_EXTENSIBLE file (what DAWs and sox write for more than 16 bits or 2 channels), integer PCM of
	 * {@code layout}, one array per channel.
	 */
	public static Path wavExtensible(Path file, int rate, Layout layout, float[]... channels) throws IOException {
		int frames = channels[0].length, ch = channels.length;
		int dataBytes = frames * ch * layout.bytes;
		ByteBuffer b = ByteBuffer.allocate(68 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put(ascii("RIFF")).putInt(60 + dataBytes).put(ascii("WAVE")).put(ascii("fmt ")).putInt(40);
		b.putShort((short) 0xfffe).putShort((short) ch).putInt(rate).putInt(rate * ch * layout.bytes);
		b.putShort((short) (ch * layout.bytes)).putShort((short) (layout.bytes * 8));
		b.putShort((short) 22).putShort((short) (layout.bytes * 8)).putInt((1 << ch) - 1);
		// KSDATAFORMAT_SUBTYPE_PCM (or _IEEE_FLOAT) GUID
		b.putShort((short) layout.formatTag).put(new byte[] { 0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xaa, 0,
			0x38, (byte) 0x9b, 0x71 });
		b.put(ascii("data")).putInt(dataBytes);
		for (int i = 0; i < frames; i++)
			for (float[] c : channels)
				putSample(b, c[i], layout);
		Files.write(file, b.array());
		return file;
	}

	/** A 16-bit mono WAV written in chunks from a generator: long files without holding them in memory. */
	public static Path longWav(Path file, int rate, long frames, java.util.function.LongToDoubleFunction signal)
		throws IOException
	{
		long dataBytes = frames * 2;
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
			h.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE")).put(ascii("fmt ")).putInt(16);
			h.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2).putShort((short) 2).putShort(
				(short) 16);
			h.put(ascii("data")).putInt((int) dataBytes);
			out.write(h.array());
			byte[] chunk = new byte[1 << 15];
			int at = 0;
			for (long i = 0; i < frames; i++) {
				int s = (int) Math.round(clip((float) signal.applyAsDouble(i)) * 32767);
				chunk[at++] = (byte) s;
				chunk[at++] = (byte) (s >> 8);
				if (at == chunk.length) {
					out.write(chunk);
					at = 0;
				}
			}
			out.write(chunk, 0, at);
		}
		return file;
	}

	/** An AIFF or AU file written by JavaSound (big-endian signed PCM, or mu-law when {@code mulaw}). */
	public static Path javaSound(Path file, AudioFileFormat.Type type, int rate, int bits, boolean mulaw,
		float[]... channels) throws IOException
	{
		int frames = channels[0].length, ch = channels.length;
		AudioFormat pcm = new AudioFormat(rate, 16, ch, true, true);
		ByteBuffer b = ByteBuffer.allocate(frames * ch * 2).order(ByteOrder.BIG_ENDIAN);
		for (int i = 0; i < frames; i++)
			for (float[] c : channels)
				b.putShort((short) Math.round(clip(c[i]) * 32767));
		AudioInputStream s = new AudioInputStream(new ByteArrayInputStream(b.array()), pcm, frames);
		if (mulaw) s = AudioSystem.getAudioInputStream(AudioFormat.Encoding.ULAW, s);
		else if (bits != 16) s = AudioSystem.getAudioInputStream(new AudioFormat(rate, bits, ch, true, true), s);
		AudioSystem.write(s, type, file.toFile());
		return file;
	}

	/** Frequency (Hz) of the strongest bin of a Hann-windowed FFT of the first {@code size} samples. */
	public static double dominantHz(float[] x, double rate, int size) {
		float[] mag = magnitudes(x, 0, size);
		int best = 1;
		for (int k = 1; k < mag.length; k++)
			if (mag[k] > mag[best]) best = k;
		return best * rate / size;
	}

	/**
	 * Level of a tone: root of the energy within 3 bins of {@code hz} in a 16384-point spectrum (summing bins makes
	 * it independent of where the tone falls between bins).
	 */
	public static double toneLevel(float[] x, double rate, double hz) {
		int size = 16384;
		float[] mag = magnitudes(x, 0, size);
		int centre = (int) Math.round(hz * size / rate);
		double e = 0;
		for (int k = centre - 3; k <= centre + 3; k++)
			e += mag[k] * (double) mag[k];
		return Math.sqrt(e);
	}

	/** Magnitude spectrum (size/2 bins) of {@code x[from, from+size)} with a Hann window. */
	public static float[] magnitudes(float[] x, int from, int size) {
		float[] buf = new float[size];
		System.arraycopy(x, from, buf, 0, Math.min(size, x.length - from));
		new FFT(size, new HannWindow()).forwardTransform(buf);
		float[] mag = new float[size / 2];
		new FFT(size).modulus(buf, mag);
		return mag;
	}

	/** Fraction of the signal's energy between lo and hi Hz, averaged over 2048-sample frames. */
	public static double energyFraction(float[] x, double rate, double lo, double hi) {
		int size = 2048;
		double in = 0, all = 0;
		for (int from = 0; from + size <= x.length; from += size) {
			float[] m = magnitudes(x, from, size);
			for (int k = 1; k < m.length; k++) {
				double e = m[k] * (double) m[k], f = k * rate / size;
				all += e;
				if (f >= lo && f <= hi) in += e;
			}
		}
		return in / all;
	}

	/** Max |a - b| over a range. */
	public static double maxDiff(float[] a, int aFrom, float[] b, int bFrom, int n) {
		double d = 0;
		for (int i = 0; i < n; i++)
			d = Math.max(d, Math.abs(a[aFrom + i] - b[bFrom + i]));
		return d;
	}

	public static double peak(float[] x) {
		double p = 0;
		for (float v : x)
			p = Math.max(p, Math.abs(v));
		return p;
	}

	private static void putSample(ByteBuffer b, float x, Layout layout) {
		switch (layout) {
			case U8: b.put((byte) (Math.round(clip(x) * 127) + 128)); break;
			case S16: b.putShort((short) Math.round(clip(x) * 32767)); break;
			case S24: {
				int v = (int) Math.round(clip(x) * 8388607.0);
				b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
				break;
			}
			case S32: b.putInt((int) Math.round(clip(x) * 2147483647.0)); break;
			case F32: b.putFloat(x); break;
			default: b.putDouble(x);
		}
	}

	private static float clip(float x) {
		return Math.max(-1, Math.min(1, x));
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}
}
