package org.audiostyle.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.audiostyle.io.AtomicFiles;

/**
 * The CSV loss log {@code losses.csv}: one row per step with the learning rate, every loss and the step time. On
 * resume, rows after the checkpoint's step are dropped, so the log reads like one uninterrupted run.
 */
public final class LossLog implements AutoCloseable {

	public static final String[] COLUMNS = { "step", "phase", "lr", "D", "G_GAN", "NCE_X", "NCE_Y", "AV_G", "AV_C",
		"COLOUR", "SCENE", "MIX", "seconds" };

	private final BufferedWriter out;

	private LossLog(BufferedWriter out) {
		this.out = out;
	}

	/**
	 * Opens the log for appending after {@code lastStep} (steps are 1-based; 0 starts a new log), keeping earlier rows.
	 */
	public static LossLog open(Path file, long lastStep) throws IOException {
		List<String> keep = new ArrayList<>();
		keep.add(String.join(",", COLUMNS));
		if (lastStep > 0 && Files.isRegularFile(file)) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			List<String> old = lines.isEmpty() ? List.of(COLUMNS) : List.of(lines.get(0).split(",", -1));
			for (int i = 1; i < lines.size(); i++) {
				String l = relayout(lines.get(i), old);
				int comma = l.indexOf(',');
				if (comma <= 0) continue;
				try {
					if (Long.parseLong(l.substring(0, comma)) <= lastStep) keep.add(l);
				}
				catch (NumberFormatException e) {
					// a torn last line from a kill: drop it
				}
			}
		}
		AtomicFiles.write(file, (String.join("\n", keep) + "\n").getBytes(StandardCharsets.UTF_8));
		return new LossLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
	}

	/**
	 * A row of a log written with the columns {@code old} (an earlier version's) in today's {@link #COLUMNS}: values
	 * move by column name, columns it lacked stay empty, so a resumed old run keeps one table.
	 */
	static String relayout(String row, List<String> old) {
		if (old.equals(List.of(COLUMNS))) return row;
		String[] v = row.split(",", -1);
		List<String> out = new ArrayList<>();
		for (String c : COLUMNS) {
			int k = old.indexOf(c);
			out.add(k >= 0 && k < v.length ? v[k] : "");
		}
		return String.join(",", out);
	}

	public void append(long step, StepLosses l, double lr, double seconds) throws IOException {
		out.write(String.format(Locale.ROOT, "%d,%s,%.6g,%s,%s,%s,%s,%s,%s,%s,%s,%s,%.3f%n", step, l.phase, lr, f(l.d),
			f(l.gan), f(l.nceX), f(l.nceY), f(l.avGenerator), f(l.avCritic), f(l.colourMoments), f(l.sceneStatistics),
			f(l.mixedSounds), seconds));
		out.flush();
	}

	private static String f(double v) {
		return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
