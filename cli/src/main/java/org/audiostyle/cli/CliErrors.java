package org.audiostyle.cli;

import java.nio.file.NoSuchFileException;

import org.audiostyle.model.ModelException;

/** Turns exceptions into one readable line and an exit code (1 = failed, 2 = bad input). */
final class CliErrors {

	static final int FAILED = 1;
	static final int BAD_INPUT = 2;
	static final int SOME_ROWS_FAILED = 3;

	private CliErrors() {}

	static String describe(Throwable t) {
		if (t instanceof NoSuchFileException) return "file not found: " + t.getMessage();
		String msg = t.getMessage();
		if (msg == null || msg.isBlank()) msg = t.getClass().getSimpleName();
		Throwable c = t.getCause();
		if (t instanceof IllegalStateException && c != null && c.getMessage() != null && msg.contains(c.getClass()
			.getName())) msg = c.getMessage();
		return msg;
	}

	static int exitCode(Throwable t) {
		if (t instanceof IllegalArgumentException || t instanceof ModelException || t instanceof java.io.IOException)
			return BAD_INPUT;
		return FAILED;
	}
}
