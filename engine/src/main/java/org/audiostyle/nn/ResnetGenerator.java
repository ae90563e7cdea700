package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The paper's generator (CUT's anti-aliased ResNet generator, split into {@code model_down} and {@code model_up}),
 * with the layer indices and state-dict keys of the official code, plus our FiLM conditioning variant.
 * <p>
 * {@code model_down}: 0 ReflPad3, 1 Conv7 (3 to ngf), 2 IN, 3 ReLU, 4 Conv3 (ngf to 2ngf), 5 IN, 6 ReLU, 7 BlurDown,
 * 8 Conv3 (2ngf to 4ngf), 9 IN, 10 ReLU, 11 BlurDown, 12.. ResnetBlocks(4ngf).
 * {@code model_up}: 0 BlurUp(in), 1 Conv3 (in to 4ngf), 2 IN, 3 ReLU, 4 BlurUp(4ngf), 5 Conv3 (4ngf to 2ngf), 6 IN,
 * 7 ReLU, 8 ReflPad3, 9 Conv7 (2ngf to 3), 10 Tanh; in = 4ngf + E for CONCAT (the embedding is tiled to the
 * bottleneck size and concatenated), 4ngf for FILM (child {@code film} modulates the outputs of model_up 2 and 6).
 * <p>
 * Images are N x 3 x H x W in [-1, 1], any H, W >= 1 (padded internally, see {@link SizePadding}); embeddings N x E.
 */
public final class ResnetGenerator extends TorchBlock {

	/** The model_down layers whose outputs feed PatchNCE in the paper. */
	public static final int[] NCE_LAYERS = { 0, 4, 8, 12, 16 };

	private final NetworkConfig config;
	private final TorchSequential modelDown;
	private final TorchSequential modelUp;
	private final FilmModulation film;
	private final InstanceNorm2d[] modulatedNorms;

	public ResnetGenerator(NetworkConfig config) {
		this.config = config;
		int ngf = config.ngf;
		int e = config.embeddingDim;
		WeightInit x = WeightInit.XAVIER_002;
		modelDown = child("model_down", new TorchSequential()
			.add(new ReflectionPad2d(3))
			.add(new Conv2d(3, ngf, 7, 1, 0, true, x))
			.add(new InstanceNorm2d(ngf))
			.add(new Relu())
			.add(new Conv2d(ngf, 2 * ngf, 3, 1, 1, true, x))
			.add(new InstanceNorm2d(2 * ngf))
			.add(new Relu())
			.add(new BlurDownsample(2 * ngf))
			.add(new Conv2d(2 * ngf, 4 * ngf, 3, 1, 1, true, x))
			.add(new InstanceNorm2d(4 * ngf))
			.add(new Relu())
			.add(new BlurDownsample(4 * ngf)));
		for (int i = 0; i < config.residualBlocks; i++)
			modelDown.add(new ResnetBlock(4 * ngf));
		boolean concat = config.conditioning == NetworkConfig.Conditioning.CONCAT;
		int upIn = concat ? 4 * ngf + e : 4 * ngf;
		InstanceNorm2d norm1 = new InstanceNorm2d(4 * ngf);
		InstanceNorm2d norm2 = new InstanceNorm2d(2 * ngf);
		modelUp = child("model_up", new TorchSequential()
			.add(new BlurUpsample(upIn))
			.add(new Conv2d(upIn, 4 * ngf, 3, 1, 1, true, x))
			.add(norm1)
			.add(new Relu())
			.add(new BlurUpsample(4 * ngf))
			.add(new Conv2d(4 * ngf, 2 * ngf, 3, 1, 1, true, x))
			.add(norm2)
			.add(new Relu())
			.add(new ReflectionPad2d(3))
			.add(new Conv2d(2 * ngf, 3, 7, 1, 0, true, x))
			.add(new Tanh()));
		if (concat) {
			film = null;
			modulatedNorms = new InstanceNorm2d[0];
		} else {
			film = child("film", new FilmModulation(e, new int[] { 4 * ngf, 2 * ngf }));
			modulatedNorms = new InstanceNorm2d[] { norm1, norm2 };
		}
		nameNorms(this, "");
	}

	private static void nameNorms(TorchBlock block, String prefix) {
		for (Map.Entry<String, TorchBlock> c : block.torchChildren().entrySet()) {
			String path = prefix + c.getKey();
			if (c.getValue() instanceof InstanceNorm2d) ((InstanceNorm2d) c.getValue()).setKey(path);
			nameNorms(c.getValue(), path + ".");
		}
	}

	public NetworkConfig config() {
		return config;
	}

	public TorchSequential modelDown() {
		return modelDown;
	}

	public TorchSequential modelUp() {
		return modelUp;
	}

	/** The FiLM layers, or null for CONCAT. */
	public FilmModulation film() {
		return film;
	}

	/**
	 * Stylizes {@code image} (N x 3 x H x W, [-1, 1]) with {@code embedding} (N x E). Differentiable when called inside
	 * a GradientCollector. {@code stats} may be null (each image uses its own instance-norm statistics). All arrays
	 * are created in the image's NDManager.
	 */
	public NDArray forward(NDArray image, NDArray embedding, NormStatistics stats) {
		checkInputs(image, embedding);
		ForwardContext ctx = new ForwardContext(false, stats);
		SizePadding size = new SizePadding(image.getShape().get(2), image.getShape().get(3));
		NDArray x = modelDown.apply(size.pad(image), ctx);
		if (film != null) modulate(ctx, embedding);
		else x = concatEmbedding(x, embedding);
		return size.crop(modelUp.apply(x, ctx));
	}

	/**
	 * The outputs of {@code model_down} at {@code layers} (e.g. {@link #NCE_LAYERS}), like the official
	 * {@code netG(x, layers, encode_only=True)}: no audio, no size padding, stops after the deepest layer asked for.
	 */
	public NDList encode(NDArray image, int[] layers) {
		return new NDList(modelDown.outputsAt(image, new ForwardContext(false), layers));
	}

	/**
	 * Low-memory inference: like {@link #forward} but runs layer by layer, each in a temporary NDManager, so every
	 * intermediate is freed as soon as the next layer has used it. Only the result is attached to {@code manager}.
	 * Meant to be called outside any GradientCollector. {@code image} and {@code embedding} stay where they are.
	 */
	public NDArray infer(NDManager manager, NDArray image, NDArray embedding, NormStatistics stats) {
		checkInputs(image, embedding);
		try (NDManager scope = manager.newSubManager()) {
			ForwardContext ctx = new ForwardContext(false, stats).setInferenceOnly(true);
			if (film != null) {
				try (NDManager tmp = scope.newSubManager()) {
					embedding.tempAttach(tmp);
					for (int i = 0; i < film.count(); i++) {
						NDArray[] m = film.modulation(i, embedding);
						m[0].attach(scope);
						m[1].attach(scope);
						ctx.modulate(modulatedNorms[i], m[0], m[1]);
					}
				}
			}
			SizePadding size = new SizePadding(image.getShape().get(2), image.getShape().get(3));
			Stepper s = new Stepper(scope, image);
			s.step((x, tmp) -> size.pad(x));
			for (TorchLayer layer : modelDown.layers())
				s.step((x, tmp) -> layer.apply(x, ctx));
			if (film == null) s.step((x, tmp) -> {
				embedding.tempAttach(tmp);
				return concatEmbedding(x, embedding);
			});
			List<TorchLayer> up = modelUp.layers();
			for (int i = 0; i < up.size(); i++) {
				TorchLayer layer = up.get(i);
				if (layer instanceof BlurUpsample && i + 1 < up.size() && up.get(i + 1) instanceof Conv2d) {
					Conv2d conv = (Conv2d) up.get(++i);
					s.step((x, tmp) -> upsampleThenConvolve((BlurUpsample) layer, conv, x, ctx));
				} else {
					s.step((x, tmp) -> layer.apply(x, ctx));
				}
			}
			s.step((x, tmp) -> size.crop(x).duplicate());
			NDArray out = s.current;
			out.attach(manager);
			return out;
		}
	}

	/** Input channels upsampled at a time by {@link #infer}. */
	static final int UPSAMPLE_CHUNK = 32;

	/**
	 * conv(upsample(x)) computed over chunks of input channels (the upsampling acts on each channel alone, and the
	 * convolution is a sum over input channels), so the 4x larger upsampled tensor never exists in full.
	 */
	static NDArray upsampleThenConvolve(BlurUpsample up, Conv2d conv, NDArray x, ForwardContext ctx) {
		long c = x.getShape().get(1);
		NDArray sum = null;
		for (long from = 0; from < c; from += UPSAMPLE_CHUNK) {
			long to = Math.min(c, from + UPSAMPLE_CHUNK);
			try (NDManager part = x.getManager().newSubManager()) {
				NDArray chunk = Padding.slice(x, 1, from, to);
				chunk.attach(part);
				NDArray upsampled = up.applyToChannels(chunk, from, ctx);
				NDArray contribution = conv.applyToInputChannels(upsampled, from, from == 0);
				if (sum == null) {
					sum = contribution;
					sum.attach(x.getManager());
				} else {
					sum.addi(contribution);
				}
			}
		}
		return sum;
	}

	/** Runs one step at a time in a fresh sub-manager that also takes (and then frees) the previous output. */
	private static final class Stepper {
		private final NDManager scope;
		NDArray current;
		private boolean owned;

		Stepper(NDManager scope, NDArray input) {
			this.scope = scope;
			this.current = input;
		}

		void step(BiFunction<NDArray, NDManager, NDArray> f) {
			try (NDManager tmp = scope.newSubManager()) {
				if (owned) current.attach(tmp);
				else current.tempAttach(tmp);
				NDArray next = f.apply(current, tmp);
				if (next == current && !owned) return; // a no-op step on the caller's array: leave it alone
				next.attach(scope);
				current = next;
				owned = true;
			}
		}
	}

	private void modulate(ForwardContext ctx, NDArray embedding) {
		for (int i = 0; i < film.count(); i++) {
			NDArray[] m = film.modulation(i, embedding);
			ctx.modulate(modulatedNorms[i], m[0], m[1]);
		}
	}

	private NDArray concatEmbedding(NDArray bottleneck, NDArray embedding) {
		Shape s = bottleneck.getShape();
		long n = s.get(0);
		long e = embedding.getShape().get(1);
		NDArray tiled = embedding.reshape(n, e, 1, 1).broadcast(n, e, s.get(2), s.get(3));
		return NDArrays.concat(new NDList(bottleneck, tiled), 1);
	}

	private void checkInputs(NDArray image, NDArray embedding) {
		checkGeneratorInputs(image, embedding, config.embeddingDim);
	}

	/** What every generator takes: N x 3 x H x W images and N x {@code embeddingDim} embeddings. */
	static void checkGeneratorInputs(NDArray image, NDArray embedding, int embeddingDim) {
		Shape s = image.getShape();
		if (s.dimension() != 4 || s.get(1) != 3)
			throw new IllegalArgumentException("The generator needs an N x 3 x H x W image, got " + s);
		Shape es = embedding.getShape();
		if (es.dimension() != 2 || es.get(0) != s.get(0) || es.get(1) != embeddingDim)
			throw new IllegalArgumentException("The generator needs an N x " + embeddingDim + " embedding for " +
				s.get(0) + " images, got " + es);
	}

	/** DJL entry point (training): inputs (image, embedding), output the stylized image. */
	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
		PairList<String, Object> params) {
		return new NDList(forward(inputs.get(0), inputs.get(1), null));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	/** The instance norms that FiLM modulates (model_up 2 and 6), empty for CONCAT. */
	public List<InstanceNorm2d> modulatedNorms() {
		return List.of(modulatedNorms);
	}
}
