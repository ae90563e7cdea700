package org.audiostyle.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Named arrays of one network, in PyTorch state-dict order: trainable parameters (leaves with gradients) and
 * buffers (fixed filters, running statistics). Networks written in this package are plain functions over a group;
 * networks built as DJL blocks elsewhere are wrapped by putting their parameter arrays in a group, so the optimiser and
 * the checkpoint code see every network the same way.
 */
public final class ParameterGroup {

	private final String name;
	private final Map<String, NDArray> parameters = new LinkedHashMap<>();
	private final Map<String, NDArray> buffers = new LinkedHashMap<>();

	/** @param name short prefix used in checkpoints, e.g. "D" or "F". */
	public ParameterGroup(String name) {
		this.name = name;
	}

	public String name() {
		return name;
	}

	/** Adds a trainable array (marks it as requiring a gradient). */
	public NDArray addParameter(String key, NDArray value) {
		if (parameters.containsKey(key) || buffers.containsKey(key))
			throw new IllegalArgumentException(name + ": duplicate array name '" + key + "'");
		value.setRequiresGradient(true);
		parameters.put(key, value);
		return value;
	}

	/** Adds an array that is saved but never optimised. */
	public NDArray addBuffer(String key, NDArray value) {
		if (parameters.containsKey(key) || buffers.containsKey(key))
			throw new IllegalArgumentException(name + ": duplicate array name '" + key + "'");
		buffers.put(key, value);
		return value;
	}

	public NDArray get(String key) {
		NDArray a = parameters.get(key);
		if (a == null) a = buffers.get(key);
		if (a == null) throw new IllegalArgumentException(name + ": no array named '" + key + "'");
		return a;
	}

	/**
	 * The array for use in a forward pass whose results live in {@code scope}: the parameter itself, or, when
	 * {@code frozen}, a gradient-free alias attached to {@code scope} (so the pass computes no gradient for it, and
	 * the alias is freed with the pass instead of accumulating in the long-lived manager).
	 */
	public NDArray get(String key, NDManager scope, boolean frozen) {
		NDArray a = get(key);
		if (!frozen) return a;
		NDArray d = a.stopGradient();
		d.attach(scope);
		return d;
	}

	public boolean contains(String key) {
		return parameters.containsKey(key) || buffers.containsKey(key);
	}

	public Map<String, NDArray> parameters() {
		return Collections.unmodifiableMap(parameters);
	}

	public Map<String, NDArray> buffers() {
		return Collections.unmodifiableMap(buffers);
	}

	/** Parameters then buffers, in insertion order. */
	public Map<String, NDArray> all() {
		Map<String, NDArray> m = new LinkedHashMap<>(parameters);
		m.putAll(buffers);
		return Collections.unmodifiableMap(m);
	}

	public long parameterCount() {
		long n = 0;
		for (NDArray a : parameters.values())
			n += a.size();
		return n;
	}

	/** Sets every parameter's gradient to zero, in place (DJL accumulates gradients across backward passes). */
	public void zeroGradients() {
		for (NDArray a : parameters.values()) {
			NDArray g = a.getGradient();
			// fill, not multiply: 0 * NaN is NaN, and one bad gradient would then poison every later step
			g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
			g.close();
		}
	}
}
