package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audiostyle stylize}: one image, one sound (or mix), one PNG. */
@Command(name = "stylize", mixinStandardHelpOptions = true,
	description = "Restyle one image to match a sound and write a PNG of the same size.")
final class StylizeCommand implements Callable<Integer> {

	@Option(names = "--image", paramLabel = "FILE", required = true, description = "Input image (PNG, JPEG, TIFF).")
	Path image;

	@Option(names = "--out", paramLabel = "FILE.png", required = true, description = "Output PNG.")
	Path out;

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
		OutputChecks.png("--out", out, overwrite, image);
		RandomAccessibleInterval<?> img = ImageFiles.read(image);
		long t0 = System.nanoTime();
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, device);
			TerminalProgress progress = new TerminalProgress("stylize"))
		{
			Img<ARGBType> result = stylizer.stylize(img, mix, settings, progress);
			progress.close();
			ImageFiles.writePng(result, out, overwrite);
			System.err.printf("wrote %s (%dx%d) in %.1f s: %s, model %s on %s%n", out, result.dimension(0), result
				.dimension(1), (System.nanoTime() - t0) / 1e9, mix, model.id(), stylizer.device());
		}
		return 0;
	}
}
