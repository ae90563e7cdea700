package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The paired colour-moment loss: L1 distance between the per-channel mean and standard deviation of a generated
 * image and those of the real image its sound was paired with, averaged over batch and channels.
 * <p>
 * Why: the texture discriminator is the paper's way of pulling a stylization toward the look of the scenes a sound
 * occurs in, but the small discriminator a 2-core budget affords learns realism long before it learns that rain goes
 * with grey, wet light; the generator then satisfies the audio-visual critic with cheap cues (a green tint for rain).
 * Over many pairs this term pulls G(x, sound) toward the average colour statistics of the sound's own scenes, the
 * label-free counterpart of a Reinhard colour transfer; structure is left to PatchNCE. The target is any real image
 * heard with that sound, never a class label.
 */
public final class ColourMoments {

	private static final float EPS = 1e-6f;

	private ColourMoments() {}

	/** generated, target: N x C x H x W (same N and C; sizes may differ). The target carries no gradient. */
	public static NDArray loss(NDArray generated, NDArray target) {
		NDArray[] g = moments(generated);
		NDArray[] t = moments(target.stopGradient());
		return g[0].sub(t[0]).abs().add(g[1].sub(t[1]).abs()).mean();
	}

	/** Per sample and channel: {mean, standard deviation (biased)}, each N x C. */
	static NDArray[] moments(NDArray x) {
		Shape s = x.getShape();
		return Ops.momentsOverLastAxis(x.reshape(s.get(0), s.get(1), -1), EPS);
	}
}
