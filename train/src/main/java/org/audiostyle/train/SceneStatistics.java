package org.audiostyle.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The paired scene-statistics loss: L1 distance between a generated image and the real image its sound was paired
 * with in two statistics the colour moments miss, averaged over the batch:
 * <ul>
 * <li>layout: the mean of each channel in the top, middle and bottom third (a bright sky over dark ground at sunset,
 * a pale horizon in fog);</li>
 * <li>texture energy: the mean absolute difference of neighbouring luminance values, across and down (fog and rain
 * soften edges, a clear day keeps them).</li>
 * </ul>
 * Why: with colour moments alone the generator met the colour of fog but kept the input's crisp edges, so snowy
 * footsteps looked cloudy rather than foggy. Like {@link ColourMoments} this compares with any real image heard with
 * that sound, never a class label; structure stays PatchNCE's job (this term sees no position finer than a third).
 */
public final class SceneStatistics {

	/** Rec. 601 luma weights: how the texture term reads luminance from RGB. */
	private static final float[] LUMA = { 0.299f, 0.587f, 0.114f };

	private SceneStatistics() {}

	/** generated, target: N x 3 x H x W (same N; sizes may differ, H at least 3). The target carries no gradient. */
	public static NDArray loss(NDArray generated, NDArray target) {
		NDArray[] g = statistics(generated);
		NDArray[] t = statistics(target.stopGradient());
		return g[0].sub(t[0]).abs().mean().add(g[1].sub(t[1]).abs().mean());
	}

	/** {layout N x 3 x 3 (channel, third), texture energy N}. */
	static NDArray[] statistics(NDArray x) {
		long h = x.getShape().get(2);
		String[] thirds = { "0:" + h / 3, h / 3 + ":" + 2 * h / 3, 2 * h / 3 + ":" };
		NDArray layout = null;
		for (String rows : thirds) {
			NDArray m = spatialMean(x.get(new NDIndex(":, :, " + rows))).expandDims(2);
			layout = layout == null ? m : layout.concat(m, 2);
		}
		NDArray luma = Ops.mul(x.get(new NDIndex(":, 0")), LUMA[0]).add(Ops.mul(x.get(new NDIndex(":, 1")), LUMA[1]))
			.add(Ops.mul(x.get(new NDIndex(":, 2")), LUMA[2])).expandDims(1);
		NDArray across = luma.get(new NDIndex(":, :, :, 1:")).sub(luma.get(new NDIndex(":, :, :, :-1"))).abs();
		NDArray down = luma.get(new NDIndex(":, :, 1:, :")).sub(luma.get(new NDIndex(":, :, :-1, :"))).abs();
		return new NDArray[] { layout, spatialMean(across).squeeze(1).add(spatialMean(down).squeeze(1)) };
	}

	/** N x C x H x W to N x C: the mean over each plane (the engine's mean takes one axis at a time). */
	private static NDArray spatialMean(NDArray x) {
		return x.reshape(x.getShape().get(0), x.getShape().get(1), -1).mean(new int[] { 2 });
	}
}
