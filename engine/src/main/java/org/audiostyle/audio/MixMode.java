package org.audiostyle.audio;

import java.util.Locale;

/**
 * How the sounds of a {@link SoundMix} are combined before the generator sees them.
 *
 * <ul>
 * <li>{@link #WAVEFORM}: the paper's way. The peak-normalised waveforms are summed with the weights and the sum is
 * encoded once. The encoder is far from linear: the louder, broader sound dominates the spectrogram, so a cross-fade
 * tends to stay on one sound until the other is almost alone.</li>
 * <li>{@link #EMBEDDING}: each sound is encoded on its own (at the mix's strength) and the embeddings are averaged
 * with the weights taken as shares (divided by their sum). The generator's conditioning (FiLM) is linear in the
 * embedding, so the per-channel scale and shift move in a straight line from one sound's to the other's.</li>
 * </ul>
 */
public enum MixMode {
	WAVEFORM, EMBEDDING;

	/** The mode named {@code waveform} or {@code embedding} (any case). */
	public static MixMode parse(String name) {
		for (MixMode m : values())
			if (m.name().equalsIgnoreCase(name.trim())) return m;
		throw new IllegalArgumentException("Unknown mix mode '" + name + "': use waveform or embedding.");
	}

	/** Lower-case name, as options and reports spell it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
