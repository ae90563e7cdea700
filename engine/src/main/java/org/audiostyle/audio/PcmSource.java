package org.audiostyle.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.audiostyle.audio.AudioFormatException.Reason;

/**
 * One open audio file, read front to back as mono float samples at the file's own rate. Channels are averaged
 * (the paper's data preparation averages stereo to mono); integers are scaled to [-1, 1) by 2^(bits-1), as librosa
 * does. Holds one small fixed byte buffer: nothing here grows with the length of the file.
 *
 * <p>Not thread-safe. Call from inside {@link EngineClassLoader#call} (JavaSound's providers).
 */
final class PcmSource implements Closeable {

	/** Frames per read from the decoder: 4096 frames is 93 ms at 44.1 kHz, small and cheap. */
	static final int CHUNK_FRAMES = 4096;
	/** Consecutive empty reads after which a decoder is considered stuck. */
	private static final int MAX_EMPTY_READS = 10000;

	private final Path file;
	private final Container container;
	private final AudioInputStream stream;
	/** Whether {@link #stream} is a decoder's output (skipping must decode) rather than raw PCM from the file. */
	private final boolean decoded;
	private final float sampleRate;
	private final int channels;
	private final int bytesPerSample;
	private final int frameSize;
	private final Sample kind;
	private final boolean bigEndian;
	private final byte[] buffer;
	private long position;

	private enum Sample { SIGNED, UNSIGNED, FLOAT }

	private PcmSource(Path file, Container container, AudioInputStream stream, boolean decoded) throws AudioFormatException {
		this.file = file;
		this.container = container;
		this.stream = stream;
		this.decoded = decoded;
		AudioFormat f = stream.getFormat();
		this.sampleRate = f.getSampleRate();
		this.channels = f.getChannels();
		this.bigEndian = f.isBigEndian();
		AudioFormat.Encoding e = f.getEncoding();
		if (e.equals(AudioFormat.Encoding.PCM_SIGNED)) kind = Sample.SIGNED;
		else if (e.equals(AudioFormat.Encoding.PCM_UNSIGNED)) kind = Sample.UNSIGNED;
		else if (e.equals(AudioFormat.Encoding.PCM_FLOAT)) kind = Sample.FLOAT;
		else throw unsupported(file, container, "its decoder produced " + e + " instead of PCM");
		if (!(sampleRate > 0) || channels <= 0 || f.getFrameSize() <= 0 || f.getFrameSize() % channels != 0)
			throw unsupported(file, container, "its header gives no usable sample rate / channel count (" + f + ")");
		this.frameSize = f.getFrameSize();
		this.bytesPerSample = frameSize / channels;
		if (bytesPerSample > 4 && !(kind == Sample.FLOAT && bytesPerSample == 8) || kind == Sample.FLOAT &&
			bytesPerSample != 4 && bytesPerSample != 8)
			throw unsupported(file, container, "samples of " + bytesPerSample * 8 + " bits (" + e + ") are not supported");
		this.buffer = BufferMeter.bytes(CHUNK_FRAMES * frameSize);
	}

	/** Opens a file, checking in order: exists, readable, not empty, a format we know, a decoder that accepts it. */
	static PcmSource open(Path file) throws AudioFormatException {
		checkFile(file);
		Container container;
		try {
			container = Container.sniff(file);
		}
		catch (IOException e) {
			throw new AudioFormatException(file, Reason.UNREADABLE, "Cannot read audio file " + file + ": " + e
				.getMessage(), e);
		}
		if (container == Container.UNKNOWN) {
			String head;
			try {
				head = Container.describeHead(file);
			}
			catch (IOException e) {
				head = "?";
			}
			throw new AudioFormatException(file, Reason.UNSUPPORTED_FORMAT, file + " is not an audio file we can read " +
				"(it starts with \"" + head + "\", which is none of: " + AudioFormatException.SUPPORTED + "). " +
				AudioFormatException.CONVERT_HINT);
		}
		if (container == Container.OGG_OTHER) throw unsupported(file, container,
			"only Vorbis is supported inside Ogg (this looks like Opus, Speex or FLAC-in-Ogg)");
		AudioInputStream raw = openRaw(file, container);
		try {
			return fromRaw(file, container, raw);
		}
		catch (AudioFormatException | RuntimeException e) {
			closeQuietly(raw);
			throw e;
		}
	}

	private static void checkFile(Path file) throws AudioFormatException {
		if (!Files.exists(file)) throw new AudioFormatException(file, Reason.NOT_FOUND, "Audio file not found: " + file +
			" (check the path; relative paths are resolved against " + Path.of("").toAbsolutePath() + ")");
		if (!Files.isRegularFile(file)) throw new AudioFormatException(file, Reason.UNREADABLE, file +
			" is a folder or a device, not an audio file.");
		if (!Files.isReadable(file)) throw new AudioFormatException(file, Reason.UNREADABLE, "Audio file " + file +
			" exists but cannot be read (check its permissions).");
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException e) {
			throw new AudioFormatException(file, Reason.UNREADABLE, "Cannot read audio file " + file + ": " + e, e);
		}
		if (size == 0) throw new AudioFormatException(file, Reason.EMPTY_FILE, "Audio file " + file +
			" is empty (0 bytes). Was it copied or saved completely?");
	}

	/** The file's own stream, before any decoding: the JDK's readers for WAV/AIFF/AU, the named SPI for the rest. */
	private static AudioInputStream openRaw(Path file, Container container) throws AudioFormatException {
		try {
			switch (container) {
				case MP3:
					return new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader().getAudioInputStream(file.toFile());
				case OGG_VORBIS:
					return new javazoom.spi.vorbis.sampled.file.VorbisAudioFileReader().getAudioInputStream(file.toFile());
				case FLAC:
					return new org.jflac.sound.spi.FlacAudioFileReader().getAudioInputStream(file.toFile());
				default:
					return JdkAudioReaders.open(file.toFile());
			}
		}
		catch (UnsupportedAudioFileException e) {
			throw unsupported(file, container, "its " + container.displayName + " variant or encoding is not supported (" +
				e.getMessage() + ")");
		}
		catch (NoSuchFileException e) {
			throw new AudioFormatException(file, Reason.NOT_FOUND, "Audio file not found: " + file, e);
		}
		catch (IOException | RuntimeException e) {
			throw corrupt(file, container, "its header could not be read", e);
		}
	}

	/** Turns the file's stream into PCM, asking the format's own converter when the samples are compressed. */
	private static PcmSource fromRaw(Path file, Container container, AudioInputStream raw) throws AudioFormatException {
		AudioFormat f = raw.getFormat();
		AudioFormat.Encoding e = f.getEncoding();
		boolean pcm = e.equals(AudioFormat.Encoding.PCM_SIGNED) || e.equals(AudioFormat.Encoding.PCM_UNSIGNED) || e
			.equals(AudioFormat.Encoding.PCM_FLOAT);
		if (raw.getFrameLength() == 0) throw noAudio(file, container);
		if (pcm && container != Container.FLAC) return new PcmSource(file, container, raw, false);
		// FLAC keeps its own depth (24-bit masters stay 24-bit); the other decoders only produce 16-bit.
		int srcBits = f.getSampleSizeInBits();
		int bits = container == Container.FLAC && (srcBits == 8 || srcBits == 24) ? srcBits : 16;
		AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), bits, f.getChannels(),
			f.getChannels() * bits / 8, f.getSampleRate(), false);
		AudioInputStream decoded;
		try {
			switch (container) {
				case MP3:
					decoded = new javazoom.spi.mpeg.sampled.convert.MpegFormatConversionProvider().getAudioInputStream(target,
						raw);
					break;
				case OGG_VORBIS:
					decoded = new javazoom.spi.vorbis.sampled.convert.VorbisFormatConversionProvider().getAudioInputStream(
						target, raw);
					break;
				case FLAC:
					decoded = new org.jflac.sound.spi.FlacFormatConversionProvider().getAudioInputStream(target, raw);
					break;
				default:
					// mu-law / A-law WAV and AU: JavaSound's own converters.
					decoded = AudioSystem.getAudioInputStream(target, raw);
			}
		}
		catch (IllegalArgumentException ex) {
			throw unsupported(file, container, "no decoder for its encoding " + e + " (" + f + ")");
		}
		catch (RuntimeException ex) {
			throw corrupt(file, container, "its decoder could not start", ex);
		}
		return new PcmSource(file, container, decoded, true);
	}

	Path file() {
		return file;
	}

	Container container() {
		return container;
	}

	float sampleRate() {
		return sampleRate;
	}

	int channels() {
		return channels;
	}

	/** Bits per sample as delivered to us (after decoding), for information. */
	int bitsPerSample() {
		return bytesPerSample * 8;
	}

	/** Frames already read or skipped. */
	long position() {
		return position;
	}

	/**
	 * The number of frames the stream announces, or -1 when it does not know (compressed formats; a WAV header may
	 * also lie for a truncated file, so this is a hint, not a promise).
	 */
	long announcedFrames() {
		long n = stream.getFrameLength();
		return n == AudioSystem.NOT_SPECIFIED ? -1 : n;
	}

	/**
	 * Reads up to {@code maxFrames} frames as mono samples into {@code dst}. Returns the number read (fewer only at
	 * the end), or -1 at the end of the audio.
	 */
	int readMono(float[] dst, int off, int maxFrames) throws AudioFormatException {
		int done = 0;
		while (done < maxFrames) {
			int want = Math.min(maxFrames - done, CHUNK_FRAMES);
			int got = readFrames(want);
			if (got <= 0) break;
			toMono(got, dst, off + done);
			done += got;
		}
		position += done;
		return done == 0 && maxFrames > 0 ? -1 : done;
	}

	/**
	 * Skips up to {@code frames} frames without keeping them. Returns how many were skipped; fewer means the end was
	 * reached, except that a seek in a PCM file whose header overstates its length can pass the real end unnoticed
	 * (the next read then finds nothing; use {@link #countToEnd()} for an exact length).
	 */
	long skipFrames(long frames) throws AudioFormatException {
		long done = 0;
		if (!decoded && announcedFrames() > 0) {
			// Raw PCM of known length: JavaSound clamps the skip to that length and the file seeks.
			try {
				while (done < frames) {
					long want = Math.min(frames - done, (1L << 30) / frameSize);
					long skipped = stream.skip(want * frameSize) / frameSize;
					if (skipped <= 0) break;
					done += skipped;
				}
			}
			catch (IOException | RuntimeException e) {
				throw corrupt(file, container, "reading stopped at " + seconds(position + done), e);
			}
		}
		// Decoders cannot seek, and a file of unknown length could be sought past its end: decode and drop.
		while (done < frames) {
			int got = readFrames((int) Math.min(frames - done, CHUNK_FRAMES));
			if (got <= 0) break;
			done += got;
		}
		position += done;
		return done;
	}

	/** Reads (never seeks) to the end; returns the exact number of frames in the file. */
	long countToEnd() throws AudioFormatException {
		long done = 0;
		int got;
		while ((got = readFrames(CHUNK_FRAMES)) > 0)
			done += got;
		position += done;
		return position;
	}

	/** Fills {@link #buffer} with whole frames; returns frames read, 0 at the end. */
	private int readFrames(int frames) throws AudioFormatException {
		int want = frames * frameSize, have = 0, idle = 0;
		try {
			while (have < want) {
				int n = stream.read(buffer, have, want - have);
				if (n < 0) break;
				// The Vorbis and MP3 decoders return 0 while they refill between blocks; only a long run of 0s is stuck.
				if (n == 0 && ++idle > MAX_EMPTY_READS) throw new IOException("decoder returned no data " +
					MAX_EMPTY_READS + " times in a row");
				if (n > 0) idle = 0;
				have += n;
			}
		}
		catch (IOException | RuntimeException e) {
			throw corrupt(file, container, "decoding failed at " + seconds(position), e);
		}
		return have / frameSize; // a trailing partial frame (truncated file) is dropped
	}

	private void toMono(int frames, float[] dst, int off) {
		if (kind == Sample.SIGNED && bytesPerSample == 2) {
			toMono16(frames, dst, off);
			return;
		}
		float scale = 1f / channels;
		for (int i = 0; i < frames; i++) {
			float sum = 0;
			int base = i * frameSize;
			for (int c = 0; c < channels; c++)
				sum += sample(base + c * bytesPerSample);
			dst[off + i] = channels == 1 ? sum : sum * scale;
		}
	}

	/** The common case (16-bit CD/WAV and every MP3/OGG decode) without per-sample dispatch: 2–3x faster. */
	private void toMono16(int frames, float[] dst, int off) {
		byte[] b = buffer;
		int hi = bigEndian ? 0 : 1, lo = 1 - hi;
		float scale = 1f / (32768f * channels);
		for (int i = 0, p = 0; i < frames; i++) {
			int sum = 0;
			for (int c = 0; c < channels; c++, p += 2)
				sum += b[p + hi] << 8 | b[p + lo] & 0xff;
			dst[off + i] = sum * scale;
		}
	}

	private float sample(int at) {
		byte[] b = buffer;
		switch (kind) {
			case FLOAT:
				if (bytesPerSample == 4) return Float.intBitsToFloat((int) bits(b, at, 4));
				return (float) Double.longBitsToDouble(bits(b, at, 8));
			case UNSIGNED: {
				long v = bits(b, at, bytesPerSample);
				return (float) ((v - (1L << (bytesPerSample * 8 - 1))) / (double) (1L << (bytesPerSample * 8 - 1)));
			}
			default: {
				int shift = 64 - bytesPerSample * 8;
				long v = bits(b, at, bytesPerSample) << shift >> shift; // sign-extend
				return (float) (v / (double) (1L << (bytesPerSample * 8 - 1)));
			}
		}
	}

	/** The raw bits of one sample, honouring the byte order. */
	private long bits(byte[] b, int at, int n) {
		long v = 0;
		if (bigEndian) for (int i = 0; i < n; i++)
			v = v << 8 | (b[at + i] & 0xff);
		else for (int i = n - 1; i >= 0; i--)
			v = v << 8 | (b[at + i] & 0xff);
		return v;
	}

	String seconds(long frames) {
		return String.format(Locale.ROOT, "%.2f s", frames / (double) sampleRate);
	}

	@Override
	public void close() {
		closeQuietly(stream);
	}

	private static void closeQuietly(AudioInputStream s) {
		try {
			s.close();
		}
		catch (IOException | RuntimeException ignored) {
			// closing a read-only file: nothing useful to report
		}
	}

	static AudioFormatException noAudio(Path file, Container container) {
		return new AudioFormatException(file, Reason.NO_AUDIO, "Audio file " + file + " (" + container.displayName +
			") contains no samples: its length is 0 s.");
	}

	private static AudioFormatException unsupported(Path file, Container container, String why) {
		return new AudioFormatException(file, Reason.UNSUPPORTED_FORMAT, "Cannot read " + file + " as " +
			container.displayName + ": " + why + ". Supported: " + AudioFormatException.SUPPORTED + ". " +
			AudioFormatException.CONVERT_HINT);
	}

	static AudioFormatException corrupt(Path file, Container container, String what, Throwable cause) {
		String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass()
			.getSimpleName() + ": " + cause.getMessage();
		return new AudioFormatException(file, Reason.CORRUPT, "Audio file " + file + " looks like " +
			container.displayName + " but " + what + " (" + detail + "). The file may be damaged or truncated. " +
			AudioFormatException.CONVERT_HINT, cause);
	}
}
