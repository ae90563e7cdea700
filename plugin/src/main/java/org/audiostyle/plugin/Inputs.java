package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.runtime.DeviceChoice;

/**
 * Checks of user inputs, done before anything slow starts, each failing with a message that names the parameter,
 * says what is wrong and what to do. The same checks serve the commands and the macro functions.
 */
public final class Inputs {

	private Inputs() {}

	public static ImagePlus image(ImagePlus imp) throws AudioStyleException {
		if (imp == null) throw new AudioStyleException("No image: open an image (or select its window) first.");
		if (imp.getType() == ImagePlus.COLOR_256) throw new AudioStyleException("'" + imp.getTitle() +
			"' is an 8-bit indexed-colour image: convert it with Image > Type > RGB Color first.");
		if (imp.getStackSize() < 1 || imp.getWidth() < 1 || imp.getHeight() < 1) throw new AudioStyleException(
			"'" + imp.getTitle() + "' has no pixels.");
		return imp;
	}

	/** A sound file that must exist and be readable. */
	public static File sound(File file, String parameter) throws AudioStyleException {
		if (file == null || file.getPath().trim().isEmpty()) throw new AudioStyleException("No sound file given for '" +
			parameter + "': choose a WAV, MP3, Ogg or FLAC file.");
		if (!file.exists()) throw new AudioStyleException("Sound file not found: " + file.getAbsolutePath() + " ('" +
			parameter + "'). Check the path; choose a WAV, MP3, Ogg or FLAC file.");
		if (!file.isFile()) throw new AudioStyleException("'" + parameter + "' must be a sound file, but " + file
			.getAbsolutePath() + " is a folder.");
		if (!file.canRead()) throw new AudioStyleException("Cannot read the sound file " + file.getAbsolutePath() +
			" ('" + parameter + "'): check its permissions.");
		return file;
	}

	/** An optional sound: null when not given (null, or an empty path). */
	public static File optionalSound(File file, String parameter) throws AudioStyleException {
		if (file == null || file.getPath().trim().isEmpty()) return null;
		return sound(file, parameter);
	}

	/** A model folder or .zip; null (or an empty path) means the bundled model. */
	public static File model(File path) throws AudioStyleException {
		if (path == null || path.getPath().trim().isEmpty()) return null;
		if (!path.exists()) throw new AudioStyleException("Model not found: " + path.getAbsolutePath() +
			". Give a model folder or .zip made by Audio Style, or leave 'model' empty for the bundled model.");
		return path;
	}

	public static double range(double value, double min, double max, String parameter) throws AudioStyleException {
		if (!(value >= min && value <= max)) throw new AudioStyleException("'" + parameter + "' must be between " +
			num(min) + " and " + num(max) + ", got " + num(value) + ".");
		return value;
	}

	public static double atLeast(double value, double min, String parameter) throws AudioStyleException {
		if (!(value >= min) || Double.isInfinite(value)) throw new AudioStyleException("'" + parameter +
			"' must be a finite number >= " + num(min) + ", got " + num(value) + ".");
		return value;
	}

	/** A number as a user typed it: 2 rather than 2.0. */
	public static String num(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}

	public static int workSize(int value) throws AudioStyleException {
		if (value != 0 && value < 4) throw new AudioStyleException("'worksize' must be 0 (native resolution) or a" +
			" number of pixels >= 4, got " + value + ".");
		return value;
	}

	public static DeviceChoice device(String name) throws AudioStyleException {
		try {
			return DeviceChoice.parse(name == null || name.trim().isEmpty() ? "auto" : name);
		}
		catch (IllegalArgumentException e) {
			throw new AudioStyleException("'device': " + e.getMessage());
		}
	}

	public static AudioWindow window(String text) throws AudioStyleException {
		try {
			return AudioWindow.parse(text == null || text.trim().isEmpty() ? "loudest" : text);
		}
		catch (IllegalArgumentException e) {
			throw new AudioStyleException("'window': " + e.getMessage());
		}
	}
}
