package org.audiostyle.image;

import java.util.Arrays;

/**
 * An RGB image as three float planes, the layout the network reads: channel-major, and row-major inside a channel
 * ({@code data[c * width * height + y * width + x]}). For one image this is exactly NCHW with N = 1, so {@link #data}
 * can go to {@code NDManager.create(data, new Shape(1, 3, height, width))} with no reshuffling.
 *
 * <p>Values are in <b>[0, 1]</b> (0 = black, 1 = full intensity). [0, 1] rather than the network's [-1, 1] because
 * resampling, blending and detail transfer are range-agnostic, and [0, 1] is what every image format and clamp
 * means; the network boundary converts with {@link #toNetworkRange()} and {@link #fromNetworkRange}. Intermediate
 * results (e.g. a difference image in {@link DetailTransfer}) may hold values outside [0, 1]; {@link #clamp()} brings
 * them back.
 *
 * <p>Mutable and not thread-safe: the array is exposed on purpose so that hot loops and the network code can use it
 * directly.
 */
public final class PlanarImage {

	/** Largest element count a Java array can reliably hold (some VMs reserve a few header words). */
	static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

	public final int width, height;
	/** 3 * width * height samples: plane R, then G, then B; each plane row-major. */
	public final float[] data;

	/** A black image of the given size. */
	public PlanarImage(int width, int height) {
		this(width, height, new float[checkedLength(width, height)]);
	}

	/** Wraps (does not copy) {@code data}, which must hold 3 * width * height samples in this class's layout. */
	public PlanarImage(int width, int height, float[] data) {
		int n = checkedLength(width, height);
		if (data.length != n) throw new IllegalArgumentException("A " + width + "x" + height +
			" RGB planar image needs " + n + " samples, got " + data.length);
		this.width = width;
		this.height = height;
		this.data = data;
	}

	/**
	 * 3 * width * height as an int, or a clear error when that does not fit in one Java array (an image of more than
	 * ~715 million pixels).
	 */
	static int checkedLength(long width, long height) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image size must be at least 1x1, got " +
			width + "x" + height);
		long n = 3 * width * height;
		if (width > MAX_ELEMENTS || height > MAX_ELEMENTS || n > MAX_ELEMENTS) throw new IllegalArgumentException(
			"Image of " + width + "x" + height + " pixels is too large to process in one piece (3 x " + width * height +
				" samples exceed Java's array limit of " + MAX_ELEMENTS + "). Crop or scale it down first.");
		return (int) n;
	}

	/** Pixels per channel. */
	public int planeSize() {
		return width * height;
	}

	/** Index of the first sample of channel {@code c} (0 = R, 1 = G, 2 = B). */
	public int offset(int c) {
		return c * width * height;
	}

	public float get(int c, int x, int y) {
		return data[c * width * height + y * width + x];
	}

	public void set(int c, int x, int y, float v) {
		data[c * width * height + y * width + x] = v;
	}

	/** Sets every sample of channel {@code c} to {@code v}. */
	public PlanarImage fill(int c, float v) {
		int o = offset(c);
		Arrays.fill(data, o, o + planeSize(), v);
		return this;
	}

	/** An independent copy. */
	public PlanarImage copy() {
		return new PlanarImage(width, height, data.clone());
	}

	/** A copy of the rectangle [x, x + w) x [y, y + h), which must lie inside this image. */
	public PlanarImage crop(int x, int y, int w, int h) {
		if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) throw new IllegalArgumentException(
			"Crop " + w + "x" + h + " at (" + x + "," + y + ") does not lie inside the " + width + "x" + height + " image");
		PlanarImage out = new PlanarImage(w, h);
		for (int c = 0; c < 3; c++)
			for (int r = 0; r < h; r++)
				System.arraycopy(data, offset(c) + (y + r) * width + x, out.data, out.offset(c) + r * w, w);
		return out;
	}

	/**
	 * This image grown on the right and bottom to the next multiple of {@code m} in each direction, filled by
	 * mirroring (reflection without repeating the edge pixel, as the generator's reflection padding does; the edge
	 * pixel is repeated when the image is too small to reflect). Returns this image itself when no padding is needed.
	 * Undo with {@link #crop}(0, 0, width, height).
	 */
	public PlanarImage padToMultipleOf(int m) {
		if (m < 1) throw new IllegalArgumentException("Padding multiple must be >= 1, got " + m);
		int w = (width + m - 1) / m * m, h = (height + m - 1) / m * m;
		if (w == width && h == height) return this;
		PlanarImage out = new PlanarImage(w, h);
		for (int c = 0; c < 3; c++) {
			int si = offset(c), so = out.offset(c);
			for (int y = 0; y < h; y++) {
				int srcRow = si + mirror(y, height) * width, dstRow = so + y * w;
				System.arraycopy(data, srcRow, out.data, dstRow, width);
				for (int x = width; x < w; x++)
					out.data[dstRow + x] = data[srcRow + mirror(x, width)];
			}
		}
		return out;
	}

	/** Reflects an index past the end back inside [0, n): n -> n-2, n+1 -> n-3, ...; clamps if n is too small. */
	private static int mirror(int i, int n) {
		if (i < n) return i;
		int r = 2 * (n - 1) - i;
		return r < 0 ? 0 : r;
	}

	/** Clamps every sample into [0, 1] in place (NaN becomes 0). */
	public PlanarImage clamp() {
		float[] d = data;
		for (int i = 0; i < d.length; i++) {
			float v = d[i];
			// written so that NaN (all comparisons false) ends up 0
			d[i] = v >= 1f ? 1f : (v > 0f ? v : 0f);
		}
		return this;
	}

	/** A new array with the samples mapped from [0, 1] to the network's [-1, 1] (2v - 1), in the same NCHW order. */
	public float[] toNetworkRange() {
		float[] out = new float[data.length];
		for (int i = 0; i < out.length; i++)
			out[i] = 2f * data[i] - 1f;
		return out;
	}

	/**
	 * Wraps a network output in [-1, 1] (NCHW, N = 1) as an image, mapping in place to [0, 1] ((v + 1) / 2). The
	 * array is taken over, not copied. Values are not clamped (call {@link #clamp()} if needed).
	 */
	public static PlanarImage fromNetworkRange(int width, int height, float[] nchw) {
		PlanarImage img = new PlanarImage(width, height, nchw);
		for (int i = 0; i < nchw.length; i++)
			nchw[i] = 0.5f * nchw[i] + 0.5f;
		return img;
	}

	@Override
	public String toString() {
		return "PlanarImage " + width + "x" + height + " RGB";
	}
}
