package org.audiostyle.runtime;

/** PyTorch could not be started through DJL; the message says where to look and what to do. */
public class EngineUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	EngineUnavailableException(Throwable cause) {
		super("Could not start the PyTorch engine (DJL " + djlVersion() + "): " + cause.getMessage() + "\n" +
			"DJL unpacks libtorch into " + cacheDir() + " on first use. Bundled CPU natives need the jar " +
			"pytorch-native-cpu (linux-x86_64) on the class path; without it DJL downloads libtorch once, which " +
			"fails offline. To use a local copy set PYTORCH_LIBRARY_PATH to a folder holding libtorch " +
			"2.7.1 (and PYTORCH_FLAVOR=cpu), or DJL_CACHE_DIR to a pre-filled DJL cache.", cause);
	}

	static String djlVersion() {
		try {
			return ai.djl.engine.Engine.getDjlVersion();
		}
		catch (Throwable t) {
			return "?";
		}
	}

	static String cacheDir() {
		String dir = System.getenv("DJL_CACHE_DIR");
		if (dir == null) dir = System.getProperty("DJL_CACHE_DIR");
		return dir != null ? dir : System.getProperty("user.home") + "/.djl.ai";
	}
}
