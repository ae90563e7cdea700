package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

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
			Map<String, Double> ordered = new LinkedHashMap<>();
			IntStream.range(0, prob.length).boxed().sorted((a, b) -> Double.compare(prob[b], prob[a])).forEach(i ->
				ordered.put(classes.get(i), prob[i]));
			System.out.println(RankedRow.of(p.getFileName().toString(), ordered));
		}
		return 0;
	}
}
