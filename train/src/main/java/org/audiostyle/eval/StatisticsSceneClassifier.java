package org.audiostyle.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.io.AtomicFiles;
import org.audiostyle.train.data.ClassFolderSource;
import org.audiostyle.image.RgbImageFiles;

/**
 * A scene classifier on colour and texture statistics ({@link ImageFeatures}) with multinomial logistic regression,
 * trained on a class-folder image set ({@code images/<class>/*.jpg}). Deterministic, pure Java, trains in seconds.
 * Knows nothing of sounds or of the style model, so it is an independent judge of what a picture looks like.
 */
public final class StatisticsSceneClassifier implements SceneClassifier {

	public static final double L2 = 1e-3;
	public static final int ITERATIONS = 3000;

	private final List<String> classes;
	private final LogisticRegression model;

	private StatisticsSceneClassifier(List<String> classes, LogisticRegression model) {
		this.classes = classes;
		this.model = model;
	}

	/** Trains on every image of {@code imagesDir/<class>/}. Use the training split only. */
	public static StatisticsSceneClassifier train(Path imagesDir, Consumer<String> log) throws IOException {
		Map<String, List<Path>> folders = ClassFolderSource.classFolders(imagesDir, RgbImageFiles::isImage);
		if (folders.size() < 2) throw new IOException("A scene classifier needs at least two class folders with images " +
			"under " + imagesDir + ".");
		List<String> classes = new ArrayList<>(folders.keySet());
		List<double[]> x = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		for (int c = 0; c < classes.size(); c++) {
			for (Path p : folders.get(classes.get(c))) {
				x.add(ImageFeatures.extract(RgbImageFiles.read(p)));
				y.add(c);
			}
			log.accept("classifier features: " + classes.get(c) + " " + folders.get(classes.get(c)).size());
		}
		return train(classes, x.toArray(new double[0][]), y.stream().mapToInt(Integer::intValue).toArray());
	}

	static StatisticsSceneClassifier train(List<String> classes, double[][] x, int[] y) {
		return new StatisticsSceneClassifier(classes, LogisticRegression.train(x, y, classes.size(), L2, ITERATIONS));
	}

	@Override
	public List<String> classes() {
		return classes;
	}

	@Override
	public double[] probabilities(PlanarImage image) {
		return model.predict(ImageFeatures.extract(image));
	}

	/** Accuracy and confusion counts on a class-folder image set (classes it does not know are skipped). */
	public static Accuracy accuracy(SceneClassifier classifier, Path imagesDir) throws IOException {
		Map<String, List<Path>> folders = ClassFolderSource.classFolders(imagesDir, RgbImageFiles::isImage);
		Accuracy a = new Accuracy();
		for (Map.Entry<String, List<Path>> e : folders.entrySet()) {
			if (!classifier.classes().contains(e.getKey())) continue;
			Map<String, Integer> row = new LinkedHashMap<>();
			for (String c : classifier.classes())
				row.put(c, 0);
			for (Path p : e.getValue()) {
				String got = classifier.classify(RgbImageFiles.read(p));
				row.merge(got, 1, Integer::sum);
				a.total++;
				if (got.equals(e.getKey())) a.correct++;
			}
			a.confusion.put(e.getKey(), row);
		}
		return a;
	}

	/** Held-out accuracy with its confusion matrix (true class -> predicted class -> count). */
	public static final class Accuracy {

		public int correct;
		public int total;
		public final Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();

		public double rate() {
			return total == 0 ? Double.NaN : correct / (double) total;
		}
	}

	private static final Gson GSON = new GsonBuilder().create();

	/** Saves classes and weights as JSON (so a report can be reproduced without retraining). */
	public void save(Path file) throws IOException {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("classes", classes);
		m.put("mean", model.mean);
		m.put("std", model.std);
		m.put("weights", model.weights);
		AtomicFiles.write(file, GSON.toJson(m).getBytes(StandardCharsets.UTF_8));
	}

	public static StatisticsSceneClassifier load(Path file) throws IOException {
		Saved s = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Saved.class);
		if (s == null || s.classes == null || s.weights == null || s.weights.length != s.classes.size())
			throw new IOException(file + " is not a saved scene classifier.");
		return new StatisticsSceneClassifier(s.classes, new LogisticRegression(s.mean, s.std, s.weights));
	}

	private static final class Saved {

		List<String> classes;
		double[] mean;
		double[] std;
		double[][] weights;
	}
}
