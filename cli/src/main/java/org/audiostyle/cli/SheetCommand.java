package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ContactSheet;
import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audiostyle sheet}: a contact sheet, the quickest way to see what a model does. Columns are the images, the
 * first row the inputs, then one row per sound; a row may be a mix and may set a strength, so a row list can show a
 * cross-fade or a loudness sweep. Each sound is embedded once for its whole row.
 */
@Command(name = "sheet", mixinStandardHelpOptions = true,
	description = "A contact sheet PNG: each --image (columns) restyled with each --row (rows).")
final class SheetCommand implements Callable<Integer> {

	@Option(names = "--image", paramLabel = "FILE", required = true, description = "An input image; repeat for more " +
		"columns.")
	List<Path> images = new ArrayList<>();

	@Option(names = "--row", paramLabel = "SOUND[*W][+SOUND[*W]...][@STRENGTH]", required = true,
		description = "One row: a sound file, or a mix of files with weights, optionally at a strength, e.g. " +
			"rain.wav, rain.wav*0.7+fire.wav*0.3, rain.wav@2. Repeat for more rows.")
	List<String> rows = new ArrayList<>();

	@Option(names = "--window", paramLabel = "loudest|start|SECONDS", defaultValue = "loudest",
		description = "Which 3 s of each file to hear. Default: ${DEFAULT-VALUE}.")
	String window;

	@Option(names = "--mix", paramLabel = "waveform|embedding",
		description = "How the sounds of a mixed row are combined (see stylize --mix). Default: embedding.")
	String mixMode;

	@Option(names = "--cell", paramLabel = "PIXELS", defaultValue = "160",
		description = "Side of each cell. Default: ${DEFAULT-VALUE}.")
	int cell;

	@Option(names = "--out", paramLabel = "FILE.png", required = true, description = "The sheet (PNG).")
	Path out;

	@Option(names = "--overwrite", description = "Replace an existing output file.")
	boolean overwrite;

	@Mixin
	EngineOptions engine;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (cell < 16 || cell > 2048) throw new IllegalArgumentException("--cell must be 16..2048 pixels, got " + cell);
		OutputChecks.png("--out", out, overwrite, images.toArray(new Path[0]));
		AudioWindow w = CliErrors.forOption(spec, "--window", () -> AudioWindow.parse(window));
		List<SoundMix> mixes = new ArrayList<>();
		MixMode mode = mixMode == null ? SoundMix.DEFAULT_MODE : CliErrors.forOption(spec, "--mix", () -> MixMode
			.parse(mixMode));
		for (String r : rows)
			mixes.add(parseRow(r, w).withMode(mode));
		List<PlanarImage> inputs = new ArrayList<>();
		for (Path p : images) {
			if (!Files.isRegularFile(p)) throw new NoSuchFileException(p + " (image file)");
			inputs.add(ImageConversion.toPlanar(ImageFiles.read(p)));
		}
		List<List<PlanarImage>> grid = new ArrayList<>();
		grid.add(inputs);
		List<String> labels = new ArrayList<>();
		labels.add("input");
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
			StylizeSettings settings = engine.settings();
			for (int i = 0; i < mixes.size(); i++) {
				float[] embedding = stylizer.embed(mixes.get(i));
				List<PlanarImage> row = new ArrayList<>();
				for (PlanarImage in : inputs)
					row.add(stylizer.stylize(in, embedding, Stylizer.withStrengthOf(mixes.get(i), settings), Progress.NONE));
				grid.add(row);
				labels.add(label(rows.get(i)));
				System.err.println("row " + (i + 1) + "/" + mixes.size() + ": " + rows.get(i));
			}
			ImageFiles.write(ContactSheet.compose(grid, labels, null, cell), "png", out, overwrite);
			System.err.println("wrote " + out + " (model " + model.id() + ")");
		}
		return 0;
	}

	/** {@code a.wav*0.7+b.wav*0.3@2}: files with optional weights (default {@link SoundMix#equal}), optional strength. */
	static SoundMix parseRow(String spec, AudioWindow window) throws NoSuchFileException {
		String body = spec.trim();
		double strength = 1;
		int at = body.lastIndexOf('@');
		if (at >= 0) {
			strength = number(body.substring(at + 1), "strength", spec);
			body = body.substring(0, at);
		}
		String[] parts = body.split("\\+");
		List<Sound> sounds = new ArrayList<>();
		double[] weights = new double[parts.length];
		int weighted = 0;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].trim();
			int star = part.lastIndexOf('*');
			if (star >= 0) {
				weights[i] = number(part.substring(star + 1), "weight", spec);
				part = part.substring(0, star).trim();
				weighted++;
			}
			if (part.isEmpty()) throw new IllegalArgumentException("Row '" + spec + "' has an empty sound file name.");
			Path p = Path.of(part);
			if (!Files.isRegularFile(p)) throw new NoSuchFileException(p + " (sound file in row '" + spec + "')");
			sounds.add(Sound.file(p, window));
		}
		if (weighted != 0 && weighted != parts.length) throw new IllegalArgumentException("Row '" + spec + "': give " +
			"a weight (*W) to every sound of a mix or to none.");
		return (weighted == 0 ? SoundMix.equal(sounds) : SoundMix.of(sounds, weights)).withStrength(strength);
	}

	private static double number(String text, String what, String spec) {
		try {
			double v = Double.parseDouble(text.trim());
			if (v >= 0 && Double.isFinite(v)) return v;
		}
		catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("Row '" + spec + "': " + what + " '" + text + "' is not a number >= 0.");
	}

	/** The row spec with folders and extensions dropped: "rain*0.7+fire*0.3@2". */
	static String label(String spec) {
		StringBuilder b = new StringBuilder();
		char before = '+';
		for (String token : spec.trim().split("(?=[+@*])|(?<=[+@*])")) {
			String t = token.trim();
			if (t.length() == 1 && "+@*".contains(t)) {
				b.append(t);
				before = t.charAt(0);
			}
			else if (before == '+') {
				String name = Path.of(t).getFileName().toString();
				int dot = name.lastIndexOf('.');
				b.append(dot > 0 ? name.substring(0, dot) : name);
			}
			else b.append(t); // a weight or a strength
		}
		return b.toString();
	}
}
