package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.eval.LinearProbe;
import org.audiostyle.eval.StatisticsFeatures;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Stylizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostyle probe}: can a linear read-out name the class of sounds from recordings it was not fitted on, from
 * fixed audio statistics and from a model's embeddings? Separates what the data allow from what an encoder learned.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
	description = "Fits a logistic regression on labelled reference sounds (TRAIN/<class>/*) and reports how many " +
		"labelled validation sounds (VALIDATION/<class>/*) it names right: on the statistics audio network's fixed " +
		"features (log-mel statistics and modulation spectrum) and, with --model, on the model's audio embeddings.")
final class ProbeCommand implements Callable<Integer> {

	@Option(names = "--train", paramLabel = "DIR", required = true, description = "Reference sounds: DIR/<class>/*.wav.")
	Path train;

	@Option(names = "--validation", paramLabel = "DIR", required = true,
		description = "Sounds to name, by class: DIR/<class>/*.wav (other recordings than --train's).")
	Path validation;

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		for (Path d : new Path[] { train, validation })
			if (!Files.isDirectory(d)) throw new NoSuchFileException(d + " (a folder of <class>/ sound folders)");
		System.out.println("| representation | right | per class |");
		System.out.println("|---|---|---|");
		try (StatisticsFeatures f = new StatisticsFeatures()) {
			print("audio statistics (fixed)", LinearProbe.run(f, train, validation));
		}
		if (engine.model != null) try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model,
			engine.deviceChoice()))
		{
			LinearProbe.Representation embedding = p -> stylizer.embed(SoundMix.of(Sound.file(p)));
			print("model embedding (" + model.config().audioNetwork.id() + ")", LinearProbe.run(embedding, train,
				validation));
		}
		return 0;
	}

	private static void print(String what, LinearProbe.Result r) {
		StringBuilder perClass = new StringBuilder();
		for (Map.Entry<String, int[]> e : r.rightOfTotal.entrySet())
			perClass.append(perClass.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()[0])
				.append('/').append(e.getValue()[1]);
		System.out.println(String.format(Locale.ROOT, "| %s | %d/%d = %.1f %% | %s |", what, r.right, r.total, 100 * r
			.accuracy(), perClass));
	}
}
