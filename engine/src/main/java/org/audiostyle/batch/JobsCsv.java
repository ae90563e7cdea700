package org.audiostyle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a jobs CSV: {@code image,sound[,strength][,output]} per row, RFC 4180 (Apache Commons CSV): fields may be
 * quoted, a quoted field may hold commas, doubled quotes ({@code ""}) and line breaks; a UTF-8 byte-order mark and
 * CRLF line ends are accepted. Relative image and sound paths are taken from the CSV's folder, outputs from the
 * output folder; without an output name the row writes {@code <image stem>_<sound stem>.png}.
 * <p>
 * An optional first row naming the columns is a header: one whose first field is {@code image}, or that names both
 * {@code image} and {@code sound}. With a header, columns are found by name ({@code image}, {@code sound},
 * {@code strength}, {@code output}; others are ignored), so a {@link BatchReport} is itself a jobs file. Blank lines
 * and lines starting with {@code #} are skipped. None of these count as rows: rows are numbered from 0.
 */
public final class JobsCsv {

	public static final String COLUMNS = "image,sound[,strength][,output]";

	/** The dialect of jobs files and batch reports: RFC 4180 with {@code \n} line ends and {@code #} comments. */
	static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setCommentMarker('#')
		.setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true).get();

	private static final List<String> NAMED = List.of("image", "sound", "strength", "output");

	private JobsCsv() {}

	/** Every row in file order; malformed rows become {@link BatchRow#malformed} rows, so nothing is renumbered. */
	public static List<BatchRow> read(Path csv, Path outDir) throws IOException {
		if (!Files.isRegularFile(csv)) throw new NoSuchFileException(csv + " (jobs CSV)");
		Path base = csv.toAbsolutePath().getParent();
		String text;
		try {
			text = Files.readString(csv, StandardCharsets.UTF_8); // strict: malformed UTF-8 throws
		}
		catch (CharacterCodingException e) {
			throw new IOException(csv + " is not a UTF-8 text file; save the jobs CSV as UTF-8 text.", e);
		}
		if (text.startsWith("\uFEFF")) text = text.substring(1); // byte-order mark (Excel)
		Lines lines = new Lines(text);
		List<BatchRow> rows = new ArrayList<>();
		Map<Path, Integer> lineOfOutput = new HashMap<>();
		int[] columns = null; // image, sound, strength, output: index in the record, or -1; null or empty: positional
		boolean first = true;
		try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
			for (CSVRecord rec : parser) {
				String[] f = rec.values();
				if (Arrays.stream(f).allMatch(String::isEmpty) || f[0].startsWith("#")) continue; // blank, comment
				int lineNo = lines.lineOfRecordAt(rec.getCharacterPosition());
				if (first) {
					first = false;
					columns = header(f);
					if (columns != null) continue;
				}
				BatchRow r = row(rows.size(), lineNo, lines.line(lineNo), f, columns, base, outDir);
				if (!r.isMalformed()) {
					String bad = badOutput(r.output(), outDir, r.image(), r.sound(), lineOfOutput);
					if (bad != null) r = BatchRow.malformed(rows.size(), lineNo, bad);
					else lineOfOutput.put(r.output().toAbsolutePath().normalize(), lineNo);
				}
				rows.add(r);
			}
		}
		catch (UncheckedIOException | IllegalStateException e) {
			Throwable why = e.getCause() != null ? e.getCause() : e;
			throw new IOException(csv + " is not valid CSV: " + why.getMessage() + ". Close every quoted field with " +
				"a quote, and double a quote inside one (\"say \"\"hi\"\"\").", e);
		}
		return rows;
	}

	/**
	 * Null if {@code f} is not a header row; an empty array if it is one and the columns are positional (its names
	 * are a prefix of image,sound,strength,output, or it names no sound column, as any header starting with
	 * {@code image} used to be); else where each of image, sound, strength and output is (-1: absent).
	 */
	private static int[] header(String[] f) {
		List<String> names = new ArrayList<>();
		for (String s : f)
			names.add(s.toLowerCase(Locale.ROOT));
		boolean named = names.contains("image") && names.contains("sound");
		if (!names.get(0).equals("image") && !named) return null;
		if (!named || names.size() <= NAMED.size() && names.equals(NAMED.subList(0, names.size()))) return new int[0];
		int[] at = new int[NAMED.size()];
		for (int k = 0; k < at.length; k++)
			at[k] = names.indexOf(NAMED.get(k));
		return at;
	}

	private static String field(String[] f, int index) {
		return index >= 0 && index < f.length ? f[index] : "";
	}

	private static BatchRow row(long index, int lineNo, String line, String[] f, int[] columns, Path base,
		Path outDir)
	{
		String image, sound, strengthText, output;
		if (columns == null || columns.length == 0) {
			if (f.length < 2 || f.length > 4)
				return BatchRow.malformed(index, lineNo, "expected " + COLUMNS + " but got '" + line + "'");
			image = f[0];
			sound = f[1];
			strengthText = field(f, 2);
			output = field(f, 3);
		}
		else {
			image = field(f, columns[0]);
			sound = field(f, columns[1]);
			strengthText = field(f, columns[2]);
			output = field(f, columns[3]);
		}
		if (image.isEmpty() || sound.isEmpty())
			return BatchRow.malformed(index, lineNo, "expected " + COLUMNS + " but got '" + line + "'");
		double strength = 1.0;
		if (!strengthText.isEmpty()) {
			try {
				strength = Double.parseDouble(strengthText);
			}
			catch (NumberFormatException e) {
				strength = Double.NaN;
			}
			if (!(strength >= 0) || Double.isInfinite(strength))
				return BatchRow.malformed(index, lineNo, "strength '" + strengthText + "' is not a number >= 0");
		}
		Path imagePath = base.resolve(image);
		Path soundPath = base.resolve(sound);
		return BatchRow.job(index, lineNo, imagePath, soundPath, strength, outDir.resolve(output.isEmpty()
			? defaultOutputName(imagePath, soundPath) : output));
	}

	/**
	 * Why a row's output cannot be written, or null: it must stay inside the output folder (a name like
	 * {@code ../x.png} or an absolute path would write elsewhere), be a PNG, be no input, and not repeat an earlier
	 * row's output.
	 */
	private static String badOutput(Path output, Path outDir, Path image, Path sound, Map<Path, Integer> earlier) {
		Path o = output.toAbsolutePath().normalize();
		Path d = outDir.toAbsolutePath().normalize();
		if (!o.startsWith(d) || o.equals(d)) return "output '" + output + "' is not inside --out " + outDir +
			"; give a file name (or a sub-folder path) inside it, without '..'";
		if (!o.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
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

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/** Line numbers of a text (from 1; {@code \n}, {@code \r\n} and {@code \r} end a line), for messages. */
	private static final class Lines {

		private final String text;
		private final int[] starts;

		Lines(String text) {
			this.text = text;
			List<Integer> s = new ArrayList<>(List.of(0));
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) s.add(i + 1);
			}
			starts = s.stream().mapToInt(Integer::intValue).toArray();
		}

		/**
		 * The line a record starts on. The parser reports where it began looking for the record, which is before
		 * any empty and comment lines it skipped: skip them here too.
		 */
		int lineOfRecordAt(long position) {
			int line = Arrays.binarySearch(starts, (int) Math.min(position, text.length()));
			line = line >= 0 ? line : -line - 2; // index of the line holding the position
			while (line + 1 < starts.length && (line(line + 1).isEmpty() || line(line + 1).startsWith("#")))
				line++;
			return line + 1;
		}

		/** The text of line {@code number} (from 1), without its line end. */
		String line(int number) {
			int from = starts[number - 1];
			int to = number < starts.length ? starts[number] : text.length();
			while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r'))
				to--;
			return text.substring(from, to);
		}
	}
}
