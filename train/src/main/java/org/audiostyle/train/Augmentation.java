package org.audiostyle.train;

import org.audiostyle.image.PlanarImage;

/**
 * The paper's image augmentation after the resize to the load size: a random crop and a random horizontal flip
 * (p = 0.5), each image drawn independently; values mapped from [0, 1] to the network's [-1, 1].
 */
public final class Augmentation {

	private Augmentation() {}

	/**
	 * Writes a {@code crop} x {@code crop} random crop of {@code src} (flipped with probability 0.5 when
	 * {@code flip}) into {@code dst} at {@code offset}, in CHW order and network range.
	 */
	public static void cropFlip(PlanarImage src, int crop, boolean flip, SeededRandom rng, float[] dst, int offset) {
		if (src.width < crop || src.height < crop)
			throw new IllegalArgumentException("Image " + src.width + "x" + src.height + " is smaller than the crop " +
				crop);
		int x0 = rng.nextInt(src.width - crop + 1);
		int y0 = rng.nextInt(src.height - crop + 1);
		boolean mirror = flip && rng.nextBoolean();
		copy(src, x0, y0, crop, mirror, dst, offset);
	}

	/** The centred crop, unflipped (fixed sample inputs). */
	public static void centre(PlanarImage src, int crop, float[] dst, int offset) {
		copy(src, (src.width - crop) / 2, (src.height - crop) / 2, crop, false, dst, offset);
	}

	private static void copy(PlanarImage src, int x0, int y0, int crop, boolean mirror, float[] dst, int offset) {
		int plane = src.width * src.height;
		int o = offset;
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < crop; y++) {
				int row = c * plane + (y0 + y) * src.width + x0;
				for (int x = 0; x < crop; x++)
					dst[o++] = 2f * src.data[row + (mirror ? crop - 1 - x : x)] - 1f;
			}
	}
}
