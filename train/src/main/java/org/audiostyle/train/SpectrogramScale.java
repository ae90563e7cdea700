package org.audiostyle.train;

import java.util.Locale;

/** How the discriminator sees the spectrogram's magnitudes. */
public enum SpectrogramScale {
	/** The paper: raw linear STFT magnitudes next to an image in [-1, 1]. */
	LINEAR,
	/**
	 * log(1 + magnitude): peak-normalised clips reach magnitudes of ~100 at tonal peaks and ~0.01 in quiet bins, so the
	 * linear values hide most of the spectrum from D; the log keeps them within a few units of the image's range.
	 */
	LOG;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
