package org.audiostyle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.Callable;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostyle bench}: measurements quoted in the README, taken side by side in one run.
 *
 * <p>Default: the time of a bare generator forward against a full {@code stylize} (audio decode and embedding,
 * image conversion, network, conversion back) on the same square input, interleaved, medians and their ratio.
 * {@code --memory}: one full native-resolution stylize of a large image, then the process's peak resident memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
	description = "Benchmark: bare generator forward vs full stylize (ratio), or peak memory of a large native run.")
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--size", defaultValue = "1024", description = "Square input side. Default: ${DEFAULT-VALUE}.")
	int size;

	@Option(names = "--reps", defaultValue = "5", description = "Timed repetitions of each. Default: ${DEFAULT-VALUE}.")
	int reps;

	@Option(names = "--memory", description = "Measure peak resident memory of one native stylize instead.")
	boolean memory;

	@Option(names = "--sound", paramLabel = "FILE", description = "Sound (default: sample-sounds/rain.wav).")
	Path sound;

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		Path s = sound != null ? sound : Paths.get("sample-sounds", "rain.wav");
		if (!Files.isRegularFile(s)) throw new java.nio.file.NoSuchFileException(s + " (benchmark sound)");
		SoundMix mix = SoundMix.of(Sound.file(s));
		PlanarImage scene = Resampling.resize(ImageConversion.toPlanar(org.audiostyle.image.ImageFiles.read(Paths.get(
			"test-images", "lake.png"))), size, size);
		Img<ARGBType> input = ImageConversion.toArgb(scene);
		StylizeSettings nativeRes = StylizeSettings.defaults().withNativeResolution();
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
			System.out.println("model " + model.id() + " (" + model.config() + ") on " + stylizer.device() + ", input " +
				size + "x" + size);
			if (memory) {
				long t0 = System.nanoTime();
				stylizer.stylize(input, mix, nativeRes, Progress.NONE);
				System.out.printf("native stylize %dx%d: %.1f s, peak resident memory %s%n", size, size,
					(System.nanoTime() - t0) / 1e9, peakRss());
				return 0;
			}
			float[] embedding = stylizer.embed(mix);
			double[] bare = new double[reps], full = new double[reps];
			bareForward(stylizer.model(), scene, embedding); // warm-up
			stylizer.stylize(input, mix, nativeRes, Progress.NONE);
			for (int i = 0; i < reps; i++) {
				bare[i] = bareForward(stylizer.model(), scene, embedding);
				long t0 = System.nanoTime();
				stylizer.stylize(input, mix, nativeRes, Progress.NONE);
				full[i] = (System.nanoTime() - t0) / 1e9;
				System.out.printf("rep %d: bare forward %.3f s, full stylize %.3f s%n", i + 1, bare[i], full[i]);
			}
			double b = median(bare), f = median(full);
			System.out.printf("median bare generator forward %.3f s, full stylize %.3f s: full/bare = %.3f " +
				"(+%.1f %%)%n", b, f, f / b, 100 * (f / b - 1));
			System.out.println("peak resident memory " + peakRss());
		}
		return 0;
	}

	/** The generator alone on an input already in an NDArray; output kept on the device. */
	private static double bareForward(StyleModel model, PlanarImage scene, float[] embedding) {
		return DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager()) {
				NDArray img = m.create(scene.toNetworkRange(), new Shape(1, 3, scene.height, scene.width));
				NDArray emb = m.create(embedding, new Shape(1, embedding.length));
				long t0 = System.nanoTime();
				NDArray out = model.generator().infer(m, img, emb, null);
				out.toFloatArray(); // forces completion on asynchronous devices
				return (System.nanoTime() - t0) / 1e9;
			}
		});
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** VmHWM from /proc (Linux); "unknown" elsewhere. */
	static String peakRss() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc/self/status")))
				if (line.startsWith("VmHWM:")) {
					long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format("%.2f GB", kb / 1024.0 / 1024.0);
				}
		}
		catch (IOException | NumberFormatException e) {
			// not Linux
		}
		return "unknown";
	}
}
