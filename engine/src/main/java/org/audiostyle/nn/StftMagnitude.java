package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Random;

/**
 * nnAudio 0.2.2 {@code STFT(n_fft=512, win_length=400, hop_length=160, output_format='Magnitude')} as used by the
 * paper: reflection-pad 256 samples at each end, correlate with the fixed kernels {@code wcos}/{@code wsin}
 * [257, 1, 512] (cos/sin(2 pi k n / 512) times the periodic Hann(400) window zero-padded and centred in 512, i.e.
 * starting at sample 56) at stride 160, and return sqrt(re^2 + im^2). Input N x L waveforms, output N x 257 x
 * (1 + L / 160), e.g. 257 x 301 for 48,000 samples. Buffers: {@code wsin}, {@code wcos}, {@code window_mask}
 * [1, 512, 1] (the window, kept for the state dict).
 */
public final class StftMagnitude extends TorchLayer {

	public static final int N_FFT = 512;
	public static final int WIN_LENGTH = 400;
	public static final int HOP = 160;
	public static final int BINS = N_FFT / 2 + 1;

	private final Parameter wsin;
	private final Parameter wcos;

	public StftMagnitude() {
		wsin = buffer("wsin", Parameter.Type.OTHER, new Shape(BINS, 1, N_FFT));
		wcos = buffer("wcos", Parameter.Type.OTHER, new Shape(BINS, 1, N_FFT));
		buffer("window_mask", Parameter.Type.OTHER, new Shape(1, N_FFT, 1));
	}

	/** Number of frames for {@code samples} samples. */
	public static long frames(long samples) {
		return 1 + samples / HOP;
	}

	/** Periodic Hann(400) (scipy get_window fftbins=True), zero-padded and centred to 512 (librosa pad_center). */
	public static double[] window() {
		double[] w = new double[N_FFT];
		int offset = (N_FFT - WIN_LENGTH) / 2;
		for (int n = 0; n < WIN_LENGTH; n++)
			w[offset + n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / WIN_LENGTH);
		return w;
	}

	@Override
	public NDArray apply(NDArray waveforms, ForwardContext ctx) {
		Shape s = waveforms.getShape();
		if (s.dimension() != 2)
			throw new IllegalArgumentException("STFT needs N x samples waveforms, got " + s);
		if (s.get(1) <= N_FFT / 2)
			throw new IllegalArgumentException("STFT needs more than " + N_FFT / 2 + " samples, got " + s.get(1));
		NDArray x = Padding.reflect(waveforms, 1, N_FFT / 2, N_FFT / 2).expandDims(1);
		Shape stride = new Shape(HOP);
		Shape zero = new Shape(0);
		Shape one = new Shape(1);
		NDArray im = ai.djl.nn.convolutional.Conv1d.conv1d(x, wsin.getArray(), null, stride, zero, one, 1)
			.singletonOrThrow();
		NDArray re = ai.djl.nn.convolutional.Conv1d.conv1d(x, wcos.getArray(), null, stride, zero, one, 1)
			.singletonOrThrow();
		return re.square().add(im.square()).sqrt();
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		double[] w = window();
		if (name.equals("window_mask")) {
			float[] out = new float[N_FFT];
			for (int i = 0; i < N_FFT; i++)
				out[i] = (float) w[i];
			return out;
		}
		boolean sin = name.equals("wsin");
		float[] out = new float[BINS * N_FFT];
		for (int k = 0; k < BINS; k++)
			for (int n = 0; n < N_FFT; n++) {
				double phase = 2 * Math.PI * k * n / N_FFT;
				out[k * N_FFT + n] = (float) ((sin ? Math.sin(phase) : Math.cos(phase)) * w[n]);
			}
		return out;
	}
}
