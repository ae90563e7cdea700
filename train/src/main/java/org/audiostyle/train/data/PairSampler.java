package org.audiostyle.train.data;

import org.audiostyle.train.SeededRandom;

/** Draws the (image, sound) pair the discriminator treats as real: indices into a {@link TrainingData}'s lists. */
public interface PairSampler {

	/** @return {image index, sound index} */
	int[] draw(SeededRandom rng);

	/** Uniform over a fixed list of pairs (videos, CSV). */
	static PairSampler uniform(int[] imageOfPair, int[] soundOfPair) {
		if (imageOfPair.length != soundOfPair.length || imageOfPair.length == 0)
			throw new IllegalArgumentException("Need a non-empty list of pairs.");
		return rng -> {
			int i = rng.nextInt(imageOfPair.length);
			return new int[] { imageOfPair[i], soundOfPair[i] };
		};
	}
}
