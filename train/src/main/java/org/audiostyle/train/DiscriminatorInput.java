package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Builds what the discriminator sees: cat(spectrogram repeated to 3 channels, image) on the channel axis.
 *
 * <p>The paper crops the 257 x 301 magnitude spectrogram to bins 0..255 (drops Nyquist) and frames 0..255 (2.56 s)
 * and trains at 256 x 256, so the crop matches the image. For training crops other than 256 (e.g. 128 on CPU), the
 * 256 x 256 crop is area-resized (box average) to the image's height and width: the whole frequency range and the
 * same 2.56 s stay visible, at lower resolution. At 256 this is the paper's input exactly.
 */
public final class DiscriminatorInput {

	/** Frequency bins and frames kept from the spectrogram. */
	public static final int CROP = 256;

	private DiscriminatorInput() {}

	/**
	 * The paper's crop: {@code spec[:, :, :-1, :256]} for N x 1 x 257 x T (or N x 257 x T), returned as N x 1 x 256 x 256
	 * and scaled as asked.
	 */
	public static NDArray crop(NDArray spectrogram, SpectrogramScale scale) {
		NDArray s = spectrogram.getShape().dimension() == 3 ? spectrogram.expandDims(1) : spectrogram;
		long bins = s.getShape().get(2);
		long frames = s.getShape().get(3);
		if (bins < CROP || frames < CROP)
			throw new IllegalArgumentException("The discriminator needs at least " + CROP + " bins and " + CROP +
				" frames, got " + bins + " x " + frames + " (use 3 s of audio at 16 kHz, n_fft 512, hop 160).");
		NDArray c = s.get(":, :, 0:" + CROP + ", 0:" + CROP);
		return scale == SpectrogramScale.LOG ? c.add(1).log() : c;
	}

	/** cat(crop resized to the image size and repeated to 3 channels, image): N x 6 x H x W. */
	public static NDArray build(NDArray croppedSpectrogram, NDArray image) {
		int h = Math.toIntExact(image.getShape().get(2));
		int w = Math.toIntExact(image.getShape().get(3));
		NDArray s = Ops.areaResize(croppedSpectrogram, h, w);
		return NDArrays.concat(new NDList(s, s, s, image), 1);
	}

	/**
	 * A fixed audio descriptor for the projection term: per frequency bin, the mean and the standard deviation over
	 * time of log(1 + magnitude) of the cropped spectrogram (N x 512): spectral envelope and its variability, without
	 * going through the generator's audio encoder (whose embedding moves while it trains).
	 */
	public static NDArray audioDescriptor(NDArray croppedSpectrogram, SpectrogramScale scaleOfCrop) {
		NDArray c = scaleOfCrop == SpectrogramScale.LOG ? croppedSpectrogram : croppedSpectrogram.add(1).log();
		NDArray x = c.squeeze(1); // N x bins x frames
		NDArray[] moments = Ops.momentsOverLastAxis(x, 1e-8f);
		return NDArrays.concat(new NDList(moments[0], moments[1]), 1);
	}

	/** Length of {@link #audioDescriptor}. */
	public static int descriptorLength() {
		return 2 * CROP;
	}
}
