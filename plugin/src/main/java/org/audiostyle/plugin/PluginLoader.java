package org.audiostyle.plugin;

import java.util.concurrent.Callable;

/**
 * Runs engine calls with the plugin's class loader as the thread's context class loader. DJL finds its engine
 * (ServiceLoader) and libtorch's native jar (resources) through the context loader, and javax.sound finds the MP3,
 * Ogg and FLAC decoders the same way; in Fiji, the thread that runs a command or a macro may have a loader that
 * cannot see the plugin's jars.
 */
public final class PluginLoader {

	private PluginLoader() {}

	/** A call that may throw any exception (engine calls throw IOException, ModelException...). */
	@FunctionalInterface
	public interface Call<T> {

		T call() throws Exception;
	}

	public static <T> T call(Call<T> call) throws Exception {
		Thread t = Thread.currentThread();
		ClassLoader old = t.getContextClassLoader();
		t.setContextClassLoader(PluginLoader.class.getClassLoader());
		try {
			return call.call();
		}
		finally {
			t.setContextClassLoader(old);
		}
	}

	/** As {@link #call(Call)} for calls without checked exceptions. */
	public static <T> T get(Callable<T> call) {
		try {
			return call(call::call);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
