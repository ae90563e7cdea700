package org.audiostyle.audio;

import java.io.IOException;

/**
 * Runs JavaSound calls with the thread context class loader set to the engine's own loader. JavaSound finds its
 * service providers (the MP3/OGG/FLAC readers and converters) through the context loader; inside Fiji a command runs
 * with a plugin class loader that may not see the engine's dependencies, and then MP3 files silently become
 * "unsupported".
 */
final class EngineClassLoader {

	/** A piece of JavaSound work. */
	interface IoWork<T> {

		T run() throws IOException;
	}

	private EngineClassLoader() {}

	static <T> T call(IoWork<T> work) throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(EngineClassLoader.class.getClassLoader());
		try {
			return work.run();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
