package org.audiostyle.cli;

import java.util.concurrent.Callable;

import ai.djl.engine.Engine;

import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Stylizer;
import org.audiostyle.runtime.DjlRuntime;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code audiostyle info}: engine, device and why, and the model's configuration and parameter counts. */
@Command(name = "info", mixinStandardHelpOptions = true,
	description = "Show the deep-learning engine, the device that would be used and why, and the model.")
final class InfoCommand implements Callable<Integer> {

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		System.out.println("Audio Style " + VersionProvider.version());
		Engine e = DjlRuntime.engine();
		System.out.println("engine:  " + e.getEngineName() + " " + e.getVersion() + " (DJL " + Engine.getDjlVersion() +
			")");
		DjlRuntime.DeviceSelection sel = DjlRuntime.select(engine.deviceChoice());
		System.out.println("device:  " + sel.device + " - " + sel.reason);
		System.out.println("threads: " + Runtime.getRuntime().availableProcessors() + " cores visible");
		System.out.println("memory:  " + org.audiostyle.runtime.NativeMemory.describe());
		try (StyleModel m = engine.loadModel()) {
			System.out.println("model:   " + m.id() + (engine.model == null ? " (bundled default)" : " (" + engine.model +
				")"));
			if (m.manifest().description != null) System.out.println("         " + m.manifest().description);
			System.out.println("config:  " + m.config());
			System.out.printf("params:  generator %,d, audio encoder %,d%n", m.generatorBlock().parameterCount(),
				m.audioEncoder().parameterCount());
			System.out.println("trained at: " + m.manifest().trainedImageSize + " px");
			if (m.memory() != null) System.out.println("memory:  " + m.memory().size() + " remembered sounds, k " + m
				.memory().k() + ", temperature " + m.memory().temperature() + " (retrieval conditioning)");
			System.out.println("bf16 check: " + (m.manifest().precisionCheck == null ? "none recorded in the package " +
				"(auto runs fp32; `audiostyle check-precision --model M` adds one)" : m.manifest().precisionCheck
					.summary()));
			try (Stylizer stylizer = new Stylizer(m, engine.deviceChoice())) {
				System.out.println("pass:    " + stylizer.passDescription(engine.settings().precision));
			}
			if (!m.manifest().provenance.isEmpty()) System.out.println("provenance: " + m.manifest().provenance);
		}
		return 0;
	}
}
