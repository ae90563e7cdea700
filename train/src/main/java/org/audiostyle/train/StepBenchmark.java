package org.audiostyle.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.train.data.PairSampler;
import org.audiostyle.train.data.SoundClip;
import org.audiostyle.train.data.TrainingData;

/**
 * Seconds per training step for a configuration, on generated inputs (no data set needed), to size a run:
 * {@code java ... org.audiostyle.train.StepBenchmark CONFIG.json|recipe [steps]}. Prints the median of the measured
 * GAN steps and of the pre-training steps, after one warm-up step of each.
 */
public final class StepBenchmark {

	private StepBenchmark() {}

	public static void main(String[] args) throws Exception {
		TrainConfig c = args.length > 0 && args[0].endsWith(".json") ? TrainConfig.read(java.nio.file.Path.of(args[0])) :
			TrainConfig.recipe(args.length > 0 ? args[0] : TrainConfig.SOUND_AWARE);
		int steps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		if (args.length > 2 && args[2].equals("--compare-passes")) {
			comparePasses(c, steps, args.length > 3 ? Integer.parseInt(args[3]) : 3);
			return;
		}
		double[] r = measure(c, steps, true);
		System.out.printf(Locale.ROOT, "%s crop %d batch %d %s: GAN step %.2f s, pre-training step %.2f s%n", c
			.networkConfig(), c.crop, c.batch, c.recipe, r[0], r[1]);
	}

	/**
	 * The GAN step with the generator's passes as eager layers and as the float32 script, alternately in one process
	 * ({@code rounds} rounds of {@code steps} steps each); prints each round's medians and the median ratio.
	 */
	static void comparePasses(TrainConfig config, int steps, int rounds) {
		List<Double> eager = new ArrayList<>(), scripted = new ArrayList<>();
		for (int r = 0; r < rounds; r++)
			for (String passes : new String[] { "eager", "scripted" }) {
				TrainConfig c = TrainConfig.fromJson(config.toJson());
				c.generatorPasses = passes;
				c.pretrainSteps = 0;
				double t = measure(c, steps)[0];
				(passes.equals("eager") ? eager : scripted).add(t);
				System.out.printf(Locale.ROOT, "round %d %-8s GAN step %.3f s%n", r + 1, passes, t);
			}
		eager.sort(null);
		scripted.sort(null);
		double e = eager.get(eager.size() / 2), s = scripted.get(scripted.size() / 2);
		System.out.printf(Locale.ROOT, "%s crop %d batch %d: GAN step eager %.3f s, scripted %.3f s; scripted/eager " +
			"%.2f%n", config.networkConfig(), config.crop, config.batch, e, s, s / e);
	}

	/** @return {median GAN step seconds, median pre-training step seconds (NaN if the recipe has none)} */
	public static double[] measure(TrainConfig config, int steps) {
		return measure(config, steps, false);
	}

	/** As {@link #measure(TrainConfig, int)}; {@code printProfile} prints the sections of the last GAN step. */
	public static double[] measure(TrainConfig config, int steps, boolean printProfile) {
		TrainConfig c = TrainConfig.fromJson(config.toJson());
		boolean pre = c.pretrainSteps > 0;
		c.pretrainSteps = pre ? steps + 1 : 0;
		c.steps = steps + 1;
		c.sampleEvery = 0;
		c.checkpointEvery = 0;
		try (Trainer t = new Trainer(c, generated(c.loadSize(), Math.max(2, c.batch)))) {
			double preMedian = Double.NaN;
			if (pre) preMedian = median(t, steps + 1);
			t.setProfiling(printProfile);
			double gan = median(t, steps + 1);
			if (printProfile)
				for (java.util.Map.Entry<String, Double> e : t.lastProfile().entrySet())
					System.out.printf(Locale.ROOT, "  %-40s %6.2f s%n", e.getKey(), e.getValue());
			return new double[] { gan, preMedian };
		}
	}

	private static double median(Trainer t, int n) {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			t.trainStep();
			if (i > 0) times.add((System.nanoTime() - t0) / 1e9); // the first step warms up
		}
		times.sort(null);
		return times.get(times.size() / 2);
	}

	static TrainingData generated(int side, int pairs) {
		List<PlanarImage> images = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<SoundClip> sounds = new ArrayList<>();
		java.util.Random r = new java.util.Random(1);
		int[] idx = new int[pairs];
		for (int k = 0; k < pairs; k++) {
			PlanarImage img = new PlanarImage(side, side);
			for (int i = 0; i < img.data.length; i++)
				img.data[i] = r.nextFloat();
			images.add(img);
			names.add("noise" + k);
			float[] s = new float[80000];
			for (int i = 0; i < s.length; i++)
				s[i] = (float) r.nextGaussian() * 0.1f;
			sounds.add(new SoundClip("noise" + k, s));
			idx[k] = k;
		}
		return new TrainingData(images, names, sounds, PairSampler.uniform(idx, idx), "generated noise");
	}
}
