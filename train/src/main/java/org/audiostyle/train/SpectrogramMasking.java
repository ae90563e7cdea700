package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * SpecAugment-style masking (Park et al., Interspeech 2019) of the spectrograms the audio encoder learns from: per
 * clip, two bands of frequency bins (each up to 15 % of the bins) and two spans of frames (each up to 10 % of the
 * frames) are set to zero. Only the encoder's input is masked; the discriminator still sees the whole spectrogram.
 * <p>
 * Why: the encoder learns from a couple of hundred clips, a few dozen per class, and held-out recordings of the same
 * class come from other microphones and places. Hiding random bands and moments makes it rely on the whole
 * spectral shape of a class instead of one recording's peculiar band or event.
 */
public final class SpectrogramMasking {

	static final int MASKS = 2;
	static final double MAX_BAND = 0.15, MAX_SPAN = 0.10;

	private SpectrogramMasking() {}

	/** spectrogram: N x 1 x F x T; a masked copy (the input is not changed). */
	public static NDArray apply(NDArray spectrogram, SeededRandom rng) {
		Shape s = spectrogram.getShape();
		int n = Math.toIntExact(s.get(0)), f = Math.toIntExact(s.get(2)), t = Math.toIntExact(s.get(3));
		float[] mask = new float[n * f * t];
		java.util.Arrays.fill(mask, 1f);
		for (int i = 0; i < n; i++) {
			int base = i * f * t;
			for (int k = 0; k < MASKS; k++) {
				int width = rng.nextInt((int) (MAX_BAND * f) + 1), from = rng.nextInt(f - width + 1);
				for (int b = from; b < from + width; b++)
					java.util.Arrays.fill(mask, base + b * t, base + (b + 1) * t, 0f);
			}
			for (int k = 0; k < MASKS; k++) {
				int width = rng.nextInt((int) (MAX_SPAN * t) + 1), from = rng.nextInt(t - width + 1);
				for (int b = 0; b < f; b++)
					java.util.Arrays.fill(mask, base + b * t + from, base + b * t + from + width, 0f);
			}
		}
		return spectrogram.mul(spectrogram.getManager().create(mask, s));
	}
}
