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
 * {@code audiostyle bench}: measurements quoted in docs/speed.md, taken side by side in one run.
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

	@Option(names = "--targets", description = "The user-facing speed figures: a 4000x3000 photo at default " +
		"settings, 'small' at 1024x1024 native, time per megapixel from 1 to 16 MP.")
	boolean targets;

	@Option(names = "--profile", paramLabel = "TRACE.json", description = "Profile one generator pass on a " +
		"--size input (PyTorch's profiler): write a Chrome trace and print the time per operator kind.")
	Path profile;

	@Option(names = "--eager", description = "With --profile: profile the eager DJL layers instead of the compiled " +
		"pass.")
	boolean eager;

	@Option(names = "--vs-pytorch", description = "Compare the generator forward with PyTorch eager (Python, same " +
		"network and weights), interleaved: the bundled model and the 'small' configuration.")
	boolean vsPytorch;

	@Option(names = "--sizes", split = ",", defaultValue = "512,1024", paramLabel = "DEFAULT,SMALL",
		description = "With --vs-pytorch: input sides for the bundled model and for 'small'. Default: ${DEFAULT-VALUE}.")
	int[] sizes;

	@Option(names = "--train-batch", defaultValue = "4", description = "With --vs-pytorch: batch of the generator " +
		"training-step comparison (128 x 128 crops); 0 skips it. Default: ${DEFAULT-VALUE}.")
	int trainBatch;

	@Option(names = "--no-eager", description = "With --vs-pytorch: skip the DJL eager layers (the slow 'before').")
	boolean noEager;

	@Option(names = "--python", paramLabel = "EXE", description = "With --vs-pytorch: Python with PyTorch " +
		"(default: /usr/bin/python3, Debian's python3-torch).")
	String python;

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		if (vsPytorch) {
			if (sizes.length != 2) throw new IllegalArgumentException("--sizes needs two sides, e.g. 512,1024");
			BenchVsPytorch b = new BenchVsPytorch(reps, !noEager, python != null ? python :
				BenchVsPytorch.defaultPython(), BenchVsPytorch.defaultWorker());
			b.trainBatch = trainBatch;
			double worst = b.run(java.util.List.of(
				new BenchVsPytorch.Case("bundled default model", sizes[0], engine::loadModel),
				new BenchVsPytorch.Case("'small' configuration (seeded random weights)", sizes[1],
					() -> StyleModel.random(org.audiostyle.nn.NetworkConfig.small(), 1))));
			System.out.printf("%ndjl/pytorch fp32 ratio %.3f%n", worst);
			return 0;
		}
		Path s = sound != null ? sound : Paths.get("sample-sounds", "rain.wav");
		if (!Files.isRegularFile(s)) throw new java.nio.file.NoSuchFileException(s + " (benchmark sound)");
		SoundMix mix = SoundMix.of(Sound.file(s));
		PlanarImage scene = Resampling.resize(ImageConversion.toPlanar(org.audiostyle.image.ImageFiles.read(Paths.get(
			"test-images", "lake.png"))), size, size);
		Img<ARGBType> input = ImageConversion.toArgb(scene);
		StylizeSettings nativeRes = engine.settings().withNativeResolution();
		if (profile != null) {
			try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
				BenchProfile.run(model, scene, stylizer.embed(mix), stylizer.precisionChoice(engine.settings()
					.precision).precision, eager, profile);
			}
			return 0;
		}
		if (targets) {
			try (StyleModel model = engine.loadModel()) {
				PlanarImage original = ImageConversion.toPlanar(org.audiostyle.image.ImageFiles.read(Paths.get(
					"test-images", "lake.png")));
				new BenchTargets(reps, engine.settings()).run(model, engine.deviceChoice(), original, mix);
			}
			return 0;
		}
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
			org.audiostyle.nn.script.ScriptPrecision precision = stylizer.precisionChoice(
				nativeRes.precision).precision;
			System.out.println("pass: " + stylizer.passDescription(nativeRes.precision));
			double[] bare = new double[reps], full = new double[reps];
			bareForward(stylizer.model(), scene, embedding, precision); // warm-up
			stylizer.stylize(input, mix, nativeRes, Progress.NONE);
			for (int i = 0; i < reps; i++) {
				bare[i] = bareForward(stylizer.model(), scene, embedding, precision);
				long t0 = System.nanoTime();
				stylizer.stylize(input, mix, nativeRes, Progress.NONE);
				full[i] = (System.nanoTime() - t0) / 1e9;
				System.out.printf("rep %d: bare forward %.3f s, full stylize %.3f s%n", i + 1, bare[i], full[i]);
			}
			double b = BenchVsPytorch.median(bare), f = BenchVsPytorch.median(full);
			System.out.printf("median bare generator forward %.3f s, full stylize %.3f s: full/bare = %.3f " +
				"(+%.1f %%)%n", b, f, f / b, 100 * (f / b - 1));
			System.out.println("peak resident memory " + peakRss());
		}
		return 0;
	}

	/** The generator alone on an input already in an NDArray; output kept on the device. */
	private static double bareForward(StyleModel model, PlanarImage scene, float[] embedding,
		org.audiostyle.nn.script.ScriptPrecision precision) {
		return DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager();
				org.audiostyle.nn.script.ScriptedGenerator g = new org.audiostyle.nn.script.ScriptedGenerator(
					model.generator(), precision, m)) {
				NDArray img = m.create(scene.toNetworkRange(), new Shape(1, 3, scene.height, scene.width));
				NDArray emb = m.create(embedding, new Shape(1, embedding.length));
				long t0 = System.nanoTime();
				NDArray out = g.infer(m, img, emb, null);
				out.toFloatArray(); // forces completion on asynchronous devices
				return (System.nanoTime() - t0) / 1e9;
			}
		});
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
