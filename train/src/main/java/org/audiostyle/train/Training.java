package org.audiostyle.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.io.AtomicFiles;
import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.train.data.ClassFolderSource;
import org.audiostyle.train.data.CsvPairSource;
import org.audiostyle.train.data.TrainingData;
import org.audiostyle.train.data.VideoFolderSource;

/**
 * The training command behind {@code audiostyle train} and {@code audiostyle export}. A run folder holds
 * {@code config.json} (the effective settings), {@code losses.csv}, {@code samples/step-N.png} (fixed inputs, one row
 * per sound), {@code checkpoints/step-N.ckpt} and, at the end, {@code model/} (the exported package).
 */
public final class Training {

	/** Inputs (columns) and sounds (rows) of the sample grids. */
	static final int SAMPLE_IMAGES = 4;
	static final int SAMPLE_SOUNDS = 6;

	private Training() {}

	public static TrainResult run(TrainOptions o) throws IOException {
		if (o.data == null || o.out == null) throw new IllegalArgumentException("Training needs --data and --out.");
		Path checkpoints = o.out.resolve("checkpoints");
		Path latest = Checkpoint.latest(checkpoints);
		TrainConfig config = effectiveConfig(o, latest);
		if (!o.resume && latest != null)
			throw new IOException(o.out + " already holds a training run (" + latest.getFileName() + "). Pass --resume " +
				"to continue it, or choose another --out folder.");
		if (o.resume && o.branchFrom != null)
			throw new IllegalArgumentException("--branch-from starts a new run; continue a branched run with --resume " +
				"alone.");
		if (o.branchFrom != null && !Files.isRegularFile(o.branchFrom))
			throw new NoSuchFileException(o.branchFrom + " (--branch-from: a checkpoints/step-N.ckpt file of another run)");
		if (o.resume && latest == null)
			throw new IOException("Nothing to resume in " + o.out + ": no checkpoints/step-*.ckpt. Start the run " +
				"without --resume.");
		Files.createDirectories(o.out);
		if (!o.rescheduled) AtomicFiles.write(o.out.resolve("config.json"), config.toJson().getBytes(
			StandardCharsets.UTF_8));

		o.log.accept("Loading training data from " + o.data + " ...");
		TrainingData data = loadData(o.data, o.cooccurrence, o.ffmpeg, config.loadSize(), o.log);
		o.log.accept(data.description());
		List<PlanarImage> sampleImages = new ArrayList<>();
		List<float[]> sampleSounds = new ArrayList<>();
		List<String> sampleNames = new ArrayList<>();
		chooseSamples(data, config.seed, sampleImages, sampleSounds, sampleNames);

		StepLosses last = null;
		DjlRuntime.engine(); // first load through the runtime, which keeps libtorch's start-up noise quiet
		try (Trainer t = new Trainer(config, data)) {
			if (o.resume) {
				if (o.rescheduled) {
					t.loadCheckpointIntoNewSchedule(latest);
					AtomicFiles.write(o.out.resolve("config.json"), config.toJson().getBytes(StandardCharsets.UTF_8));
				} else t.loadCheckpoint(latest);
				o.log.accept("Resumed at step " + t.step() + " of " + config.totalSteps() + " from " + latest);
			} else if (o.branchFrom != null) {
				boolean fineTune = t.branchFrom(o.branchFrom);
				o.log.accept((fineTune ? "Fine-tuning the weights of " + o.branchFrom + " with a new GAN schedule " +
					"from step " : "Branched at step ") + t.step() + " of " + config.totalSteps() + (fineTune ? "" :
						" from " + o.branchFrom));
				AtomicFiles.write(o.out.resolve("branched-from.txt"), (o.branchFrom.toAbsolutePath() + (fineTune ?
					" (fine-tuned: its weights, this run's GAN schedule)" : " (its pre-training)") + "\n").getBytes(
						StandardCharsets.UTF_8));
			} else o.log.accept(String.format(Locale.ROOT, "Training %s (%s recipe): %d pre-training + %d steps, " +
				"batch %d, crop %d", config.networkConfig(), config.recipe, config.pretrainSteps, config.steps,
				config.batch, config.crop));
			if (t.step() == 0 && config.sampleEvery > 0)
				t.writeSampleGrid(sampleImages, sampleSounds, sampleNames, samplePath(o.out, 0));
			try (LossLog log = LossLog.open(o.out.resolve("losses.csv"), t.step());
				ProgressBar bar = o.progress ? progressBar(t) : null)
			{
				while (!t.finished() && !o.stop.requested()) {
					double lr = t.currentLearningRate();
					long t0 = System.nanoTime();
					last = t.trainStep();
					long s = t.step();
					log.append(s, last, lr, (System.nanoTime() - t0) / 1e9);
					if (bar != null) {
						bar.stepTo(s);
						bar.setExtraMessage(last.summary());
					}
					if ((config.checkpointEvery > 0 && s % config.checkpointEvery == 0) || t.finished())
						checkpoint(t, checkpoints, config.keepCheckpoints);
					if (config.sampleEvery > 0 && (s % config.sampleEvery == 0 || t.finished()))
						t.writeSampleGrid(sampleImages, sampleSounds, sampleNames, samplePath(o.out, s));
				}
			}
			if (!t.finished()) return stoppedEarly(t, checkpoints, config, o, last);
			Path model = o.out.resolve("model");
			t.export(o.exporter, info(config, data, t, last), model);
			o.log.accept(String.format(Locale.ROOT, "Done: %d steps in %.1f min; model written to %s", t.step(), t
				.elapsedSeconds() / 60, model));
			return new TrainResult(o.out, model, t.step(), t.elapsedSeconds(), last);
		}
	}

	/** After a stop request: a checkpoint of the step just finished (unless one was written at it) to resume from. */
	private static TrainResult stoppedEarly(Trainer t, Path checkpoints, TrainConfig config, TrainOptions o,
		StepLosses last) throws IOException
	{
		if (!Files.exists(Checkpoint.fileFor(checkpoints, t.step()))) checkpoint(t, checkpoints, config.keepCheckpoints);
		o.log.accept(String.format(Locale.ROOT, "Stopped at step %d of %d; checkpoint written. Continue with " +
			"--resume.", t.step(), config.totalSteps()));
		return new TrainResult(o.out, null, t.step(), t.elapsedSeconds(), last);
	}

	/** The run's settings: from its checkpoint when resuming, else the config file with command-line overrides. */
	static TrainConfig effectiveConfig(TrainOptions o, Path latestCheckpoint) throws IOException {
		TrainConfig c = o.config != null ? TrainConfig.read(o.config) : TrainConfig.soundAware();
		if (o.steps != null) c.steps = o.steps;
		if (o.batch != null) c.batch = o.batch;
		c.validate();
		if (!o.resume || latestCheckpoint == null) return c;
		Path stored = o.out.resolve("config.json");
		TrainConfig run = TrainConfig.read(stored);
		if (o.steps != null && o.config == null && o.batch == null && o.steps != run.steps) {
			// A new length for the GAN schedule (see Trainer#loadCheckpointIntoNewSchedule), kept for later resumes.
			o.log.accept("Schedule changed: " + run.steps + " -> " + o.steps + " GAN steps (from the checkpoint on, " +
				"the learning rate follows the new schedule).");
			run.steps = o.steps;
			run.validate();
			o.rescheduled = true; // config.json is rewritten once the checkpoint has loaded into the new schedule
			return run;
		}
		if (o.config != null || o.steps != null || o.batch != null) {
			String diff = Trainer.differences(run, c);
			if (diff != null) throw new IOException("--resume continues the run as it was started (" + stored + "); " +
				"the given settings differ (" + diff + "). Drop --config/--steps/--batch or start a new run.");
		}
		return run;
	}

	/** Picks the data source from what {@code data} is. */
	public static TrainingData loadData(Path data, Path cooccurrence, Path ffmpeg, int loadSize, Consumer<String> log)
		throws IOException
	{
		if (Files.isRegularFile(data) && data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
			return CsvPairSource.load(data, loadSize, log);
		if (!Files.isDirectory(data)) throw new IOException("Training data not found: " + data + " (give a folder " +
			"with sounds/ and images/, a folder of videos, or a CSV of image,sound pairs).");
		if (Files.isDirectory(data.resolve("sounds")) && Files.isDirectory(data.resolve("images")))
			return ClassFolderSource.load(data, cooccurrence, loadSize, log);
		return VideoFolderSource.load(data, loadSize, ffmpeg, log);
	}

	/** Fixed sample inputs: a few images chosen by the seed, and sounds spread evenly over the (sorted) clip list. */
	static void chooseSamples(TrainingData data, long seed, List<PlanarImage> images, List<float[]> sounds,
		List<String> names)
	{
		int[] perm = new SeededRandom(Trainer.streamSeed(seed, 7)).permutation(data.images().size());
		for (int i = 0; i < Math.min(SAMPLE_IMAGES, perm.length); i++)
			images.add(data.images().get(perm[i]));
		int n = data.sounds().size();
		int k = Math.min(SAMPLE_SOUNDS, n);
		for (int i = 0; i < k; i++) {
			int idx = k == 1 ? 0 : (int) Math.round(i * (n - 1) / (double) (k - 1));
			sounds.add(data.sounds().get(idx).window(null));
			names.add(data.sounds().get(idx).name());
		}
	}

	static Path samplePath(Path out, long step) {
		return out.resolve("samples").resolve(String.format("step-%09d.png", step));
	}

	private static void checkpoint(Trainer t, Path dir, int keep) throws IOException {
		t.saveCheckpoint(Checkpoint.fileFor(dir, t.step()));
		List<Path> all = Checkpoint.list(dir);
		for (int i = 0; i < all.size() - keep; i++)
			Files.deleteIfExists(all.get(i));
	}

	private static ProgressBar progressBar(Trainer t) {
		return new ProgressBarBuilder().setTaskName("train").setInitialMax(t.config().totalSteps()).setStyle(
			ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).startsFrom(t.step(), Duration.ofMillis(Math.round(t
				.elapsedSeconds() * 1000))).build();
	}

	private static Map<String, String> info(TrainConfig config, TrainingData data, Trainer t, StepLosses last) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("recipe", config.recipe);
		m.put("steps", String.valueOf(t.step()));
		m.put("crop", String.valueOf(config.crop));
		m.put("trainingSeconds", String.format(Locale.ROOT, "%.0f", t.elapsedSeconds()));
		m.put("data", data.description());
		m.put("trainConfig", config.toJson());
		if (last != null) m.put("finalLosses", last.summary());
		return m;
	}

	/**
	 * {@code audiostyle export}: writes the model package of a run's newest checkpoint (or of a given checkpoint
	 * file). Needs no training data.
	 */
	public static void export(Path runDirOrCheckpoint, Path destination, ModelExporter exporter) throws IOException {
		export(runDirOrCheckpoint, 1, destination, exporter);
	}

	/**
	 * As {@link #export(Path, Path, ModelExporter)}, with the weights averaged over the {@code average} newest
	 * checkpoints of the run up to and including the chosen one ({@link Trainer#averageWith}); 1 = no averaging.
	 */
	public static void export(Path runDirOrCheckpoint, int average, Path destination, ModelExporter exporter)
		throws IOException {
		Path ck = Files.isDirectory(runDirOrCheckpoint) ? Checkpoint.latest(runDirOrCheckpoint.resolve("checkpoints")) :
			runDirOrCheckpoint;
		if (ck == null || !Files.isRegularFile(ck)) throw new IOException("No checkpoint found at " +
			runDirOrCheckpoint + " (expected a run folder with checkpoints/step-*.ckpt, or a .ckpt file).");
		if (average < 1) throw new IllegalArgumentException("--average takes a number of checkpoints, 1 or more; got " +
			average);
		List<Path> earlier = new ArrayList<>();
		if (average > 1) {
			long step = Checkpoint.stepOf(ck);
			for (Path p : Checkpoint.list(ck.toAbsolutePath().getParent()))
				if (Checkpoint.stepOf(p) < step) earlier.add(p);
			earlier = earlier.subList(Math.max(0, earlier.size() - (average - 1)), earlier.size());
			if (earlier.size() < average - 1) throw new IOException("Averaging " + average + " checkpoints needs " +
				(average - 1) + " before " + ck.getFileName() + " in " + ck.toAbsolutePath().getParent() + "; found " +
				earlier.size() + ". Ask for fewer (--average " + (earlier.size() + 1) + ").");
		}
		TrainConfig config;
		DjlRuntime.engine();
		try (ai.djl.ndarray.NDManager m = DjlRuntime.engine().newBaseManager()) {
			config = TrainConfig.fromJson(Checkpoint.read(ck, m).meta.get("config").toString());
		}
		try (Trainer t = new Trainer(config, placeholderData(config))) {
			t.loadCheckpoint(ck);
			if (!earlier.isEmpty()) t.averageWith(earlier);
			Map<String, String> info = new LinkedHashMap<>();
			info.put("recipe", config.recipe);
			info.put("steps", String.valueOf(t.step()));
			info.put("crop", String.valueOf(config.crop));
			info.put("trainingSeconds", String.format(Locale.ROOT, "%.0f", t.elapsedSeconds()));
			info.put("checkpoint", ck.getFileName().toString());
			if (!earlier.isEmpty()) info.put("averagedWith", earlier.stream().map(p -> p.getFileName().toString())
				.collect(java.util.stream.Collectors.joining(", ")));
			info.put("trainConfig", config.toJson());
			t.export(exporter, info, destination);
		}
	}

	/** A one-pair stand-in so a Trainer can be built to hold a checkpoint's weights for export (never trained). */
	private static TrainingData placeholderData(TrainConfig c) {
		int side = c.loadSize();
		return new TrainingData(List.of(new PlanarImage(side, side)), List.of("none"), List.of(
			new org.audiostyle.train.data.SoundClip("none", new float[1])), rng -> new int[] { 0, 0 },
			"none (export)");
	}
}
