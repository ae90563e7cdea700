package org.audiostyle.hostile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line in a separate JVM on the test class path, for what an in-process run cannot show: signals,
 * concurrent processes, a heap limit, a native crash. Output goes to files in the working folder; a JVM crash
 * report (hs_err) would land there too.
 */
public final class ChildJvm {

	public final Process process;
	final Path dir, log;

	private ChildJvm(Process process, Path dir, Path log) {
		this.process = process;
		this.dir = dir;
		this.log = log;
	}

	/** Starts {@code audiostyle ARGS} with the given heap limit, in {@code dir}, output to {@code dir/NAME.log}. */
	public static ChildJvm start(Path dir, String name, String maxHeap, String... args) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-Xmx" + maxHeap);
		cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err_" + name + "_%p.log"));
		cmd.add("-Djava.awt.headless=true");
		cmd.add("-Dai.djl.offline=true");
		cmd.add("-Dai.djl.pytorch.num_threads=1");
		cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
		cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add("org.audiostyle.cli.AudioStyleCli");
		cmd.addAll(List.of(args));
		Path log = dir.resolve(name + ".log");
		Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log
			.toFile()).start();
		return new ChildJvm(p, dir, log);
	}

	public int waitFor() throws InterruptedException {
		return process.waitFor();
	}

	public String output() throws IOException {
		return Files.readString(log);
	}

	/** Crash reports a JVM writes when it dies of a native fault (SIGSEGV in libtorch, ...). */
	public List<String> crashReports() {
		List<String> r = new ArrayList<>();
		File[] files = dir.toFile().listFiles((d, n) -> n.startsWith("hs_err"));
		if (files != null) for (File f : files)
			r.add(f.getName());
		return r;
	}
}
