package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.audiostyle.train.StopSignal;
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

	@Option(names = "--steps", description = "Override the number of GAN steps. With --resume: a new length for " +
		"the run's schedule (longer or shorter; the learning rate follows it from the checkpoint on).")
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
		"checkpoint; only GAN-phase settings may differ (steps, decayFraction, lambdaGan, lambdaNce, matchingAware, " +
		"avGenerator, colourMoments, sceneStatistics, freezeAudioEncoder, mixedSounds, embeddingNoise). A checkpoint from before its " +
		"first GAN step shares that pre-training; a later one is fine-tuned: all weights are taken over and a new GAN schedule starts (a " +
		"fine-tune may also switch specAugment and recordingSimulation).")
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
		Thread hook = stopOnShutdown(o.stop);
		TrainResult r;
		try {
			r = Training.run(o);
		}
		finally {
			o.stop.stopped(); // the Trainer is closed: the hook may let the JVM halt now
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running; it returns now that training has stopped
			}
		}
		if (r.stopped()) return STOPPED;
		System.err.println("model package: " + r.model);
		return 0;
	}

	/** Exit code of a run stopped by SIGTERM or Ctrl-C (128 + SIGINT's number, as shells report it). */
	static final int STOPPED = 130;

	/** Longest a shutdown waits for the step in progress and its checkpoint. */
	static final long STOP_WAIT_SECONDS = 600;

	/**
	 * A shutdown hook (SIGTERM, Ctrl-C) that asks training to stop at the end of the step in progress and holds the
	 * JVM until the checkpoint is written and libtorch's resources are closed, instead of halting mid-step.
	 */
	private static Thread stopOnShutdown(StopSignal stop) {
		Thread hook = new Thread(() -> {
			stop.request();
			System.err.println("\naudiostyle train: stopping after the current step and writing a checkpoint...");
			try {
				if (!stop.awaitStopped(STOP_WAIT_SECONDS, TimeUnit.SECONDS))
					System.err.println("audiostyle train: the step did not end in " + STOP_WAIT_SECONDS + " s; " +
						"stopping without a final checkpoint (resume continues from the previous one).");
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "audiostyle-train-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		return hook;
	}
}
