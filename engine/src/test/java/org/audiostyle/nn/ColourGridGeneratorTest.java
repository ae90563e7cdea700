package org.audiostyle.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

/**
 * The colour-grid generator: shapes at any size, the photo unchanged before training, one arithmetic for the training
 * (NDArray) and inference (plain Java, full resolution) slicing, gradients that match finite differences, and a
 * transform that keeps equal colours equal wherever the grid is uniform (no texture, no halo).
 */
class ColourGridGeneratorTest extends ManagedArraysTest {

	private static final NetworkConfig GRID = NetworkConfig.tiny().withGenerator(NetworkConfig.Generator.GRID);

	private static ColourGridGenerator generator(NDManager m, long seed, boolean randomCoefficients) {
		ColourGridGenerator g = new ColourGridGenerator(GRID);
		g.initialize(m, seed);
		if (randomCoefficients) {
			// the coefficient layer starts at zero (identity); give it values so the grid, and its gradients, are not
			Random r = new Random(seed);
			for (Map.Entry<String, Parameter> e : g.stateDict().entrySet())
				if (e.getKey().startsWith("coefficients")) {
					float[] v = new float[Math.toIntExact(e.getValue().getShape().size())];
					for (int i = 0; i < v.length; i++)
						v[i] = (float) (0.3 * r.nextGaussian());
					e.getValue().getArray().set(v);
				}
		}
		return g;
	}

	private static NDArray image(NDManager m, long seed, int n, int h, int w) {
		Engine.getInstance().setRandomSeed((int) seed);
		return m.randomUniform(-1f, 1f, new Shape(n, 3, h, w));
	}

	@Test
	void untrainedGeneratorReturnsThePhotoAtAnySize() {
		try (NDManager m = manager.newSubManager()) {
			ColourGridGenerator g = generator(m, 1, false);
			for (int[] size : new int[][] { { 1, 1 }, { 37, 53 }, { 64, 24 }, { 7, 130 } }) {
				NDArray x = image(m, size[0], 2, size[0], size[1]).mul(0.9f);
				NDArray e = m.randomNormal(new Shape(2, GRID.embeddingDim));
				NDArray y = g.forward(x, e);
				assertEquals(x.getShape(), y.getShape());
				assertArrayEquals(x.toFloatArray(), y.toFloatArray(), 1e-6f, size[0] + "x" + size[1]);
			}
		}
	}

	@Test
	void gridHasOneCellPerEightPixelsAndTwelveCoefficientsPerBin() {
		try (NDManager m = manager.newSubManager()) {
			ColourGridGenerator g = generator(m, 2, true);
			NDArray grid = g.grid(image(m, 3, 2, 48, 32), m.randomNormal(new Shape(2, GRID.embeddingDim)));
			assertEquals(new Shape(2, ColourGridGenerator.COEFFICIENTS * ColourGridGenerator.DEPTH, 6, 4), grid
				.getShape());
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.grid(image(m, 3, 1, 30,
				32), m.randomNormal(new Shape(1, GRID.embeddingDim))));
			assertTrue(e.getMessage().contains("multiples of 8"), e.getMessage());
			assertEquals(4, g.encode(image(m, 4, 1, 32, 32), ColourGridGenerator.NCE_LAYERS).size());
		}
	}

	/** The full-resolution Java slicing (inference) computes what the NDArray slicing (training) does. */
	@Test
	void javaSlicingEqualsTheTrainingSlicing() {
		try (NDManager m = manager.newSubManager()) {
			ColourGridGenerator g = generator(m, 5, true);
			NDArray low = image(m, 6, 1, 24, 40);
			float[] emb = m.randomNormal(new Shape(1, GRID.embeddingDim)).toFloatArray();
			float[] grid = g.gridValues(m, low.toFloatArray(), 24, 40, emb);
			for (int[] size : new int[][] { { 24, 40 }, { 61, 97 }, { 5, 3 } }) {
				int h = size[0], w = size[1];
				NDArray x = image(m, 7 + h, 1, h, w);
				float[] expected = GridSlicing.apply(x, m.create(grid, new Shape(1, 96, 3, 5))).toFloatArray();
				float[] unit = x.add(1f).mul(0.5f).toFloatArray();
				float[] out = new float[unit.length];
				GridSlicing.apply(unit, out, w, h, grid, 3, 5, 1f);
				float worst = 0;
				for (int i = 0; i < out.length; i++)
					worst = Math.max(worst, Math.abs((2 * out[i] - 1) - expected[i]));
				assertTrue(worst < 2e-5f, h + "x" + w + ": largest difference " + worst);
			}
		}
	}

	/** Strength s is the blend x + s (T(x) - x), before clamping. */
	@Test
	void strengthScalesTheChange() {
		try (NDManager m = manager.newSubManager()) {
			float[] grid = m.randomNormal(0f, 0.05f, new Shape(96 * 4), ai.djl.ndarray.types.DataType.FLOAT32)
				.toFloatArray();
			float[] x = m.randomUniform(0.3f, 0.7f, new Shape(3 * 9 * 11)).toFloatArray();
			float[] full = new float[x.length], half = new float[x.length], none = new float[x.length];
			GridSlicing.apply(x, full, 11, 9, grid, 2, 2, 1f);
			GridSlicing.apply(x, half, 11, 9, grid, 2, 2, 0.5f);
			GridSlicing.apply(x, none, 11, 9, grid, 2, 2, 0f);
			assertArrayEquals(x, none, 1e-6f);
			for (int i = 0; i < x.length; i++)
				assertEquals((x[i] + full[i]) / 2, half[i], 1e-5f);
		}
	}

	/**
	 * Where the grid is the same in every cell, the output colour is a function of the input colour alone: pixels of
	 * one colour stay one colour at any position, so the transform can add no texture, grid or halo.
	 */
	@Test
	void aUniformGridMapsEqualColoursToEqualColours() {
		float[] cell = new float[96];
		Random r = new Random(3);
		for (int i = 0; i < cell.length; i++)
			cell[i] = (float) (0.2 * r.nextGaussian());
		int gh = 3, gw = 4, cells = gh * gw;
		float[] grid = new float[96 * cells];
		for (int c = 0; c < 96; c++)
			for (int i = 0; i < cells; i++)
				grid[c * cells + i] = cell[c];
		int w = 50, h = 30, plane = w * h;
		float[] x = new float[3 * plane];
		for (int y = 0; y < h; y++)
			for (int xx = 0; xx < w; xx++) {
				boolean left = xx < 17; // a sharp vertical edge between two flat colours
				x[y * w + xx] = left ? 0.2f : 0.8f;
				x[plane + y * w + xx] = left ? 0.5f : 0.3f;
				x[2 * plane + y * w + xx] = left ? 0.7f : 0.1f;
			}
		float[] out = new float[x.length];
		GridSlicing.apply(x, out, w, h, grid, gh, gw, 1f);
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < plane; i++) {
				int ref = (i % w) < 17 ? 0 : 20;
				assertEquals(out[c * plane + ref], out[c * plane + i], 1e-6f, "channel " + c + " pixel " + i);
			}
		assertTrue(Math.abs(out[0] - x[0]) > 1e-3f, "the grid changed the colour");
	}

	/** Autograd's gradients of the grid network and slicing agree with central finite differences. */
	@Test
	void gradientsMatchFiniteDifferences() {
		try (NDManager m = manager.newSubManager()) {
			ColourGridGenerator g = generator(m, 8, true);
			NDArray x = image(m, 9, 2, 16, 24).mul(0.5f);
			NDArray e = m.randomNormal(new Shape(2, GRID.embeddingDim));
			Engine.getInstance().setRandomSeed(10);
			NDArray r = m.randomNormal(new Shape(2, 3, 16, 24));
			Map<String, Parameter> state = g.stateDict();
			String[] checked = { "coefficients_bias", "coefficients_weight", "splat.1.weight", "local.5.weight",
				"global.weight", "film.0.weight" };
			Map<String, float[]> grads = new java.util.HashMap<>();
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(g.forward(x, e).mul(r).sum());
				for (String k : checked)
					grads.put(k, state.get(k).getArray().getGradient().toFloatArray());
			}
			Random pick = new Random(11);
			for (String k : checked) {
				NDArray p = state.get(k).getArray();
				float[] v = p.toFloatArray();
				for (int t = 0; t < 3; t++) {
					int i = pick.nextInt(v.length);
					float h = 1e-3f, keep = v[i];
					v[i] = keep + h;
					p.set(v);
					double up = g.forward(x, e).mul(r).sum().getFloat();
					v[i] = keep - h;
					p.set(v);
					double down = g.forward(x, e).mul(r).sum().getFloat();
					v[i] = keep;
					p.set(v);
					double numeric = (up - down) / (2 * h), analytic = grads.get(k)[i];
					assertEquals(numeric, analytic, 0.05 * Math.max(1, Math.abs(numeric)), k + "[" + i + "]");
				}
			}
		}
	}
}
