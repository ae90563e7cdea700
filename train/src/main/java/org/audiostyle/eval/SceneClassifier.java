package org.audiostyle.eval;

import java.util.List;

import org.audiostyle.image.PlanarImage;

/** Names the scene class of a photo (sunny, foggy, night, ...): the independent judge of the evaluation. */
public interface SceneClassifier {

	/** Class names, in the order of {@link #probabilities}. */
	List<String> classes();

	/** One probability per class, summing to 1. */
	double[] probabilities(PlanarImage image);

	/** The most probable class. */
	default String classify(PlanarImage image) {
		return classes().get(LogisticRegression.mostLikely(probabilities(image)));
	}
}
