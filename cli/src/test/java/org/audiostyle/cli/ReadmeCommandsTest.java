package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The README's commands run as printed. Every line of a fenced block in README.md is either run here, in-process
 * through the CLI entry point with the bundled model (its files: test-images/, sample-sounds/; outputs redirected into
 * a temporary folder), or is a template with {@code <placeholders>}; the first block holds exactly the two commands
 * .ci/run and new users rely on. A README that drifts from the code fails this test.
 */
class ReadmeCommandsTest {

	static final Path README = CliTest.ROOT.resolve("README.md");
	static final List<String> FIRST_BLOCK = List.of(
		"./audiostyle stylize --image test-images/meadow.png --sound sample-sounds/rain.wav --out meadow-rain.png",
		"mvn -B test");
	/** Folders of the clone a runnable command may read from. */
	private static final Pattern BUNDLED = Pattern.compile("(^|[+=])((?:test-images|sample-sounds)/)");
	private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\\s][^<>]*>");

	@TempDir
	Path out;

	@Test
	void everyReadmeCommandRunsAsPrintedOrIsATemplate() throws Exception {
		List<List<String>> blocks = fencedBlocks(Files.readString(README));
		assertFalse(blocks.isEmpty(), "no fenced blocks in " + README);
		assertEquals(FIRST_BLOCK, blocks.get(0), "the README's first two commands (.ci/run runs the second)");
		int ran = 0;
		List<String> failures = new ArrayList<>();
		for (List<String> block : blocks)
			for (String line : block) {
				if (line.startsWith("#") || PLACEHOLDER.matcher(line).find() || line.equals("mvn -B test")) continue;
				if (!line.startsWith("./audiostyle ")) {
					failures.add("not runnable here and not a template (mark placeholders as <like-this>): " + line);
					continue;
				}
				String problem = run(line, out.resolve("run" + ran++));
				if (problem != null) failures.add(problem);
			}
		assertTrue(failures.isEmpty(), String.join("\n", failures));
		assertTrue(ran >= 4, "expected the README's runnable commands, found " + ran);
	}

	/** The harness itself fails on a command that does not run: a wrong option, and a missing bundled file. */
	@Test
	void aCommandThatDriftedFails() {
		String bad = run("./audiostyle stylize --image test-images/meadow.png --sound sample-sounds/rain.wav " +
			"--volume 0.5 --out x.png", out.resolve("bad1"));
		assertTrue(bad != null && bad.contains("--volume"), bad);
		String missing = run("./audiostyle stylize --image test-images/no-such.png --sound sample-sounds/rain.wav " +
			"--out x.png", out.resolve("bad2"));
		assertTrue(missing != null && missing.contains("no-such.png"), missing);
		assertEquals(List.of(List.of("./audiostyle a \"b c\" d", "x")), fencedBlocks("text\n```\n./audiostyle a \\\n" +
			"  \"b c\" d   # comment\nx\n```\n"));
	}

	/**
	 * Runs one README line in-process: paths into the clone become absolute, {@code --out} goes into {@code dir}.
	 * Returns null on success, else what went wrong with the line and what the command printed.
	 */
	static String run(String line, Path dir) {
		List<String> args = words(line);
		args.remove(0); // ./audiostyle
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			Matcher m = BUNDLED.matcher(args.get(i));
			args.set(i, m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + CliTest.ROOT.resolve(r.group(2)) +
				"/")));
			if (i > 0 && args.get(i - 1).equals("--out")) {
				Path o = dir.resolve(args.get(i));
				outputs.add(o);
				args.set(i, o.toString());
			}
		}
		StringWriter err = new StringWriter();
		int code;
		try {
			Files.createDirectories(dir);
			CommandLine cl = AudioStyleCli.commandLine();
			cl.setErr(new PrintWriter(err, true));
			code = cl.execute(args.toArray(new String[0]));
		}
		catch (Exception e) {
			return "README: " + line + "\n  threw " + e;
		}
		if (code != 0) return "README: " + line + "\n  exit code " + code + ": " + err.toString().strip();
		for (Path o : outputs)
			if (!Files.exists(o)) return "README: " + line + "\n  wrote no " + o;
		return null;
	}

	/** The lines of each ``` block, with backslash continuations joined and trailing comments removed. */
	static List<List<String>> fencedBlocks(String markdown) {
		List<List<String>> blocks = new ArrayList<>();
		List<String> current = null;
		StringBuilder pending = new StringBuilder();
		for (String raw : markdown.split("\r?\n")) {
			if (raw.startsWith("```")) {
				if (current == null) current = new ArrayList<>();
				else {
					blocks.add(current);
					current = null;
				}
				continue;
			}
			if (current == null) continue;
			String l = raw.strip();
			if (l.endsWith("\\")) {
				pending.append(l, 0, l.length() - 1).append(' ');
				continue;
			}
			l = (pending + l).strip();
			pending.setLength(0);
			if (l.isEmpty()) continue;
			if (!l.startsWith("#")) l = withoutComment(l);
			current.add(l.replaceAll("\\s+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", " "));
		}
		return blocks;
	}

	/** A line without its trailing {@code # comment} (a # outside quotes, after a space). */
	private static String withoutComment(String l) {
		boolean quoted = false;
		for (int i = 0; i < l.length(); i++) {
			char c = l.charAt(i);
			if (c == '"') quoted = !quoted;
			else if (c == '#' && !quoted && i > 0 && Character.isWhitespace(l.charAt(i - 1)))
				return l.substring(0, i).strip();
		}
		return l;
	}

	/** Shell words: split on spaces, double or single quotes group and are removed. */
	static List<String> words(String line) {
		List<String> w = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		char quote = 0;
		boolean inWord = false;
		for (char c : line.toCharArray()) {
			if (quote != 0) {
				if (c == quote) quote = 0;
				else cur.append(c);
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) w.add(cur.toString());
				cur.setLength(0);
				inWord = false;
			}
			else {
				cur.append(c);
				inWord = true;
			}
		}
		if (inWord) w.add(cur.toString());
		return w;
	}
}
