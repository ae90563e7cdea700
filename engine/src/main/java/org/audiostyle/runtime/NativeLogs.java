package org.audiostyle.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Keeps libtorch's own messages off the terminal unless asked for ({@code -Daudiostyle.verbose=true}, the CLI's
 * {@code --verbose}).
 *
 * <p>libtorch (c10) writes warnings straight to the process's file descriptor 2, bypassing Java: a deprecation notice
 * while DJL's JNI library initialises, and one "Could not initialize NNPACK" line per thread on CPUs NNPACK does not
 * support. c10 reads {@code TORCH_CPP_LOG_LEVEL} only from {@code c10::initLogging()}, which libtorch itself never
 * calls (Python's torch does), so an environment variable does not help. Instead: (1) during engine start-up, fd 2
 * is pointed at /dev/null (through JNA, which DJL already ships) and restored afterwards; (2) once libc10 is loaded,
 * its log threshold {@code FLAGS_caffe2_log_level} is raised to ERROR, which silences every later warning (NNPACK at
 * the first convolution) while errors still print. Both steps work in a JVM that is already running (Fiji). Where a
 * step is not possible (no /proc, symbol missing) it is skipped: the messages then show, nothing else changes.
 */
final class NativeLogs {

	/** c10's severity levels: 0 INFO, 1 WARNING, 2 ERROR, 3 FATAL. */
	private static final int C10_ERROR = 2;

	private NativeLogs() {}

	static boolean verbose() {
		return Boolean.getBoolean("audiostyle.verbose");
	}

	/** Runs {@code start} (the engine's first load) with native stderr silenced, then raises c10's log threshold. */
	static <T> T quietly(Callable<T> start) throws Exception {
		if (verbose() || !(Platform.isLinux() || Platform.isMac())) return start.call();
		int saved = -1;
		LibC libc = null;
		try {
			libc = LibC.get();
			saved = silenceStderr(libc);
		}
		catch (Throwable t) {
			// no JNA or no libc: run unchanged
		}
		try {
			return start.call();
		}
		finally {
			if (saved >= 0) {
				libc.dup2(saved, 2);
				libc.close(saved);
			}
			raiseC10LogLevel();
		}
	}

	/** Points fd 2 at /dev/null; returns a duplicate of the old fd 2 to restore, or -1 if nothing was changed. */
	private static int silenceStderr(LibC libc) {
		System.err.flush();
		int devNull = libc.open("/dev/null", 1 /* O_WRONLY */);
		if (devNull < 0) return -1;
		int saved = libc.dup(2);
		if (saved >= 0 && libc.dup2(devNull, 2) < 0) {
			libc.close(saved);
			saved = -1;
		}
		libc.close(devNull);
		return saved;
	}

	/** Sets libc10's {@code FLAGS_caffe2_log_level} to ERROR, found through the loaded library's path. */
	private static void raiseC10LogLevel() {
		try {
			String path = loadedLibraryPath("libc10.");
			if (path == null) return;
			Pointer flag = NativeLibrary.getInstance(path).getGlobalVariableAddress("FLAGS_caffe2_log_level");
			if (flag.getInt(0) < C10_ERROR) flag.setInt(0, C10_ERROR);
		}
		catch (Throwable t) {
			// symbol or library not found (another libtorch build): its warnings will show
		}
	}

	/** The file of a shared library already mapped into this process, from /proc/self/maps (Linux). */
	private static String loadedLibraryPath(String namePrefix) throws IOException {
		if (!Files.isReadable(Paths.get("/proc/self/maps"))) return null;
		try (Stream<String> lines = Files.lines(Paths.get("/proc/self/maps"))) {
			return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1)).filter(p -> p.startsWith("/") && Paths.get(p)
				.getFileName().toString().startsWith(namePrefix)).findFirst().orElse(null);
		}
	}
}
