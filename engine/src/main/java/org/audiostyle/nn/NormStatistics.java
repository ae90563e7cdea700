package org.audiostyle.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-channel mean and variance of every instance norm of a generator, for tiled stylization. A stylizer runs the
 * whole image (possibly downscaled) once with {@link Mode#RECORD}, switches to {@link Mode#APPLY} and runs the tiles:
 * each tile is then normalised with the whole image's statistics instead of its own, so tiles match at the seams.
 * Recording needs batch size 1; applying broadcasts the stored statistics to every batch item. Layers are named by
 * their PyTorch path, e.g. {@code model_down.2} or {@code model_down.12.conv_block.2}. FiLM modulation is applied
 * after the norm in either mode.
 */
public final class NormStatistics {

	/** What instance norms do with this object. */
	public enum Mode {
		/** Normalise with the input's own statistics and store them (replacing earlier values). */
		RECORD,
		/** Normalise with the stored statistics. */
		APPLY
	}

	private Mode mode;
	private final Map<String, float[][]> layers = new LinkedHashMap<>();

	public NormStatistics(Mode mode) {
		this.mode = mode;
	}

	/** A new, empty object in RECORD mode. */
	public static NormStatistics recording() {
		return new NormStatistics(Mode.RECORD);
	}

	public Mode mode() {
		return mode;
	}

	public NormStatistics setMode(Mode mode) {
		this.mode = mode;
		return this;
	}

	/** Switches to APPLY; fails when nothing was recorded. */
	public NormStatistics apply() {
		if (layers.isEmpty())
			throw new IllegalStateException("No instance-norm statistics recorded yet: run a RECORD pass first");
		mode = Mode.APPLY;
		return this;
	}

	public boolean isEmpty() {
		return layers.isEmpty();
	}

	/** Names of the recorded layers, in the order they ran. */
	public Set<String> layers() {
		return Collections.unmodifiableSet(layers.keySet());
	}

	public void record(String layer, float[] mean, float[] variance) {
		if (mean.length != variance.length)
			throw new IllegalArgumentException("Layer " + layer + ": " + mean.length + " means but " +
				variance.length + " variances");
		layers.put(layer, new float[][] { mean.clone(), variance.clone() });
	}

	public float[] mean(String layer) {
		return entry(layer)[0].clone();
	}

	public float[] variance(String layer) {
		return entry(layer)[1].clone();
	}

	private float[][] entry(String layer) {
		float[][] e = layers.get(layer);
		if (e == null)
			throw new IllegalStateException("No statistics recorded for instance norm '" + layer +
				"': the RECORD pass must use the same generator");
		return e;
	}
}
