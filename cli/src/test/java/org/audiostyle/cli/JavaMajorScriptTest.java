package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JDK version lookup (src/main/sh/java-major.sh), run by bash on fake JDK folders: the release file's
 * spellings, a java reached through a link, the answer kept for the same java and read again for another.
 */
class JavaMajorScriptTest {

	private static final Path SCRIPT = Path.of("src/main/sh/java-major.sh").toAbsolutePath();

	@TempDir
	Path dir;

	private Path jdk(String name, String release) throws IOException {
		Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
		Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
		java.toFile().setExecutable(true);
		if (release != null) Files.writeString(dir.resolve(name).resolve("release"), release);
		return java;
	}

	private String major(Path java, Path cache) throws Exception {
		Process p = new ProcessBuilder("bash", "-c", "source \"$0\"; java_major \"$1\" \"$2\"; echo \"$JAVA_MAJOR\"",
			SCRIPT.toString(), java.toString(), cache.toString()).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		p.waitFor(20, TimeUnit.SECONDS);
		assertEquals(0, p.exitValue(), out);
		return out;
	}

	@Test
	void readsTheReleaseFilesSpellings() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
		assertEquals("25", major(jdk("a", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n"), dir.resolve(
			"c1")));
		assertEquals("17", major(jdk("b", "JAVA_VERSION=\"17.0.15\"\nJAVA_RUNTIME_VERSION=\"17.0.15+6\"\n"), dir
			.resolve("c2")));
		assertEquals("8", major(jdk("c", "JAVA_VERSION=\"1.8.0_392\"\n"), dir.resolve("c3")));
		assertEquals("21", major(jdk("d", "JAVA_VERSION=\"21\"\n"), dir.resolve("c4")));
		assertEquals("26", major(jdk("e", "JAVA_VERSION=\"26-ea\"\n"), dir.resolve("c5")));
		assertEquals("0", major(jdk("f", null), dir.resolve("c6")), "no release file: unknown");
		assertEquals("0", major(jdk("g", "JAVA_VERSION=\"\"\n"), dir.resolve("c7")), "empty version: unknown");
	}

	/** The answer is kept for the java it was read for, and read again once the link names another JDK. */
	@Test
	void keepsTheAnswerForTheSameJavaOnly() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
		Path java25 = jdk("jdk25", "JAVA_VERSION=\"25.0.3\"\n");
		Path java17 = jdk("jdk17", "JAVA_VERSION=\"17.0.15\"\n");
		Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("usr-bin")).resolve("java"), java25);
		Path cache = dir.resolve("java-version");
		assertEquals("25", major(link, cache));
		assertEquals(java25.toRealPath() + "\n25\n", Files.readString(cache));
		// the same java: the kept answer, without reading the release file again
		Files.writeString(dir.resolve("jdk25/release"), "JAVA_VERSION=\"99\"\n");
		assertEquals("25", major(link, cache));
		// the link now names another JDK: read again
		Files.delete(link);
		Files.createSymbolicLink(link, java17);
		assertEquals("17", major(link, cache));
		assertEquals(java17.toRealPath() + "\n17\n", Files.readString(cache));
	}
}
