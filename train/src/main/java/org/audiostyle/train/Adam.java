package org.audiostyle.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Adam exactly as {@code torch.optim.Adam} (no weight decay, no AMSGrad), over one {@link ParameterGroup}. Written
 * here rather than taken from DJL because its state (moments and step count) must go into checkpoints, and DJL's
 * optimisers keep theirs private.
 *
 * <p>Update for step t: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps).
 */
public final class Adam {

	private final ParameterGroup group;
	private final NDManager manager;
	private final double beta1;
	private final double beta2;
	private final double eps;
	private final Map<String, NDArray> m = new LinkedHashMap<>();
	private final Map<String, NDArray> v = new LinkedHashMap<>();
	private long step;

	public Adam(ParameterGroup group, NDManager manager, double beta1, double beta2, double eps) {
		this.group = group;
		this.manager = manager;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.eps = eps;
	}

	/** The paper's optimiser: beta (0.5, 0.999), eps 1e-8. */
	public static Adam paper(ParameterGroup group, NDManager manager) {
		return new Adam(group, manager, 0.5, 0.999, 1e-8);
	}

	public ParameterGroup group() {
		return group;
	}

	public long stepCount() {
		return step;
	}

	/**
	 * Applies one update with the gradients currently held by the parameters, then zeroes those gradients. Must run
	 * outside a gradient collector (in-place updates of leaves are not recorded).
	 */
	public void step(double lr) {
		step++;
		double bc1 = 1 - Math.pow(beta1, step);
		double bc2 = Math.sqrt(1 - Math.pow(beta2, step));
		// torch's lr/bc1 * m / (sqrt(v)/bc2 + eps) is (lr bc2/bc1) * m / (sqrt(v) + eps bc2): the form of libtorch's
		// fused update that DJL exposes, one native call per parameter instead of a dozen small ops.
		float stepSize = (float) (lr * bc2 / bc1);
		float scaledEps = (float) (eps * bc2);
		for (Map.Entry<String, NDArray> e : group.parameters().entrySet()) {
			NDArray p = e.getValue();
			NDArray mi = m.computeIfAbsent(e.getKey(), k -> zerosLike(p));
			NDArray vi = v.computeIfAbsent(e.getKey(), k -> zerosLike(p));
			try (NDArray g = p.getGradient()) {
				// then the gradient is zeroed (filled, so a NaN in it cannot survive into the next step)
				p.getNDArrayInternal().adamUpdate(new NDList(p, g, mi, vi), new NDList(p), stepSize, stepSize, 0f, 1f,
					-1f, (float) beta1, (float) beta2, scaledEps, false, false);
			}
		}
	}

	private NDArray zerosLike(NDArray p) {
		NDArray z = manager.zeros(p.getShape(), p.getDataType());
		return z;
	}

	/** Moments named "m/KEY" and "v/KEY" (only those created so far). */
	public NDList state() {
		NDList list = new NDList();
		for (Map.Entry<String, NDArray> e : m.entrySet()) {
			NDArray a = e.getValue().duplicate();
			a.setName("m/" + e.getKey());
			list.add(a);
		}
		for (Map.Entry<String, NDArray> e : v.entrySet()) {
			NDArray a = e.getValue().duplicate();
			a.setName("v/" + e.getKey());
			list.add(a);
		}
		return list;
	}

	/** Restores what {@link #state()} returned and the step count. */
	public void loadState(NDList arrays, long stepCount) {
		m.values().forEach(NDArray::close);
		v.values().forEach(NDArray::close);
		m.clear();
		v.clear();
		for (NDArray a : arrays) {
			String n = a.getName();
			String key = n.substring(2);
			if (!group.parameters().containsKey(key))
				throw new IllegalArgumentException("Optimiser state for " + group.name() + " names unknown parameter '" +
					key + "'");
			NDArray copy = a.duplicate();
			copy.attach(manager);
			if (n.startsWith("m/")) m.put(key, copy);
			else if (n.startsWith("v/")) v.put(key, copy);
			else throw new IllegalArgumentException("Unexpected optimiser array '" + n + "'");
		}
		this.step = stepCount;
	}
}
