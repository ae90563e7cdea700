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

	/** Patch ids and projected, detached key features of every layer, drawn on the source features. */
	public static final class Keys {

		final int[][] ids;
		final NDArray[] keys;
		final int batch;

		Keys(int[][] ids, NDArray[] keys, int batch) {
			this.ids = ids;
			this.keys = keys;
			this.batch = batch;
		}

		public int layers() {
			return keys.length;
		}
	}

	/**
	 * Draws each layer's patch ids on the source features (B x C x H x W each) and projects the keys. Keys carry no
	 * gradient, so this may run outside a gradient collector (as the trainer does, to save the graph).
	 */
	public Keys keys(List<NDArray> sourceFeatures, SeededRandom rng) {
		if (sourceFeatures.isEmpty()) throw new IllegalArgumentException("PatchNCE needs at least one layer.");
		long[] channels = new long[sourceFeatures.size()];
		for (int i = 0; i < channels.length; i++)
			channels[i] = sourceFeatures.get(i).getShape().get(1);
		heads.ensureHeads(channels);
		int[][] ids = new int[channels.length][];
		NDArray[] keys = new NDArray[channels.length];
		for (int i = 0; i < channels.length; i++) {
			NDArray src = sourceFeatures.get(i);
			Shape s = src.getShape();
			ids[i] = samplePatchIds(Math.toIntExact(s.get(2) * s.get(3)), patches, rng);
			keys[i] = heads.project(i, gatherPatches(src, ids[i])).stopGradient();
		}
		return new Keys(ids, keys, Math.toIntExact(sourceFeatures.get(0).getShape().get(0)));
	}

	/**
	 * Per-image loss (B values): for each image, the mean over its query patches, averaged over layers. The mean of
	 * this vector is CUT's NCE (every image has the same number of patches).
	 */
	public NDArray perImageLoss(Keys keys, List<NDArray> generatedFeatures) {
		if (generatedFeatures.size() != keys.layers())
			throw new IllegalArgumentException("Keys have " + keys.layers() + " layers, got " +
				generatedFeatures.size() + " generated layers.");
		NDArray total = null;
		for (int i = 0; i < keys.layers(); i++) {
			NDArray q = heads.project(i, gatherPatches(generatedFeatures.get(i), keys.ids[i]));
			NDArray perImage = patchLosses(q, keys.keys[i], keys.batch, tau).reshape(keys.batch, -1).mean(new int[] {
				1 });
			total = total == null ? perImage : total.add(perImage);
		}
		return Ops.div(total, keys.layers());
	}

	/** NCE(source, generated): keys from the source, queries from the generated features, as one scalar. */
	public NDArray loss(List<NDArray> sourceFeatures, List<NDArray> generatedFeatures, SeededRandom rng) {
		if (sourceFeatures.size() != generatedFeatures.size())
			throw new IllegalArgumentException("Need the same number of source and generated layers, got " +
				sourceFeatures.size() + " and " + generatedFeatures.size());
		return perImageLoss(keys(sourceFeatures, rng), generatedFeatures).mean();
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

	/** CUT's {@code PatchNCELoss} for one layer, as the mean over query patches (see {@link #patchLosses}). */
	public static NDArray layerLoss(NDArray q, NDArray k, int batch, float tau) {
		return patchLosses(q, k, batch, tau).mean();
	}

	/**
	 * CUT's {@code PatchNCELoss} with {@code reduction='none'}. q, k: (B*P) x D projected features; k is detached
	 * here. For each of the B*P query patches: -log softmax([q.k+, q.k-_j for the P patches of the same image] / tau)[0],
	 * where the own key among the negatives (the diagonal) is masked to -10 before dividing by tau.
	 */
	public static NDArray patchLosses(NDArray q, NDArray k, int batch, float tau) {
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
		NDArray logits = Ops.div(NDArrays.concat(new NDList(positive, negatives.reshape(n, p)), 1), tau);
		return logits.logSoftmax(1).get(":, 0").neg();
	}
}
