package org.audiostyle.plugin;

import java.io.File;

/** Titles of results: the input's name and the sound's, so a window says what it shows. */
public final class Titles {

	private Titles() {}

	/** "beach-rain", or "beach-rain+birds" for a mix; {@code suffix} (e.g. "sweep") is appended after a space. */
	public static String of(String imageTitle, File sound, File sound2, String suffix) {
		StringBuilder b = new StringBuilder(base(imageTitle)).append('-').append(base(sound.getName()));
		if (sound2 != null) b.append('+').append(base(sound2.getName()));
		if (suffix != null && !suffix.isEmpty()) b.append(' ').append(suffix);
		return b.toString();
	}

	/** A file or window name without its extension ("beach.tif" to "beach"); names without one are kept. */
	public static String base(String name) {
		int dot = name.lastIndexOf('.');
		return dot > 0 && name.length() - dot <= 5 ? name.substring(0, dot) : name;
	}
}
