package org.audiostyle.audio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the model hears, one or more sounds with weights, and how strongly the picture follows it.
 *
 * <p>Each sound is peak-normalised on its own (as the paper's data loader does), then the normalised waveforms are
 * summed with the weights. The mixture is <b>not</b> re-normalised: re-normalising would undo a weight below 1 for a
 * lone sound, so the paper's volume experiment is a waveform mix with one weight (0.5 = half as loud). Weights are used
 * as given (0.7/0.3 is a cross-fade, 1/1 layers two sounds at full level). That is {@link MixMode#WAVEFORM}; with
 * {@link MixMode#EMBEDDING} each sound is encoded alone and the embeddings are averaged with the weights as shares
 * (see {@link MixMode}).
 *
 * <p>The strength scales the change the model makes to the picture: 0 leaves the input as it is, 1 is the model's
 * full restyle, 2 doubles the change (clipped at black and white). It used to be a gain on the waveform (the paper's
 * volume experiment), but measured on held-out photos the model's response to a quieter sound was not monotonic: it
 * restyles silence about as strongly as a sound (30.7 levels from the input at gain 0, 40.1 at 1; only 5 of 18
 * sequences never fell), so a user could not predict what a lower strength would do.
 */
public final class SoundMix {

	/** Highest accepted strength: four times the model's change, past which nearly every pixel clips. */
	public static final double MAX_STRENGTH = 4;

	/** The mode a mix gets unless told otherwise (docs/usage.md, "Sounds: windows, mixing, strength": measured on held-out data). */
	public static final MixMode DEFAULT_MODE = MixMode.EMBEDDING;

	private final List<Sound> sounds;
	private final List<Double> weights;
	private final double strength;
	private final MixMode mode;

	private SoundMix(List<Sound> sounds, List<Double> weights, double strength, MixMode mode) {
		this.sounds = Collections.unmodifiableList(sounds);
		this.weights = Collections.unmodifiableList(weights);
		this.strength = strength;
		this.mode = mode;
	}

	public static SoundMix of(Sound sound) {
		return new SoundMix(List.of(sound), List.of(1.0), 1.0, DEFAULT_MODE);
	}

	public static SoundMix of(List<Sound> sounds, double[] weights) {
		if (sounds.isEmpty()) throw new IllegalArgumentException("A mix needs at least one sound.");
		if (weights.length != sounds.size())
			throw new IllegalArgumentException("Got " + sounds.size() + " sounds but " + weights.length +
				" weights: give one weight per sound.");
		List<Double> w = new ArrayList<>();
		for (double x : weights) {
			if (!Double.isFinite(x) || x < 0)
				throw new IllegalArgumentException("Mix weights must be finite and >= 0, got " + x);
			w.add(x);
		}
		return new SoundMix(new ArrayList<>(sounds), w, 1.0, DEFAULT_MODE);
	}

	/** Equal weights summing to 1: the default when a user names several sounds without weights. */
	public static SoundMix equal(List<Sound> sounds) {
		double[] w = new double[sounds.size()];
		java.util.Arrays.fill(w, 1.0 / Math.max(1, sounds.size()));
		return of(sounds, w);
	}

	/** A cross-fade: (1 - t) of a and t of b. */
	public static SoundMix crossfade(Sound a, Sound b, double t) {
		if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("Cross-fade position must be in [0, 1], got " + t);
		return of(List.of(a, b), new double[] { 1 - t, t });
	}

	/** The same mix with another strength: the share of the model's change applied (0 = none, 1 = all of it). */
	public SoundMix withStrength(double s) {
		if (!(s >= 0 && s <= MAX_STRENGTH)) throw new IllegalArgumentException("Strength must be a number from 0 to " +
			(int) MAX_STRENGTH + " (0 = the input unchanged, 1 = the model's full change), got " + s);
		return new SoundMix(new ArrayList<>(sounds), new ArrayList<>(weights), s, mode);
	}

	/** The same sounds, weights and strength, combined the other way. */
	public SoundMix withMode(MixMode m) {
		if (m == null) throw new IllegalArgumentException("A mix mode is required (waveform or embedding).");
		if (m == MixMode.EMBEDDING && weights.stream().mapToDouble(Double::doubleValue).sum() <= 0)
			throw new IllegalArgumentException("Embedding mixing takes the weights as shares; at least one must be " +
				"above 0, got " + weights);
		return new SoundMix(new ArrayList<>(sounds), new ArrayList<>(weights), strength, m);
	}

	public MixMode mode() {
		return mode;
	}

	/** Weight i divided by the sum of the weights: sound i's share in an embedding mix. */
	public double share(int i) {
		double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
		return weights.get(i) / sum;
	}

	public List<Sound> sounds() {
		return sounds;
	}

	public List<Double> weights() {
		return weights;
	}

	public double strength() {
		return strength;
	}

	@Override
	public String toString() {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < sounds.size(); i++) {
			if (i > 0) b.append(" + ");
			b.append(weights.get(i)).append("*").append(sounds.get(i).name());
		}
		b.append(" @ strength ").append(strength);
		if (sounds.size() > 1) b.append(" (").append(mode.label()).append(" mix)");
		return b.toString();
	}
}
