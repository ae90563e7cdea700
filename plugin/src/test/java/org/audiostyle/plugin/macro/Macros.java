package org.audiostyle.plugin.macro;

import ij.Macro;
import ij.macro.Interpreter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Runs macro code in ImageJ 1.x's real interpreter, on the calling thread, as -batch does. */
final class Macros {

	static final String REGISTER = "call(\"org.audiostyle.plugin.macro.AudioStyleMacroExtensions.register\");\n";

	private Macros() {}

	/** Null when the macro ran to its end; the Audio Style error message when an Ext. call stopped it. */
	static String run(String code, String arg) {
		try {
			new Interpreter().run(code, arg);
			return null;
		}
		catch (RuntimeException e) {
			if (Macro.MACRO_CANCELED.equals(e.getMessage())) return MacroErrors.last();
			throw e;
		}
	}

	/** A shipped macro from the top-level macros/ folder. */
	static String shipped(String name) throws IOException {
		Path p = Paths.get("..", "macros", name);
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}
}
