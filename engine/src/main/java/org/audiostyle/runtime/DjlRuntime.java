package org.audiostyle.runtime;

import java.util.concurrent.Callable;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The one place that touches DJL's engine start-up.
 *
 * <p>DJL finds its engine and bundled natives through the thread context class loader; inside Fiji's plugin class
 * loader that is the wrong loader and DJL reports "No deep learning engine found". Every engine call from outside
 * the engine therefore goes through {@link #call}, which swaps in the loader that loaded Audio Style.
 */
public final class DjlRuntime {

	/** Engine name DJL registers for PyTorch. */
	public static final String ENGINE = "PyTorch";

	private DjlRuntime() {}

	/** Runs {@code work} with the thread context class loader set to the engine's own loader. */
	public static <T> T call(Callable<T> work) throws Exception {
		Thread t = Thread.currentThread();
		ClassLoader before = t.getContextClassLoader();
		t.setContextClassLoader(DjlRuntime.class.getClassLoader());
		try {
			return work.call();
		}
		finally {
			t.setContextClassLoader(before);
		}
	}

	/** As {@link #call} for work that throws only unchecked exceptions. */
	public static <T> T run(java.util.function.Supplier<T> work) {
		try {
			return call(work::get);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The PyTorch engine, loaded on first use (a few seconds: libtorch is unpacked to DJL's cache once). Fails with a
	 * message saying where DJL looked and how to point it at a local copy.
	 */
	public static Engine engine() {
		NativeMemory.prepare();
		try {
			return call(() -> started ? Engine.getEngine(ENGINE) : start());
		}
		catch (RuntimeException e) {
			throw new EngineUnavailableException(e);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static volatile boolean started;

	/**
	 * The thread started by {@link #startInBackground}, if any. Guarded by its own lock, not the class's: {@link
	 * #start} holds the class's monitor for the whole of libtorch's start, and a caller that asks for a background
	 * start must not wait for it (it did, and the image was decoded only after libtorch had started).
	 */
	private static Thread background;
	private static final Object BACKGROUND_LOCK = new Object();

	/**
	 * Starts loading the engine on a daemon thread and returns at once, so that a caller's own work (decoding the
	 * image, reading and checking the model's files) runs while libtorch loads: its start-up is 0.6-0.8 s of a
	 * one-image run, mostly on one core (docs/end-to-end-speed.md). {@link #engine()} waits for it; a failure is
	 * reported there, as without this call.
	 *
	 * <p>While the engine starts, native stderr (fd 2) is pointed at /dev/null ({@link NativeLogs}), which swallows
	 * Java's {@code System.err} too: a caller that may print to stderr before it needs the engine calls {@link
	 * #awaitBackgroundStart} first (the CLI does so in its error handlers).
	 */
	public static void startInBackground() {
		synchronized (BACKGROUND_LOCK) {
			if (started || background != null) return;
			background = new Thread(() -> {
				try {
					engine();
				}
				catch (Throwable e) {
					// reported again, with its message, by the engine() call that needs the engine (an
					// OutOfMemoryError included: the thread that needs the engine reports it in its own words)
				}
			}, "libtorch start");
			background.setDaemon(true);
			background.start();
		}
	}

	/** Waits until a {@link #startInBackground} start has finished (at once when there is none). */
	public static void awaitBackgroundStart() {
		Thread t;
		synchronized (BACKGROUND_LOCK) {
			t = background;
		}
		if (t == null) return;
		try {
			t.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The first load, with libtorch's start-up messages kept off the terminal (see {@link NativeLogs}). */
	private static synchronized Engine start() throws Exception {
		Engine e = started ? Engine.getEngine(ENGINE) : NativeLogs.quietly(() -> Engine.getEngine(ENGINE));
		started = true;
		return e;
	}

	/** Chooses the device for a request and says why. */
	public static DeviceSelection select(DeviceChoice choice) {
		Engine engine = engine();
		int gpus = engine.getGpuCount();
		switch (choice) {
			case CPU:
				return new DeviceSelection(Device.cpu(), "CPU forced (--device cpu)");
			case GPU:
				if (gpus == 0) throw new IllegalStateException(
					"--device gpu was requested but DJL sees no CUDA GPU. The bundled PyTorch natives are CPU-only; " +
						"for a GPU install a CUDA build of libtorch " + engine.getVersion() + " and set " +
						"PYTORCH_LIBRARY_PATH and PYTORCH_FLAVOR=cu128 (see docs/gpu.md). Use --device auto or cpu.");
				return new DeviceSelection(Device.gpu(0), "GPU forced (--device gpu); " + gpus + " GPU(s) visible");
			default:
				if (gpus > 0) return new DeviceSelection(Device.gpu(0), gpus + " CUDA GPU(s) visible to DJL; using gpu(0)");
				return new DeviceSelection(Device.cpu(), "no CUDA GPU visible to DJL (CPU natives in use)");
		}
	}

	/** A chosen device and the reason it was chosen. */
	public static final class DeviceSelection {

		public final Device device;
		public final String reason;

		DeviceSelection(Device device, String reason) {
			this.device = device;
			this.reason = reason;
		}

		@Override
		public String toString() {
			return device + " (" + reason + ")";
		}
	}
}
