package org.audiostyle.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.Stylizer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
		AudioWindow w = AudioWindow.parse(window);
		List<String> failures = new ArrayList<>();
		List<Row> rows = parse(csv, outDir, failures);
		Files.createDirectories(outDir);
		int ok = 0;
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice());
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
					Img<ARGBType> out = stylizer.stylize(ImageFiles.read(r.image), mix, engine.settings(),
						Progress.NONE);
					ImageFiles.writePng(out, r.output, overwrite);
					ok++;
				}
				catch (Exception e) {
					failures.add(csv.getFileName() + " line " + r.line + ": " + CliErrors.describe(e));
				}
				bar.step();
			}
		}
		System.err.println("batch: " + ok + " written to " + outDir + ", " + failures.size() + " failed");
		for (String f : failures)
			System.err.println("  " + f);
		return failures.isEmpty() ? 0 : CliErrors.SOME_ROWS_FAILED;
	}

	/** Parses the CSV; malformed rows go to {@code failures} with their line number. */
	static List<Row> parse(Path csv, Path outDir, List<String> failures) throws IOException {
		Path base = csv.toAbsolutePath().getParent();
		List<Row> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
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
			rows.add(new Row(i + 1, image, sound, strength, output));
		}
		return rows;
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
