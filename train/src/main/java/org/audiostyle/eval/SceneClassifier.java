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
		double[] p = probabilities(image);
		int best = 0;
		for (int i = 1; i < p.length; i++)
			if (p[i] > p[best]) best = i;
		return classes().get(best);
	}
}
