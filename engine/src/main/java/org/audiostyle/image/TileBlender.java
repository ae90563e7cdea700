package org.audiostyle.image;

/**
 * Combines the network's outputs for the tiles of a {@link TilePlan} into one image: each output pixel is the
 * weight-normalised sum sum(w_k * tile_k) / sum(w_k) over the tiles covering it. Memory: the result plus one weight
 * plane. Tiles may arrive in any order. Not thread-safe.
 */
public final class TileBlender {

	private final PlanarImage sum;
	private float[] weightSum;

	/** A blender for an image of {@code width} x {@code height}. */
	public TileBlender(int width, int height) {
		this.sum = new PlanarImage(width, height);
		this.weightSum = new float[sum.planeSize()];
	}

	/** A blender for the image a plan covers. */
	public TileBlender(TilePlan plan) {
		this(plan.width, plan.height);
	}

	/**
	 * Adds one tile's output. {@code output} may be larger than the tile (e.g. padded to a multiple of 4 for the
	 * network); only its top-left tile.width x tile.height part is used.
	 */
	public void add(Tile tile, PlanarImage output) {
		if (weightSum == null) throw new IllegalStateException("finish() was already called");
		if (output.width < tile.width || output.height < tile.height) throw new IllegalArgumentException("Output " +
			output.width + "x" + output.height + " is smaller than " + tile);
		if (tile.x < 0 || tile.y < 0 || tile.x + tile.width > sum.width || tile.y + tile.height > sum.height)
			throw new IllegalArgumentException(tile + " lies outside the " + sum.width + "x" + sum.height + " image");
		float[] wx = tile.weightX, wy = tile.weightY;
		int W = sum.width, ow = output.width;
		for (int j = 0; j < tile.height; j++) {
			int row = (tile.y + j) * W + tile.x;
			float wj = wy[j];
			for (int i = 0; i < tile.width; i++)
				weightSum[row + i] += wx[i] * wj;
			for (int c = 0; c < 3; c++) {
				float[] s = sum.data, o = output.data;
				int so = sum.offset(c) + row, oo = output.offset(c) + j * ow;
				for (int i = 0; i < tile.width; i++)
					s[so + i] += wx[i] * wj * o[oo + i];
			}
		}
	}

	/**
	 * Divides by the total weight and returns the blended image (the blender cannot be used afterwards).
	 *
	 * @throws IllegalStateException if some pixel was covered by no tile
	 */
	public PlanarImage finish() {
		if (weightSum == null) throw new IllegalStateException("finish() was already called");
		float[] ws = weightSum;
		weightSum = null;
		int n = ws.length;
		float[] d = sum.data;
		for (int i = 0; i < n; i++) {
			float w = ws[i];
			if (!(w > 0)) throw new IllegalStateException("Pixel (" + i % sum.width + "," + i / sum.width +
				") was covered by no tile");
			float inv = 1f / w;
			d[i] *= inv;
			d[n + i] *= inv;
			d[2 * n + i] *= inv;
		}
		return sum;
	}
}
