package org.audiostyle.plugin;

/**
 * Where a long run reports its progress and learns that the user cancelled it. The commands report to SciJava's
 * TaskService and StatusService, the macro functions to ImageJ 1.x's status bar.
 */
public interface RunMonitor {

	RunMonitor NONE = new RunMonitor() {

		@Override
		public void progress(double fraction, String message) {}

		@Override
		public boolean cancelled() {
			return false;
		}
	};

	/** Fraction of the whole run done, in [0, 1], and what is happening now. */
	void progress(double fraction, String message);

	/** Polled between tiles and planes; true stops the run with no output. */
	boolean cancelled();
}
