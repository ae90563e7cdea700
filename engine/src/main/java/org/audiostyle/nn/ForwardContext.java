package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What one forward pass needs besides the input: whether it is training (batch norm uses batch statistics and
 * updates its running averages), optional {@link NormStatistics} for tiled inference, and the FiLM scale and shift
 * of each modulated {@link InstanceNorm2d}.
 */
public final class ForwardContext {

	private final boolean training;
	private final NormStatistics statistics;
	private final Map<InstanceNorm2d, NDArray[]> modulation = new IdentityHashMap<>();
	private boolean inferenceOnly;

	public ForwardContext(boolean training) {
		this(training, null);
	}

	public ForwardContext(boolean training, NormStatistics statistics) {
		this.training = training;
		this.statistics = statistics;
	}

	public boolean training() {
		return training;
	}

	/**
	 * True when no gradient will be taken (set by {@link ResnetGenerator#infer}): layers may then free their own
	 * temporaries early and work in place to lower peak memory.
	 */
	public boolean inferenceOnly() {
		return inferenceOnly;
	}

	public ForwardContext setInferenceOnly(boolean inferenceOnly) {
		this.inferenceOnly = inferenceOnly;
		return this;
	}

	/** Null when instance norms use each input's own statistics. */
	public NormStatistics statistics() {
		return statistics;
	}

	/** Sets the FiLM modulation applied right after {@code norm}: x * (1 + scale) + shift, both N x C x 1 x 1. */
	public void modulate(InstanceNorm2d norm, NDArray scale, NDArray shift) {
		modulation.put(norm, new NDArray[] { scale, shift });
	}

	/** {scale, shift} for {@code norm}, or null when it is not modulated. */
	public NDArray[] modulation(InstanceNorm2d norm) {
		return modulation.get(norm);
	}
}
