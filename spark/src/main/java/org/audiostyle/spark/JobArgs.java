package org.audiostyle.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.audiostyle.batch.RowRunner;

/** The job's command line: {@code --name value} options and two flags, checked before Spark does any work. */
final class JobArgs {

	static final String USAGE = String.join("\n",
		"Usage: spark-submit ... audiostyle-spark-VERSION-all.jar (--csv FILE | --images DIR --sound FILE...) --out DIR",
		"       [--results DIR] [--format parquet|csv] [--model PATH] [--device auto|cpu|gpu]",
		"       [--work-size PIXELS|native] [--tile PIXELS] [--overlap PIXELS] [--window loudest|start|SECONDS]",
		"       [--partitions N] [--resume | --overwrite]",
		"  --csv        jobs CSV: image,sound[,strength][,output], as for `audiostyle batch`",
		"  --images     every image directly in this folder, with each --sound (repeat --sound for several)",
		"  --out        output folder on storage all executors share (created if needed)",
		"  --results    results table folder (default: OUT/results), written as --format (default: parquet)",
		"  --model      model package on shared storage (default: the bundled model)",
		"  --partitions Spark partitions (default: the cluster's default parallelism)",
		"  --resume     keep outputs that are already complete images (reruns and retried tasks continue)",
		"  --overwrite  replace existing outputs",
		"Paths must be the same on every executor (a shared file system such as NFS or Lustre).");

	Path csv, images, out, results;
	final List<Path> sounds = new ArrayList<>();
	String format = "parquet";
	int partitions;
	final JobSettings settings = new JobSettings();

	/** @throws IllegalArgumentException with a one-line message naming the option and the fix */
	static JobArgs parse(String... args) {
		JobArgs a = new JobArgs();
		boolean resume = false, overwrite = false;
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals("--resume")) {
				resume = true;
				continue;
			}
			if (name.equals("--overwrite")) {
				overwrite = true;
				continue;
			}
			if (i + 1 >= args.length || !name.startsWith("--"))
				throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value"
					: "unexpected argument '" + name + "' (options start with --; see --help)");
			String v = args[++i];
			switch (name) {
				case "--csv": a.csv = path(v); break;
				case "--images": a.images = path(v); break;
				case "--sound": a.sounds.add(path(v)); break;
				case "--out": a.out = path(v); break;
				case "--results": a.results = path(v); break;
				case "--format": a.format = v; break;
				case "--model": a.settings.model = path(v).toString(); break;
				case "--device": a.settings.device = v; break;
				case "--work-size": a.settings.workSize = v; break;
				case "--tile": a.settings.tile = number(name, v, 0); break;
				case "--overlap": a.settings.overlap = number(name, v, 0); break;
				case "--window": a.settings.window = v; break;
				case "--partitions": a.partitions = number(name, v, 1); break;
				default: throw new IllegalArgumentException("unknown option " + name + " (see --help)");
			}
		}
		if (resume && overwrite)
			throw new IllegalArgumentException("--resume and --overwrite contradict each other: pass one of them");
		a.settings.existing = resume ? RowRunner.Existing.RESUME : overwrite ? RowRunner.Existing.OVERWRITE
			: RowRunner.Existing.REFUSE;
		if ((a.csv == null) == (a.images == null))
			throw new IllegalArgumentException("pass either --csv FILE or --images DIR (with --sound FILE)");
		if (a.images != null && a.sounds.isEmpty())
			throw new IllegalArgumentException("--images needs at least one --sound FILE");
		if (a.csv != null && !a.sounds.isEmpty())
			throw new IllegalArgumentException("--sound goes with --images; a --csv names its sounds per row");
		if (a.out == null) throw new IllegalArgumentException("--out DIR is required (the output folder)");
		if (a.results == null) a.results = a.out.resolve("results");
		if (!a.format.equals("parquet") && !a.format.equals("csv"))
			throw new IllegalArgumentException("--format '" + a.format + "': expected parquet or csv");
		a.settings.validate();
		return a;
	}

	boolean replacesResults() {
		return settings.existing != RowRunner.Existing.REFUSE;
	}

	/** Absolute, so that executors in other working directories find the same file. */
	private static Path path(String v) {
		return Paths.get(v).toAbsolutePath().normalize();
	}

	private static int number(String name, String v, int min) {
		try {
			int n = Integer.parseInt(v.strip());
			if (n >= min) return n;
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(name + " '" + v + "': expected a whole number >= " + min);
	}
}
