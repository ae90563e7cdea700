package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** What a Fiji user reads when PyTorch cannot start, and the check that decides whether a download is coming. */
class TorchStartupTest {

	@Test
	void failureMessageSaysWhyAndTheThreeWaysOut() {
		String m = TorchStartup.failureMessage(new IllegalStateException("Offline mode is enabled.",
			new java.io.IOException("publish.djl.ai unreachable")), Paths.get("/home/me/.djl.ai/pytorch"));
		assertTrue(m.startsWith("Audio Style could not start PyTorch: Offline mode is enabled. (publish.djl.ai" +
			" unreachable)"), m);
		assertTrue(m.contains("into /home/me/.djl.ai/pytorch"), m);
		assertTrue(m.contains("pytorch-native-cpu-2.7.1-<platform>.jar"), m);
		assertTrue(m.contains("PYTORCH_LIBRARY_PATH") && m.contains("PYTORCH_FLAVOR=cpu"), m);
		assertTrue(m.contains("DJL_CACHE_DIR"), m);
	}

	@Test
	void bundledNativesMeanNoDownload() {
		// The tests have pytorch-native-cpu on the class path, as an offline Fiji install (-Daudiostyle.bundleNatives)
		// has in jars/.
		assertTrue(TorchStartup.localNativesPresent(Paths.get("/nonexistent-cache")));
	}
}
