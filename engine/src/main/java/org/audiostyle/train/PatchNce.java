package org.audiostyle.train;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * CUT's multi-layer patch-wise contrastive loss (avstyle.md 3b). For each encoder layer: draw patch positions on the
 * source (key) features, take the same positions in every image of the batch and in the generated (query) features,
 * project both through that layer's MLP head and normalise; then for every query patch, cross-entropy (target 0) over
 * [its own key, the other patches' keys of the same image] divided by tau, with the query-key diagonal of the
 * negatives masked to -10 and the keys detached. Mean over patches, then mean over layers.
 */
public final class PatchNce {

	/** Patches per layer in the paper. */
	public static final int PATCHES = 256;
	/** Temperature in the paper. */
	public static final float TAU = 0.07f;

	private final PatchSampleHeads heads;
	private final int patches;
	private final float tau;

	public PatchNce(PatchSampleHeads heads, int patches, float tau) {
		this.heads = heads;
		this.patches = patches;
		this.tau = tau;
	}

	public PatchSampleHeads heads() {
		return heads;
	}

	/**
	 * NCE(source, generated) for lists of encoder feature maps (B x C x H x W each, same shapes pairwise).
	 * The patch ids of each layer come from {@code rng} (as CUT's {@code np.random.permutation}).
	 */
	public NDArray loss(List<NDArray> sourceFeatures, List<NDArray> generatedFeatures, SeededRandom rng) {
		if (sourceFeatures.size() != generatedFeatures.size() || sourceFeatures.isEmpty())
			throw new IllegalArgumentException("Need the same number (>0) of source and generated layers, got " +
				sourceFeatures.size() + " and " + generatedFeatures.size());
		long[] channels = new long[sourceFeatures.size()];
		for (int i = 0; i < channels.length; i++)
			channels[i] = sourceFeatures.get(i).getShape().get(1);
		heads.ensureHeads(channels);
		NDArray total = null;
		for (int i = 0; i < channels.length; i++) {
			NDArray src = sourceFeatures.get(i);
			NDArray gen = generatedFeatures.get(i);
			Shape s = src.getShape();
			int batch = Math.toIntExact(s.get(0));
			int hw = Math.toIntExact(s.get(2) * s.get(3));
			int[] ids = samplePatchIds(hw, patches, rng);
			NDArray k = heads.project(i, gatherPatches(src, ids));
			NDArray q = heads.project(i, gatherPatches(gen, ids));
			NDArray layer = layerLoss(q, k, batch, tau);
			total = total == null ? layer : total.add(layer);
		}
		return total.div(channels.length);
	}

	/** The first min(n, hw) entries of a random permutation of 0..hw-1. */
	public static int[] samplePatchIds(int hw, int n, SeededRandom rng) {
		int[] perm = rng.permutation(hw);
		int k = Math.min(n, hw);
		int[] ids = new int[k];
		System.arraycopy(perm, 0, ids, 0, k);
		return ids;
	}

	/**
	 * Features B x C x H x W at flat spatial positions {@code ids} (row-major y*W+x), as (B*P) x C with all patches of
	 * image 0 first (CUT: {@code feat.permute(0,2,3,1).flatten(1,2)[:, ids, :].flatten(0,1)}).
	 */
	public static NDArray gatherPatches(NDArray features, int[] ids) {
		Shape s = features.getShape();
		NDManager m = features.getManager();
		NDArray flat = features.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
		long[] idx = new long[ids.length];
		for (int i = 0; i < ids.length; i++)
			idx[i] = ids[i];
		NDArray picked = flat.get(":, :, {}", m.create(idx)); // B x C x P
		return picked.transpose(0, 2, 1).reshape(s.get(0) * ids.length, s.get(1));
	}

	/**
	 * CUT's {@code PatchNCELoss} for one layer. q, k: (B*P) x D projected features, k is detached here. Returns the
	 * mean over the B*P query patches of -log softmax([q.k+, q.k-_j (j != own)] / tau)[0], with the own key in the
	 * negatives' diagonal masked to -10 before dividing by tau.
	 */
	public static NDArray layerLoss(NDArray q, NDArray k, int batch, float tau) {
		NDArray keys = k.stopGradient();
		long n = q.getShape().get(0);
		long dim = q.getShape().get(1);
		long p = n / batch;
		NDArray positive = q.mul(keys).sum(new int[] { 1 }, true); // N x 1
		NDArray qb = q.reshape(batch, p, dim);
		NDArray kb = keys.reshape(batch, p, dim);
		NDArray negatives = qb.matMul(kb.transpose(0, 2, 1)); // B x P x P
		NDArray eye = q.getManager().eye(Math.toIntExact(p)).expandDims(0);
		negatives = negatives.mul(eye.neg().add(1)).add(eye.mul(-10f));
		NDArray logits = NDArrays.concat(new NDList(positive, negatives.reshape(n, p)), 1).div(tau);
		return logits.logSoftmax(1).get(":, 0").neg().mean();
	}
}
