package org.audiostyle.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.train.SeededRandom;
import org.audiostyle.io.AtomicFiles;
import org.audiostyle.train.data.ClassFolderSource;
import org.audiostyle.train.data.Cooccurrence;
import org.audiostyle.image.RgbImageFiles;
import org.audiostyle.stylize.StylizeFunction;
import org.audiostyle.image.ContactSheet;

/**
 * {@code audiostyle evaluate}: stylizes a fixed grid of held-out (image, sound) pairs and reports
 * <ol>
 * <li>the co-occurring-class hit rate: how often the independent scene classifier calls the output a scene class
 * that co-occurs with the sound (weight >= 0.4 in the table), over pairs whose input is not already of such a class;
 * </li>
 * <li>structure kept: SSIM of luminance, input vs output;</li>
 * <li>the same for two baselines: the unchanged input, and Reinhard colour transfer toward the training images of the
 * sound's main scene class;</li>
 * </ol>
 * plus the mixing check (cross-fading sound A to sound B in equal steps: does the classifier's probability of B's main
 * scene rise on average?) and a contact sheet (rows = sounds, columns = inputs). Writes {@code report.json},
 * {@code report.md} and {@code contact-sheet.png} to the output folder. The grid is chosen by a seed, so repeated
 * evaluations of different models see the same pairs.
 */
public final class EvaluationRunner {

	private EvaluationRunner() {}

	public static EvaluationReport run(StylizeFunction model, Path imagesDir, Path soundsDir, Path cooccurrence,
		Path outDir) throws IOException
	{
		return run(model, imagesDir, soundsDir, cooccurrence, outDir, new EvaluationSettings());
	}

	public static EvaluationReport run(StylizeFunction model, Path imagesDir, Path soundsDir, Path cooccurrence,
		Path outDir, EvaluationSettings s) throws IOException
	{
		Cooccurrence table = Cooccurrence.read(cooccurrence);
		Path trainImages = s.trainImages != null ? s.trainImages : cooccurrence.toAbsolutePath().getParent().resolve(
			"images");
		EvaluationReport report = new EvaluationReport();
		SceneClassifier judge = s.classifier;
		if (judge == null) {
			s.log.accept("Training the scene classifier on " + trainImages + " ...");
			StatisticsSceneClassifier trained = StatisticsSceneClassifier.train(trainImages, s.log);
			Files.createDirectories(outDir);
			trained.save(outDir.resolve("scene-classifier.json"));
			judge = trained;
			report.classifier.kind = "colour/texture statistics + logistic regression";
		} else report.classifier.kind = judge.getClass().getSimpleName();
		report.classifier.trainImages = trainImages.toString();
		report.classifier.classes = judge.classes();
		StatisticsSceneClassifier.Accuracy acc = StatisticsSceneClassifier.accuracy(judge, imagesDir);
		report.classifier.heldOutAccuracy = acc.rate();
		report.classifier.heldOutImages = acc.total;
		report.classifier.confusion = acc.confusion;
		s.log.accept(String.format(Locale.ROOT, "Scene classifier: %.1f%% on %d held-out images", 100 * acc.rate(),
			acc.total));

		// The grid.
		SeededRandom rng = new SeededRandom(s.seed);
		List<Item> images = pick(ClassFolderSource.classFolders(imagesDir, RgbImageFiles::isImage), s.imagesPerClass, rng);
		Map<String, List<Path>> soundFolders = ClassFolderSource.classFolders(soundsDir, ClassFolderSource::isSound);
		soundFolders.keySet().removeIf(c -> table.targetsFor(c).isEmpty());
		List<Item> sounds = pick(soundFolders, s.soundsPerClass, rng);
		if (images.isEmpty() || sounds.isEmpty())
			throw new IOException("Nothing to evaluate: " + images.size() + " images under " + imagesDir + ", " + sounds
				.size() + " sounds (with a scene in the table) under " + soundsDir + ".");
		Map<String, ColourTransfer.Statistics> targets = new LinkedHashMap<>();
		for (Item snd : sounds) {
			String main = table.mainSceneFor(snd.cls);
			if (!targets.containsKey(main)) targets.put(main, sceneStatistics(trainImages.resolve(main)));
		}
		List<PlanarImage> inputs = new ArrayList<>();
		for (Item im : images)
			inputs.add(RgbImageFiles.read(im.path));

		Tally modelT = new Tally(), identityT = new Tally(), colourT = new Tally();
		PlanarImage[][] outputs = new PlanarImage[sounds.size()][images.size()];
		int done = 0;
		for (int j = 0; j < sounds.size(); j++) {
			Item snd = sounds.get(j);
			List<String> hits = table.targetsFor(snd.cls);
			SoundMix mix = SoundMix.of(Sound.file(snd.path));
			for (int i = 0; i < images.size(); i++) {
				PlanarImage in = inputs.get(i);
				PlanarImage out = sameSize(model.stylize(in, mix), in);
				outputs[j][i] = out;
				PlanarImage colour = ColourTransfer.transfer(in, targets.get(table.mainSceneFor(snd.cls)));
				boolean scored = !hits.contains(images.get(i).cls);
				modelT.add(snd.cls, scored, hits, judge.classify(out), Ssim.luminance(in, out));
				modelT.texture(FlatRegionTexture.measure(in, out));
				identityT.add(snd.cls, scored, hits, judge.classify(in), 1.0);
				identityT.texture(FlatRegionTexture.measure(in, in));
				colourT.add(snd.cls, scored, hits, judge.classify(colour), Ssim.luminance(in, colour));
				colourT.texture(FlatRegionTexture.measure(in, colour));
				if (++done % 20 == 0) s.log.accept("evaluated " + done + " of " + sounds.size() * images.size() +
					" pairs");
			}
		}
		report.grid.images = images.size();
		report.grid.sounds = sounds.size();
		report.grid.pairs = images.size() * sounds.size();
		report.grid.pairsScored = modelT.scored;
		report.methods.put("model", modelT.result());
		report.methods.put("input unchanged", identityT.result());
		report.methods.put("colour transfer (Reinhard, Lab)", colourT.result());

		report.mixing = mixing(model, judge, table, images, inputs, sounds, s);
		report.strength = strength(model, images, inputs, sounds, s);

		writeSheet(outputs, inputs, images, sounds, s, outDir.resolve("contact-sheet.png"));
		report.contactSheet = "contact-sheet.png";
		write(report, outDir);
		return report;
	}

	/** Writes a contact sheet for any images and sounds (e.g. the project's test-images/ and sample-sounds/). */
	public static void contactSheet(StylizeFunction model, List<Path> imageFiles, List<Path> soundFiles, int cell,
		Path png) throws IOException
	{
		List<List<PlanarImage>> rows = new ArrayList<>();
		List<PlanarImage> inputs = new ArrayList<>();
		for (Path p : imageFiles)
			inputs.add(RgbImageFiles.read(p));
		rows.add(inputs);
		List<String> labels = new ArrayList<>();
		labels.add("input");
		for (Path snd : soundFiles) {
			SoundMix mix = SoundMix.of(Sound.file(snd));
			List<PlanarImage> row = new ArrayList<>();
			for (PlanarImage in : inputs)
				row.add(model.stylize(in, mix));
			rows.add(row);
			labels.add(snd.getFileName().toString());
		}
		ContactSheet.write(rows, labels, null, cell, png);
	}

	private static final class Item {

		final String cls;
		final Path path;

		Item(String cls, Path path) {
			this.cls = cls;
			this.path = path;
		}
	}

	/** Up to {@code perClass} files of each class, chosen by the seed. */
	private static List<Item> pick(Map<String, List<Path>> folders, int perClass, SeededRandom rng) {
		List<Item> out = new ArrayList<>();
		for (Map.Entry<String, List<Path>> e : folders.entrySet()) {
			int[] perm = rng.permutation(e.getValue().size());
			for (int k = 0; k < Math.min(perClass, perm.length); k++)
				out.add(new Item(e.getKey(), e.getValue().get(perm[k])));
		}
		return out;
	}

	/** Lab statistics of a scene class's training images (each reduced to 64 x 64 first: statistics, not detail). */
	private static ColourTransfer.Statistics sceneStatistics(Path classDir) throws IOException {
		List<PlanarImage> imgs = new ArrayList<>();
		if (Files.isDirectory(classDir)) try (java.util.stream.Stream<Path> files = Files.list(classDir)) {
			for (Path p : files.filter(RgbImageFiles::isImage).sorted().collect(java.util.stream.Collectors.toList()))
				imgs.add(Resampling.resize(RgbImageFiles.read(p), 64, 64));
		}
		if (imgs.isEmpty()) throw new IOException("No training images of scene class '" + classDir.getFileName() +
			"' in " + classDir + " for the colour-transfer baseline.");
		return ColourTransfer.statistics(imgs);
	}

	private static PlanarImage sameSize(PlanarImage out, PlanarImage in) {
		return out.width == in.width && out.height == in.height ? out : Resampling.resize(out, in.width, in.height);
	}

	/** Hit and SSIM sums of one method, overall and per sound class, and the scenes its scored outputs were called. */
	private static final class Tally {

		int scored, hits, all, flatPairs;
		double ssim, textureRatio, textureLevels;
		final Map<String, int[]> perSound = new LinkedHashMap<>();
		final Map<String, Map<String, Integer>> scenes = new LinkedHashMap<>();

		void add(String soundClass, boolean scoredPair, List<String> hitScenes, String scene, double s) {
			all++;
			ssim += s;
			if (!scoredPair) return;
			scored++;
			scenes.computeIfAbsent(soundClass, k -> new LinkedHashMap<>()).merge(scene, 1, Integer::sum);
			int[] c = perSound.computeIfAbsent(soundClass, k -> new int[2]);
			c[1]++;
			if (hitScenes.contains(scene)) {
				hits++;
				c[0]++;
			}
		}

		void texture(FlatRegionTexture.Result r) {
			if (r.flatPixels == 0) return;
			flatPairs++;
			textureRatio += r.ratio();
			textureLevels += r.outputLevels();
		}

		EvaluationReport.Method result() {
			EvaluationReport.Method m = new EvaluationReport.Method();
			m.flatPairs = flatPairs;
			m.flatTextureRatio = flatPairs == 0 ? Double.NaN : textureRatio / flatPairs;
			m.flatTextureLevels = flatPairs == 0 ? Double.NaN : textureLevels / flatPairs;
			m.hitRate = scored == 0 ? Double.NaN : hits / (double) scored;
			m.ssim = ssim / all;
			for (Map.Entry<String, int[]> e : perSound.entrySet())
				m.hitRatePerSound.put(e.getKey(), e.getValue()[0] / (double) e.getValue()[1]);
			m.scenesPerSound.putAll(scenes);
			return m;
		}
	}

	private static EvaluationReport.Mixing mixing(StylizeFunction model, SceneClassifier judge, Cooccurrence table,
		List<Item> images, List<PlanarImage> inputs, List<Item> sounds, EvaluationSettings s) throws IOException
	{
		EvaluationReport.Mixing m = new EvaluationReport.Mixing();
		List<Item[]> pairs = new ArrayList<>();
		List<Item> candidates = s.mixPairs > 0 ? sounds : firstOfEachClass(sounds);
		for (Item a : candidates)
			for (Item b : candidates) {
				if (a == b || a.cls.equals(b.cls)) continue;
				// B's weight can only be seen in scenes B goes with and A does not: a pair with none is not scored
				if (judged(judge, table.targetsAdded(a.cls, b.cls)).isEmpty()) {
					String pair = a.cls + " -> " + b.cls;
					if (!m.unscoredPairs.contains(pair)) m.unscoredPairs.add(pair);
				}
				else pairs.add(new Item[] { a, b });
			}
		int[] order = new SeededRandom(s.seed + 1).permutation(pairs.size());
		if (s.mixPairs <= 0) for (int k = 0; k < order.length; k++)
			order[k] = k; // every pair, in class order
		int pairCount = s.mixPairs > 0 ? Math.min(s.mixPairs, order.length) : order.length;
		m.mode = s.mixMode.label();
		double rhoSum = 0;
		int steps = Math.max(2, s.mixSteps);
		for (int k = 0; k < steps; k++)
			m.positions.add(k / (double) (steps - 1));
		double[] sum = new double[steps];
		int sequences = 0, monotonic = 0;
		for (int k = 0; k < pairCount; k++) {
			Item a = pairs.get(order[k])[0], b = pairs.get(order[k])[1];
			List<String> added = judged(judge, table.targetsAdded(a.cls, b.cls));
			List<String> either = new ArrayList<>(table.targetsFor(a.cls));
			either.addAll(table.targetsFor(b.cls));
			m.pairs.add(a.cls + " -> " + b.cls + " (" + String.join(" or ", added) + ")");
			int used = 0;
			double pairRho = 0;
			for (int i = 0; i < images.size() && used < s.mixImages; i++) {
				if (either.contains(images.get(i).cls)) continue; // the input must not already be of A's or B's scene
				used++;
				double[] seq = new double[steps];
				for (int t = 0; t < steps; t++) {
					SoundMix mix = SoundMix.crossfade(Sound.file(a.path), Sound.file(b.path), m.positions.get(t))
						.withMode(s.mixMode);
					double[] p = judge.probabilities(model.stylize(inputs.get(i), mix));
					for (String scene : added)
						seq[t] += p[judge.classes().indexOf(scene)];
					sum[t] += seq[t];
				}
				sequences++;
				if (rises(seq)) monotonic++;
				double rho = Spearman.rho(positions(m), seq);
				rhoSum += rho;
				pairRho += rho;
			}
			if (used > 0) {
				m.spearmanPerPair.put(a.cls + " -> " + b.cls, pairRho / used);
				if (pairRho / used >= 0.9) m.pairsWithSpearmanAtLeast09++;
			}
			if ((k + 1) % 10 == 0) s.log.accept("mixing: " + (k + 1) + " of " + pairCount + " pairs");
		}
		m.meanSpearman = sequences == 0 ? Double.NaN : rhoSum / sequences;
		for (int t = 0; t < steps; t++)
			m.meanProbabilityOfB.add(sequences == 0 ? Double.NaN : sum[t] / sequences);
		m.sequences = sequences;
		m.monotonicSequences = monotonic;
		m.meanRisesMonotonically = sequences > 0 && rises(m.meanProbabilityOfB.stream().mapToDouble(Double::doubleValue)
			.toArray());
		return m;
	}

	/** The scenes of {@code scenes} that the judge knows. */
	private static List<String> judged(SceneClassifier judge, List<String> scenes) {
		List<String> out = new ArrayList<>(scenes);
		out.retainAll(judge.classes());
		return out;
	}

	private static double[] positions(EvaluationReport.Mixing m) {
		return m.positions.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** The first sound item of each class, in grid order. */
	private static List<Item> firstOfEachClass(List<Item> sounds) {
		List<Item> out = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Item it : sounds)
			if (!seen.contains(it.cls)) {
				seen.add(it.cls);
				out.add(it);
			}
		return out;
	}

	/**
	 * The strength check: each sound class's first sound at each strength on {@code mixImages} inputs spread over the
	 * scene classes; the
	 * output should move away from the input as the strength rises (mean absolute RGB difference, levels of 255).
	 */
	private static EvaluationReport.Strength strength(StylizeFunction model, List<Item> images,
		List<PlanarImage> inputs, List<Item> sounds, EvaluationSettings s) throws IOException
	{
		EvaluationReport.Strength r = new EvaluationReport.Strength();
		double[] levels = s.strengths;
		for (double v : levels)
			r.strengths.add(v);
		double[] sum = new double[levels.length];
		double rhoSum = 0;
		int count = Math.min(s.mixImages, images.size());
		for (Item snd : firstOfEachClass(sounds))
			for (int k = 0; k < count; k++) {
				// inputs spread over the grid (it is ordered by scene class)
				PlanarImage in = inputs.get((int) Math.round(k * (images.size() - 1) / (double) Math.max(1, count - 1)));
				double[] d = new double[levels.length];
				for (int t = 0; t < levels.length; t++) {
					SoundMix mix = SoundMix.of(Sound.file(snd.path)).withStrength(levels[t]);
					d[t] = meanAbsoluteLevels(in, sameSize(model.stylize(in, mix), in));
					sum[t] += d[t];
				}
				r.sequences++;
				boolean never = true;
				for (int t = 1; t < d.length; t++)
					if (d[t] < d[t - 1]) never = false;
				if (never) r.monotonicSequences++;
				rhoSum += Spearman.rho(levels, d);
			}
		for (int t = 0; t < levels.length; t++)
			r.meanDistanceFromInput.add(r.sequences == 0 ? Double.NaN : sum[t] / r.sequences);
		r.meanSpearman = r.sequences == 0 ? Double.NaN : rhoSum / r.sequences;
		return r;
	}

	/** Mean absolute difference over all RGB samples, in levels of 255. */
	static double meanAbsoluteLevels(PlanarImage a, PlanarImage b) {
		double s = 0;
		for (int i = 0; i < a.data.length; i++)
			s += Math.abs(a.data[i] - b.data[i]);
		return 255 * s / a.data.length;
	}

	/** Never falls from one position to the next, and ends at least 0.001 above where it starts (flat is not rising). */
	static boolean rises(double[] seq) {
		for (int t = 1; t < seq.length; t++)
			if (seq[t] < seq[t - 1]) return false;
		return seq[seq.length - 1] > seq[0] + 1e-3;
	}

	private static void writeSheet(PlanarImage[][] outputs, List<PlanarImage> inputs, List<Item> images,
		List<Item> sounds, EvaluationSettings s, Path png) throws IOException
	{
		// Columns: inputs spread over the scene classes; rows: the first sound of each sound class.
		List<Integer> cols = new ArrayList<>();
		for (int k = 0; k < Math.min(s.sheetImages, images.size()); k++)
			cols.add((int) Math.round(k * (images.size() - 1) / (double) Math.max(1, Math.min(s.sheetImages, images
				.size()) - 1)));
		List<List<PlanarImage>> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<PlanarImage> first = new ArrayList<>();
		for (int c : cols)
			first.add(inputs.get(c));
		rows.add(first);
		labels.add("input");
		List<String> seen = new ArrayList<>();
		for (int j = 0; j < sounds.size(); j++) {
			if (seen.contains(sounds.get(j).cls)) continue;
			seen.add(sounds.get(j).cls);
			List<PlanarImage> row = new ArrayList<>();
			for (int c : cols)
				row.add(outputs[j][c]);
			rows.add(row);
			labels.add(sounds.get(j).cls);
		}
		List<String> colLabels = new ArrayList<>();
		for (int c : cols)
			colLabels.add(images.get(c).cls);
		ContactSheet.write(rows, labels, colLabels, s.sheetCell, png);
	}

	private static void write(EvaluationReport r, Path outDir) throws IOException {
		Files.createDirectories(outDir);
		String json = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(r);
		AtomicFiles.write(outDir.resolve("report.json"), json.getBytes(StandardCharsets.UTF_8));
		AtomicFiles.write(outDir.resolve("report.md"), r.markdown().getBytes(StandardCharsets.UTF_8));
	}
}
