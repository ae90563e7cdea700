package org.audiostyle.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

	/**
	 * Runs the batch macro in ImageJ under xvfb-run ({@code launch}: the java arguments that start ImageJ, e.g. "-jar
	 * ij.jar" or "-cp ... ij.ImageJ"), with a separate user.home but DJL's shared cache (libtorch unpacked once);
	 * never waits more than 180 s (a macro error opens a modal dialog nobody can close under Xvfb). Asserts that it
	 * finished with exit code 0 and returns its output.
	 */
	static String runBatchMacro(Path xvfbRun, Path ij, Path home, Path macro, String args, Path log,
		List<String> launch) throws Exception
	{
		List<String> cmd = new ArrayList<>(List.of(xvfbRun.toString(), "-a", javaExe(), "-Xmx2g",
			"-Dai.djl.offline=true", "-Duser.home=" + home));
		cmd.addAll(launch);
		cmd.addAll(List.of("-ijpath", ij.toString(), "-batch", macro.toString(), args));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().putIfAbsent("DJL_CACHE_DIR", Paths.get(System.getProperty("user.home"), ".djl.ai")
			.toString());
		pb.redirectOutput(log.toFile());
		Process p = pb.start();
		boolean finished = p.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertTrue(finished, "ImageJ did not finish within 180 s (a macro error dialog?):\n" + output);
		assertEquals(0, p.exitValue(), output);
		return output;
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
