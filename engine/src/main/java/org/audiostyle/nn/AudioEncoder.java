package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's audio encoder ({@code AudioModel} of the official code): 16 kHz waveform (N x 48,000) to linear STFT
 * magnitude ({@code stft}, N x 257 x 301) to a ResNet-18 variant to an N x E embedding.
 * <p>
 * Children and state-dict keys follow the official code: {@code AudioInconv} = [0 Conv2d(1 to w, k7, stride 2,
 * padding 1, no bias), 1 BatchNorm2d, 2 ReLU, 3 MaxPool(3, 2, 1)], {@code AudioLayer1..4} (torchvision BasicBlocks,
 * widths w, 2w, 4w, 8w, strides 1, 2, 2, 2), {@code AudioAvgpool}, {@code stft} (buffers wsin, wcos, window_mask),
 * {@code proj} = Linear(8w to E). E.g. {@code AudioInconv.1.running_mean}, {@code AudioLayer2.0.downsample.0.weight}.
 * <p>
 * With {@code audioNetwork} statistics the ResNet is replaced by {@link SpectrumStatistics}, a batch norm and a
 * two-layer perceptron; with {@code hybrid} both run and their outputs are summed (see
 * {@link NetworkConfig.AudioNetwork}). The STFT is the same.
 * <p>
 * Initialisation as in the official code: torchvision's ResNet init for the layers (kaiming normal fan_out, BN 1/0),
 * PyTorch defaults for the stem conv and proj. Batch norm follows {@link #setTraining} (or DJL's training flag).
 */
public final class AudioEncoder extends TorchBlock {

	private final NetworkConfig config;
	// the ResNet branch (audioNetwork resnet, the paper's, and hybrid): null without it
	private final TorchSequential inconv;
	private final TorchSequential[] layers = new TorchSequential[4];
	private final GlobalAvgPool avgpool;
	private final Linear proj;
	// the statistics branch (audioNetwork statistics and hybrid): null without it
	private final SpectrumStatistics statistics;
	private final BatchNorm2d statsNorm;
	private final Linear hidden;
	private final Linear statsProj;
	private final StftMagnitude stft;
	private boolean training;

	public AudioEncoder(NetworkConfig config) {
		this.config = config;
		int w = config.audioWidth;
		NetworkConfig.AudioNetwork network = config.audioNetwork;
		if (network.hasResnet()) {
			inconv = child("AudioInconv", new TorchSequential()
				.add(new Conv2d(1, w, 7, 2, 1, false, WeightInit.TORCH_DEFAULT))
				.add(new BatchNorm2d(w))
				.add(new Relu())
				.add(new MaxPool2d(3, 2, 1)));
			int inplanes = w;
			for (int i = 0; i < 4; i++) {
				int planes = w << i;
				int stride = i == 0 ? 1 : 2;
				layers[i] = child("AudioLayer" + (i + 1), new TorchSequential()
					.add(new BasicBlock(inplanes, planes, stride))
					.add(new BasicBlock(planes, planes, 1)));
				inplanes = planes;
			}
			avgpool = child("AudioAvgpool", new GlobalAvgPool());
		} else {
			inconv = null;
			avgpool = null;
		}
		stft = child("stft", new StftMagnitude());
		if (network.hasStatistics()) {
			statistics = child("statistics", new SpectrumStatistics());
			statsNorm = child("statsNorm", new BatchNorm2d(SpectrumStatistics.FEATURES));
			hidden = child("hidden", new Linear(SpectrumStatistics.FEATURES, 8 * w, WeightInit.TORCH_DEFAULT));
		} else {
			statistics = null;
			statsNorm = null;
			hidden = null;
		}
		// the statistics network alone keeps its output layer under the name "proj", as its packages have it
		proj = child("proj", new Linear(8 * w, config.embeddingDim, WeightInit.TORCH_DEFAULT));
		statsProj = network == NetworkConfig.AudioNetwork.HYBRID ? child("statsProj", new Linear(8 * w,
			config.embeddingDim, WeightInit.TORCH_DEFAULT)) : null;
	}

	public NetworkConfig config() {
		return config;
	}

	/** Training mode: batch norm uses batch statistics and updates its running averages. Default false. */
	public AudioEncoder setTraining(boolean training) {
		this.training = training;
		return this;
	}

	public boolean isTraining() {
		return training;
	}

	/** N x L waveforms (16 kHz, the paper: L = 48,000) to N x 1 x 257 x (1 + L/160) linear magnitudes. */
	public NDArray spectrogram(NDArray waveforms) {
		return stft.apply(waveforms, new ForwardContext(training)).expandDims(1);
	}

	/** N x L waveforms to N x E embeddings (linear output, no normalisation). */
	public NDArray embed(NDArray waveforms) {
		return embedSpectrogram(spectrogram(waveforms), training);
	}

	/** The network after the STFT: N x 1 x 257 x T magnitudes to N x E embeddings (the sum of {@link #branches}). */
	public NDArray embedSpectrogram(NDArray spectrogram, boolean training) {
		return sum(branches(spectrogram, training));
	}

	/** The embedding {@link #branches} make: their sum. */
	public static NDArray sum(NDList branches) {
		NDArray e = branches.head();
		for (int i = 1; i < branches.size(); i++)
			e = e.add(branches.get(i));
		return e;
	}

	/**
	 * Each branch's N x E contribution to the embedding: one array, or for {@code hybrid} two (ResNet, statistics)
	 * whose sum is the embedding.
	 */
	public NDList branches(NDArray spectrogram, boolean training) {
		ForwardContext ctx = new ForwardContext(training);
		NDList out = new NDList(2);
		if (inconv != null) {
			NDArray x = inconv.apply(stemInput(spectrogram), ctx);
			for (TorchSequential layer : layers)
				x = layer.apply(x, ctx);
			x = avgpool.apply(x, ctx);
			out.add(proj.apply(x.reshape(x.getShape().get(0), -1), ctx));
		}
		if (statistics != null) {
			NDArray f = statistics.apply(spectrogram, ctx);
			f = statsNorm.apply(f.reshape(f.getShape().get(0), -1, 1, 1), ctx);
			f = ai.djl.nn.Activation.relu(hidden.apply(f.reshape(f.getShape().get(0), -1), ctx));
			out.add((statsProj != null ? statsProj : proj).apply(f, ctx));
		}
		return out;
	}

	/** The magnitudes as the stem convolution sees them: as they are, or log-compressed ({@link NetworkConfig.AudioInput}). */
	NDArray stemInput(NDArray magnitudes) {
		return config.audioInput == NetworkConfig.AudioInput.LOG ? magnitudes.add(NetworkConfig.LOG_FLOOR).log() :
			magnitudes;
	}

	/** DJL entry point: input N x L waveforms; outputs (N x E embedding, N x 1 x 257 x T spectrogram). */
	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
		PairList<String, Object> params) {
		NDArray spec = stft.apply(inputs.singletonOrThrow(), new ForwardContext(training)).expandDims(1);
		return new NDList(embedSpectrogram(spec, training), spec);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		long n = inputShapes[0].get(0);
		long frames = StftMagnitude.frames(inputShapes[0].get(1));
		return new Shape[] { new Shape(n, config.embeddingDim), new Shape(n, 1, StftMagnitude.BINS, frames) };
	}
}
