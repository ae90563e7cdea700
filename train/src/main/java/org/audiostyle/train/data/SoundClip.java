package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.file.Path;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.SoundWindow;
import org.audiostyle.audio.WindowReader;
import org.audiostyle.audio.WindowStream;
import org.audiostyle.train.SeededRandom;

/**
 * A whole training recording decoded once to 16 kHz mono (at least 3 s: shorter clips are tiled, as the paper does).
 * Training then takes 3 s windows from memory: a fixed one (the start, the paper's single clip) or a random one
 * (a label-free augmentation for our 5 s clips).
 */
public final class SoundClip {

	private final String name;
	private final float[] samples;

	public SoundClip(String name, float[] samples16k) {
		if (samples16k.length == 0) throw new IllegalArgumentException("Sound '" + name + "' has no samples.");
		this.name = name;
		this.samples = samples16k.length >= AudioFrontEnd.WINDOW_SAMPLES ? samples16k :
			AudioFrontEnd.tile(samples16k, 0, samples16k.length, AudioFrontEnd.WINDOW_SAMPLES);
	}

	/**
	 * Decodes a file with the project's audio front end. Non-overlapping 3 s windows of one streaming pass are laid
	 * end to end, which gives back the whole resampled recording exactly.
	 */
	public static SoundClip decode(Path file) throws IOException {
		float[] all = new float[0];
		int length = 0;
		try (WindowStream windows = WindowReader.windows(file, AudioFrontEnd.WINDOW_SECONDS)) {
			SoundWindow w;
			while ((w = windows.read()) != null) {
				long start = Math.round(w.startSeconds() * AudioFrontEnd.SAMPLE_RATE);
				if (all.length < start + AudioFrontEnd.WINDOW_SAMPLES)
					all = java.util.Arrays.copyOf(all, (int) (start + AudioFrontEnd.WINDOW_SAMPLES));
				System.arraycopy(w.samples(), 0, all, (int) start, AudioFrontEnd.WINDOW_SAMPLES);
				length = (int) start + AudioFrontEnd.WINDOW_SAMPLES;
			}
			double seconds = windows.durationSeconds();
			if (!Double.isNaN(seconds))
				length = (int) Math.min(length, Math.round(seconds * AudioFrontEnd.SAMPLE_RATE));
		}
		return new SoundClip(file.getFileName().toString(), java.util.Arrays.copyOf(all, length));
	}

	public String name() {
		return name;
	}

	/** Samples at 16 kHz (not normalised); at least {@link AudioFrontEnd#WINDOW_SAMPLES}. Do not modify. */
	public float[] samples() {
		return samples;
	}

	/**
	 * The model's input: a 3 s window, peak-normalised like every sound. {@code rng == null} takes the first 3 s;
	 * otherwise the start is uniform over the recording.
	 */
	public float[] window(SeededRandom rng) {
		int spare = samples.length - AudioFrontEnd.WINDOW_SAMPLES;
		int start = rng == null || spare == 0 ? 0 : rng.nextInt(spare + 1);
		float[] w = new float[AudioFrontEnd.WINDOW_SAMPLES];
		System.arraycopy(samples, start, w, 0, w.length);
		return AudioFrontEnd.normalise(w);
	}
}
