package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * A small audio-visual embedding pair for the contrastive "make the sound matter" loss (not in the paper). The image
 * side sees a 64 x 64 area-resized copy of the image through four stride-2 convolutions (no normalisation layers:
 * instance norm would erase exactly the global colour and brightness a style consists of), global average pooling
 * and a linear map; the audio side is an MLP on the generator's audio embedding. Both end L2-normalised.
 *
 * <p>Trained with in-batch InfoNCE on real (image, sound) pairs (this also trains the audio encoder to carry what
 * the scene looks like); the generator is then asked to make G(image, sound) pick its own sound among the batch's.
 */
public final class AudioVisualCritic {

	/** Side of the image the critic sees. */
	public static final int SIDE = 64;

	private final ParameterGroup params = new ParameterGroup("C");
	private final int width;

	public AudioVisualCritic(NDManager manager, int width, int audioEmbeddingDim, int dim, SeededRandom rng) {
		this.width = width;
		int in = 3;
		for (int i = 0; i < 4; i++) {
			int out = width << i;
			params.addParameter("image." + i + ".weight",
				Initializers.xavierNormal(manager, new Shape(out, in, 4, 4), 1.0, rng));
			params.addParameter("image." + i + ".bias", manager.zeros(new Shape(out)));
			in = out;
		}
		params.addParameter("image.head.weight", Initializers.xavierNormal(manager, new Shape(dim, in), 1.0, rng));
		params.addParameter("image.head.bias", manager.zeros(new Shape(dim)));
		params.addParameter("audio.0.weight",
			Initializers.xavierNormal(manager, new Shape(audioEmbeddingDim, audioEmbeddingDim), 1.0, rng));
		params.addParameter("audio.0.bias", manager.zeros(new Shape(audioEmbeddingDim)));
		params.addParameter("audio.2.weight",
			Initializers.xavierNormal(manager, new Shape(dim, audioEmbeddingDim), 1.0, rng));
		params.addParameter("audio.2.bias", manager.zeros(new Shape(dim)));
	}

	public ParameterGroup params() {
		return params;
	}

	public int width() {
		return width;
	}

	/** N x 3 x H x W in [-1, 1] to N x dim unit vectors; {@code frozen}: no gradient for the critic's weights. */
	public NDArray embedImage(NDArray image, boolean frozen) {
		NDManager scope = image.getManager();
		NDArray x = Ops.areaResize(image, SIDE, SIDE);
		for (int i = 0; i < 4; i++)
			x = Ops.leakyRelu(Ops.conv2d(x, params.get("image." + i + ".weight", scope, frozen), params.get("image." + i +
				".bias", scope, frozen), 2, 1), 0.2f);
		long n = x.getShape().get(0);
		long c = x.getShape().get(1);
		NDArray pooled = x.reshape(n, c, -1).mean(new int[] { 2 });
		return Ops.l2NormalizeRows(Ops.linear(pooled, params.get("image.head.weight", scope, frozen), params.get(
			"image.head.bias", scope, frozen)));
	}

	/** N x E audio embeddings to N x dim unit vectors; {@code frozen}: no gradient for the critic's weights. */
	public NDArray embedAudio(NDArray audioEmbedding, boolean frozen) {
		NDManager scope = audioEmbedding.getManager();
		NDArray h = Activation.relu(Ops.linear(audioEmbedding, params.get("audio.0.weight", scope, frozen), params.get(
			"audio.0.bias", scope, frozen)));
		return Ops.l2NormalizeRows(Ops.linear(h, params.get("audio.2.weight", scope, frozen), params.get("audio.2.bias",
			scope, frozen)));
	}
}
