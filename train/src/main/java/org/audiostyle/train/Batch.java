package org.audiostyle.train;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.train.data.TrainingData;

/**
 * One training batch as plain arrays: content images (domain A), paired images (domain B) and their sounds'
 * waveforms, plus which items were drawn (for logs and tests).
 */
public final class Batch {

	public final int size;
	public final int crop;
	/** size x 3 x crop x crop in [-1, 1]. */
	public final float[] content;
	public final float[] paired;
	/** size x 48,000 peak-normalised samples. */
	public final float[] waveforms;
	public final TrainingData.Draw[] draws;

	private Batch(int size, int crop) {
		this.size = size;
		this.crop = crop;
		this.content = new float[size * 3 * crop * crop];
		this.paired = new float[size * 3 * crop * crop];
		this.waveforms = new float[size * AudioFrontEnd.WINDOW_SAMPLES];
		this.draws = new TrainingData.Draw[size];
	}

	/** Draws a batch; every random choice comes from {@code rng}, in a fixed order. */
	public static Batch draw(TrainingData data, int size, int crop, boolean flip, boolean randomWindow,
		SeededRandom rng)
	{
		Batch b = new Batch(size, crop);
		int img = 3 * crop * crop;
		for (int i = 0; i < size; i++) {
			TrainingData.Draw d = data.draw(rng);
			b.draws[i] = d;
			Augmentation.cropFlip(data.images().get(d.content), crop, flip, rng, b.content, i * img);
			Augmentation.cropFlip(data.images().get(d.image), crop, flip, rng, b.paired, i * img);
			float[] w = data.sounds().get(d.sound).window(randomWindow ? rng : null);
			System.arraycopy(w, 0, b.waveforms, i * AudioFrontEnd.WINDOW_SAMPLES, w.length);
		}
		return b;
	}
}
