package org.audiostyle.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * One hostile (or merely odd) input and what a demanding user expects of it: the exit code, words the message must
 * hold (the file or option, and the fix), and for successes the outputs written. Whatever the outcome, the run must
 * print no stack trace, change no file other than its outputs, leave no temporary file, and allocate a bounded
 * amount of memory.
 */
final class HostileCase {

	/** Most heap one run may allocate on its thread; a tiny-model stylize needs tens of MB. */
	static final long ALLOCATION_LIMIT = 256L << 20;

	private static final Pattern STACK_LINE = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)$|^Caused by: |Exception in " +
		"thread|^\\s*\\.\\.\\. \\d+ more$");

	final String group, name;
	final String[] args;
	int exitCode;
	final List<String> mentions = new ArrayList<>();
	/** Outputs that must appear (paths relative to the suite's folder), with their expected width and height. */
	final Map<String, int[]> outputs = new LinkedHashMap<>();
	/** Other files that must appear: a batch's report CSV. */
	final List<String> reports = new ArrayList<>();

	private HostileCase(String group, String name, String[] args) {
		this.group = group;
		this.name = name;
		this.args = args;
	}

	static HostileCase of(String group, String name, String... args) {
		return new HostileCase(group, name, args);
	}

	/** Fails with {@code code}, printing one "error:" line holding every one of {@code words}. */
	HostileCase fails(int code, String... words) {
		exitCode = code;
		mentions.addAll(List.of(words));
		return this;
	}

	/** Succeeds and writes {@code output} (relative to the suite's folder) of {@code w}×{@code h} pixels. */
	HostileCase writes(String output, int w, int h) {
		if (exitCode != 3) exitCode = 0; // a batch's good rows are written while others fail
		outputs.put(output, new int[] { w, h });
		return this;
	}

	/** Also writes the report CSV {@code file} (relative to the suite's folder), naming every row's outcome. */
	HostileCase reports(String file) {
		reports.add(file);
		return this;
	}

	/** A batch where some rows fail (exit code 3): each of {@code words} is in the report. */
	HostileCase someRowsFail(String... words) {
		exitCode = 3;
		mentions.addAll(List.of(words));
		return this;
	}

	void check(CliRun run, FolderState before, FolderState after) throws IOException {
		assertEquals(exitCode, run.exitCode, () -> "exit code\n" + run);
		List<String> lines = run.lines();
		for (String l : lines)
			if (STACK_LINE.matcher(l).find()) fail("stack trace printed\n" + run);
		if (exitCode == 1 || exitCode == 2) {
			assertEquals(1, lines.size(), () -> "one line, the error\n" + run);
			assertTrue(lines.get(0).startsWith("error: "), () -> "starts with 'error: '\n" + run);
		}
		for (String w : mentions)
			assertTrue(run.terminal.contains(w), () -> "the message names '" + w + "'\n" + run);
		if (exitCode == 0) assertTrue(lines.get(lines.size() - 1).matches("^(wrote|batch:) .*"),
			() -> "ends with one line per result\n" + run);
		List<String> expected = new ArrayList<>();
		for (String o : outputs.keySet())
			expected.add("+" + o);
		for (String r : reports)
			expected.add("+" + r);
		java.util.Collections.sort(expected);
		List<String> changes = new ArrayList<>(after.changesSince(before));
		List<String> made = new ArrayList<>(outputs.keySet());
		made.addAll(reports);
		changes.removeIf(c -> c.startsWith("+") && isFolderOf(c.substring(1), made));
		java.util.Collections.sort(changes);
		assertEquals(expected, changes, () -> "files added (+), changed (*) or removed (-)\n" + run);
		for (Map.Entry<String, int[]> o : outputs.entrySet()) {
			BufferedImage img = ImageIO.read(after.root().resolve(o.getKey()).toFile());
			assertNotNull(img, o.getKey() + " is a readable PNG");
			assertEquals(o.getValue()[0], img.getWidth(), o.getKey() + " width");
			assertEquals(o.getValue()[1], img.getHeight(), o.getKey() + " height");
		}
		assertTrue(run.allocatedBytes < ALLOCATION_LIMIT, () -> "bounded memory\n" + run);
	}

	/** Whether {@code path} is a folder above one of the outputs (created to hold it). */
	private static boolean isFolderOf(String path, Iterable<String> outputs) {
		for (String o : outputs)
			if (Path.of(o).startsWith(Path.of(path)) && !o.equals(path)) return true;
		return false;
	}

	@Override
	public String toString() {
		return group + ": " + name;
	}
}
