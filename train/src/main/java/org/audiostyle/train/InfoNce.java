package org.audiostyle.train;

import ai.djl.ndarray.NDArray;

/**
 * In-batch InfoNCE between two sets of unit vectors whose rows correspond (row i of a belongs with row i of b): the
 * mean over i of -log softmax_j(a_i . b_j / tau)[i]. Used for the audio-visual contrastive loss.
 */
public final class InfoNce {

	private InfoNce() {}

	/** One direction: each a_i must pick b_i among all rows of b. */
	public static NDArray loss(NDArray a, NDArray b, float tau) {
		NDArray logits = Ops.div(a.matMul(b.transpose()), tau);
		int n = Math.toIntExact(a.getShape().get(0));
		NDArray eye = a.getManager().eye(n);
		return logits.logSoftmax(1).mul(eye).sum(new int[] { 1 }).neg().mean();
	}

	/** Both directions, averaged (CLIP style). */
	public static NDArray symmetric(NDArray a, NDArray b, float tau) {
		return Ops.mul(loss(a, b, tau).add(loss(b, a, tau)), 0.5f);
	}
}
