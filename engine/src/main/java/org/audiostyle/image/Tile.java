package org.audiostyle.image;

/**
 * One tile of a {@link TilePlan}: the rectangle [x, x + width) x [y, y + height) of the full image, and its blending
 * weight, separable as {@code weightX[i] * weightY[j]} at tile pixel (i, j). The weight is 1 in the interior and on
 * sides at the image border, and ramps smoothly (raised cosine) down towards sides shared with another tile; it is
 * never 0, so every pixel a tile covers gets some weight.
 */
public final class Tile {

	/** Position of this tile in the plan (row-major order over the tile grid). */
	public final int index;
	public final int x, y, width, height;
	final float[] weightX, weightY;

	Tile(int index, int x, int y, float[] weightX, float[] weightY) {
		this.index = index;
		this.x = x;
		this.y = y;
		this.width = weightX.length;
		this.height = weightY.length;
		this.weightX = weightX;
		this.weightY = weightY;
	}

	/** Blending weight of tile pixel (i, j), 0 <= i < width, 0 <= j < height. */
	public float weight(int i, int j) {
		return weightX[i] * weightY[j];
	}

	/** Horizontal weight profile (length {@link #width}); a copy. */
	public float[] weightX() {
		return weightX.clone();
	}

	/** Vertical weight profile (length {@link #height}); a copy. */
	public float[] weightY() {
		return weightY.clone();
	}

	/** The full weight map, row-major, width * height values. */
	public float[] weightMap() {
		float[] m = new float[width * height];
		for (int j = 0; j < height; j++)
			for (int i = 0; i < width; i++)
				m[j * width + i] = weightX[i] * weightY[j];
		return m;
	}

	/** This tile's part of {@code image} (a copy), to feed the network. */
	public PlanarImage cut(PlanarImage image) {
		return image.crop(x, y, width, height);
	}

	@Override
	public String toString() {
		return "Tile " + index + ": " + width + "x" + height + " at (" + x + "," + y + ")";
	}
}
