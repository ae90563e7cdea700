package org.audiostyle.batch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.commons.csv.CSVPrinter;
import org.audiostyle.io.AtomicFiles;

/**
 * The per-row report of a batch (or of one shard) as CSV, written atomically so a reader never sees half of it.
 * It is written in the jobs files' dialect ({@link JobsCsv#FORMAT}, RFC 4180) and names its columns, so it can be
 * read back as a jobs file: its image, sound, strength and output columns give the same rows (paths absolute).
 */
public final class BatchReport {

	public static final String HEADER = "row,line,status,seconds,output,error,image,sound,strength";

	private BatchReport() {}

	/**
	 * Writes one line per result, in the given order.
	 *
	 * @param describe turns a failed row's exception into its one-line error text
	 */
	public static void write(Path file, List<RowResult> results, Function<Exception, String> describe)
		throws IOException
	{
		StringWriter s = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(s, JobsCsv.FORMAT)) {
			csv.printRecord((Object[]) HEADER.split(","));
			for (RowResult r : results) {
				BatchRow row = r.row;
				csv.printRecord(row.index, row.line, r.status.label(), String.format(Locale.ROOT, "%.3f", r.seconds),
					path(row.output()), r.error == null ? "" : oneLine(describe.apply(r.error)), path(row.image()),
					path(row.sound()), row.isMalformed() ? "" : Double.toString(row.strength));
			}
		}
		AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String path(Path p) {
		return p == null ? "" : p.toAbsolutePath().normalize().toString();
	}

	/** Line breaks become spaces: one line per row, for grep. */
	static String oneLine(String v) {
		return v.replace('\r', ' ').replace('\n', ' ');
	}
}
