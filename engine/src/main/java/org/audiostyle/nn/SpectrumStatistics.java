package org.audiostyle.nn;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * Summary statistics of a sound over its 3 s, the input of the {@code statistics} audio network: from the STFT
 * magnitudes (N x 1 x 257 x T) the log mel power (64 bands, 50 Hz to 8 kHz) and, per band, its mean over time, its
 * spread over time and its mean frame-to-frame change, plus the sound's temporal modulation spectrum (how strongly the
 * bands' loudness fluctuates at 1/3 to 8 Hz: the roll of waves, rain's steady hiss, a cricket's chirp rate), averaged
 * over the bands. Output N x {@link #FEATURES}. No trainable weights; the mel filter bank is a fixed buffer
 * ({@code mel}, 257 x 64), like the STFT's kernels.
 * <p>
 * Why: with one to a few recordings per class, a ResNet on the spectrogram learns what tells the training recordings
 * apart, which includes each recording's microphone and place. Statistics pooled over the whole clip carry the class
 * (texture, brightness, rhythm) and little else. On the recording-level validation split ({@code audiostyle probe}),
 * a logistic regression names the class of 69.4 % of the sounds from these fixed features and of 57.1 % from the
 * pre-trained ResNet encoder's embeddings; the statistics network pre-trained the same way puts 73.5 % nearest their
 * class's mean (docs/training.md).
 */
public final class SpectrumStatistics extends TorchLayer {

	public static final int MEL_BANDS = 64;
	public static final double MIN_HZ = 50, MAX_HZ = 8000;
	/** Modulation frequencies k / (T * 10 ms) for k = 1..MODULATION_BINS: 0.33 to 8 Hz for 3 s. */
	public static final int MODULATION_BINS = 24;
	public static final int FEATURES = 3 * MEL_BANDS + MODULATION_BINS;
	/** Added to the mel power before the log (a full-scale tone reaches ~1e4), and to the modulation magnitudes. */
	static final float POWER_FLOOR = 1e-6f;

	private final Parameter mel;
	/** The last modulation kernels built: every clip the model hears has the same T (301 frames for 3 s). */
	private volatile ModulationKernels kernels;

	/** cos and sin (T x {@link #MODULATION_BINS}) of the DFT over T frames at bins 1.., divided by T. */
	private static final class ModulationKernels {

		final int frames;
		final float[] cos, sin;

		ModulationKernels(int t) {
			frames = t;
			cos = new float[t * MODULATION_BINS];
			sin = new float[t * MODULATION_BINS];
			for (int x = 0; x < t; x++)
				for (int k = 0; k < MODULATION_BINS; k++) {
					double phase = 2 * Math.PI * (k + 1) * x / t;
					cos[x * MODULATION_BINS + k] = (float) (Math.cos(phase) / t);
					sin[x * MODULATION_BINS + k] = (float) (Math.sin(phase) / t);
				}
		}
	}

	public SpectrumStatistics() {
		mel = buffer("mel", Parameter.Type.OTHER, new Shape(StftMagnitude.BINS, MEL_BANDS));
	}

	@Override
	public NDArray apply(NDArray magnitudes, ForwardContext ctx) {
		Shape s = magnitudes.getShape();
		if (s.dimension() != 4 || s.get(1) != 1 || s.get(2) != StftMagnitude.BINS || s.get(3) < 2)
			throw new IllegalArgumentException("Spectrum statistics need N x 1 x " + StftMagnitude.BINS +
				" x T magnitudes (T >= 2), got " + s);
		int t = Math.toIntExact(s.get(3));
		// N x T x 257 power, times the 257 x 64 filter bank: N x T x 64 log mel power
		NDArray logMel = magnitudes.squeeze(1).square().transpose(0, 2, 1).matMul(mel.getArray().toType(magnitudes
			.getDataType(), false)).add(POWER_FLOOR).log();
		NDArray mean = logMel.mean(new int[] { 1 });
		NDArray centred = logMel.sub(mean.expandDims(1));
		NDArray spread = centred.square().mean(new int[] { 1 }).add(POWER_FLOOR).sqrt();
		NDArray change = logMel.get(":, 1:, :").sub(logMel.get(":, :-1, :")).abs().mean(new int[] { 1 });
		ModulationKernels k = kernels;
		if (k == null || k.frames != t) kernels = k = new ModulationKernels(t);
		NDManager m = magnitudes.getManager();
		Shape kernelShape = new Shape(t, MODULATION_BINS);
		NDArray bandsFirst = centred.transpose(0, 2, 1); // N x 64 x T
		NDArray re = bandsFirst.matMul(m.create(k.cos, kernelShape).toType(magnitudes.getDataType(), false));
		NDArray im = bandsFirst.matMul(m.create(k.sin, kernelShape).toType(magnitudes.getDataType(), false));
		NDArray modulation = re.square().add(im.square()).add(POWER_FLOOR).sqrt().mean(new int[] { 1 }).add(
			POWER_FLOOR).log();
		return NDArrays.concat(new NDList(mean, spread, change, modulation), 1);
	}

	/** Triangular filters evenly spaced on the mel scale (HTK: 2595 log10(1 + f / 700)), peak 1, as 257 x 64. */
	static float[] melFilterBank() {
		double lo = hzToMel(MIN_HZ), hi = hzToMel(MAX_HZ);
		double[] edges = new double[MEL_BANDS + 2];
		for (int i = 0; i < edges.length; i++)
			edges[i] = melToHz(lo + (hi - lo) * i / (MEL_BANDS + 1));
		float[] fb = new float[StftMagnitude.BINS * MEL_BANDS];
		for (int k = 0; k < StftMagnitude.BINS; k++) {
			double f = k * 16000.0 / StftMagnitude.N_FFT;
			for (int b = 0; b < MEL_BANDS; b++) {
				double rise = (f - edges[b]) / (edges[b + 1] - edges[b]);
				double fall = (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
				fb[k * MEL_BANDS + b] = (float) Math.max(0, Math.min(rise, fall));
			}
		}
		return fb;
	}

	static double hzToMel(double hz) {
		return 2595 * Math.log10(1 + hz / 700);
	}

	static double melToHz(double mel) {
		return 700 * (Math.pow(10, mel / 2595) - 1);
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		return melFilterBank();
	}
}
