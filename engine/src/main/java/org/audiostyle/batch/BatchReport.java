package org.audiostyle.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.audiostyle.io.AtomicFiles;

/** The per-row report of a batch (or of one shard) as CSV, written atomically so a reader never sees half of it. */
public final class BatchReport {

	public static final String HEADER = "row,line,status,seconds,output,error";

	private BatchReport() {}

	/**
	 * Writes one line per result, in the given order.
	 *
	 * @param describe turns a failed row's exception into its one-line error text
	 */
	public static void write(Path file, List<RowResult> results, Function<Exception, String> describe)
		throws IOException
	{
		StringBuilder s = new StringBuilder(HEADER).append('\n');
		for (RowResult r : results) {
			Path out = r.row.output();
			s.append(r.row.index).append(',').append(r.row.line).append(',').append(r.status.label()).append(',')
				.append(String.format(Locale.ROOT, "%.3f", r.seconds)).append(',').append(field(out == null ? ""
					: out.toString())).append(',').append(field(r.error == null ? "" : describe.apply(r.error)))
				.append('\n');
		}
		AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A CSV field: quoted when it holds a comma or quote; line breaks become spaces (one line per row). */
	static String field(String v) {
		String one = v.replace('\r', ' ').replace('\n', ' ');
		return one.indexOf(',') < 0 && one.indexOf('"') < 0 ? one : '"' + one.replace("\"", "\"\"") + '"';
	}
}
