package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.script.ScriptInfo;
import org.scijava.script.ScriptService;

/**
 * The shipped Groovy and Jython pipelines are recognised by the real engines and their #@ headers declare the
 * inputs Fiji's dialog (or a headless --run) fills. ScriptPipelinesTest runs them.
 */
class ScriptParametersTest {

	private static Context context;
	private static ScriptService scripts;

	@BeforeAll
	static void start() {
		context = new Context();
		scripts = Scripting.scriptService(context);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void groovyPipelineInputs() {
		ScriptInfo info = scripts.getScript(Scripting.shipped("stylize_pipeline.groovy"));
		assertEquals("Groovy", info.getLanguage().getLanguageName());
		Map<String, Class<?>> expected = new LinkedHashMap<>();
		expected.put("input", File.class);
		expected.put("sound", File.class);
		expected.put("strength", Double.class);
		expected.put("frames", Integer.class);
		expected.put("output", File.class);
		expected.put("model", File.class);
		expected.put("worksize", Integer.class);
		expected.put("device", String.class);
		expected.put("commands", CommandService.class);
		assertEquals(expected, inputs(info));
		assertNotNull(info.getOutput("summary"));
	}

	@Test
	void jythonPipelineInputs() {
		ScriptInfo info = scripts.getScript(Scripting.shipped("sound_movie.py"));
		assertEquals("python", info.getLanguage().getLanguageName().toLowerCase());
		Map<String, Class<?>> expected = new LinkedHashMap<>();
		expected.put("input", File.class);
		expected.put("sound", File.class);
		expected.put("fps", Double.class);
		expected.put("smoothing", Double.class);
		expected.put("frames", Integer.class);
		expected.put("output", File.class);
		expected.put("model", File.class);
		expected.put("worksize", Integer.class);
		expected.put("device", String.class);
		expected.put("commands", CommandService.class);
		assertEquals(expected, inputs(info));
		assertNotNull(info.getOutput("summary"));
	}

	private static Map<String, Class<?>> inputs(ScriptInfo info) {
		Map<String, Class<?>> m = new LinkedHashMap<>();
		for (ModuleItem<?> in : info.inputs())
			m.put(in.getName(), in.getType());
		return m;
	}
}
