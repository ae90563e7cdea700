package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

public class PatchNceTest {

	private static float[] gaussian(SeededRandom r, int n) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}

	@Test
	public void patchIdsAreDistinctAndCapped() {
		SeededRandom r = new SeededRandom(1);
		int[] ids = PatchNce.samplePatchIds(1000, 256, r);
		assertEquals(256, ids.length);
		assertEquals(256, Arrays.stream(ids).distinct().count());
		assertTrue(Arrays.stream(ids).allMatch(i -> i >= 0 && i < 1000));
		assertEquals(9, PatchNce.samplePatchIds(9, 256, r).length);
	}

	@Test
	public void gatherTakesTheSamePositionsInEveryImage() {
		try (NDManager m = NDManager.newBaseManager()) {
			// B=2, C=2, H=2, W=3: value = 100 b + 10 c + (y*3+x)
			float[] v = new float[24];
			for (int b = 0; b < 2; b++)
				for (int c = 0; c < 2; c++)
					for (int p = 0; p < 6; p++)
						v[b * 12 + c * 6 + p] = 100 * b + 10 * c + p;
			NDArray f = m.create(v, new Shape(2, 2, 2, 3));
			NDArray g = PatchNce.gatherPatches(f, new int[] { 4, 0 });
			assertArrayEquals(new long[] { 4, 2 }, g.getShape().getShape());
			assertArrayEquals(new float[] { 4, 14, 0, 10, 104, 114, 100, 110 }, g.toFloatArray());
		}
	}

	@Test
	public void orthonormalKeysGiveTheClosedForm() {
		try (NDManager m = NDManager.newBaseManager()) {
			// B=1, P=3, q = k = identity rows: positive logit 1/tau, the masked diagonal -10/tau, off-diagonal 0.
			NDArray q = m.eye(3);
			float tau = 0.07f;
			double e = Math.exp(1 / tau);
			double expected = -Math.log(e / (e + Math.exp(-10 / tau) + 2));
			assertEquals(expected, PatchNce.layerLoss(q, q, 1, tau).getFloat(), 1e-4);
		}
	}

	/** The whole loss (heads, normalisation, masking, CE, means) against a direct double-precision computation. */
	@Test
	public void matchesADirectComputation() {
		try (NDManager m = NDManager.newBaseManager()) {
			SeededRandom r = new SeededRandom(7);
			int batch = 2, patches = 5, width = 6;
			long[][] shapes = { { batch, 3, 4, 4 }, { batch, 5, 3, 3 } };
			float[][] src = new float[2][], gen = new float[2][];
			NDArray[] srcA = new NDArray[2], genA = new NDArray[2];
			for (int l = 0; l < 2; l++) {
				int n = (int) new Shape(shapes[l]).size();
				src[l] = gaussian(r, n);
				gen[l] = gaussian(r, n);
				srcA[l] = m.create(src[l], new Shape(shapes[l]));
				genA[l] = m.create(gen[l], new Shape(shapes[l]));
			}
			PatchSampleHeads heads = new PatchSampleHeads(m, width, 11);
			PatchNce nce = new PatchNce(heads, patches, 0.07f);
			SeededRandom idRng = new SeededRandom(5);
			float got = nce.loss(List.of(srcA), List.of(genA), idRng).getFloat();

			SeededRandom replay = new SeededRandom(5);
			double total = 0;
			for (int l = 0; l < 2; l++) {
				int c = (int) shapes[l][1];
				int hw = (int) (shapes[l][2] * shapes[l][3]);
				int[] ids = PatchNce.samplePatchIds(hw, patches, replay);
				float[] w0 = heads.params().get("mlp_" + l + ".0.weight").toFloatArray();
				float[] w2 = heads.params().get("mlp_" + l + ".2.weight").toFloatArray();
				double layer = 0;
				for (int b = 0; b < batch; b++) {
					double[][] q = new double[patches][], k = new double[patches][];
					for (int p = 0; p < patches; p++) {
						q[p] = project(gen[l], b, c, hw, ids[p], w0, w2, width);
						k[p] = project(src[l], b, c, hw, ids[p], w0, w2, width);
					}
					for (int i = 0; i < patches; i++) {
						double[] logits = new double[patches + 1];
						logits[0] = dot(q[i], k[i]) / 0.07;
						for (int j = 0; j < patches; j++)
							logits[j + 1] = (i == j ? -10 : dot(q[i], k[j])) / 0.07;
						double max = Arrays.stream(logits).max().getAsDouble();
						double z = Arrays.stream(logits).map(x -> Math.exp(x - max)).sum();
						layer += -(logits[0] - max - Math.log(z));
					}
				}
				total += layer / (batch * patches);
			}
			assertEquals(total / 2, got, 1e-3 * Math.max(1, Math.abs(total / 2)));
		}
	}

	private static double[] project(float[] f, int b, int c, int hw, int pos, float[] w0, float[] w2, int width) {
		double[] x = new double[c];
		for (int ch = 0; ch < c; ch++)
			x[ch] = f[(b * c + ch) * hw + pos];
		double[] h = new double[width];
		for (int o = 0; o < width; o++) {
			double s = 0; // biases are zero at initialisation
			for (int i = 0; i < c; i++)
				s += w0[o * c + i] * x[i];
			h[o] = Math.max(0, s);
		}
		double[] y = new double[width];
		double norm = 0;
		for (int o = 0; o < width; o++) {
			for (int i = 0; i < width; i++)
				y[o] += w2[o * width + i] * h[i];
			norm += y[o] * y[o];
		}
		norm = Math.sqrt(norm);
		for (int o = 0; o < width; o++)
			y[o] /= norm + 1e-7;
		return y;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}

	@Test
	public void keysAreDetached() {
		try (NDManager m = NDManager.newBaseManager()) {
			SeededRandom r = new SeededRandom(2);
			NDArray src = m.create(gaussian(r, 2 * 4 * 3 * 3), new Shape(2, 4, 3, 3));
			NDArray gen = m.create(gaussian(r, 2 * 4 * 3 * 3), new Shape(2, 4, 3, 3));
			src.setRequiresGradient(true);
			gen.setRequiresGradient(true);
			PatchNce nce = new PatchNce(new PatchSampleHeads(m, 8, 1), 4, 0.07f);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(nce.loss(List.of(src), List.of(gen), new SeededRandom(9)));
			}
			assertEquals(0f, src.getGradient().abs().sum().getFloat());
			assertTrue(gen.getGradient().abs().sum().getFloat() > 0);
		}
	}
}
