package org.audiostyle.spark;

import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.RowResult;
import org.audiostyle.batch.RowRunner;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Stylizer;

/**
 * The one model and one Stylizer of this JVM (an executor, or the driver in local mode), made on first use and kept
 * for every later task: loading a model and starting libtorch takes seconds, a row a fraction of that. A Stylizer is
 * thread-confined and an executor runs several tasks at once, so rows run one at a time through {@link #run};
 * libtorch's own threads keep the cores busy (see docs/scale-out.md on executor cores).
 */
final class ExecutorStylizer {

	/** Guarded by the class lock. */
	private static ExecutorStylizer current;

	private final String key;
	private final StyleModel model;
	private final Stylizer stylizer;
	private final RowRunner runner;
	final String modelId, device;

	private ExecutorStylizer(JobSettings s) throws ModelException {
		this.key = s.key();
		this.model = s.loadModel();
		try {
			this.stylizer = new Stylizer(model, s.deviceChoice());
		}
		catch (RuntimeException e) {
			model.close();
			throw e;
		}
		this.runner = new RowRunner(stylizer, s.stylizeSettings(), s.audioWindow(), s.existing);
		this.modelId = model.id();
		this.device = stylizer.device();
	}

	/** This JVM's instance for {@code s}; a job with other settings (a second job in a long-lived JVM) replaces it. */
	static synchronized ExecutorStylizer get(JobSettings s) throws ModelException {
		if (current != null && current.key.equals(s.key())) return current;
		if (current != null) current.close();
		current = null;
		current = new ExecutorStylizer(s);
		return current;
	}

	synchronized RowResult run(BatchRow row) {
		return runner.run(row);
	}

	private synchronized void close() {
		stylizer.close();
		model.close();
	}
}
