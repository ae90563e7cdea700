package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;

class TilePlanTest {

	private static final int[][] SIZES = { { 1, 1 }, { 3, 2 }, { 333, 257 }, { 2000, 31 }, { 512, 512 }, { 513, 100 },
		{ 1000, 700 }, { 97, 1 } };

	@Test
	void tilesCoverEveryPixelWithPositiveWeightAndRespectTheLimits() {
		for (int[] s : SIZES)
			for (int[] tv : new int[][] { { 128, 16 }, { 64, 0 }, { 100, 30 }, { 256, 32 }, { 5, 2 } }) {
				TilePlan plan = TilePlan.of(s[0], s[1], tv[0], tv[1]);
				String what = plan.toString();
				float[] wsum = new float[s[0] * s[1]];
				for (Tile t : plan.tiles()) {
					if (t.width > tv[0] || t.height > tv[0]) fail(what + " " + t + " too large");
					if (t.x < 0 || t.y < 0 || t.x + t.width > s[0] || t.y + t.height > s[1]) fail(what + " " + t + " outside");
					for (int j = 0; j < t.height; j++)
						for (int i = 0; i < t.width; i++) {
							if (!(t.weight(i, j) > 0)) fail(what + " " + t + " has weight 0 at " + i + "," + j);
							wsum[(t.y + j) * s[0] + t.x + i] += t.weight(i, j);
						}
				}
				for (int i = 0; i < wsum.length; i++)
					if (!(wsum[i] > 0)) fail(what + " pixel " + i + " uncovered");
				checkAxis(plan.tiles(), s[0], tv[0], tv[1], true, what);
				checkAxis(plan.tiles(), s[1], tv[0], tv[1], false, what);
			}
	}

	/** Along one axis: equal tile lengths, multiples of 4 where possible, neighbours overlapping by >= V. */
	private static void checkAxis(List<Tile> tiles, int len, int T, int V, boolean xAxis, String what) {
		int[] starts = tiles.stream().mapToInt(t -> xAxis ? t.x : t.y).distinct().sorted().toArray();
		int t = xAxis ? tiles.get(0).width : tiles.get(0).height;
		for (Tile tile : tiles)
			assertEquals(t, xAxis ? tile.width : tile.height, what);
		assertEquals(0, starts[0], what);
		assertEquals(len, starts[starts.length - 1] + t, what);
		if (starts.length > 1) {
			if (T >= 4) assertEquals(0, t % 4, what + " tile length " + t);
			for (int i = 1; i < starts.length; i++)
				assertTrue(starts[i - 1] + t - starts[i] >= V, what + " overlap");
		}
		else assertEquals(len, t, what);
	}

	@Test
	void blendingIdenticalContentReproducesItExactly() {
		for (int[] s : SIZES) {
			PlanarImage img = PlanarImageTest.ramp(s[0], s[1]);
			for (int i = 0; i < img.data.length; i++)
				img.data[i] = (i * 7919 % 1000) / 1000f; // varied content, every tile different
			TilePlan plan = TilePlan.of(s[0], s[1], 96, 24);
			TileBlender b = new TileBlender(plan);
			for (Tile t : plan.tiles())
				b.add(t, t.cut(img).padToMultipleOf(4)); // padded outputs are accepted; the pad is ignored
			PlanarImage out = b.finish();
			for (int i = 0; i < img.data.length; i++)
				if (Math.abs(img.data[i] - out.data[i]) > 1e-6f) fail(plan + " sample " + i + ": " + img.data[i] + " != " +
					out.data[i]);
		}
	}

	@Test
	void neighbourRampsSumToOne() {
		TilePlan plan = TilePlan.of(1000, 40, 256, 32);
		assertTrue(plan.columns() > 1);
		float[] sum = new float[1000];
		for (Tile t : plan.tiles())
			for (int i = 0; i < t.width; i++)
				sum[t.x + i] += t.weight(i, 0);
		for (float v : sum)
			assertEquals(1f, v, 1e-5f);
		// the ramp is smooth: weights change by small steps
		Tile first = plan.tiles().get(0);
		float[] wx = first.weightX();
		for (int i = 1; i < wx.length; i++)
			assertTrue(Math.abs(wx[i] - wx[i - 1]) < 0.1f);
		assertEquals(1f, wx[0]); // image border: full weight
	}

	@Test
	void blendingDifferentTilesGivesASmoothTransition() {
		TilePlan plan = TilePlan.of(300, 10, 180, 40);
		assertEquals(2, plan.size());
		Tile a = plan.tiles().get(0), c = plan.tiles().get(1);
		assertEquals(172, a.width);
		TileBlender b = new TileBlender(plan);
		b.add(a, new PlanarImage(a.width, a.height).fill(0, 0f));
		b.add(c, new PlanarImage(c.width, c.height).fill(0, 1f));
		PlanarImage out = b.finish();
		for (int x = 1; x < 300; x++) {
			float step = out.get(0, x, 5) - out.get(0, x - 1, 5);
			assertTrue(step >= -1e-6f && step < 0.05f, "step " + step + " at " + x);
		}
		assertEquals(0f, out.get(0, 0, 5));
		assertEquals(1f, out.get(0, 299, 5));
	}

	@Test
	void badArgumentsAndMisuseFail() {
		assertThrows(IllegalArgumentException.class, () -> TilePlan.of(10, 10, 8, 8));
		assertThrows(IllegalArgumentException.class, () -> TilePlan.of(0, 10, 8, 2));
		assertThrows(IllegalArgumentException.class, () -> TilePlan.of(10, 10, 8, -1));
		TilePlan plan = TilePlan.of(20, 20, 12, 4);
		TileBlender b = new TileBlender(plan);
		assertThrows(IllegalArgumentException.class, () -> b.add(plan.tiles().get(0), new PlanarImage(4, 4)));
		assertThrows(IllegalStateException.class, b::finish); // nothing added: uncovered pixels
		assertThrows(IllegalStateException.class, () -> b.add(plan.tiles().get(0), new PlanarImage(12, 12)));
	}
}
