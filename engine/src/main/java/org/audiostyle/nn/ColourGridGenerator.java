package org.audiostyle.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A generator that predicts a colour transform instead of pixels (after HDRNet, Gharbi et al. 2017): a small network
 * looks at a low-resolution copy of the photo and the audio embedding and outputs a bilateral grid, a coarse
 * {@code gh x gw} spatial grid with {@link #DEPTH} luminance bins, each cell holding a 3 x 4 affine colour matrix.
 * Every pixel of the photo, at any resolution, takes the matrix found by trilinear interpolation at its position and
 * its own luminance ({@link GridSlicing}) and applies it to its colour. The output keeps every edge of the input (two
 * pixels of one colour, side by side, get the same matrix up to the grid's smooth interpolation), cannot draw texture
 * or halos, and costs one pass over the full-resolution pixels.
 * <p>
 * Layers (widths from {@link NetworkConfig#ngf}: c1 = ngf / 2, c2 = ngf, c3 = 2 ngf; residualBlocks is not used):
 * {@code splat} 0 ReplPad1, 1 Conv3 s2 (3 to c1), 2 ReLU, 3 ReplPad1, 4 Conv3 s2 (c1 to c2), 5 ReLU, 6 ReplPad1,
 * 7 Conv3 s2 (c2 to c3), 8 ReLU; {@code local} 0 ReplPad1, 1 Conv3 (c3 to c3), 2 IN (modulated by {@code film} from
 * the embedding), 3 ReLU, 4 ReplPad1, 5 Conv3 (c3 to c3);
 * {@code global} Linear (c3 to c3) on the spatial mean of the splat features; fused as ReLU(local + global), then
 * {@code coefficients}, a 1 x 1 convolution to 12 x DEPTH channels, initialised to zero so that an untrained
 * generator returns the photo unchanged. The grid holds the change from the identity matrix.
 * <p>
 * Images are N x 3 x H x W in [-1, 1]; the grid network needs H and W to be multiples of {@link #CELL} (training
 * crops are; {@link #forward} resizes other sizes for it).
 */
public final class ColourGridGenerator extends TorchBlock {

	/** Luminance bins of the grid. */
	public static final int DEPTH = 8;
	/** Affine colour coefficients per grid cell: a 3 x 3 matrix (row-major) then a 3-vector offset. */
	public static final int COEFFICIENTS = 12;
	/** Low-resolution pixels per grid cell along each axis (three stride-2 convolutions). */
	public static final int CELL = 8;
	/**
	 * PatchNCE layers of {@link #encode}: 0 the image itself, 1..3 the splat features after each ReLU (full, half and
	 * quarter crop resolution: the same scales CUT's layers 0, 4, 8 of the ResNet see).
	 */
	public static final int[] NCE_LAYERS = { 0, 1, 2, 3 };

	private final NetworkConfig config;
	private final TorchSequential splat;
	private final TorchSequential local;
	private final Linear global;
	private final FilmModulation film;
	private final InstanceNorm2d modulated;
	private final Parameter outWeight, outBias;
	private final int width;

	public ColourGridGenerator(NetworkConfig config) {
		this.config = config;
		int c1 = Math.max(2, config.ngf / 2), c2 = Math.max(2, config.ngf), c3 = Math.max(2, 2 * config.ngf);
		this.width = c3;
		WeightInit k = WeightInit.KAIMING_FAN_OUT;
		// Edge padding, not zeros: a flat photo gives the same features, hence the same matrix, in every cell.
		splat = child("splat", new TorchSequential()
			.add(new ReplicationPad2d(1))
			.add(new Conv2d(3, c1, 3, 2, 0, true, k))
			.add(new Relu())
			.add(new ReplicationPad2d(1))
			.add(new Conv2d(c1, c2, 3, 2, 0, true, k))
			.add(new Relu())
			.add(new ReplicationPad2d(1))
			.add(new Conv2d(c2, c3, 3, 2, 0, true, k))
			.add(new Relu()));
		modulated = new InstanceNorm2d(c3);
		local = child("local", new TorchSequential()
			.add(new ReplicationPad2d(1))
			.add(new Conv2d(c3, c3, 3, 1, 0, true, k))
			.add(modulated)
			.add(new Relu())
			.add(new ReplicationPad2d(1))
			.add(new Conv2d(c3, c3, 3, 1, 0, true, k)));
		global = child("global", new Linear(c3, c3, WeightInit.LECUN_NORMAL));
		film = child("film", new FilmModulation(config.embeddingDim, new int[] { c3 }));
		outWeight = weight("coefficients_weight", Parameter.Type.WEIGHT, new Shape(COEFFICIENTS * DEPTH, c3, 1, 1));
		outBias = weight("coefficients_bias", Parameter.Type.BIAS, new Shape(COEFFICIENTS * DEPTH));
		modulated.setKey("local.2");
	}

	/** Zero change at the start: the coefficient layer's weights and biases are 0. */
	@Override
	protected float[] initialValues(String torchName, Shape shape, Random random) {
		return new float[Math.toIntExact(shape.size())];
	}

	public NetworkConfig config() {
		return config;
	}

	/**
	 * The bilateral grid for low-resolution images {@code lowRes} (N x 3 x h x w, h and w multiples of {@link #CELL})
	 * and embeddings (N x E): N x (12 DEPTH) x h/8 x w/8, channel {@code d * 12 + k} holding coefficient k of
	 * luminance bin d (the change from the identity matrix). Differentiable.
	 */
	public NDArray grid(NDArray lowRes, NDArray embedding) {
		checkInputs(lowRes, embedding);
		Shape s = lowRes.getShape();
		if (s.get(2) % CELL != 0 || s.get(3) % CELL != 0)
			throw new IllegalArgumentException("The grid network needs sizes that are multiples of " + CELL + ", got " +
				s);
		ForwardContext ctx = new ForwardContext(false);
		NDArray[] m = film.modulation(0, embedding);
		ctx.modulate(modulated, m[0], m[1]);
		NDArray features = splat.apply(lowRes, ctx);
		long n = s.get(0);
		NDArray pooled = features.reshape(n, width, -1).mean(new int[] { 2 });
		NDArray globalFeatures = global.apply(pooled, ctx).reshape(n, width, 1, 1);
		NDArray fused = local.apply(features, ctx).add(globalFeatures).maximum(0f);
		return GradSafeConv.conv2d(fused, outWeight.getArray(), outBias.getArray(), 1, 0);
	}

	/**
	 * Restyles {@code image} (N x 3 x H x W, [-1, 1], any size): the grid is computed on the image itself when its
	 * sides are multiples of {@link #CELL} (training crops), else on a bilinear resize to the nearest such size, and
	 * sliced at every pixel of {@code image}. Differentiable.
	 */
	public NDArray forward(NDArray image, NDArray embedding) {
		checkInputs(image, embedding);
		Shape s = image.getShape();
		int h = Math.toIntExact(s.get(2)), w = Math.toIntExact(s.get(3));
		int gh = GridSlicing.lowResolution(h), gw = GridSlicing.lowResolution(w);
		NDArray lowRes = gh == h && gw == w ? image : AxisMatrices.apply(image, GridSlicing.bilinear(h, gh), gh,
			GridSlicing.bilinear(w, gw), gw);
		return GridSlicing.apply(image, grid(lowRes, embedding));
	}

	/**
	 * Features for PatchNCE at {@code layers} (of {@link #NCE_LAYERS}): the image and the splat features after each
	 * ReLU, computed on the image at its own size (no audio). Sides must be multiples of {@link #CELL}.
	 */
	public NDList encode(NDArray image, int[] layers) {
		int deepest = Arrays.stream(layers).max().orElse(0);
		List<NDArray> all = new ArrayList<>();
		all.add(image);
		ForwardContext ctx = new ForwardContext(false);
		NDArray x = image;
		for (int i = 0; i < splat.size() && all.size() <= deepest; i++) {
			x = splat.layer(i).apply(x, ctx);
			if (splat.layer(i) instanceof Relu) all.add(x);
		}
		NDList out = new NDList();
		for (int l : layers) {
			if (l < 0 || l >= all.size())
				throw new IllegalArgumentException("The grid generator has PatchNCE layers 0.." + (NCE_LAYERS.length - 1) +
					", asked for " + l);
			out.add(all.get(l));
		}
		return out;
	}

	/**
	 * The grid as plain numbers for {@link GridSlicing#apply(float[], float[], int, int, int, int, float)}: one
	 * low-resolution image (1 x 3 x h x w) and one embedding, run outside any gradient recording, in a temporary
	 * manager; returns the grid's values (12 DEPTH x h/8 x w/8, channel-major).
	 */
	public float[] gridValues(NDManager manager, float[] lowRes, int h, int w, float[] embedding) {
		try (NDManager m = manager.newSubManager()) {
			NDArray x = m.create(lowRes, new Shape(1, 3, h, w));
			NDArray e = m.create(embedding, new Shape(1, embedding.length));
			return grid(x, e).toFloatArray();
		}
	}

	private void checkInputs(NDArray image, NDArray embedding) {
		ResnetGenerator.checkGeneratorInputs(image, embedding, config.embeddingDim);
	}

	/** DJL entry point (training): inputs (image, embedding), output the restyled image. */
	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
		PairList<String, Object> params) {
		return new NDList(forward(inputs.get(0), inputs.get(1)));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}
}
