package org.audiostyle.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.JobsCsv;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;

/**
 * The Spark job: rows from a jobs CSV or a folder listing, stylized in {@code mapPartitions} (one model per executor
 * JVM), outputs written atomically, and a results table (row, paths, status, seconds, error, model id, sound
 * SHA-256, device) sorted by row. Exit codes as the command line's: 0 all done, 2 bad input, 3 some rows failed.
 */
public final class StylizeJob {

	/** Row counts of a finished job. */
	public static final class Summary {

		public final long ok, skipped, failed;

		Summary(long ok, long skipped, long failed) {
			this.ok = ok;
			this.skipped = skipped;
			this.failed = failed;
		}

		@Override
		public String toString() {
			return ok + " written, " + skipped + " already done, " + failed + " failed";
		}
	}

	private StylizeJob() {}

	public static void main(String[] args) {
		if (args.length == 0 || List.of(args).contains("--help")) {
			System.out.println(JobArgs.USAGE);
			System.exit(args.length == 0 ? 2 : 0);
		}
		int code;
		SparkSession spark = null;
		try {
			JobArgs a = JobArgs.parse(args);
			spark = SparkSession.builder().appName("audiostyle-stylize").getOrCreate();
			Summary s = run(spark, a);
			System.err.println("audiostyle-spark: " + s + "; results in " + a.results);
			code = s.failed == 0 ? 0 : 3;
		}
		catch (IllegalArgumentException | IOException | ModelException e) {
			System.err.println("error: " + e.getMessage());
			code = 2;
		}
		finally {
			if (spark != null) spark.stop();
		}
		System.exit(code);
	}

	/** Runs the job in an existing session (tests share one). */
	public static Summary run(SparkSession spark, String... args) throws IOException, ModelException {
		return run(spark, JobArgs.parse(args));
	}

	static Summary run(SparkSession spark, JobArgs a) throws IOException, ModelException {
		if (Files.exists(a.results) && !a.replacesResults()) throw new IllegalArgumentException("results " +
			a.results + " already exist: pass --resume or --overwrite (both replace the table), or another --results");
		// Fail on the driver, once, if the model is unusable, instead of once per executor.
		try (StyleModel m = a.settings.loadModel()) {
			System.err.println("audiostyle-spark: model " + m.id());
		}
		List<BatchRow> rows = a.csv != null ? JobsCsv.read(a.csv, a.out) : FolderJobs.list(a.images, a.sounds, a.out);
		Files.createDirectories(a.out);
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		int parts = a.partitions > 0 ? a.partitions : jsc.defaultParallelism();
		// Collected on the driver (a few hundred bytes a row): the rows are stylized exactly once, never again because
		// a cached partition was evicted and recomputed.
		List<ResultRecord> results = jsc.parallelize(rows, Math.max(1, Math.min(parts, rows.size()))).mapPartitions(
			new StylizePartition(a.settings)).collect();
		Dataset<Row> table = spark.createDataFrame(results, ResultRecord.class).select("row", "line", "image",
			"sound", "strength", "output", "status", "seconds", "error", "modelId", "soundSha256", "device");
		// Spark's file committer writes the table under _temporary and moves it into place when the job succeeds.
		table.orderBy("row").coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").format(a.format)
			.save(a.results.toUri().toString());
		return new Summary(count(results, "ok"), count(results, "skipped"), count(results, "failed"));
	}

	private static long count(List<ResultRecord> results, String status) {
		return results.stream().filter(r -> r.getStatus().equals(status)).count();
	}
}
