package org.audiostyle.plugin;

import ai.djl.util.Utils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Starts DJL's PyTorch engine before the first model is loaded, so that the user sees what is happening. In Fiji
 * the plugin does not ship libtorch: on first use DJL downloads the libraries for this computer (about 200 MB) into
 * its cache ({@code ~/.djl.ai/pytorch}, or {@code DJL_CACHE_DIR}); later starts take a second or two. When that
 * fails (offline, proxy, old C library) the error says how to provide a local copy instead.
 */
public final class TorchStartup {

	/** The libtorch version DJL 0.36 needs; a local copy must match it exactly. */
	public static final String TORCH_VERSION = "2.7.1";

	private static volatile String version;

	private TorchStartup() {}

	/** Loads the engine once per JVM, reporting to {@code status}; returns the PyTorch version. */
	public static synchronized String ensureLoaded(Consumer<String> status) throws AudioStyleException {
		if (version != null) return version;
		Path cache = cacheDir();
		if (localNativesPresent(cache)) status.accept("Audio Style: starting PyTorch...");
		else status.accept("Audio Style: downloading PyTorch " + TORCH_VERSION +
			" for this computer (first use only, about 200 MB) into " + cache + " ...");
		try {
			version = PluginLoader.call(() -> org.audiostyle.runtime.DjlRuntime.engine().getVersion());
		}
		catch (Exception | LinkageError e) {
			throw new AudioStyleException(failureMessage(e, cache), e);
		}
		status.accept("Audio Style: PyTorch " + version + " ready");
		return version;
	}

	/** Where DJL keeps (or will download) libtorch. */
	public static Path cacheDir() {
		try {
			return Utils.getEngineCacheDir("pytorch");
		}
		catch (RuntimeException e) {
			return new File(System.getProperty("user.home"), ".djl.ai/pytorch").toPath();
		}
	}

	/** True when DJL will not need the network: a libtorch path is set, bundled, or already downloaded. */
	static boolean localNativesPresent(Path cache) {
		if (Utils.getEnvOrSystemProperty("PYTORCH_LIBRARY_PATH") != null) return true;
		if (PluginLoader.class.getClassLoader().getResource("native/lib/pytorch.properties") != null) return true;
		if (!Files.isDirectory(cache)) return false;
		try (Stream<Path> dirs = Files.list(cache)) {
			return dirs.anyMatch(d -> d.getFileName().toString().startsWith(TORCH_VERSION) && Files.isDirectory(d));
		}
		catch (java.io.IOException e) {
			return false;
		}
	}

	/** What went wrong and the three ways to give DJL a local libtorch. */
	static String failureMessage(Throwable cause, Path cache) {
		String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root)
			root = root.getCause();
		if (root != cause && root.getMessage() != null) why += " (" + root.getMessage() + ")";
		return "Audio Style could not start PyTorch: " + why + "\n" +
			"On first use DJL downloads PyTorch " + TORCH_VERSION + " (about 200 MB) into " + cache +
			", which needs internet access. Without it, either:\n" +
			" - copy pytorch-native-cpu-" + TORCH_VERSION +
			"-<platform>.jar (Maven Central, ai.djl.pytorch) into Fiji.app/jars/, or\n" +
			" - set PYTORCH_LIBRARY_PATH to a libtorch " + TORCH_VERSION +
			" lib folder (e.g. pip's torch/lib) with PYTORCH_VERSION=" + TORCH_VERSION +
			" and PYTORCH_FLAVOR=cpu, or\n" +
			" - set DJL_CACHE_DIR to a folder holding a pytorch/ cache copied from a computer where it worked.\n" +
			"Then restart Fiji. See plugin/README.md in the Audio Style repository, section 'PyTorch in Fiji'.";
	}
}
