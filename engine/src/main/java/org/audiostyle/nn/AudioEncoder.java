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
 * two-layer perceptron (see {@link NetworkConfig.AudioNetwork}); the STFT is the same.
 * <p>
 * Initialisation as in the official code: torchvision's ResNet init for the layers (kaiming normal fan_out, BN 1/0),
 * PyTorch defaults for the stem conv and proj. Batch norm follows {@link #setTraining} (or DJL's training flag).
 */
public final class AudioEncoder extends TorchBlock {

	private final NetworkConfig config;
	// the ResNet (audioNetwork resnet, the paper's) ...
	private final TorchSequential inconv;
	private final TorchSequential[] layers = new TorchSequential[4];
	private final GlobalAvgPool avgpool;
	// ... or the statistics network (audioNetwork statistics)
	private final SpectrumStatistics statistics;
	private final BatchNorm2d statsNorm;
	private final Linear hidden;
	private final StftMagnitude stft;
	private final Linear proj;
	private boolean training;

	public AudioEncoder(NetworkConfig config) {
		this.config = config;
		int w = config.audioWidth;
		if (config.audioNetwork == NetworkConfig.AudioNetwork.STATISTICS) {
			inconv = null;
			avgpool = null;
			stft = child("stft", new StftMagnitude());
			statistics = child("statistics", new SpectrumStatistics());
			statsNorm = child("statsNorm", new BatchNorm2d(SpectrumStatistics.FEATURES));
			hidden = child("hidden", new Linear(SpectrumStatistics.FEATURES, 8 * w, WeightInit.TORCH_DEFAULT));
			proj = child("proj", new Linear(8 * w, config.embeddingDim, WeightInit.TORCH_DEFAULT));
			return;
		}
		statistics = null;
		statsNorm = null;
		hidden = null;
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
		stft = child("stft", new StftMagnitude());
		proj = child("proj", new Linear(8 * w, config.embeddingDim, WeightInit.TORCH_DEFAULT));
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

	/** The network after the STFT: N x 1 x 257 x T magnitudes to N x E embeddings. */
	public NDArray embedSpectrogram(NDArray spectrogram, boolean training) {
		ForwardContext ctx = new ForwardContext(training);
		if (statistics != null) {
			NDArray f = statistics.apply(spectrogram, ctx);
			f = statsNorm.apply(f.reshape(f.getShape().get(0), -1, 1, 1), ctx);
			f = ai.djl.nn.Activation.relu(hidden.apply(f.reshape(f.getShape().get(0), -1), ctx));
			return proj.apply(f, ctx);
		}
		NDArray x = inconv.apply(stemInput(spectrogram), ctx);
		for (TorchSequential layer : layers)
			x = layer.apply(x, ctx);
		x = avgpool.apply(x, ctx);
		return proj.apply(x.reshape(x.getShape().get(0), -1), ctx);
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
