package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/**
 * How the generator pads an image of any size to one it can process: both sides to a multiple of 4 (two stride-2
 * steps) and at least 8 (so the 2 x 2 bottleneck still allows the residual blocks' reflection padding), split evenly
 * between the two borders. Reflection is used where the image is large enough, edge replication otherwise (1 x 1,
 * 2 x 3, ...). The output is cropped back to the input size.
 */
public final class SizePadding {

	static final int MULTIPLE = 4;
	static final int MINIMUM = 8;

	final int top;
	final int bottom;
	final int left;
	final int right;
	private final long height;
	private final long width;

	public SizePadding(long height, long width) {
		this.height = height;
		this.width = width;
		int ph = amount(height);
		int pw = amount(width);
		top = ph / 2;
		bottom = ph - top;
		left = pw / 2;
		right = pw - left;
	}

	static int amount(long n) {
		long target = Math.max(MINIMUM, (n + MULTIPLE - 1) / MULTIPLE * MULTIPLE);
		return Math.toIntExact(target - n);
	}

	boolean isNone() {
		return top == 0 && bottom == 0 && left == 0 && right == 0;
	}

	public NDArray pad(NDArray x) {
		return padAxis(padAxis(x, 2, top, bottom, height), 3, left, right, width);
	}

	private static NDArray padAxis(NDArray x, int axis, int before, int after, long n) {
		if (before == 0 && after == 0) return x;
		if (before < n && after < n) return Padding.reflect(x, axis, before, after);
		return Padding.replicate(x, axis, before, after);
	}

	public NDArray crop(NDArray y) {
		if (isNone()) return y;
		return Padding.slice(Padding.slice(y, 2, top, top + height), 3, left, left + width);
	}
}
