package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * {@code nn.InstanceNorm2d(c, affine=False, track_running_stats=False)}: each channel of each image is normalised
 * by its own mean and biased variance over H x W, eps 1e-5. No parameters. With {@link NormStatistics} it can record
 * its statistics or use recorded ones instead (tiling); with FiLM modulation in the {@link ForwardContext} it then
 * applies x * (1 + scale) + shift.
 * <p>
 * When gradients may be taken, normalisation with the input's own statistics (and FiLM) runs as one fused batch
 * norm (see {@code fused}); low-memory inference and APPLY use the explicit, in-place-capable chain of ops.
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
		if (!free && (stats == null || stats.mode() == NormStatistics.Mode.RECORD)) {
			if (stats != null) record(x, stats);
			return fused(x, ctx.modulation(this));
		}
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

	/**
	 * The norm (and FiLM) as PyTorch computes instance norm itself: batch norm in training mode on the
	 * (1, N*C, H, W) view, whose fused kernel has a backward pass several times faster than the chain of mean, sub,
	 * square and div ops. FiLM's per-image, per-channel scale and shift become the affine weight (1 + scale) and bias
	 * of that batch norm. The running statistics it updates are throw-away arrays.
	 */
	private static NDArray fused(NDArray x, NDArray[] film) {
		Shape s = x.getShape();
		long nc = s.get(0) * s.get(1);
		NDManager m = x.getManager();
		Shape c = new Shape(nc);
		NDArray gamma = film == null ? m.ones(c) : film[0].add(1f).reshape(c);
		NDArray beta = film == null ? m.zeros(c) : film[1].reshape(c);
		NDArray view = x.reshape(1, nc, s.get(2), s.get(3));
		return ai.djl.nn.norm.BatchNorm.batchNorm(view, m.zeros(c), m.ones(c), gamma, beta, 1, 0.1f, EPS, true)
			.singletonOrThrow().reshape(s);
	}

	/** Stores x's per-channel mean and biased variance (batch size 1) without gradient. */
	private void record(NDArray x, NormStatistics stats) {
		long n = x.getShape().get(0);
		long c = x.getShape().get(1);
		if (n != 1)
			throw new IllegalArgumentException("Recording instance-norm statistics needs batch size 1, got " + n);
		try (NDManager tmp = x.getManager().newSubManager()) {
			NDArray detached = x.stopGradient();
			detached.attach(tmp);
			NDArray flat = detached.reshape(c, -1);
			NDArray mean = flat.mean(new int[] { 1 }, true);
			NDArray variance = flat.sub(mean).square().mean(new int[] { 1 });
			stats.record(requireKey(), mean.toFloatArray(), variance.toFloatArray());
		}
	}

	private String requireKey() {
		if (key == null)
			throw new IllegalStateException("This InstanceNorm2d has no key; only norms inside a generator can " +
				"record or apply statistics");
		return key;
	}
}
