package org.audiostyle.stylize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	/**
	 * A mix's sounds decoded into prepared waveforms (48,000 samples at 16 kHz each), with each one's share: what
	 * {@link #embed} turns into the embedding. Decoding is plain Java and needs no model, so a command can do it while
	 * libtorch starts; the embedding then only runs the audio encoder.
	 */
	public static final class Prepared {

		private final List<float[]> waveforms;
		private final double[] shares;

		private Prepared(List<float[]> waveforms, double[] shares) {
			this.waveforms = waveforms;
			this.shares = shares;
		}
	}

	/** The mix's embedding; its strength is not part of it (see {@link StylizeSettings#withStrength}). */
	public static float[] of(SoundMix mix, WaveformEncoder encoder) throws IOException {
		return embed(prepare(mix), encoder);
	}

	/**
	 * Decodes the sounds of a mix: the summed waveform, or, for an {@link MixMode#EMBEDDING} mix of several sounds,
	 * each sound with a share above 0 (a sound at weight 0 is not heard, nor decoded).
	 */
	public static Prepared prepare(SoundMix mix) throws IOException {
		if (mix.mode() == MixMode.WAVEFORM || mix.sounds().size() == 1)
			return new Prepared(List.of(AudioFrontEnd.prepare(mix)), new double[] { 1 });
		if (mix.weights().stream().mapToDouble(Double::doubleValue).sum() <= 0)
			throw new IllegalArgumentException("Embedding mixing takes the weights as shares; at least one must be " +
				"above 0, got " + mix.weights());
		List<float[]> waveforms = new ArrayList<>();
		double[] shares = new double[mix.sounds().size()];
		int n = 0;
		for (int i = 0; i < mix.sounds().size(); i++) {
			double share = mix.share(i);
			if (share == 0) continue;
			waveforms.add(AudioFrontEnd.prepare(mix.sounds().get(i)));
			shares[n++] = share;
		}
		return new Prepared(waveforms, Arrays.copyOf(shares, n));
	}

	/** The embedding of prepared sounds: the one waveform's, or the share-weighted mean of each one's. */
	public static float[] embed(Prepared sounds, WaveformEncoder encoder) {
		float[] mean = null;
		for (int i = 0; i < sounds.waveforms.size(); i++) {
			float[] e = encoder.embed(sounds.waveforms.get(i));
			if (mean == null) mean = new float[e.length];
			for (int k = 0; k < e.length; k++)
				mean[k] += (float) (sounds.shares[i] * e[k]);
		}
		return mean;
	}
}
