package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Reflection and edge (replication) padding along one axis, built from slices, flips and concatenation because
 * DJL's {@code pad} only pads with a constant. Both are differentiable.
 */
public final class Padding {

	private Padding() {
	}

	/** Slice [from, to) along {@code axis}. */
	static NDArray slice(NDArray x, int axis, long from, long to) {
		return x.get(new NDIndex().addAllDim(axis).addSliceDim(from, to));
	}

	/**
	 * PyTorch "reflect" padding: the edge value is not repeated ([1,2,3,4] padded by 2 gives [3,2,1,2,3,4,3,2]).
	 * Needs {@code before} and {@code after} smaller than the axis length.
	 */
	public static NDArray reflect(NDArray x, int axis, int before, int after) {
		long n = x.getShape().get(axis);
		if (before >= n || after >= n)
			throw new IllegalArgumentException("Reflection padding of " + before + "/" + after +
				" needs an axis longer than the padding, got length " + n + " (shape " + x.getShape() + ")");
		if (before == 0 && after == 0) return x;
		NDList parts = new NDList(3);
		if (before > 0) parts.add(slice(x, axis, 1, before + 1L).flip(axis));
		parts.add(x);
		if (after > 0) parts.add(slice(x, axis, n - 1 - after, n - 1).flip(axis));
		return NDArrays.concat(parts, axis);
	}

	/** PyTorch "replicate" padding: the edge value is repeated. Works for any axis length >= 1. */
	public static NDArray replicate(NDArray x, int axis, int before, int after) {
		if (before == 0 && after == 0) return x;
		long n = x.getShape().get(axis);
		NDList parts = new NDList(3);
		if (before > 0) parts.add(slice(x, axis, 0, 1).broadcast(withAxis(x.getShape(), axis, before)));
		parts.add(x);
		if (after > 0) parts.add(slice(x, axis, n - 1, n).broadcast(withAxis(x.getShape(), axis, after)));
		return NDArrays.concat(parts, axis);
	}

	private static Shape withAxis(Shape s, int axis, long length) {
		long[] dims = s.getShape().clone(); // Shape hands out its own array: never write into it
		dims[axis] = length;
		return new Shape(dims);
	}
}
