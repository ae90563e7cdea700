package org.audiostyle.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's audio front end: what the audio encoder gets for a {@link SoundMix}.
 *
 * <p>For each sound: decode, average channels to mono, resample to 16 kHz (TarsosDSP high-quality resampler), take
 * its 3 s window ({@link WindowReader}; in-memory sounds use their first 3 s), tile a shorter clip by repetition and
 * truncate to 48,000 samples, then peak-normalise on its own: {@code x / (1.1 * max|x| + 1e-8)}. The paper divides
 * by {@code 1.1 * max|x|} with no epsilon; the 1e-8 keeps a silent clip at zeros instead of NaN and changes any
 * audible clip by less than one part in 10^6 of its peak. The normalised sounds are summed with the mix weights; the
 * mixture is not normalised again (see {@link SoundMix}). The mix's strength is not applied here: it scales the
 * picture's change ({@link org.audiostyle.stylize.StylizeSettings#strength}).
 *
 * <p>Stateless and thread-safe.
 */
public final class AudioFrontEnd {

	/** The audio encoder's sample rate in Hz. */
	public static final int SAMPLE_RATE = 16000;
	/** Samples the encoder hears: 3 s at 16 kHz. */
	public static final int WINDOW_SAMPLES = 48000;
	/** {@link #WINDOW_SAMPLES} in seconds. */
	public static final double WINDOW_SECONDS = WINDOW_SAMPLES / (double) SAMPLE_RATE;
	/** Peak normalisation divides by this times the peak, so the peak becomes 1/1.1 = 0.909 (the paper's choice). */
	public static final double PEAK_HEADROOM = 1.1;
	/** Added to the normalisation divisor so silence gives zeros, not NaN (not in the paper). */
	public static final double NORMALISATION_EPSILON = 1e-8;

	private AudioFrontEnd() {}

	/** The encoder input for a mix: {@link #WINDOW_SAMPLES} samples at 16 kHz. */
	public static float[] prepare(SoundMix mix) throws IOException {
		List<float[]> normalised = new ArrayList<>();
		for (Sound s : mix.sounds())
			normalised.add(normalise(load(s)));
		return mix(normalised, mix.weights());
	}

	/** The encoder input for one sound (same as {@code prepare(SoundMix.of(sound))}). */
	public static float[] prepare(Sound sound) throws IOException {
		return normalise(load(sound));
	}

	/**
	 * A sound's 3 s at 16 kHz, before normalisation: the file's window, or the in-memory samples resampled, cropped to
	 * their first 3 s or tiled.
	 */
	public static float[] load(Sound sound) throws IOException {
		if (sound.isFile()) return WindowReader.read(sound.file(), sound.window());
		float[] x = sound.samples();
		int bad = firstNonFinite(x, 0, x.length);
		if (bad >= 0) throw new IllegalArgumentException("Sound '" + sound.name() + "' has a non-finite sample (" +
			x[bad] + ") at index " + bad + ".");
		float[] y = resample(x, sound.sampleRate());
		return tile(y, 0, y.length, WINDOW_SAMPLES);
	}

	/** Index of the first NaN or infinite sample in {@code x[off, off+len)}, or -1. */
	static int firstNonFinite(float[] x, int off, int len) {
		for (int i = off; i < off + len; i++)
			if (!Float.isFinite(x[i])) return i;
		return -1;
	}

	/**
	 * Weighted sum of sounds already normalised by {@link #normalise}. For callers that mix the same sounds many times
	 * (a cross-fade movie): load and normalise once, mix per frame.
	 */
	public static float[] mix(List<float[]> normalised, List<Double> weights) {
		if (normalised.size() != weights.size()) throw new IllegalArgumentException("Got " + normalised.size() +
			" sounds but " + weights.size() + " weights.");
		if (normalised.isEmpty()) throw new IllegalArgumentException("A mix needs at least one sound.");
		double[] sum = new double[WINDOW_SAMPLES];
		for (int j = 0; j < normalised.size(); j++) {
			float[] x = normalised.get(j);
			if (x.length != WINDOW_SAMPLES) throw new IllegalArgumentException("Sound " + j + " has " + x.length +
				" samples; the front end works on " + WINDOW_SAMPLES + ".");
			double w = weights.get(j);
			for (int i = 0; i < WINDOW_SAMPLES; i++)
				sum[i] += w * x[i];
		}
		float[] out = new float[WINDOW_SAMPLES];
		for (int i = 0; i < WINDOW_SAMPLES; i++)
			out[i] = (float) sum[i];
		return out;
	}

	/** {@code x / (1.1 * max|x| + 1e-8)} as a new array: peak 1/1.1, silence stays zeros. */
	public static float[] normalise(float[] x) {
		double peak = 0;
		for (float v : x)
			peak = Math.max(peak, Math.abs(v));
		double divisor = PEAK_HEADROOM * peak + NORMALISATION_EPSILON;
		float[] out = new float[x.length];
		for (int i = 0; i < x.length; i++)
			out[i] = (float) (x[i] / divisor);
		return out;
	}

	/**
	 * {@code np.tile} then truncate: {@code x[off, off+len)} repeated until {@code length} samples, or its first
	 * {@code length} samples if it is longer.
	 */
	public static float[] tile(float[] x, int off, int len, int length) {
		if (len <= 0) throw new IllegalArgumentException("Cannot tile an empty clip.");
		float[] out = new float[length];
		for (int at = 0; at < length; at += len)
			System.arraycopy(x, off, out, at, Math.min(len, length - at));
		return out;
	}

	/** Mono samples at {@code fromRate} resampled to 16 kHz (a copy when already 16 kHz). */
	public static float[] resample(float[] mono, double fromRate) {
		if (!(fromRate > 0) || Double.isInfinite(fromRate))
			throw new IllegalArgumentException("Sample rate must be > 0, got " + fromRate);
		return Resampling.toModelRate(mono, 0, mono.length, fromRate);
	}
}
