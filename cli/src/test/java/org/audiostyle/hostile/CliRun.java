package org.audiostyle.hostile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.audiostyle.cli.AudioStyleCli;

import picocli.CommandLine;

/**
 * One in-process run of the command line, as a user would see it: exit code, everything printed (picocli's writers
 * and System.out/err, which commands also use), and the bytes the running thread allocated on the heap, a
 * deterministic measure of how much memory an input made the program take.
 */
final class CliRun {

	final String[] args;
	final int exitCode;
	final String terminal;
	final long allocatedBytes;

	private CliRun(String[] args, int exitCode, String terminal, long allocatedBytes) {
		this.args = args;
		this.exitCode = exitCode;
		this.terminal = terminal;
		this.allocatedBytes = allocatedBytes;
	}

	static synchronized CliRun of(String... args) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		StringWriter picocli = new StringWriter();
		ByteArrayOutputStream system = new ByteArrayOutputStream();
		PrintStream out = System.out, err = System.err;
		PrintStream capture = new PrintStream(system, true, StandardCharsets.UTF_8);
		int code;
		long before = threads.getThreadAllocatedBytes(thread);
		System.setOut(capture);
		System.setErr(capture);
		try {
			CommandLine cl = AudioStyleCli.commandLine();
			cl.setOut(new PrintWriter(picocli, true));
			cl.setErr(new PrintWriter(picocli, true));
			code = cl.execute(args);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		return new CliRun(args, code, picocli + system.toString(StandardCharsets.UTF_8), allocated);
	}

	/** The non-blank lines printed, progress-bar redraws (carriage returns) reduced to their last state. */
	List<String> lines() {
		return Arrays.stream(terminal.split("\n")).map(l -> l.substring(l.lastIndexOf('\r') + 1)).filter(l -> !l
			.isBlank()).collect(Collectors.toList());
	}

	@Override
	public String toString() {
		return "audiostyle " + String.join(" ", args) + "\n  exit " + exitCode + ", allocated " + allocatedBytes /
			(1 << 20) + " MB\n  printed: " + terminal.replace("\n", "\n  | ");
	}
}
