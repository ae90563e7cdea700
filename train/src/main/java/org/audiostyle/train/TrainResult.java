package org.audiostyle.train;

import java.nio.file.Path;

/** What a finished {@link Training#run} produced. */
public final class TrainResult {

	public final Path runDir;
	/** The exported model package; null when the run was stopped early (see {@link #stopped}). */
	public final Path model;
	public final long steps;
	/** Training time over all sessions of the run (excluding data loading). */
	public final double seconds;
	/** Losses of the last step. */
	public final StepLosses last;

	/** Whether a stop request ended the run before its last step; its checkpoint continues it with --resume. */
	public boolean stopped() {
		return model == null;
	}

	TrainResult(Path runDir, Path model, long steps, double seconds, StepLosses last) {
		this.runDir = runDir;
		this.model = model;
		this.steps = steps;
		this.seconds = seconds;
		this.last = last;
	}
}
