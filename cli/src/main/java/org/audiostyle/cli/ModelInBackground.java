package org.audiostyle.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;

/**
 * A model loading on a thread of its own while the caller decodes the image and the sounds. On two cores the
 * one-image path was: libtorch starting on one core and the image decoding on the other, then the model loading
 * (reading, hashing, building, 0.3 s) with the second core idle; loaded here it overlaps the decoding instead.
 *
 * <p>{@link #get} gives the model or throws what loading threw, as loading on the caller's thread would; {@link
 * #close} closes a model nobody took (the caller failed first), after waiting for its load to end, so nothing native
 * is left behind.
 */
final class ModelInBackground implements AutoCloseable {

	/** The load itself: {@link EngineOptions#loadModel} or the like. */
	interface Load {

		StyleModel load() throws ModelException;
	}

	private final FutureTask<StyleModel> task;
	private boolean taken;

	ModelInBackground(Load load) {
		task = new FutureTask<>(load::load);
		Thread t = new Thread(task, "model load");
		t.setDaemon(true);
		t.start();
	}

	/** The loaded model, waiting for it; the caller closes it. */
	StyleModel get() throws ModelException {
		taken = true;
		try {
			return task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the model was loading", e);
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof ModelException) throw (ModelException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}

	/** Closes the model if {@link #get} was never called and the load succeeded. */
	@Override
	public void close() {
		if (taken) return;
		taken = true;
		try {
			task.get().close();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException e) {
			// the load failed: nothing to close, and the caller's own failure is the one to report
		}
	}
}
