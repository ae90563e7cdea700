package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Our FiLM conditioning (not in the paper): one linear layer per modulated instance norm, named "0", "1", ...,
 * mapping the audio embedding (N x E) to a per-channel scale and shift (first C outputs scale, next C shift).
 * Initial weights are N(0, {@link #INITIAL_GAIN} / sqrt(E)) and biases 0, so an untrained model already reacts to
 * the sound, mildly (scale and shift of about INITIAL_GAIN times the embedding's RMS).
 */
public final class FilmModulation extends TorchBlock {

	/** Scale of the initial weights relative to unit-gain init; see the class comment. */
	public static final double INITIAL_GAIN = 0.1;

	private final Linear[] layers;
	private final int[] channels;

	public FilmModulation(int embeddingDim, int[] channels) {
		this.channels = channels.clone();
		layers = new Linear[channels.length];
		for (int i = 0; i < channels.length; i++)
			layers[i] = child(Integer.toString(i), new Linear(embeddingDim, 2 * channels[i],
				WeightInit.LECUN_NORMAL, INITIAL_GAIN));
	}

	public int count() {
		return layers.length;
	}

	/** {scale, shift} of modulated norm {@code i}, each N x C x 1 x 1. */
	public NDArray[] modulation(int i, NDArray embedding) {
		long n = embedding.getShape().get(0);
		int c = channels[i];
		NDArray both = layers[i].apply(embedding, new ForwardContext(false));
		NDArray scale = Padding.slice(both, 1, 0, c).reshape(n, c, 1, 1);
		NDArray shift = Padding.slice(both, 1, c, 2L * c).reshape(n, c, 1, 1);
		return new NDArray[] { scale, shift };
	}

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
		PairList<String, Object> params) {
		NDList out = new NDList();
		for (int i = 0; i < layers.length; i++) {
			NDArray[] m = modulation(i, inputs.singletonOrThrow());
			out.add(m[0]);
			out.add(m[1]);
		}
		return out;
	}
}
