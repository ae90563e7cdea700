package org.audiostyle.plugin;

import java.util.HashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Runs a command the way Fiji does (CommandService, with pre- and postprocessing) with every input given, so that
 * values remembered from earlier runs never leak into a test.
 */
final class CommandRunner {

	private CommandRunner() {}

	/** Defaults of the shared inputs; tests override what they need with {@code key, value} pairs. */
	static Map<String, Object> inputs(Object... keyValues) {
		Map<String, Object> m = new HashMap<>();
		m.put("sound2", null);
		m.put("mix", 0.5);
		m.put("strength", 1.0);
		m.put("window", "loudest");
		m.put("model", null);
		m.put("worksize", 0);
		m.put("device", "cpu");
		m.put("feather", 2.0);
		for (int i = 0; i < keyValues.length; i += 2)
			m.put((String) keyValues[i], keyValues[i + 1]);
		return m;
	}

	static CommandModule run(Context context, Class<? extends Command> command, Map<String, Object> inputs)
		throws Exception
	{
		Map<String, Object> in = new HashMap<>(inputs);
		if (command == SoundSweep.class) {
			in.remove("mix");
			in.putIfAbsent("vary", "strength");
			in.putIfAbsent("from", 0.0);
			in.putIfAbsent("to", 1.0);
			in.putIfAbsent("frames", 3);
		}
		if (command == SoundToMovie.class) {
			in.remove("mix");
			in.remove("sound2");
			in.remove("window");
			in.putIfAbsent("fps", 2.0);
			in.putIfAbsent("smoothing", 0.5);
			in.putIfAbsent("frames", 0);
		}
		return context.service(CommandService.class).run(command, true, in).get();
	}
}
