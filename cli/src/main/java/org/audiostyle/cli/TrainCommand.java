package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.audiostyle.train.TrainOptions;
import org.audiostyle.train.TrainResult;
import org.audiostyle.train.Training;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostyle train}: learn a sound-to-style model from (image, sound) pairs, in Java. */
@Command(name = "train", mixinStandardHelpOptions = true,
	description = "Train a model. --data is a class-folder set (sounds/<class>/, images/<class>/, " +
		"cooccurrence.csv), a folder of videos with sound (needs ffmpeg), or a CSV of image,sound pairs. Checkpoints, " +
		"sample grids and losses.csv go to --out; kill it any time and continue with --resume.")
final class TrainCommand implements Callable<Integer> {

	@Option(names = "--data", paramLabel = "DIR|FILE.csv", required = true, description = "Training data.")
	Path data;

	@Option(names = "--out", paramLabel = "RUN_DIR", required = true, description = "Run folder.")
	Path out;

	@Option(names = "--config", paramLabel = "FILE.json|paper|sound-aware",
		description = "Training configuration: a JSON file, or a recipe name (default sound-aware).")
	Path config;

	@Option(names = "--steps", description = "Override the number of GAN steps.")
	Long steps;

	@Option(names = "--batch", description = "Override the batch size.")
	Integer batch;

	@Option(names = "--cooccurrence", paramLabel = "FILE.csv",
		description = "Sound/scene co-occurrence table (default: DATA/cooccurrence.csv).")
	Path cooccurrence;

	@Option(names = "--ffmpeg", paramLabel = "PATH", description = "ffmpeg binary for video folders (default: PATH).")
	Path ffmpeg;

	@Option(names = "--resume", description = "Continue the run in --out from its latest checkpoint.")
	boolean resume;

	@Option(names = "--branch-from", paramLabel = "CKPT", description = "Start a new run from another run's " +
		"checkpoint taken before its first GAN step, sharing its pre-training; only GAN-phase settings may differ " +
		"(steps, decayFraction, lambdaGan, lambdaNce, matchingAware, avGenerator, colourMoments).")
	Path branchFrom;

	@Option(names = "--no-progress", negatable = false, description = "No progress bar (for logs).")
	boolean noProgress;

	@Override
	public Integer call() throws Exception {
		TrainOptions o = new TrainOptions();
		o.data = data;
		o.out = out;
		o.config = config;
		o.steps = steps;
		o.batch = batch;
		o.resume = resume;
		o.branchFrom = branchFrom;
		o.cooccurrence = cooccurrence;
		o.ffmpeg = ffmpeg;
		o.progress = !noProgress;
		TrainResult r = Training.run(o);
		System.err.println("model package: " + r.model);
		return 0;
	}
}
