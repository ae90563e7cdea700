package org.audiostyle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;
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
 * {@code audiostyle batch}: many (image, sound) rows from a CSV with one model load. A bad row is reported and
 * skipped; the exit code is non-zero when any row failed.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
	description = "Restyle the rows of a CSV: image,sound[,strength][,output]. Relative paths are taken from the " +
		"CSV's folder; an optional header row starting with 'image' is skipped.")
final class BatchCommand implements Callable<Integer> {

	@Option(names = "--csv", paramLabel = "FILE", required = true, description = "CSV of image,sound[,strength][,output].")
	Path csv;

	@Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (created if needed).")
	Path outDir;

	@Option(names = "--overwrite", description = "Replace existing outputs.")
	boolean overwrite;

	@Option(names = "--window", paramLabel = "loudest|start|SECONDS", defaultValue = "loudest",
		description = "Which 3 s of each sound to hear. Default: ${DEFAULT-VALUE}.")
	String window;

	@Mixin
	EngineOptions engine;

	@Spec
	CommandSpec spec;

	/** One parsed CSV row. */
	static final class Row {

		final int line;
		final Path image, sound, output;
		final double strength;

		Row(int line, Path image, Path sound, double strength, Path output) {
			this.line = line;
			this.image = image;
			this.sound = sound;
			this.strength = strength;
			this.output = output;
		}
	}

	@Override
	public Integer call() throws Exception {
		if (!Files.isRegularFile(csv)) throw new java.nio.file.NoSuchFileException(csv + " (batch CSV)");
		AudioWindow w = CliErrors.forOption(spec, "--window", () -> AudioWindow.parse(window));
		StylizeSettings settings = engine.settings();
		DeviceChoice device = engine.deviceChoice();
		if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new IllegalArgumentException("--out " + outDir +
			" is a file; give a folder for the outputs.");
		List<String> failures = new ArrayList<>();
		List<Row> rows = parse(csv, outDir, failures);
		int ok = 0;
		if (rows.isEmpty()) return report(ok, failures); // nothing to restyle: no model to load
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, device);
			ProgressBar bar = new ProgressBarBuilder().setTaskName("batch").setInitialMax(rows.size()).setStyle(
				ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
				.build())
		{
			for (Row r : rows) {
				bar.setExtraMessage(r.image.getFileName().toString());
				try {
					if (Files.exists(r.output) && !overwrite)
						throw new IllegalArgumentException(r.output + " already exists (pass --overwrite)");
					SoundMix mix = SoundMix.of(Sound.file(r.sound, w)).withStrength(r.strength);
					Img<ARGBType> out = stylizer.stylize(ImageFiles.read(r.image), mix, settings, Progress.NONE);
					Files.createDirectories(r.output.getParent()); // only now: a run where every row fails leaves none
					ImageFiles.writePng(out, r.output, overwrite);
					ok++;
				}
				catch (Exception e) {
					failures.add(csv.getFileName() + " line " + r.line + ": " + CliErrors.describe(e));
				}
				bar.step();
			}
		}
		return report(ok, failures);
	}

	private int report(int ok, List<String> failures) {
		System.err.println("batch: " + ok + " written to " + outDir + ", " + failures.size() + " failed");
		for (String f : failures)
			System.err.println("  " + f);
		return failures.isEmpty() ? 0 : CliErrors.SOME_ROWS_FAILED;
	}

	/** Parses the CSV; malformed rows go to {@code failures} with their line number. */
	static List<Row> parse(Path csv, Path outDir, List<String> failures) throws IOException {
		Path base = csv.toAbsolutePath().getParent();
		List<Row> rows = new ArrayList<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.UTF_8); // \n, \r\n and \r all end a line
		}
		catch (java.nio.charset.CharacterCodingException e) {
			throw new IOException(csv + " is not a UTF-8 text file; save the batch CSV as UTF-8 text.", e);
		}
		Map<Path, Integer> lineOfOutput = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1).strip(); // byte-order mark (Excel)
			if (line.isEmpty() || line.startsWith("#")) continue;
			String[] f = line.split(",", -1);
			for (int k = 0; k < f.length; k++)
				f[k] = unquote(f[k].strip());
			if (i == 0 && f[0].equalsIgnoreCase("image")) continue;
			String where = csv.getFileName() + " line " + (i + 1) + ": ";
			if (f.length < 2 || f.length > 4 || f[0].isEmpty() || f[1].isEmpty()) {
				failures.add(where + "expected image,sound[,strength][,output] but got '" + line + "'");
				continue;
			}
			double strength = 1.0;
			if (f.length >= 3 && !f[2].isEmpty()) {
				try {
					strength = Double.parseDouble(f[2]);
					if (!(strength >= 0) || Double.isInfinite(strength)) throw new NumberFormatException();
				}
				catch (NumberFormatException e) {
					failures.add(where + "strength '" + f[2] + "' is not a number >= 0");
					continue;
				}
			}
			Path image = base.resolve(f[0]);
			Path sound = base.resolve(f[1]);
			Path output = f.length == 4 && !f[3].isEmpty() ? outDir.resolve(f[3]) : outDir.resolve(stem(image) + "_" +
				stem(sound) + ".png");
			String bad = badOutput(output, outDir, image, sound, lineOfOutput);
			if (bad != null) {
				failures.add(where + bad);
				continue;
			}
			lineOfOutput.put(output.toAbsolutePath().normalize(), i + 1);
			rows.add(new Row(i + 1, image, sound, strength, output));
		}
		return rows;
	}

	/**
	 * Why a row's output cannot be written, or null: it must stay inside {@code --out} (a name like {@code ../x.png}
	 * or an absolute path would write elsewhere), be a PNG, be no input, and not repeat an earlier row's output.
	 */
	private static String badOutput(Path output, Path outDir, Path image, Path sound, Map<Path, Integer> earlier) {
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

	private static String unquote(String s) {
		return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
