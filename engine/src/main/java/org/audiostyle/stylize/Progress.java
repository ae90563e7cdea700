package org.audiostyle.stylize;

/**
 * Progress and cancellation seen by long engine operations. UI-agnostic: the CLI maps it to a terminal bar, the
 * Fiji commands to the TaskService/StatusService.
 */
public interface Progress {

	Progress NONE = (done, total, stage) -> {};

	/** Called after each unit of work (a tile, a plane, a step). */
	void update(long done, long total, String stage);

	/** Polled between units of work; when true the operation stops with a CancellationException. */
	default boolean cancelled() {
		return false;
	}
}
