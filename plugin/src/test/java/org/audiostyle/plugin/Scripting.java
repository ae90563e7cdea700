package org.audiostyle.plugin;

import java.io.File;
import java.nio.file.Paths;

import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.scijava.Context;
import org.scijava.script.ScriptService;

/**
 * A SciJava context whose ScriptService knows the real Groovy and Jython engines. scijava-common indexes only
 * ScriptLanguage plugins (in Fiji: scripting-groovy and scripting-jython, not on Maven Central), so the JSR-223
 * factories on the test classpath are added by hand, as those plugins would.
 */
final class Scripting {

	private Scripting() {}

	static ScriptService scriptService(Context context) {
		ScriptService scripts = context.service(ScriptService.class);
		for (ScriptEngineFactory f : new ScriptEngineManager(Scripting.class.getClassLoader()).getEngineFactories())
			scripts.getIndex().add(f, true);
		return scripts;
	}

	/** A shipped script from the top-level macros/ folder. */
	static File shipped(String name) {
		return Paths.get("..", "macros", name).toAbsolutePath().normalize().toFile();
	}
}
