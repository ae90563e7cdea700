package org.audiostyle.cli;

import java.nio.file.NoSuchFileException;
import java.util.function.Supplier;

import org.audiostyle.model.ModelException;
import org.audiostyle.runtime.DjlRuntime;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Turns exceptions into one readable line and an exit code (1 = failed, 2 = bad input). */
final class CliErrors {

	static final int FAILED = 1;
	static final int BAD_INPUT = 2;
	static final int SOME_ROWS_FAILED = 3;

	private CliErrors() {}

	static String describe(Throwable t) {
		if (t instanceof NoSuchFileException) {
			String what = ((NoSuchFileException) t).getReason();
			return "file not found: " + ((NoSuchFileException) t).getFile() + (what == null || what.contains("not " +
				"found") ? "" : " (" + what + ")") + "; check the path.";
		}
		String msg = t.getMessage();
		if (msg == null || msg.isBlank()) msg = t.getClass().getSimpleName();
		Throwable c = t.getCause();
		if (t instanceof IllegalStateException && c != null && c.getMessage() != null && msg.contains(c.getClass()
			.getName())) msg = c.getMessage();
		return msg;
	}

	/**
	 * Runs an engine check or parse for one option; its complaint becomes a usage error that starts with the option's
	 * name, so the user knows which flag to fix.
	 */
	static <T> T forOption(CommandSpec spec, String option, Supplier<T> check) {
		try {
			return check.get();
		}
		catch (IllegalArgumentException e) {
			throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
		}
	}

	/** Usage errors (picocli's and {@link #forOption}'s) as one line with the way to the verb's help; exit code 2. */
	static int usageError(ParameterException ex, String[] args) {
		DjlRuntime.awaitBackgroundStart(); // stderr is silenced while libtorch starts (AudioStyleCli.main)
		CommandLine cl = ex.getCommandLine();
		String verb = cl.getCommandSpec().qualifiedName(" ");
		cl.getErr().println("error: " + ex.getMessage() + (ex.getMessage().endsWith(".") ? "" : ".") + " See '" + verb +
			" --help'.");
		return BAD_INPUT;
	}

	/** What to say when the Java heap ran out: not the user's input, but something they can change. */
	static String outOfMemory() {
		long mb = Runtime.getRuntime().maxMemory() >> 20;
		return "out of memory: this run needs more than the " + mb + " MB the Java heap may use. Allow more with " +
			"AUDIOSTYLE_JAVA_OPTS=-Xmx16g (the launcher's default is -Xmx8g), or lower --work-size or --tile.";
	}

	static int exitCode(Throwable t) {
		if (t instanceof IllegalArgumentException || t instanceof ModelException || t instanceof java.io.IOException)
			return BAD_INPUT;
		return FAILED;
	}
}
