package org.audiostyle.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

	/**
	 * Asking for a background start must not wait for a start under way: the start holds DjlRuntime's class monitor
	 * for all of libtorch's loading, and when startInBackground took that monitor too, the CLI's own call waited the
	 * whole start out before decoding the image. Here another thread holds the monitor (as a start does) until the
	 * call has returned; with the old locking the call would wait for it and the latch would time out.
	 */
	@Test
	void askingForABackgroundStartDoesNotWaitForAStartUnderWay() throws Exception {
		CountDownLatch holding = new CountDownLatch(1), returned = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			synchronized (DjlRuntime.class) {
				holding.countDown();
				try {
					returned.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		});
		holder.start();
		assertTrue(holding.await(30, TimeUnit.SECONDS));
		Thread caller = new Thread(() -> {
			DjlRuntime.startInBackground();
			returned.countDown();
		});
		caller.start();
		boolean ok = returned.await(30, TimeUnit.SECONDS);
		returned.countDown(); // lets the holder go in any case
		holder.join();
		caller.join();
		DjlRuntime.awaitBackgroundStart();
		assertTrue(ok, "startInBackground waited for the class monitor a start holds");
		assertTrue(DjlRuntime.engine() != null);
	}
}
