package org.audiostyle.plugin;

import ij.IJ;
import ij.ImagePlus;

import java.io.File;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Latency of the dialog's live preview with the bundled model at the default preview size ({@link LivePreview#SIZE}),
 * per kind of change. A benchmark, not a test: it prints figures and asserts nothing about time. Run with
 * {@code mvn -B -pl plugin -am test -Dtest=PreviewBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Daudiostyle.bench=true} (add {@code -Daudiostyle.previewSize=N} to try another size).
 */
@EnabledIfSystemProperty(named = "audiostyle.bench", matches = "true")
class PreviewBenchmark {

	private static final int ROUNDS = 6;

	@Test
	void previewLatency() throws Exception {
		ImagePlus imp = IJ.openImage(Paths.get("..", "test-images", "meadow.png").toString());
		File rain = Paths.get("..", "sample-sounds", "rain.wav").toFile();
		File birds = Paths.get("..", "sample-sounds", "birdsong.wav").toFile();
		try (Context context = new Context()) {
			CommandInfo info = context.service(CommandService.class).getCommand(StylizeWithSound.class);
			Module m = context.service(ModuleService.class).createModule(info);
			StylizeWithSound command = (StylizeWithSound) ((CommandModule) m).getCommand();
			CommandRunner.inputs("image", imp, "sound", rain, "model", null, "worksize", 256).forEach(m::setInput);
			long t0 = System.nanoTime();
			m.preview();
			double first = (System.nanoTime() - t0) / 1e6;
			LivePreview p = command.livePreview();
			List<Double> strength = new ArrayList<>(), sound = new ArrayList<>(), mix = new ArrayList<>(),
				window = new ArrayList<>();
			for (int i = 0; i < ROUNDS; i++) {
				m.setInput("strength", 0.5 + 0.1 * i);
				m.preview();
				strength.add(p.lastNanos / 1e6);
				m.setInput("sound", i % 2 == 0 ? birds : rain);
				m.preview();
				sound.add(p.lastNanos / 1e6);
				m.setInput("window", i % 2 == 0 ? "start" : "loudest");
				m.preview();
				window.add(p.lastNanos / 1e6);
			}
			m.setInput("sound2", birds);
			for (int i = 0; i < ROUNDS; i++) {
				m.setInput("mix", 0.1 + 0.15 * i);
				m.preview();
				mix.add(p.lastNanos / 1e6);
			}
			m.cancel();
			System.out.printf(Locale.ROOT, "preview of %s (%dx%d) at %d px, bundled model, %d cores:%n  first update " +
				"(model load + embedding + pass) %.0f ms%n  strength %s%n  sound %s%n  window %s%n  mix %s%n", imp
					.getTitle(), imp.getWidth(), imp.getHeight(), LivePreview.SIZE, Runtime.getRuntime()
						.availableProcessors(), first, stats(strength), stats(sound), stats(window), stats(mix));
		}
	}

	private static String stats(List<Double> ms) {
		double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(Locale.ROOT, "median %.0f ms (min %.0f, max %.0f, n %d)", v[v.length / 2], v[0],
			v[v.length - 1], v.length) + " " + Arrays.toString(Arrays.stream(v).mapToLong(Math::round).toArray());
	}
}
