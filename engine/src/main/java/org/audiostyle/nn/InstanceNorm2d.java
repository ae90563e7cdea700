package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * {@code nn.InstanceNorm2d(c, affine=False, track_running_stats=False)}: each channel of each image is normalised
 * by its own mean and biased variance over H x W, eps 1e-5. No parameters. With {@link NormStatistics} it can record
 * its statistics or use recorded ones instead (tiling); with FiLM modulation in the {@link ForwardContext} it then
 * applies x * (1 + scale) + shift.
 */
public final class InstanceNorm2d extends TorchLayer {

	static final float EPS = 1e-5f;

	private final int channels;
	private String key;

	public InstanceNorm2d(int channels) {
		this.channels = channels;
	}

	/** The layer's name in {@link NormStatistics} (its PyTorch path, set by the network that owns it). */
	public String key() {
		return key;
	}

	void setKey(String key) {
		this.key = key;
	}

	public int channels() {
		return channels;
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		long n = x.getShape().get(0);
		long c = x.getShape().get(1);
		if (c != channels)
			throw new IllegalArgumentException("InstanceNorm2d " + key + " expects " + channels + " channels, got " +
				x.getShape());
		NormStatistics stats = ctx.statistics();
		boolean free = ctx.inferenceOnly();
		NDArray centred;
		NDArray variance;
		if (stats != null && stats.mode() == NormStatistics.Mode.APPLY) {
			Shape s = new Shape(1, c, 1, 1);
			NDArray mean = x.getManager().create(stats.mean(requireKey()), s).toDevice(x.getDevice(), false);
			variance = x.getManager().create(stats.variance(requireKey()), s).toDevice(x.getDevice(), false);
			centred = x.sub(mean);
		} else {
			// One reshape + single-axis means: PyTorch-engine DJL rejects multi-axis means.
			NDArray mean = x.reshape(n, c, -1).mean(new int[] { 2 }, true).reshape(n, c, 1, 1);
			centred = x.sub(mean);
			NDArray squares = centred.square();
			variance = squares.reshape(n, c, -1).mean(new int[] { 2 }, true).reshape(n, c, 1, 1);
			if (free) squares.close();
			if (stats != null) {
				if (n != 1)
					throw new IllegalArgumentException("Recording instance-norm statistics needs batch size 1, got " + n);
				stats.record(requireKey(), mean.toFloatArray(), variance.toFloatArray());
			}
		}
		NDArray std = variance.add(EPS).sqrt();
		NDArray[] film = ctx.modulation(this);
		if (free) {
			// No gradient: work in place on the one full-size temporary.
			centred.divi(std);
			if (film != null) centred.muli(film[0].add(1f)).addi(film[1]);
			return centred;
		}
		NDArray y = centred.div(std);
		if (film != null) y = y.mul(film[0].add(1f)).add(film[1]);
		return y;
	}

	private String requireKey() {
		if (key == null)
			throw new IllegalStateException("This InstanceNorm2d has no key; only norms inside a generator can " +
				"record or apply statistics");
		return key;
	}
}
