package org.audiostyle.train;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What {@code audiostyle train} passes to {@link Training#run}: {@code --data DIR --out RUN_DIR [--config FILE]
 * [--steps N] [--batch B] [--resume | --branch-from CKPT]} plus a few extras.
 */
public final class TrainOptions {

	/**
	 * Class-folder data set (folder with {@code sounds/}, {@code images/}, {@code cooccurrence.csv}), a folder of
	 * videos, or a CSV of {@code image,sound} pairs.
	 */
	public Path data;
	/** Run folder: config.json, losses.csv, samples/, checkpoints/, model/. */
	public Path out;
	/** JSON training configuration (see {@link TrainConfig}); null = the sound-aware recipe's defaults. */
	public Path config;
	/** Overrides the configuration's {@code steps}. */
	public Long steps;
	/** Overrides the configuration's {@code batch}. */
	public Integer batch;
	/** Continue the run in {@link #out} from its newest checkpoint (with {@link #steps}: into a schedule of that length). */
	public boolean resume;
	/** Set by {@link Training} when a resume changes the schedule's length. */
	boolean rescheduled;
	/** Start a new run from another run's pre-training checkpoint (see {@link Trainer#branchFrom}). */
	public Path branchFrom;
	/** Co-occurrence table for class folders; null = DATA/cooccurrence.csv. */
	public Path cooccurrence;
	/** ffmpeg binary for a video folder; null = from PATH. */
	public Path ffmpeg;
	/** Show a progress bar on stderr. */
	public boolean progress = true;
	/** Writes the model package at the end (see {@link ModelExporter}). */
	public ModelExporter exporter = new PackageExporter();
	/** Set by a shutdown hook (SIGTERM, Ctrl-C): training stops at the next step boundary with a checkpoint. */
	public StopSignal stop = new StopSignal();
	/** Where status lines go. */
	public Consumer<String> log = System.err::println;
}
