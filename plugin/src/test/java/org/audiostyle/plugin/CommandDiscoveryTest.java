package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The commands as Fiji sees them: discovered through the annotation index by a real SciJava context, under
 * Plugins > Audio Style, with inputs whose names are single lowercase words (Fiji records and replays them as
 * macro keys) and no inputs that cannot be replayed (buttons, URLs).
 */
class CommandDiscoveryTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void allThreeCommandsAreUnderPluginsAudioStyle() {
		Map<String, String> menus = new TreeMap<>();
		for (CommandInfo info : commands.getCommands())
			if (info.getClassName().startsWith("org.audiostyle.")) menus.put(info.getClassName(), info.getMenuPath()
				.getMenuString());
		Map<String, String> expected = new TreeMap<>();
		expected.put(StylizeWithSound.class.getName(), "Plugins > Audio Style > Stylize with Sound...");
		expected.put(SoundSweep.class.getName(), "Plugins > Audio Style > Sound Sweep...");
		expected.put(SoundToMovie.class.getName(), "Plugins > Audio Style > Sound to Movie...");
		assertEquals(expected, menus);
		assertEquals("Stylize with Sound...", commands.getCommand(StylizeWithSound.class).getTitle());
	}

	@Test
	void stylizeInputsAreTheDocumentedMacroKeys() {
		CommandInfo info = commands.getCommand(StylizeWithSound.class);
		assertEquals(List.of("image", "sound", "sound2", "mix", "mixmode", "strength", "window", "model", "worksize",
			"device", "feather"), userInputs(info));
		assertEquals(List.of("embedding", "waveform"), info.getInput("mixmode").getChoices());
		assertFalse(info.getInput("mixmode").isRequired());
		assertEquals(ImagePlus.class, info.getInput("image").getType());
		assertEquals(File.class, info.getInput("sound").getType());
		assertTrue(info.getInput("sound").isRequired());
		assertFalse(info.getInput("sound2").isRequired());
		assertFalse(info.getInput("model").isRequired());
		assertEquals("both", info.getInput("model").getWidgetStyle());
		assertEquals(List.of("auto", "cpu", "gpu"), info.getInput("device").getChoices());
		assertEquals(0.0, ((Number) info.getInput("mix").getMinimumValue()).doubleValue());
		assertEquals(1.0, ((Number) info.getInput("mix").getMaximumValue()).doubleValue());
		ModuleItem<?> result = info.getOutput("result");
		assertNotNull(result, "result output");
		assertEquals(ImagePlus.class, result.getType());
	}

	@Test
	void sweepAndMovieInputs() {
		assertEquals(List.of("image", "sound", "sound2", "mixmode", "vary", "from", "to", "frames", "strength", "window",
			"model", "worksize", "device", "feather"), userInputs(commands.getCommand(SoundSweep.class)));
		assertEquals(List.of("image", "sound", "fps", "smoothing", "frames", "strength", "model", "worksize", "device",
			"feather"), userInputs(commands.getCommand(SoundToMovie.class)));
	}

	@Test
	void everyInputIsReplayableFromAMacro() {
		for (Class<?> c : List.of(StylizeWithSound.class, SoundSweep.class, SoundToMovie.class)) {
			CommandInfo info = commands.getCommand(c.getName());
			assertTrue(info.canRunHeadless(), c.getSimpleName() + " must run headless");
			for (ModuleItem<?> in : info.inputs()) {
				if (isService(in)) continue;
				assertTrue(in.getName().matches("[a-z][a-z0-9]*"), c.getSimpleName() + "." + in.getName() +
					" is not a single lowercase word");
				String type = in.getType().getName();
				assertFalse(type.equals("org.scijava.widget.Button") || type.equals("java.net.URL"), c.getSimpleName() +
					"." + in.getName() + " cannot be replayed from a macro: " + type);
				assertNotNull(in.getLabel(), c.getSimpleName() + "." + in.getName() + " has no label");
			}
		}
	}

	private static List<String> userInputs(CommandInfo info) {
		List<String> names = new ArrayList<>();
		for (ModuleItem<?> in : info.inputs())
			if (!isService(in)) names.add(in.getName());
		return names;
	}

	private static boolean isService(ModuleItem<?> in) {
		return org.scijava.service.Service.class.isAssignableFrom(in.getType()) || org.scijava.Context.class
			.isAssignableFrom(in.getType());
	}
}
