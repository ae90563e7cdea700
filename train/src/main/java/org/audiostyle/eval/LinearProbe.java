package org.audiostyle.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.audiostyle.train.data.ClassFolderSource;

/**
 * How much of a sound's class a representation carries in a form that reaches recordings it was not fitted on: a
 * logistic regression is fitted on the representations of labelled reference sounds ({@code train/<class>/*}) and
 * scored on other labelled sounds ({@code validation/<class>/*}). Run on a model's embeddings it is an upper bound
 * for what the generator could read from them; run on fixed features it says what the data allow without learning
 * an encoder. Nearest-class-mean recognition ({@link SoundRecognition}) asks less of the representation, this asks
 * more of the read-out: the two together separate "the encoder lost the class" from "the class is not where the
 * mean is".
 */
public final class LinearProbe {

	/** A representation of a sound file (features or an embedding). */
	public interface Representation {
		float[] of(Path sound) throws IOException;
	}

	/** Accuracy over the validation sounds, per class and overall. */
	public static final class Result {

		public final Map<String, int[]> rightOfTotal = new LinkedHashMap<>();
		public int right, total;

		public double accuracy() {
			return total == 0 ? Double.NaN : right / (double) total;
		}
	}

	static final double L2 = 1e-2;
	static final int ITERATIONS = 2000;

	private LinearProbe() {}

	public static Result run(Representation r, Path trainDir, Path validationDir) throws IOException {
		Map<String, List<Path>> train = ClassFolderSource.classFolders(trainDir, ClassFolderSource::isSound);
		Map<String, List<Path>> validation = ClassFolderSource.classFolders(validationDir, ClassFolderSource::isSound);
		List<String> classes = new ArrayList<>(train.keySet());
		if (classes.size() < 2) throw new IOException("A probe needs sounds of at least two classes under " + trainDir +
			" (<class>/<file>.wav), found " + classes.size() + ".");
		List<double[]> x = new ArrayList<>();
		List<Integer> y = new ArrayList<>();
		for (int c = 0; c < classes.size(); c++)
			for (Path p : train.get(classes.get(c))) {
				x.add(toDoubles(r.of(p)));
				y.add(c);
			}
		LogisticRegression model = LogisticRegression.train(x.toArray(new double[0][]), y.stream().mapToInt(
			Integer::intValue).toArray(), classes.size(), L2, ITERATIONS);
		Result out = new Result();
		for (Map.Entry<String, List<Path>> e : validation.entrySet()) {
			if (!classes.contains(e.getKey())) throw new IOException("Validation class '" + e.getKey() + "' under " +
				validationDir + " has no reference sounds under " + trainDir + ".");
			int[] counts = out.rightOfTotal.computeIfAbsent(e.getKey(), k -> new int[2]);
			for (Path p : e.getValue()) {
				int best = LogisticRegression.mostLikely(model.predict(toDoubles(r.of(p))));
				counts[1]++;
				out.total++;
				if (classes.get(best).equals(e.getKey())) {
					counts[0]++;
					out.right++;
				}
			}
		}
		return out;
	}

	private static double[] toDoubles(float[] v) {
		return IntStream.range(0, v.length).mapToDouble(i -> v[i]).toArray();
	}
}
