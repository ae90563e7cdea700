package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.audiostyle.eval.EvaluationReport;
import org.audiostyle.eval.EvaluationRunner;
import org.audiostyle.eval.EvaluationSettings;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostyle evaluate}: does the model do the job on held-out photos and sounds? Scene-classifier hit rate,
 * structure (SSIM), two baselines, the mixing check and a contact sheet.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
	description = "Stylize a fixed grid of held-out (image, sound) pairs and report how often an independent scene " +
		"classifier sees a scene that co-occurs with the sound, SSIM, baselines (unchanged input, colour transfer) " +
		"and mixing monotonicity; writes report.json, report.md and a contact sheet.")
final class EvaluateCommand implements Callable<Integer> {

	@Option(names = "--images", paramLabel = "DIR", required = true, description = "Held-out images: <class>/*.jpg.")
	Path images;

	@Option(names = "--sounds", paramLabel = "DIR", required = true, description = "Held-out sounds: <class>/*.wav.")
	Path sounds;

	@Option(names = "--cooccurrence", paramLabel = "FILE.csv", required = true,
		description = "sound_class,image_class,weight table.")
	Path cooccurrence;

	@Option(names = "--train-images", paramLabel = "DIR",
		description = "Training images for the judge and the colour-transfer targets (default: images/ beside " +
			"the co-occurrence table).")
	Path trainImages;

	@Option(names = "--out", paramLabel = "REPORT_DIR", required = true, description = "Report folder.")
	Path out;

	@Option(names = "--images-per-class", paramLabel = "N", defaultValue = "4",
		description = "Images per scene class in the grid (default: ${DEFAULT-VALUE}).")
	int imagesPerClass;

	@Option(names = "--sounds-per-class", paramLabel = "N", defaultValue = "1",
		description = "Sounds per sound class in the grid (default: ${DEFAULT-VALUE}); more is steadier and slower.")
	int soundsPerClass;

	@Option(names = "--mix", paramLabel = "waveform|embedding",
		description = "How the mixing check combines two sounds (default: the default mix mode, embedding).")
	String mixMode;

	@Option(names = "--mix-pairs", paramLabel = "N", defaultValue = "6",
		description = "Sound-class pairs in the mixing check; 0 = every ordered pair (default: ${DEFAULT-VALUE}).")
	int mixPairs;

	@Option(names = "--mix-images", paramLabel = "N", defaultValue = "4",
		description = "Images per pair in the mixing check and per sound in the strength check " +
			"(default: ${DEFAULT-VALUE}).")
	int mixImages;

	@Option(names = "--painting", paramLabel = "REFERENCE_DIR",
		description = "Painting check: give the generator, for each sound, the mean embedding of its class's " +
			"recordings in REFERENCE_DIR/<class>/ (the training sounds) instead of the sound's own, so the hit rate " +
			"measures the generator alone, as if every sound were heard right.")
	Path painting;

	@Mixin
	EngineOptions engine;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		EvaluationSettings s = new EvaluationSettings();
		if (imagesPerClass < 1 || soundsPerClass < 1) throw new IllegalArgumentException("--images-per-class and " +
			"--sounds-per-class must be at least 1, got " + imagesPerClass + " and " + soundsPerClass);
		s.trainImages = trainImages;
		s.imagesPerClass = imagesPerClass;
		s.soundsPerClass = soundsPerClass;
		if (mixImages < 1) throw new IllegalArgumentException("--mix-images must be at least 1, got " + mixImages);
		s.mixPairs = mixPairs;
		s.mixImages = mixImages;
		if (mixMode != null) s.mixMode = CliErrors.forOption(spec, "--mix", () -> org.audiostyle.audio.MixMode.parse(
			mixMode));
		s.log = System.err::println;
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
			var settings = engine.settings();
			// The grid reuses each sound for many images: decode and embed each mix once.
			java.util.Map<String, float[]> embeddings = new java.util.HashMap<>();
			org.audiostyle.eval.ClassMeanEmbeddings classMeans = painting == null ? null : org.audiostyle.eval
				.ClassMeanEmbeddings.fromFolders(f -> stylizer.embed(org.audiostyle.audio.SoundMix.of(org.audiostyle
					.audio.Sound.file(f))), painting);
			EvaluationReport r = EvaluationRunner.run((PlanarImage img, org.audiostyle.audio.SoundMix mix) -> {
				String key = mix.sounds() + "|" + mix.weights() + "|" + mix.mode(); // strength is not in the embedding
				float[] e = embeddings.get(key);
				if (e == null) embeddings.put(key, e = classMeans != null ? classMeans.of(mix) : stylizer.embed(mix));
				return stylizer.stylize(img, e, Stylizer.withStrengthOf(mix, settings), Progress.NONE);
			}, images, sounds, cooccurrence, out, s);
			System.err.println("report written to " + out + " (model " + model.id() + ")");
			System.out.println(r.markdown());
		}
		return 0;
	}
}
