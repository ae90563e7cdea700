package org.audiostyle.plugin.macro;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * What the tests that run plain ImageJ 1 under Xvfb share: xvfb-run (or the test is skipped with how to install it),
 * a fresh ImageJ folder outside JUnit's temp dir (JUnit warns about links out of it), removed afterwards, and the
 * java to start ImageJ with.
 */
final class XvfbImageJ {

	/** The body of such a test: the ImageJ folder and xvfb-run. */
	interface Body {
		void run(Path imagejFolder, Path xvfbRun) throws Exception;
	}

	private XvfbImageJ() {
	}

	static void inFreshFolder(String prefix, Body body) throws Exception {
		Path xvfbRun = onPath("xvfb-run");
		Assumptions.assumeTrue(xvfbRun != null,
			"xvfb-run not found: install it (Debian: apt-get install -y xvfb xauth) to run plain ImageJ under Xvfb");
		Path ij = Files.createTempDirectory(prefix);
		try {
			body.run(ij, xvfbRun);
		}
		finally {
			try (Stream<Path> all = Files.walk(ij)) {
				all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	static Path onPath(String exe) {
		for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path p = Paths.get(d, exe);
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}

	static String javaExe() {
		return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
	}
}
