package org.audiostyle.audio;

/**
 * Which 3 s of a recording the model hears. The default is the loudest window: a long field recording usually has
 * its characteristic sound (the downpour, the chorus) in its loudest part, and the start is often a fade-in.
 */
public final class AudioWindow {

	public enum Kind { LOUDEST, START, AT }

	public final Kind kind;
	/** Start in seconds, for {@link Kind#AT}. */
	public final double startSeconds;

	private AudioWindow(Kind kind, double startSeconds) {
		this.kind = kind;
		this.startSeconds = startSeconds;
	}

	public static AudioWindow loudest() {
		return new AudioWindow(Kind.LOUDEST, 0);
	}

	public static AudioWindow start() {
		return new AudioWindow(Kind.START, 0);
	}

	/**
	 * The latest start accepted, in seconds (1,000,000 s, about 11.6 days; a 4 GB WAV of 16 kHz 8-bit mono lasts 3.1
	 * days). It keeps every sample index derived from the start far inside the range of a {@code long}: a start of
	 * 1e308 s used to overflow into a negative buffer size.
	 */
	public static final double MAX_START_SECONDS = 1_000_000;

	public static AudioWindow at(double seconds) {
		if (Double.isNaN(seconds) || Double.isInfinite(seconds))
			throw new IllegalArgumentException("Window start '" + seconds + "' is not a finite number; give a " +
				"start in seconds (e.g. 2.5), 'start' or 'loudest'.");
		if (!(seconds >= 0)) throw new IllegalArgumentException("Window start must be >= 0 s, got " + seconds +
			"; give a start in seconds from the beginning of the file, 'start' or 'loudest'.");
		if (seconds > MAX_START_SECONDS) throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
			"Window start %s s is too large: at most %.0f s (about 11.6 days) is accepted; give a start within the " +
				"file, 'start' or 'loudest'.", seconds, MAX_START_SECONDS));
		return new AudioWindow(Kind.AT, seconds);
	}

	/** Parses "loudest", "start" or a number of seconds. */
	public static AudioWindow parse(String s) {
		String t = s.trim().toLowerCase(java.util.Locale.ROOT);
		if (t.equals("loudest")) return loudest();
		if (t.equals("start")) return start();
		try {
			return at(Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Window '" + s + "' is not 'loudest', 'start' or a time in seconds.");
		}
	}

	@Override
	public String toString() {
		return kind == Kind.AT ? startSeconds + "s" : kind.name().toLowerCase(java.util.Locale.ROOT);
	}
}
