package org.audiostyle.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a W x H image into overlapping tiles that cover it exactly, for running the network on images too large
 * for memory in one piece. Outputs are combined with {@link TileBlender}.
 *
 * <p>Along each axis of length L, with tile size T and overlap V: one tile of length L if L <= T; otherwise the
 * fewest tiles n with n tiles of equal length t <= T overlapping by at least V, i.e. n = ceil((L - V) / (T - V)) and
 * t = ceil((L - V) / n) + V, rounded up to a multiple of 4 (the generator's stride) when that still fits in T and L.
 * Tiles are spread evenly from 0 to L - t, so the first starts at 0 and the last ends at L. Equal tile lengths keep
 * the network's input shape fixed.
 *
 * <p>Weights ramp over the <i>actual</i> overlap with each neighbour as sin²(π (d + 0.5) / (2 · overlap)), d being
 * the distance from the tile's edge. Two neighbours' ramps then sum to exactly 1 across their overlap (sin² + cos²),
 * so seams are smooth; {@link TileBlender} still divides by the total weight, which makes blending exact in every
 * case (including three tiles overlapping when V is large).
 */
public final class TilePlan {

	public final int width, height, tileSize, overlap;
	private final List<Tile> tiles;
	private final int columns, rows;

	private TilePlan(int width, int height, int tileSize, int overlap) {
		this.width = width;
		this.height = height;
		this.tileSize = tileSize;
		this.overlap = overlap;
		Axis ax = new Axis(width, tileSize, overlap), ay = new Axis(height, tileSize, overlap);
		this.columns = ax.starts.length;
		this.rows = ay.starts.length;
		List<Tile> list = new ArrayList<>(columns * rows);
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < columns; c++)
				list.add(new Tile(list.size(), ax.starts[c], ay.starts[r], ax.weights[c], ay.weights[r]));
		this.tiles = Collections.unmodifiableList(list);
	}

	/**
	 * Plans tiles of at most {@code tileSize} x {@code tileSize} overlapping by at least {@code overlap} (where the
	 * image needs more than one tile along that axis).
	 */
	public static TilePlan of(int width, int height, int tileSize, int overlap) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("Image size must be at least 1x1, got " +
			width + "x" + height);
		if (overlap < 0) throw new IllegalArgumentException("Tile overlap must be >= 0, got " + overlap);
		if (tileSize <= overlap) throw new IllegalArgumentException("Tile size " + tileSize +
			" must be larger than the overlap " + overlap);
		return new TilePlan(width, height, tileSize, overlap);
	}

	/** The tiles, row by row. */
	public List<Tile> tiles() {
		return tiles;
	}

	public int size() {
		return tiles.size();
	}

	public int columns() {
		return columns;
	}

	public int rows() {
		return rows;
	}

	@Override
	public String toString() {
		return "TilePlan " + width + "x" + height + ": " + columns + "x" + rows + " tiles of <= " + tileSize +
			" px, overlap >= " + overlap;
	}

	/** The split of one axis: tile starts, and each tile's 1-D weight profile (all of the same length). */
	private static final class Axis {

		final int[] starts;
		final float[][] weights;

		Axis(int len, int maxTile, int overlap) {
			int n, t;
			if (len <= maxTile) {
				n = 1;
				t = len;
			}
			else {
				n = (len - overlap + (maxTile - overlap) - 1) / (maxTile - overlap);
				t = (len - overlap + n - 1) / n + overlap;
				int t4 = (t + 3) / 4 * 4;
				if (t4 <= maxTile && t4 <= len) t = t4;
			}
			starts = new int[n];
			for (int i = 0; i < n; i++)
				starts[i] = n == 1 ? 0 : (int) ((long) i * (len - t) / (n - 1));
			weights = new float[n][];
			for (int i = 0; i < n; i++) {
				int left = i > 0 ? starts[i - 1] + t - starts[i] : 0;
				int right = i < n - 1 ? starts[i] + t - starts[i + 1] : 0;
				float[] w = new float[t];
				for (int d = 0; d < t; d++)
					w[d] = (float) (ramp(d, left) * ramp(t - 1 - d, right));
				weights[i] = w;
			}
		}

		/** Weight at distance d from an edge whose overlap with the neighbour is {@code ov} pixels (0 = no neighbour). */
		private static double ramp(int d, int ov) {
			if (ov <= 0 || d >= ov) return 1;
			double s = Math.sin(Math.PI * (d + 0.5) / (2.0 * ov));
			return s * s;
		}
	}
}
