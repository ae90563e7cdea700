package org.audiostyle.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Something closeable made on a thread of its own while the caller does other work: the CLI loads the model (and
 * readies its stylizer) while the image and the sounds decode. On two cores the one-image path was libtorch starting
 * on one core and the image decoding on the other, then the model loading (reading, hashing, building, 0.3 s) with
 * the second core idle; made here it overlaps the decoding instead.
 *
 * <p>{@link #get} gives the result or throws what making it threw, as making it on the caller's thread would;
 * {@link #close} closes a result nobody took (the caller failed first), after waiting for it, so nothing native is
 * left behind.
 */
final class InBackground<T extends AutoCloseable> implements AutoCloseable {

	private final FutureTask<T> task;
	private final String name;
	private boolean taken;

	/** Starts {@code make} on a daemon thread called {@code name} (also named if the wait is interrupted). */
	InBackground(String name, Callable<T> make) {
		this.name = name;
		task = new FutureTask<>(make);
		Thread t = new Thread(task, name);
		t.setDaemon(true);
		t.start();
	}

	/** The result, waiting for it; the caller closes it. */
	T get() throws Exception {
		taken = true;
		try {
			return task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the " + name, e);
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof Exception) throw (Exception) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}

	/** Closes the result if {@link #get} was never called and making it succeeded. */
	@Override
	public void close() throws Exception {
		if (taken) return;
		taken = true;
		try {
			task.get().close();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException e) {
			// making it failed: nothing to close, and the caller's own failure is the one to report
		}
	}
}
