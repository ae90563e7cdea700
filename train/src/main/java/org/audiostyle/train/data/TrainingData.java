package org.audiostyle.train.data;

import java.util.Collections;
import java.util.List;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.train.SeededRandom;

/**
 * A decoded training set held in memory: images resized once to the load size (square, [0, 1]), whole sound clips at
 * 16 kHz, and how real (image, sound) pairs are drawn. Each training sample is a content image drawn uniformly from
 * all images (the paper's domain A) plus a real pair (domain B and its sound). The model sees only pixels and
 * waveforms; whatever grouping a source used to form pairs (class folders, video clips) stays inside the sampler.
 */
public final class TrainingData {

	/** One draw: indices of the content image, the paired image and the paired sound. */
	public static final class Draw {

		public final int content;
		public final int image;
		public final int sound;

		Draw(int content, int image, int sound) {
			this.content = content;
			this.image = image;
			this.sound = sound;
		}
	}

	private final List<PlanarImage> images;
	private final List<String> imageNames;
	private final List<SoundClip> sounds;
	private final PairSampler pairs;
	private final String description;

	public TrainingData(List<PlanarImage> images, List<String> imageNames, List<SoundClip> sounds, PairSampler pairs,
		String description)
	{
		if (images.isEmpty()) throw new IllegalArgumentException("Training data has no images: " + description);
		if (sounds.isEmpty()) throw new IllegalArgumentException("Training data has no sounds: " + description);
		if (images.size() != imageNames.size()) throw new IllegalArgumentException("One name per image needed.");
		this.images = Collections.unmodifiableList(images);
		this.imageNames = Collections.unmodifiableList(imageNames);
		this.sounds = Collections.unmodifiableList(sounds);
		this.pairs = pairs;
		this.description = description;
	}

	public Draw draw(SeededRandom rng) {
		int content = rng.nextInt(images.size());
		int[] pair = pairs.draw(rng);
		return new Draw(content, pair[0], pair[1]);
	}

	public List<PlanarImage> images() {
		return images;
	}

	public List<String> imageNames() {
		return imageNames;
	}

	public List<SoundClip> sounds() {
		return sounds;
	}

	/** Side of the stored square images. */
	public int loadSize() {
		return images.get(0).width;
	}

	/** e.g. "class folders /data: 650 images, 229 sounds". */
	public String description() {
		return description;
	}
}
