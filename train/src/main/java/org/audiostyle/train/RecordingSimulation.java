package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Makes each training clip sound as if another microphone in another place had recorded it, on the encoder's linear
 * magnitude spectrogram (N x 1 x F x T, DC at bin 0): a random equaliser, a small pitch shift, a room's reverberation
 * and another clip of the batch as faint background. Each is drawn per clip and applied with its own probability, so
 * part of every batch stays clean. Only the audio encoder's input changes; the discriminator keeps the clean
 * spectrogram.
 * <p>
 * Why: the training sounds come from one to a few long recordings per class, and a class heard in a recording it
 * never trained on was mostly missed (v4 on the recording-level split: crickets, snow, wind and thunderstorm 0-33 %).
 * What differs between two recordings of one class is mostly the microphone and distance (the spectrum's tilt and
 * ripples), the room or open air (decay), the particular source (its pitch) and what else was audible. Drawing those
 * at random asks the encoder for what stays: the class.
 * <p>
 * The operations act on magnitudes, so they approximate their waveform counterparts: an equaliser is exact per bin,
 * the pitch shift stretches the frequency axis, reverberation adds an exponentially decaying tail of each bin's power,
 * and the background adds powers (sources that do not cohere).
 */
public final class RecordingSimulation {

	static final double P_EQUALISER = 0.8, P_PITCH = 0.5, P_REVERB = 0.5, P_BACKGROUND = 0.5;
	/** Spectral tilt from the lowest to the highest bin, up to this many dB either way (distance, microphone). */
	static final double MAX_TILT_DB = 12;
	/** Three cosine ripples over the spectrum of up to this many dB each (a microphone's or a room's response). */
	static final double MAX_RIPPLE_DB = 4;
	/** Frequency axis stretched by a factor in [1/MAX_PITCH, MAX_PITCH] (about two semitones either way). */
	static final double MAX_PITCH = 1.12;
	/** Reverberation time (60 dB decay) in seconds, and the tail's level relative to the direct sound. */
	static final double MIN_T60 = 0.2, MAX_T60 = 1.2, MIN_WET = 0.1, MAX_WET = 0.5;
	/** The background clip's level relative to the clip, in dB. */
	static final double MIN_BACKGROUND_DB = -25, MAX_BACKGROUND_DB = -10;
	/** Seconds between spectrogram frames (hop 160 at 16 kHz). */
	static final double FRAME_SECONDS = 0.01;

	private RecordingSimulation() {}

	/** A simulated-recording copy of {@code spectrogram} (N x 1 x F x T magnitudes; the input is not changed). */
	public static NDArray apply(NDArray spectrogram, SeededRandom rng) {
		Shape s = spectrogram.getShape();
		int n = Math.toIntExact(s.get(0)), f = Math.toIntExact(s.get(2)), t = Math.toIntExact(s.get(3));
		float[] clean = spectrogram.toFloatArray();
		float[] out = clean.clone();
		int size = f * t;
		for (int i = 0; i < n; i++) {
			int at = i * size;
			if (rng.nextDouble() < P_PITCH) shiftPitch(out, at, f, t, Math.exp(uniform(rng, -1, 1) * Math.log(MAX_PITCH)));
			if (rng.nextDouble() < P_EQUALISER) equalise(out, at, f, t, equaliserGains(f, rng));
			if (rng.nextDouble() < P_REVERB) reverberate(out, at, f, t, uniform(rng, MIN_T60, MAX_T60),
				uniform(rng, MIN_WET, MAX_WET));
			if (n > 1 && rng.nextDouble() < P_BACKGROUND) {
				int other = (i + 1 + rng.nextInt(n - 1)) % n;
				addBackground(out, at, clean, other * size, size, Math.pow(10, uniform(rng, MIN_BACKGROUND_DB,
					MAX_BACKGROUND_DB) / 20));
			}
		}
		return spectrogram.getManager().create(out, s);
	}

	private static double uniform(SeededRandom rng, double lo, double hi) {
		return lo + (hi - lo) * rng.nextDouble();
	}

	/** Per-bin amplitude gains: a tilt plus three cosine ripples, in dB. */
	static double[] equaliserGains(int f, SeededRandom rng) {
		double tilt = uniform(rng, -MAX_TILT_DB, MAX_TILT_DB);
		double[] amp = new double[3], phase = new double[3];
		for (int k = 0; k < 3; k++) {
			amp[k] = uniform(rng, -MAX_RIPPLE_DB, MAX_RIPPLE_DB);
			phase[k] = uniform(rng, 0, 2 * Math.PI);
		}
		double[] gain = new double[f];
		for (int b = 0; b < f; b++) {
			double x = b / (double) (f - 1), db = tilt * (x - 0.5);
			for (int k = 0; k < 3; k++)
				db += amp[k] * Math.cos(Math.PI * (k + 1) * x + phase[k]);
			gain[b] = Math.pow(10, db / 20);
		}
		return gain;
	}

	static void equalise(float[] spec, int at, int f, int t, double[] gain) {
		for (int b = 0; b < f; b++)
			for (int x = 0, k = at + b * t; x < t; x++, k++)
				spec[k] *= (float) gain[b];
	}

	/** Bin b takes the magnitude at bin b / factor (linear interpolation; beyond the top bin: silence). */
	static void shiftPitch(float[] spec, int at, int f, int t, double factor) {
		float[] src = java.util.Arrays.copyOfRange(spec, at, at + f * t);
		for (int b = 0; b < f; b++) {
			double from = b / factor;
			int lo = (int) Math.floor(from);
			float w = (float) (from - lo);
			for (int x = 0; x < t; x++) {
				float a = lo < f ? src[lo * t + x] : 0, c = lo + 1 < f ? src[(lo + 1) * t + x] : 0;
				spec[at + b * t + x] = (1 - w) * a + w * c;
			}
		}
	}

	/**
	 * Adds to each bin's power a tail of its past power decaying by 60 dB in {@code t60} seconds, scaled by
	 * {@code wet}: P'(x) = P(x) + wet * R(x), with R(x) = d * (R(x-1) + P(x-1)).
	 */
	static void reverberate(float[] spec, int at, int f, int t, double t60, double wet) {
		double d = Math.pow(10, -6 * FRAME_SECONDS / t60);
		for (int b = 0; b < f; b++) {
			double tail = 0, previous = 0;
			for (int x = 0, k = at + b * t; x < t; x++, k++) {
				tail = d * (tail + previous);
				previous = (double) spec[k] * spec[k];
				spec[k] = (float) Math.sqrt(previous + wet * tail);
			}
		}
	}

	/** Adds the power of {@code clean[from, from + size)} scaled by gain^2 to {@code spec[at, at + size)}. */
	static void addBackground(float[] spec, int at, float[] clean, int from, int size, double gain) {
		double g2 = gain * gain;
		for (int k = 0; k < size; k++) {
			double o = clean[from + k];
			spec[at + k] = (float) Math.sqrt((double) spec[at + k] * spec[at + k] + g2 * o * o);
		}
	}
}
