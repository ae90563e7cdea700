package org.audiostyle.train;

/**
 * The paper's "linear" policy in steps instead of epochs: the base rate for {@code constantSteps}, then a linear
 * decay over {@code decaySteps}. Step s (0-based) gets factor 1 - max(0, s - constantSteps + 1) / (decaySteps + 1),
 * which for 30 + 20 epochs reproduces CUT's 1 - max(0, t - 30) / 21 (never exactly 0).
 */
public final class LearningRateSchedule {

	private final double base;
	private final long constantSteps;
	private final long decaySteps;

	public LearningRateSchedule(double base, long constantSteps, long decaySteps) {
		if (!(base > 0) || constantSteps < 0 || decaySteps < 0)
			throw new IllegalArgumentException("Invalid schedule: base " + base + ", constant " + constantSteps +
				", decay " + decaySteps);
		this.base = base;
		this.constantSteps = constantSteps;
		this.decaySteps = decaySteps;
	}

	public double factor(long step) {
		if (step < constantSteps) return 1;
		return 1 - Math.min(decaySteps, step - constantSteps + 1) / (double) (decaySteps + 1);
	}

	public double rate(long step) {
		return base * factor(step);
	}
}
