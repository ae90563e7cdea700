package org.audiostyle.stylize;

import java.io.IOException;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.SoundMix;

/**
 * How a mix becomes the one embedding the generator is conditioned on, whatever network computes the embedding of a
 * waveform (an exported model or a training checkpoint): the embedding of the summed waveform, or, for an
 * {@link MixMode#EMBEDDING} mix of several sounds, the share-weighted mean of each sound's embedding. Kept in one place
 * so that evaluating a checkpoint and stylizing with the exported model mix alike.
 */
public final class MixEmbedding {

	/** The embedding of a prepared 48,000-sample waveform. */
	@FunctionalInterface
	public interface WaveformEncoder {
		float[] embed(float[] preparedWaveform);
	}

	private MixEmbedding() {}

	/** The mix's embedding; its strength is not part of it (see {@link StylizeSettings#withStrength}). */
	public static float[] of(SoundMix mix, WaveformEncoder encoder) throws IOException {
		if (mix.mode() == MixMode.WAVEFORM || mix.sounds().size() == 1)
			return encoder.embed(AudioFrontEnd.prepare(mix));
		if (mix.weights().stream().mapToDouble(Double::doubleValue).sum() <= 0)
			throw new IllegalArgumentException("Embedding mixing takes the weights as shares; at least one must be " +
				"above 0, got " + mix.weights());
		float[] mean = null;
		for (int i = 0; i < mix.sounds().size(); i++) {
			double share = mix.share(i);
			if (share == 0) continue; // a sound at weight 0 is not heard (nor decoded)
			float[] e = encoder.embed(AudioFrontEnd.prepare(mix.sounds().get(i)));
			if (mean == null) mean = new float[e.length];
			for (int k = 0; k < e.length; k++)
				mean[k] += (float) (share * e[k]);
		}
		return mean;
	}
}
