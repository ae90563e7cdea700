package org.audiostyle.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a jobs CSV: {@code image,sound[,strength][,output]} per line. Relative image and sound paths are taken from
 * the CSV's folder, outputs from the output folder; without an output name the row writes
 * {@code <image stem>_<sound stem>.png}. An optional first line starting with {@code image} is a header; blank lines
 * and lines starting with {@code #} are skipped. None of these count as rows: rows are numbered from 0.
 */
public final class JobsCsv {

	public static final String COLUMNS = "image,sound[,strength][,output]";

	private JobsCsv() {}

	/** Every row in file order; malformed lines become {@link BatchRow#malformed} rows, so nothing is renumbered. */
	public static List<BatchRow> read(Path csv, Path outDir) throws IOException {
		if (!Files.isRegularFile(csv)) throw new NoSuchFileException(csv + " (jobs CSV)");
		Path base = csv.toAbsolutePath().getParent();
		List<BatchRow> rows = new ArrayList<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8); // \n, \r\n and \r all end a line
		}
		catch (java.nio.charset.CharacterCodingException e) {
			throw new IOException(csv + " is not a UTF-8 text file; save the jobs CSV as UTF-8 text.", e);
		}
		java.util.Map<Path, Integer> lineOfOutput = new java.util.HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip(); // byte-order mark (Excel)
			if (line.isEmpty() || line.startsWith("#")) continue;
			String[] f = line.split(",", -1);
			for (int k = 0; k < f.length; k++)
				f[k] = unquote(f[k].strip());
			if (i == 0 && f[0].equalsIgnoreCase("image")) continue;
			BatchRow r = row(rows.size(), i + 1, line, f, base, outDir);
			if (!r.isMalformed()) {
				String bad = badOutput(r.output(), outDir, r.image(), r.sound(), lineOfOutput);
				if (bad != null) r = BatchRow.malformed(rows.size(), i + 1, bad);
				else lineOfOutput.put(r.output().toAbsolutePath().normalize(), i + 1);
			}
			rows.add(r);
		}
		return rows;
	}

	private static BatchRow row(long index, int lineNo, String line, String[] f, Path base, Path outDir) {
		if (f.length < 2 || f.length > 4 || f[0].isEmpty() || f[1].isEmpty())
			return BatchRow.malformed(index, lineNo, "expected " + COLUMNS + " but got '" + line + "'");
		double strength = 1.0;
		if (f.length >= 3 && !f[2].isEmpty()) {
			try {
				strength = Double.parseDouble(f[2]);
			}
			catch (NumberFormatException e) {
				strength = Double.NaN;
			}
			if (!(strength >= 0) || Double.isInfinite(strength))
				return BatchRow.malformed(index, lineNo, "strength '" + f[2] + "' is not a number >= 0");
		}
		Path image = base.resolve(f[0]);
		Path sound = base.resolve(f[1]);
		return BatchRow.job(index, lineNo, image, sound, strength, outDir.resolve(f.length == 4 && !f[3].isEmpty()
			? f[3] : defaultOutputName(image, sound)));
	}

	/**
	 * Why a row's output cannot be written, or null: it must stay inside the output folder (a name like
	 * {@code ../x.png} or an absolute path would write elsewhere), be a PNG, be no input, and not repeat an earlier
	 * row's output.
	 */
	private static String badOutput(Path output, Path outDir, Path image, Path sound,
		java.util.Map<Path, Integer> earlier) {
		Path o = output.toAbsolutePath().normalize();
		Path d = outDir.toAbsolutePath().normalize();
		if (!o.startsWith(d) || o.equals(d)) return "output '" + output + "' is not inside --out " + outDir +
			"; give a file name (or a sub-folder path) inside it, without '..'";
		if (!o.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
			return "output '" + o.getFileName() + "' must end in .png (outputs are PNG)";
		if (o.equals(image.toAbsolutePath().normalize()) || o.equals(sound.toAbsolutePath().normalize()))
			return "output '" + output + "' is an input of the row; choose another output name";
		Integer first = earlier.get(o);
		if (first != null) return "output '" + output + "' is also the output of line " + first +
			"; give each row its own output name";
		return null;
	}

	/** {@code <image stem>_<sound stem>.png}: the output name of a row that names none. */
	public static String defaultOutputName(Path image, Path sound) {
		return stem(image) + "_" + stem(sound) + ".png";
	}

	private static String unquote(String s) {
		return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
