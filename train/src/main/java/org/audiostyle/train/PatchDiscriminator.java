package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;

/**
 * The audio-visual texture discriminator: CUT's 70x70 PatchGAN with anti-aliased downsampling ({@code
 * NLayerDiscriminator(6, ndf, n_layers=3, InstanceNorm)}, avstyle.md 3a) over cat(spectrogram x3, image):
 *
 * <pre>
 * 0 Conv(6, ndf, k4 s1 p1)  1 LReLU(0.2)  2 Downsample
 * 3 Conv(ndf, 2ndf)  4 IN  5 LReLU  6 Downsample
 * 7 Conv(2ndf, 4ndf) 8 IN  9 LReLU 10 Downsample
 * 11 Conv(4ndf, 8ndf) 12 IN 13 LReLU
 * 14 Conv(8ndf, 1)
 * </pre>
 *
 * State-dict keys {@code model.{0,3,7,11,14}.weight/bias} and buffers {@code model.{2,6,10}.filt}, as the paper's
 * (the fixed blur is computed separably by {@link Ops#blurDownsample}; the buffers are kept for the keys).
 * A 256 x 256 input gives a 30 x 30 score map, 128 x 128 gives 14 x 14.
 *
 * <p>Optional projection term (Miyato and Koyama 2018, applied per patch): score += <h, P(a)> where h is the 8ndf
 * feature map of layer 13, P an MLP of an audio descriptor (see {@link DiscriminatorInput#audioDescriptor}), and the
 * inner-product map is averaged over 2 x 2 neighbourhoods so it lines up with layer 14's output grid. It lets D
 * judge "does this picture go with this sound" directly rather than only through early concatenation.
 */
public final class PatchDiscriminator {

	private final ParameterGroup params = new ParameterGroup("D");
	private final int ndf;
	private final boolean projection;

	/**
	 * @param inputChannels 6 for the paper's spectrogram + image input
	 * @param descriptorDim length of the audio descriptor for the projection term, or 0 for none
	 */
	public PatchDiscriminator(NDManager manager, int inputChannels, int ndf, int descriptorDim, SeededRandom rng) {
		this.ndf = ndf;
		this.projection = descriptorDim > 0;
		conv(manager, "model.0", inputChannels, ndf, rng);
		params.addBuffer("model.2.filt", Ops.blurFilter(manager, ndf));
		conv(manager, "model.3", ndf, 2 * ndf, rng);
		params.addBuffer("model.6.filt", Ops.blurFilter(manager, 2 * ndf));
		conv(manager, "model.7", 2 * ndf, 4 * ndf, rng);
		params.addBuffer("model.10.filt", Ops.blurFilter(manager, 4 * ndf));
		conv(manager, "model.11", 4 * ndf, 8 * ndf, rng);
		conv(manager, "model.14", 8 * ndf, 1, rng);
		if (projection) {
			int hidden = 8 * ndf;
			params.addParameter("projection.0.weight",
				Initializers.xavierNormal(manager, new Shape(hidden, descriptorDim), 0.02, rng));
			params.addParameter("projection.0.bias", manager.zeros(new Shape(hidden)));
			params.addParameter("projection.2.weight",
				Initializers.xavierNormal(manager, new Shape(8 * ndf, hidden), 0.02, rng));
			params.addParameter("projection.2.bias", manager.zeros(new Shape(8 * ndf)));
		}
	}

	private void conv(NDManager manager, String key, int in, int out, SeededRandom rng) {
		params.addParameter(key + ".weight", Initializers.xavierNormal(manager, new Shape(out, in, 4, 4), 0.02, rng));
		params.addParameter(key + ".bias", manager.zeros(new Shape(out)));
	}

	public ParameterGroup params() {
		return params;
	}

	public int width() {
		return ndf;
	}

	public boolean hasProjection() {
		return projection;
	}

	/**
	 * Patch scores N x 1 x h x w.
	 *
	 * @param input N x 6 x H x W (spectrogram channels then image channels), H, W >= 32
	 * @param descriptor N x descriptorDim audio descriptors; required iff the projection term is on
	 */
	public NDArray forward(NDArray input, NDArray descriptor) {
		return forward(input, descriptor, false);
	}

	/**
	 * As {@link #forward(NDArray, NDArray)}; {@code frozen} runs D without gradients for its own weights (the
	 * generator's step: gradients still flow to the input).
	 */
	public NDArray forward(NDArray input, NDArray descriptor, boolean frozen) {
		if (projection == (descriptor == null))
			throw new IllegalArgumentException(projection ? "This discriminator needs an audio descriptor." :
				"This discriminator has no projection term; pass no descriptor.");
		NDManager scope = input.getManager();
		java.util.function.Function<String, NDArray> p = k -> params.get(k, scope, frozen);
		NDArray x = conv(input, "model.0", p);
		x = Ops.leakyRelu(x, 0.2f);
		x = Ops.blurDownsample(x);
		x = Ops.leakyRelu(Ops.instanceNorm(conv(x, "model.3", p)), 0.2f);
		x = Ops.blurDownsample(x);
		x = Ops.leakyRelu(Ops.instanceNorm(conv(x, "model.7", p)), 0.2f);
		x = Ops.blurDownsample(x);
		NDArray h = Ops.leakyRelu(Ops.instanceNorm(conv(x, "model.11", p)), 0.2f);
		NDArray out = conv(h, "model.14", p);
		if (!projection) return out;
		NDArray e = Ops.linear(descriptor, p.apply("projection.0.weight"), p.apply("projection.0.bias"));
		e = Activation.relu(e);
		e = Ops.linear(e, p.apply("projection.2.weight"), p.apply("projection.2.bias")); // N x 8ndf
		long n = e.getShape().get(0);
		NDArray inner = h.mul(e.reshape(n, 8L * ndf, 1, 1)).sum(new int[] { 1 }, true); // N x 1 x h+1 x w+1
		NDArray aligned = Pool.avgPool2d(inner, new Shape(2, 2), new Shape(1, 1), new Shape(0, 0), false, true);
		return out.add(aligned);
	}

	private static NDArray conv(NDArray x, String key, java.util.function.Function<String, NDArray> p) {
		return Ops.conv2d(x, p.apply(key + ".weight"), p.apply(key + ".bias"), 1, 1);
	}
}
