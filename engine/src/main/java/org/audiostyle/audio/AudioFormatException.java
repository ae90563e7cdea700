package org.audiostyle.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An audio file that cannot be used as a sound. The message always names the file, says what is wrong and what to do;
 * {@link #reason()} lets callers react without parsing the message.
 */
public class AudioFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	/** What went wrong, in the order a file is checked. */
	public enum Reason {
		/** No such file. */
		NOT_FOUND,
		/** It exists but is a folder or cannot be read. */
		UNREADABLE,
		/** The file has 0 bytes. */
		EMPTY_FILE,
		/** Not one of the formats we decode (or a codec/encoding inside one we do not). */
		UNSUPPORTED_FORMAT,
		/** Looks like a supported format but fails to decode. */
		CORRUPT,
		/** A valid header that announces zero samples. */
		NO_AUDIO,
		/** The requested window starts at or after the end of the recording. */
		WINDOW_BEYOND_END
	}

	/** The formats we can read, for messages. */
	public static final String SUPPORTED =
		"WAV (8/16/24/32-bit integer, 32/64-bit float, mu-law, A-law; any channel count and rate), AIFF/AIFF-C, " +
			"AU/SND, MP3, OGG Vorbis and FLAC";

	/** What to do with anything else, for messages. */
	public static final String CONVERT_HINT =
		"Convert it to WAV first, e.g. `ffmpeg -i INPUT output.wav` or `sox INPUT output.wav`.";

	private final Path file;
	private final Reason reason;

	public AudioFormatException(Path file, Reason reason, String message) {
		super(message);
		this.file = file;
		this.reason = reason;
	}

	public AudioFormatException(Path file, Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.file = file;
		this.reason = reason;
	}

	/** The file the problem is about. */
	public Path file() {
		return file;
	}

	public Reason reason() {
		return reason;
	}
}
