package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.batch.BatchReport;
import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.JobsCsv;
import org.audiostyle.batch.RowResult;
import org.audiostyle.batch.RowRunner;
import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.batch.Shard;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Stylizer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audiostyle batch}: many (image, sound) rows from a CSV with one model load, optionally one shard of them. A
 * bad row is reported and skipped; the exit code is non-zero when any row failed. The rows run through the engine's
 * {@link RowRunner}, as in the Spark job.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	description = { "Restyle the rows of a CSV: " + JobsCsv.COLUMNS + ". Relative paths are taken from the CSV's " +
		"folder. RFC 4180: quote fields holding commas or quotes. A header row (first field 'image') may name " +
		"the columns in any order; a batch report is itself a jobs file.",
		"Rows are counted from 0 in file order; the header, blank lines and lines starting with # are not rows. " +
			"With --shard I/N this run does the rows k with k mod N = I, so N runs with 0/N ... N-1/N together do " +
			"every row once (e.g. one per task of a cluster array job)." })
final class BatchCommand implements Callable<Integer> {

	@Option(names = "--csv", paramLabel = "FILE", required = true, description = "CSV of " + JobsCsv.COLUMNS + ".")
	Path csv;

	@Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
	Path outDir;

	@Option(names = "--shard", paramLabel = "I/N", defaultValue = "0/1",
		description = "Do only shard I of N (I from 0 to N-1): rows k with k mod N = I. Default: all rows.")
	String shard;

	@Option(names = "--resume", description = "Skip rows whose output already exists and is a complete image of the " +
		"input's size (a rerun or a requeued task continues where it stopped); damaged outputs are made again.")
	boolean resume;

	@Option(names = "--overwrite", description = "Replace existing outputs.")
	boolean overwrite;

	@Option(names = "--report", paramLabel = "FILE", description = "Per-row report (row,line,status,seconds," +
		"output,error,image,sound,strength; itself a jobs file). Default: DIR/batch-report.csv, or " +
		"DIR/batch-report-shard-I-of-N.csv with --shard.")
	Path report;

	@Option(names = "--window", paramLabel = "loudest|start|SECONDS", defaultValue = "loudest",
		description = "Which 3 s of each sound to hear. Default: ${DEFAULT-VALUE}.")
	String window;

	@Mixin
	EngineOptions engine;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		// Every user error is found before the model loads, so a bad array job fails at once.
		Shard part = Shard.parse("--shard", shard);
		if (resume && overwrite)
			throw new IllegalArgumentException("--resume and --overwrite contradict each other: pass one of them");
		AudioWindow w = CliErrors.forOption(spec, "--window", () -> AudioWindow.parse(window));
		if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new IllegalArgumentException("--out " + outDir +
			" is a file; give a folder for the outputs.");
		List<BatchRow> rows = new ArrayList<>();
		for (BatchRow r : JobsCsv.read(csv, outDir))
			if (part.contains(r)) rows.add(r);
		Path reportFile = report != null ? report : outDir.resolve(part.isAll() ? "batch-report.csv"
			: "batch-report-" + part.tag() + ".csv");
		Files.createDirectories(outDir);
		DjlRuntime.startInBackground(); // libtorch loads while the model's files are read and checked
		RowRunner.Existing existing = resume ? RowRunner.Existing.RESUME : overwrite ? RowRunner.Existing.OVERWRITE
			: RowRunner.Existing.REFUSE;
		List<RowResult> results = new ArrayList<>();
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice());
			ProgressBar bar = progressBar(rows.size()))
		{
			RowRunner runner = new RowRunner(stylizer, engine.settings(), w, existing);
			for (BatchRow r : rows) {
				if (!r.isMalformed()) bar.setExtraMessage(r.image().getFileName().toString());
				results.add(runner.run(r));
				bar.step();
			}
		}
		BatchReport.write(reportFile, results, CliErrors::describe);
		return summarize(part, results, reportFile);
	}

	/** Prints the counts and each failure (with its CSV line) to stderr; the exit code. */
	private int summarize(Shard part, List<RowResult> results, Path reportFile) {
		int[] n = new int[RowResult.Status.values().length];
		for (RowResult r : results)
			n[r.status.ordinal()]++;
		int failed = n[RowResult.Status.FAILED.ordinal()];
		System.err.println("batch" + (part.isAll() ? "" : " shard " + part) + ": " + n[RowResult.Status.OK
			.ordinal()] + " written to " + outDir + ", " + n[RowResult.Status.SKIPPED.ordinal()] +
			" already done, " + failed + " failed; report " + reportFile);
		for (RowResult r : results)
			if (r.status == RowResult.Status.FAILED) System.err.println("  " + csv.getFileName() + " line " + r.row.line +
				": " + CliErrors.describe(r.error));
		return failed == 0 ? 0 : CliErrors.SOME_ROWS_FAILED;
	}

	private static ProgressBar progressBar(int rows) {
		return new ProgressBarBuilder().setTaskName("batch").setInitialMax(rows).setStyle(ProgressBarStyle.ASCII)
			.setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
	}
}
