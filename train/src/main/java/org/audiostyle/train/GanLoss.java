package org.audiostyle.train;

import ai.djl.ndarray.NDArray;

/**
 * Least-squares GAN losses (CUT's {@code gan_mode=lsgan}): mean squared error of the discriminator's patch map
 * against 1 (real) or 0 (fake).
 */
public final class GanLoss {

	private GanLoss() {}

	/** MSE of every patch score against 1 (target real) or 0 (target fake). */
	public static NDArray lsgan(NDArray prediction, boolean targetReal) {
		return Ops.mseToConstant(prediction, targetReal ? 1f : 0f);
	}

	/** The discriminator's loss, halved as in the paper: 0.5 (MSE(D(real), 1) + MSE(D(fake), 0)). */
	public static NDArray discriminator(NDArray realPrediction, NDArray fakePrediction) {
		return Ops.mul(lsgan(realPrediction, true).add(lsgan(fakePrediction, false)), 0.5f);
	}

	/**
	 * The matching-aware discriminator loss (GAN-INT-CLS style): a real image heard with a wrong sound counts as fake,
	 * sharing the "fake" half with generated images: 0.5 (MSE(real,1) + 0.5 (MSE(fake,0) + MSE(mismatched,0))).
	 */
	public static NDArray matchingAwareDiscriminator(NDArray realPrediction, NDArray fakePrediction,
		NDArray mismatchedPrediction)
	{
		NDArray fakeHalf = Ops.mul(lsgan(fakePrediction, false).add(lsgan(mismatchedPrediction, false)), 0.5f);
		return Ops.mul(lsgan(realPrediction, true).add(fakeHalf), 0.5f);
	}

	/** The generator's adversarial loss: MSE(D(fake), 1). */
	public static NDArray generator(NDArray fakePrediction) {
		return lsgan(fakePrediction, true);
	}
}
