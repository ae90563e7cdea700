package org.audiostyle.audio;

import java.nio.file.Path;
import java.util.Objects;

/** One sound: a file (with the window to hear) or mono samples already in memory. */
public final class Sound {

	private final Path file;
	private final AudioWindow window;
	private final float[] samples;
	private final float sampleRate;
	private final String name;

	private Sound(Path file, AudioWindow window, float[] samples, float sampleRate, String name) {
		this.file = file;
		this.window = window;
		this.samples = samples;
		this.sampleRate = sampleRate;
		this.name = name;
	}

	public static Sound file(Path file) {
		return file(file, AudioWindow.loudest());
	}

	public static Sound file(Path file, AudioWindow window) {
		return new Sound(Objects.requireNonNull(file), Objects.requireNonNull(window), null, 0, file.getFileName()
			.toString());
	}

	/** Mono samples in [-1, 1] at any rate; they are resampled to 16 kHz and tiled or cropped to 3 s. */
	public static Sound samples(float[] mono, float sampleRate, String name) {
		if (!(sampleRate > 0)) throw new IllegalArgumentException("Sample rate must be > 0, got " + sampleRate);
		if (mono.length == 0) throw new IllegalArgumentException("Sound '" + name + "' has no samples.");
		return new Sound(null, AudioWindow.start(), mono.clone(), sampleRate, name);
	}

	public boolean isFile() {
		return file != null;
	}

	public Path file() {
		return file;
	}

	public AudioWindow window() {
		return window;
	}

	public float[] samples() {
		return samples == null ? null : samples.clone();
	}

	public float sampleRate() {
		return sampleRate;
	}

	public String name() {
		return name;
	}

	@Override
	public String toString() {
		return isFile() ? file + " [" + window + "]" : name + " (" + samples.length + " samples @ " + sampleRate + " Hz)";
	}
}
