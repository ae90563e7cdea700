package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.audiostyle.eval.StatisticsSceneClassifier;
import org.audiostyle.image.RgbImageFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audiostyle judge}: which scene does evaluate's judge (the colour/texture statistics classifier) see in each
 * image? The same judge as {@code evaluate}'s, trained on the given labelled photos; for looking at single results,
 * e.g. whether the README's first command really makes the meadow rainy.
 */
@Command(name = "judge", mixinStandardHelpOptions = true,
	description = "For each image, the scene the evaluation's judge (a colour/texture statistics classifier trained " +
		"on --train-images) sees, with its probability and the runners-up.")
final class JudgeCommand implements Callable<Integer> {

	@Option(names = "--train-images", paramLabel = "DIR", required = true,
		description = "Labelled photos the judge learns from: DIR/<scene>/*.jpg (e.g. the training images).")
	Path trainImages;

	@Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Images to judge.")
	List<Path> images = new ArrayList<>();

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(trainImages)) throw new NoSuchFileException(trainImages + " (--train-images folder)");
		for (Path p : images)
			if (!Files.isRegularFile(p)) throw new NoSuchFileException(p + " (image to judge)");
		StatisticsSceneClassifier judge = StatisticsSceneClassifier.train(trainImages, s -> {});
		List<String> classes = judge.classes();
		System.out.println("| image | scene | probability | runners-up |");
		System.out.println("|---|---|---|---|");
		for (Path p : images) {
			double[] prob = judge.probabilities(RgbImageFiles.read(p));
			Integer[] order = new Integer[prob.length];
			for (int i = 0; i < order.length; i++)
				order[i] = i;
			java.util.Arrays.sort(order, (a, b) -> Double.compare(prob[b], prob[a]));
			StringBuilder rest = new StringBuilder();
			for (int k = 1; k < Math.min(3, order.length); k++)
				rest.append(k > 1 ? ", " : "").append(String.format(Locale.ROOT, "%s %.2f", classes.get(order[k]),
					prob[order[k]]));
			System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %s |%n", p.getFileName(), classes.get(order[0]),
				prob[order[0]], rest);
		}
		return 0;
	}
}
