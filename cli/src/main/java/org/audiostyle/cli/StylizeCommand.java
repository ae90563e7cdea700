package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.stylize.MixEmbedding;
import org.audiostyle.stylize.Precision;
import org.audiostyle.stylize.StageTimes;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostyle stylize}: one image, one sound (or mix), one image out. With {@code --verbose} it prints the time
 * of each stage (decode, model, audio, reduce, network, upsample, encode, write); "in N s" is all of them, from
 * reading the input to the output in place.
 */
@Command(name = "stylize", mixinStandardHelpOptions = true,
	description = "Restyle one image to match a sound and write an image of the same size: PNG, TIFF or JPEG, as " +
		"the --out name's extension says.")
final class StylizeCommand implements Callable<Integer> {

	@Option(names = "--image", paramLabel = "FILE", required = true, description = "Input image (PNG, JPEG, TIFF).")
	Path image;

	@Option(names = "--out", paramLabel = "FILE.png|.tif|.jpg", required = true, description = "Output image; " +
		"the extension chooses the format: .png (lossless), .tif (lossless, uncompressed), .jpg (see --quality).")
	Path out;

	@Option(names = "--quality", paramLabel = "1-100", defaultValue = "92", description = "JPEG quality for a .jpg " +
		"--out. Default: ${DEFAULT-VALUE}.")
	int quality;

	@Option(names = "--overwrite", description = "Replace --out if it exists.")
	boolean overwrite;

	@Mixin
	SoundOptions sound;

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		// options and paths first: a mistake there fails at once, before files are decoded or the model loads
		StylizeSettings settings = engine.settings();
		DeviceChoice device = engine.deviceChoice();
		SoundMix mix = sound.mix();
		OutputChecks.image("--out", out, overwrite, image);
		if (quality < 1 || quality > 100) throw new IllegalArgumentException("--quality must be between 1 and 100, " +
			"got " + quality);
		// libtorch loads on its own thread while this one decodes the image and reads the model's files
		DjlRuntime.startInBackground();
		boolean verbose = Boolean.getBoolean("audiostyle.verbose");
		StageTimes times = verbose ? StageTimes.recording() : StageTimes.NONE;
		long t0 = System.nanoTime();
		// the model loads, and its stylizer compiles the pass, on a second thread while this one decodes the image
		// and the sounds
		try (InBackground<Ready> loading = new InBackground<>("model load", () -> Ready.load(engine, device,
			settings.precision)))
		{
			RandomAccessibleInterval<?> img = ImageFiles.read(image);
			times.add(StageTimes.DECODE, System.nanoTime() - t0);
			long ta = System.nanoTime();
			MixEmbedding.Prepared sounds = MixEmbedding.prepare(mix);
			times.add(StageTimes.AUDIO, System.nanoTime() - ta);
			// the photo's reduced picture needs no model: made while the model may still be loading
			Stylizer.Input input = Stylizer.reduceAhead(img, settings, times);
			long t1 = System.nanoTime();
			try (Ready ready = loading.get(); TerminalProgress progress = new TerminalProgress("stylize")) {
				StyleModel model = ready.model;
				Stylizer stylizer = ready.stylizer;
				times.add(StageTimes.MODEL, System.nanoTime() - t1);
				stylizer.setStageTimes(times);
				long te = System.nanoTime();
				float[] embedding = stylizer.embed(sounds);
				times.add(StageTimes.AUDIO, System.nanoTime() - te);
				Img<ARGBType> result = stylizer.stylizeConsuming(input, embedding, Stylizer.withStrengthOf(mix,
					settings), progress);
				progress.close();
				ImageFiles.writeRgb(result, out, overwrite, quality / 100f, times);
				System.err.printf("wrote %s (%dx%d) in %.1f s: %s, model %s on %s%n", out, result.dimension(0), result
					.dimension(1), (System.nanoTime() - t0) / 1e9, mix, model.id(), stylizer.device());
				if (verbose) System.err.println("stages: " + times);
			}
		}
		return 0;
	}

	/** A loaded model and its stylizer with the compiled pass made: what the background thread hands over. */
	private static final class Ready implements AutoCloseable {

		final StyleModel model;
		final Stylizer stylizer;

		private Ready(StyleModel model, Stylizer stylizer) {
			this.model = model;
			this.stylizer = stylizer;
		}

		static Ready load(EngineOptions engine, DeviceChoice device, Precision precision) throws ModelException {
			StyleModel model = engine.loadModel();
			Stylizer stylizer = null;
			try {
				stylizer = new Stylizer(model, device);
				stylizer.preparePass(precision);
				return new Ready(model, stylizer);
			}
			catch (RuntimeException | Error e) {
				try (StyleModel m = model) {
					if (stylizer != null) stylizer.close();
				}
				throw e;
			}
		}

		@Override
		public void close() {
			try (StyleModel m = model) {
				stylizer.close();
			}
		}
	}
}
