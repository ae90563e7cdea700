package org.audiostyle.cli;

import org.audiostyle.runtime.DjlRuntime;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code audiostyle}: the command line. One verb per job; every verb calls the same engine API as the Fiji commands.
 */
@Command(name = "audiostyle", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
	description = "Restyle images to match a sound (Learning Visual Styles from Audio-Visual Associations).")
public final class AudioStyleCli implements Runnable {

	/** Every verb, in the order the help lists them. */
	private static final Class<?>[] VERBS = { StylizeCommand.class, BatchCommand.class, InfoCommand.class,
		InitModelCommand.class, ImportCommand.class, CheckPrecisionCommand.class, BenchCommand.class, TrainCommand.class,
		ExportCommand.class, EvaluateCommand.class, SheetCommand.class, RecogniseCommand.class, JudgeCommand.class,
		ProbeCommand.class, RememberCommand.class };

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** Inherited by every verb; set before any engine or logger starts, both read it once. */
	@CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
		description = "Show the native libraries' own messages (libtorch warnings) and informational log lines.")
	void verbose(boolean on) {
		if (on) verboseOn();
	}

	private static void verboseOn() {
		System.setProperty("audiostyle.verbose", "true");
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
	}

	@Override
	public void run() {
		spec.commandLine().usage(System.err);
	}

	/** Builds the command line with the project's error handling: one clear line per failure, no stack traces. */
	public static CommandLine commandLine() {
		return commandLine((Class<?>) null);
	}

	/**
	 * As {@link #commandLine()}, with only the verb {@code only} when it is known ({@link #verbOf}: no top-level help
	 * or version asked for): picocli reads the options of every verb it is given from their annotations, which took
	 * about 0.3 s of a one-image run for all fifteen. Null (no verb, an unknown one, help) gets every verb.
	 */
	static CommandLine commandLine(Class<?> only) {
		CommandLine cl = new CommandLine(new AudioStyleCli());
		for (Class<?> verb : VERBS)
			if (only == null || verb == only) cl.addSubcommand(verb);
		cl.addSubcommand(CommandLine.HelpCommand.class);
		cl.setParameterExceptionHandler(CliErrors::usageError);
		cl.setExecutionExceptionHandler((ex, line, parsed) -> {
			// a verb that started libtorch in the background: stderr is silenced until that start has finished
			DjlRuntime.awaitBackgroundStart();
			line.getErr().println("error: " + CliErrors.describe(ex));
			if (Boolean.getBoolean("audiostyle.debug")) ex.printStackTrace(line.getErr());
			return CliErrors.exitCode(ex);
		});
		return cl;
	}

	/** The verb class {@code args} name as their first word that is not an option; null if none or help asked for. */
	private static Class<?> verbOf(String[] args) {
		for (String a : args) {
			if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return null;
			if (a.startsWith("-")) continue;
			for (Class<?> verb : VERBS)
				if (verb.getAnnotation(Command.class).name().equals(a)) return verb;
			return null;
		}
		return null;
	}

	/**
	 * Starts loading libtorch in the background for {@code stylize} and {@code batch} (verbs that always load the model
	 * and have a user waiting for one image), before the command line is even built, so that the engine's 0.6-0.8 s
	 * start overlaps picocli's work. {@code --verbose} is honoured here as its option does later (the start reads
	 * it). Help and version requests start nothing.
	 */
	private static void startEngineEarly(String[] args, Class<?> verb) {
		if (java.util.Arrays.asList(args).contains("--verbose")) verboseOn();
		if (verb != StylizeCommand.class && verb != BatchCommand.class) return;
		EarlyLinks.annotations(); // picocli reads annotations while libtorch loads: see EarlyLinks
		DjlRuntime.startInBackground();
	}

	public static void main(String[] args) {
		Class<?> verb = verbOf(args);
		startEngineEarly(args, verb);
		int code;
		try {
			code = commandLine(verb).execute(args);
		}
		catch (OutOfMemoryError e) {
			DjlRuntime.awaitBackgroundStart();
			// picocli passes Errors through; without this the user sees a JVM stack trace
			System.err.println("error: " + CliErrors.outOfMemory());
			code = CliErrors.FAILED;
		}
		System.exit(code);
	}
}
