package org.audiostyle.plugin.macro;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * Turns a user error in an Ext. call into a macro error. With an ImageJ window the interpreter's own error dialog
 * shows it with the macro line; without one (headless, batch mode, Fiji --headless) it is printed to stderr, since a
 * dialog would fail or block. Either way the macro stops.
 */
final class MacroErrors {

	private static volatile String last;

	private MacroErrors() {}

	/** Never returns normally. */
	static RuntimeException fail(String message) {
		String text = "Audio Style: " + message;
		last = text;
		Interpreter interp = Interpreter.getInstance();
		if (interp != null && IJ.getInstance() != null) interp.abort(text);
		System.err.println("Macro Error: " + text);
		if (interp != null) throw new RuntimeException(Macro.MACRO_CANCELED);
		throw new IllegalArgumentException(text);
	}

	/** The last message given to {@link #fail} (for tests and for scripts that catch the abort). */
	static String last() {
		return last;
	}
}
