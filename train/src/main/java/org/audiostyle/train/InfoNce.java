package org.audiostyle.train;

import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

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

	/**
	 * The pre-training objective of an audio encoder whose embedding is the sum of {@code branches} (a hybrid one):
	 * {@code wholeLoss} (the sum's {@link #symmetric} term) averaged with each branch's own term, the branch doubled to
	 * stand in for the whole, so each branch alone must also find the picture and neither leans on the other. With a
	 * single branch it is {@code wholeLoss}. {@code audio} maps embeddings to the critic's unit vectors.
	 */
	public static NDArray overBranches(NDArray wholeLoss, NDArray image, NDList branches, UnaryOperator<NDArray> audio,
		float tau)
	{
		if (branches.size() == 1) return wholeLoss;
		NDArray objective = wholeLoss;
		for (NDArray branch : branches)
			objective = objective.add(symmetric(image, audio.apply(branch.mul(2)), tau));
		return objective.div(branches.size() + 1);
	}
}
