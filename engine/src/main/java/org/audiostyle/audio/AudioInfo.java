package org.audiostyle.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * What a sound file holds: format, rate, channels and duration. The duration comes from the header when the format
 * states it (WAV, AIFF, AU and FLAC give the exact sample count; MP3 and OGG give an estimate); otherwise the file is
 * decoded once, streaming, to count its samples.
 */
public final class AudioInfo {

	/** Where {@link #durationSeconds()} comes from. */
	public enum DurationSource {
		/** An exact sample count in the header. */
		HEADER,
		/** The decoder's estimate from the header (bit rate, Xing/VBRI or granule position): can be off by a frame. */
		ESTIMATED,
		/** Counted by decoding the whole file (streaming). */
		DECODED
	}

	private final Path file;
	private final String format;
	private final float sampleRate;
	private final int channels;
	private final int bitsPerSample;
	private final double durationSeconds;
	private final DurationSource durationSource;

	private AudioInfo(Path file, String format, float sampleRate, int channels, int bitsPerSample,
		double durationSeconds, DurationSource durationSource)
	{
		this.file = file;
		this.format = format;
		this.sampleRate = sampleRate;
		this.channels = channels;
		this.bitsPerSample = bitsPerSample;
		this.durationSeconds = durationSeconds;
		this.durationSource = durationSource;
	}

	/** Reads the header of {@code file}; decodes it (streaming, bounded memory) only if the header has no duration. */
	public static AudioInfo read(Path file) throws IOException {
		return EngineClassLoader.call(() -> {
			try (PcmSource src = PcmSource.open(file)) {
				long frames = src.announcedFrames();
				DurationSource how = DurationSource.HEADER;
				double seconds = Double.NaN;
				if (frames > 0 && src.container() != Container.MP3 && src.container() != Container.OGG_VORBIS)
					seconds = frames / (double) src.sampleRate();
				else {
					seconds = estimatedSeconds(file, src.container());
					how = DurationSource.ESTIMATED;
				}
				if (!(seconds > 0)) {
					long counted = src.skipFrames(Long.MAX_VALUE);
					if (counted == 0) throw PcmSource.noAudio(file, src.container());
					seconds = counted / (double) src.sampleRate();
					how = DurationSource.DECODED;
				}
				return new AudioInfo(file, src.container().displayName, src.sampleRate(), src.channels(), src
					.bitsPerSample(), seconds, how);
			}
		});
	}

	/** The "duration" property (microseconds) the MP3/OGG readers put in their file format, or NaN. */
	private static double estimatedSeconds(Path file, Container container) {
		try {
			AudioFileFormat f;
			if (container == Container.MP3) f = new javazoom.spi.mpeg.sampled.file.MpegAudioFileReader()
				.getAudioFileFormat(file.toFile());
			else if (container == Container.OGG_VORBIS) f = new javazoom.spi.vorbis.sampled.file.VorbisAudioFileReader()
				.getAudioFileFormat(file.toFile());
			else if (container == Container.FLAC) f = new org.jflac.sound.spi.FlacAudioFileReader().getAudioFileFormat(file
				.toFile());
			else return Double.NaN;
			if (f.getFrameLength() > 0 && container == Container.FLAC) return f.getFrameLength() / (double) f.getFormat()
				.getSampleRate();
			Map<String, Object> p = f.properties();
			Object us = p.get("duration");
			if (us instanceof Number && ((Number) us).longValue() > 0) return ((Number) us).longValue() / 1e6;
		}
		catch (IOException | UnsupportedAudioFileException | RuntimeException e) {
			// no estimate: the caller counts samples instead
		}
		return Double.NaN;
	}

	public Path file() {
		return file;
	}

	/** "WAV", "AIFF", "AU", "MP3", "OGG Vorbis" or "FLAC". */
	public String format() {
		return format;
	}

	/** The file's own rate in Hz (before resampling to 16 kHz). */
	public float sampleRate() {
		return sampleRate;
	}

	public int channels() {
		return channels;
	}

	/** Bits per sample after decoding (16 for MP3 and OGG). */
	public int bitsPerSample() {
		return bitsPerSample;
	}

	public double durationSeconds() {
		return durationSeconds;
	}

	public DurationSource durationSource() {
		return durationSource;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s: %s, %.0f Hz, %d channel(s), %d-bit, %.3f s (%s)", file, format,
			sampleRate, channels, bitsPerSample, durationSeconds, durationSource.name().toLowerCase(Locale.ROOT));
	}
}
