package org.audiostyle.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop training at the next step boundary, and the answer that it has stopped.
 *
 * <p>SIGTERM and Ctrl-C run the JVM's shutdown hooks and then halt it; a training thread still inside libtorch at
 * that moment can crash the process (SIGSEGV) and leave its last steps unsaved. So the hook only {@link #request}s a
 * stop and {@link #awaitStopped waits}; the training loop finishes its step, writes a checkpoint, closes its native
 * resources and then reports {@link #stopped}.
 */
public class StopSignal {

	private volatile boolean requested;
	private final CountDownLatch stopped = new CountDownLatch(1);

	/** Asks the loop to stop after the step in progress. */
	public void request() {
		requested = true;
	}

	/** Polled once before each step. */
	public boolean requested() {
		return requested;
	}

	/** Called once the loop has returned and everything native is closed (also after a failure). */
	public void stopped() {
		stopped.countDown();
	}

	/** Waits for {@link #stopped}; false if it did not come within the time. */
	public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
		return stopped.await(timeout, unit);
	}
}
