package org.audiostyle.pth;

import java.util.Arrays;

/**
 * One tensor of a state dict, copied out of the checkpoint into Java arrays in row-major (C) order whatever the
 * strides in the file were. Floating-point tensors of any stored precision are widened to float; int64 tensors keep
 * their exact values in {@link #longValues()} and a float copy in {@link #values()}.
 */
public final class TensorData {

	private final String name;
	private final long[] shape;
	private final float[] values;
	private final long[] longValues;
	private final DType dtype;

	TensorData(String name, long[] shape, float[] values, long[] longValues, DType dtype) {
		this.name = name;
		this.shape = shape.clone();
		this.values = values;
		this.longValues = longValues;
		this.dtype = dtype;
	}

	/** The state-dict key. */
	public String name() {
		return name;
	}

	/** The shape (a scalar has an empty shape). */
	public long[] shape() {
		return shape.clone();
	}

	/** The element count (1 for a scalar). */
	public int numel() {
		return values.length;
	}

	/** Values in row-major order, widened to float (shared, do not modify). */
	public float[] values() {
		return values;
	}

	/** Exact values of an int64 tensor in row-major order, or null for floating-point tensors. */
	public long[] longValues() {
		return longValues;
	}

	/** The element type stored in the file. */
	public DType dtype() {
		return dtype;
	}

	/** The same data under another key (used to strip DataParallel's "module." prefix). */
	TensorData renamed(String newName) {
		return new TensorData(newName, shape, values, longValues, dtype);
	}

	/** The shape as PyTorch prints it, e.g. {@code [64, 3, 7, 7]}. */
	public String shapeString() {
		return Arrays.toString(shape);
	}

	@Override
	public String toString() {
		return name + " " + shapeString() + " " + dtype.name().toLowerCase(java.util.Locale.ROOT);
	}
}
