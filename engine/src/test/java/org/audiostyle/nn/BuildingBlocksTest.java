package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each building block against an independent direct computation (plain Java loops of the PyTorch definition). */
class BuildingBlocksTest extends ManagedArraysTest {

	private static float[] random(int n, long seed) {
		Random r = new Random(seed);
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}

	private static void assertClose(float[] expected, float[] actual, double tol) {
		assertEquals(expected.length, actual.length, "length");
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), "at " + i);
	}

	@Test
	void reflectionPadMatchesTorchReflect() {
		NDArray x = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 1, 1, 4));
		assertArrayEquals(new float[] { 3, 2, 1, 2, 3, 4, 3, 2 }, Padding.reflect(x, 3, 2, 2).toFloatArray());
		// 2-D: out[i][j] = x[r(i - p)][r(j - p)] with r(k) = |k| mirrored at both ends (edge not repeated).
		int h = 3, w = 4, p = 2;
		float[] v = random(h * w, 1);
		float[] out = new ReflectionPad2d(p).apply(manager.create(v, new Shape(1, 1, h, w)), new ForwardContext(false))
			.toFloatArray();
		float[] expected = new float[(h + 2 * p) * (w + 2 * p)];
		for (int i = 0; i < h + 2 * p; i++)
			for (int j = 0; j < w + 2 * p; j++)
				expected[i * (w + 2 * p) + j] = v[mirror(i - p, h) * w + mirror(j - p, w)];
		assertArrayEquals(expected, out);
		assertThrows(IllegalArgumentException.class, () -> Padding.reflect(x, 3, 4, 0));
	}

	private static int mirror(int k, int n) {
		if (k < 0) return -k;
		if (k >= n) return 2 * (n - 1) - k;
		return k;
	}

	@Test
	void replicationPadRepeatsEdges() {
		int h = 2, w = 3, p = 2;
		float[] v = random(h * w, 2);
		float[] out = new ReplicationPad2d(p).apply(manager.create(v, new Shape(1, 1, h, w)),
			new ForwardContext(false)).toFloatArray();
		float[] expected = new float[(h + 2 * p) * (w + 2 * p)];
		for (int i = 0; i < h + 2 * p; i++)
			for (int j = 0; j < w + 2 * p; j++)
				expected[i * (w + 2 * p) + j] = v[clamp(i - p, h) * w + clamp(j - p, w)];
		assertArrayEquals(expected, out);
	}

	private static int clamp(int k, int n) {
		return Math.max(0, Math.min(n - 1, k));
	}

	@Test
	void instanceNormUsesPerImagePerChannelBiasedVariance() {
		int n = 2, c = 3, h = 5, w = 7;
		float[] v = random(n * c * h * w, 3);
		for (int i = 0; i < v.length; i++)
			v[i] = v[i] * 3 + (i / (h * w)); // different mean per image/channel
		float[] out = new InstanceNorm2d(c).apply(manager.create(v, new Shape(n, c, h, w)), new ForwardContext(false))
			.toFloatArray();
		float[] expected = new float[v.length];
		for (int plane = 0; plane < n * c; plane++) {
			double mean = 0, var = 0;
			for (int i = 0; i < h * w; i++)
				mean += v[plane * h * w + i];
			mean /= h * w;
			for (int i = 0; i < h * w; i++)
				var += Math.pow(v[plane * h * w + i] - mean, 2);
			var /= h * w;
			for (int i = 0; i < h * w; i++)
				expected[plane * h * w + i] = (float) ((v[plane * h * w + i] - mean) / Math.sqrt(var + 1e-5));
		}
		assertClose(expected, out, 1e-4);
	}

	@Test
	void blurDownsampleMatchesDirectLoop() {
		int c = 2, h = 7, w = 6;
		float[] v = random(c * h * w, 4);
		BlurDownsample down = new BlurDownsample(c);
		down.initialize(manager, 0);
		NDArray y = down.apply(manager.create(v, new Shape(1, c, h, w)), new ForwardContext(false));
		int oh = (h + 1) / 2, ow = (w + 1) / 2;
		assertEquals(new Shape(1, c, oh, ow), y.getShape());
		double[] f = { 1, 2, 1 };
		float[] expected = new float[c * oh * ow];
		for (int ch = 0; ch < c; ch++)
			for (int o = 0; o < oh; o++)
				for (int q = 0; q < ow; q++) {
					double s = 0;
					for (int a = 0; a < 3; a++)
						for (int b = 0; b < 3; b++)
							s += f[a] * f[b] / 16 * v[(ch * h + mirror(2 * o + a - 1, h)) * w + mirror(2 * q + b - 1, w)];
					expected[(ch * oh + o) * ow + q] = (float) s;
				}
		assertClose(expected, y.toFloatArray(), 1e-5);
	}

	@Test
	void blurUpsampleMatchesHandComputedExample() {
		// In 1-D the official Upsample maps [x0, x1] to [x0, .75 x0 + .25 x1, .25 x0 + .75 x1, x1] (worked out by
		// hand from replicate-pad, conv_transpose with taps [.25,.75,.75,.25], stride 2, padding 2, and the crops);
		// the 2-D filter is separable, so [[1,0],[0,0]] gives the outer product of [1, .75, .25, 0] with itself.
		BlurUpsample up = new BlurUpsample(1);
		up.initialize(manager, 0);
		float[] out = up.apply(manager.create(new float[] { 1, 0, 0, 0 }, new Shape(1, 1, 2, 2)),
			new ForwardContext(false)).toFloatArray();
		float[] a = { 1, .75f, .25f, 0 };
		float[] expected = new float[16];
		for (int i = 0; i < 4; i++)
			for (int j = 0; j < 4; j++)
				expected[i * 4 + j] = a[i] * a[j];
		assertClose(expected, out, 1e-6);
	}

	@Test
	void blurUpsampleMatchesTransposedConvolutionDefinition() {
		int c = 3, h = 5, w = 4;
		float[] v = random(c * h * w, 5);
		BlurUpsample up = new BlurUpsample(c);
		up.initialize(manager, 0);
		NDArray y = up.apply(manager.create(v, new Shape(1, c, h, w)), new ForwardContext(false));
		assertEquals(new Shape(1, c, 2 * h, 2 * w), y.getShape());
		double[] g = { 1, 3, 3, 1 };
		int ph = h + 2, pw = w + 2, fh = 2 * (ph - 1), fw = 2 * (pw - 1); // conv_transpose output: (n-1)*2 - 4 + 4
		float[] expected = new float[c * 2 * h * 2 * w];
		for (int ch = 0; ch < c; ch++) {
			double[][] full = new double[fh][fw];
			// Scatter definition of conv_transpose2d(stride 2, padding 2): input (i, j) adds filt[a][b] to
			// output (2i - 2 + a, 2j - 2 + b).
			for (int i = 0; i < ph; i++)
				for (int j = 0; j < pw; j++) {
					double x = v[(ch * h + clamp(i - 1, h)) * w + clamp(j - 1, w)];
					for (int a = 0; a < 4; a++)
						for (int b = 0; b < 4; b++) {
							int oi = 2 * i - 2 + a, oj = 2 * j - 2 + b;
							if (oi >= 0 && oi < fh && oj >= 0 && oj < fw) full[oi][oj] += x * g[a] * g[b] / 64 * 4;
						}
				}
			for (int i = 0; i < 2 * h; i++)
				for (int j = 0; j < 2 * w; j++)
					expected[(ch * 2 * h + i) * 2 * w + j] = (float) full[i + 1][j + 1];
		}
		assertClose(expected, y.toFloatArray(), 1e-5);
	}

	@Test
	void conv2dMatchesDirectLoop() {
		int in = 2, out = 3, h = 5, w = 6, k = 3, stride = 2, pad = 1;
		Conv2d conv = new Conv2d(in, out, k, stride, pad, true, WeightInit.TORCH_DEFAULT);
		conv.initialize(manager, 7);
		float[] wt = conv.torchParameters().get("weight").getArray().toFloatArray();
		float[] bias = conv.torchParameters().get("bias").getArray().toFloatArray();
		float[] v = random(in * h * w, 6);
		NDArray y = conv.apply(manager.create(v, new Shape(1, in, h, w)), new ForwardContext(false));
		int oh = (h + 2 * pad - k) / stride + 1, ow = (w + 2 * pad - k) / stride + 1;
		assertEquals(new Shape(1, out, oh, ow), y.getShape());
		float[] expected = new float[out * oh * ow];
		for (int o = 0; o < out; o++)
			for (int i = 0; i < oh; i++)
				for (int j = 0; j < ow; j++) {
					double s = bias[o];
					for (int ci = 0; ci < in; ci++)
						for (int a = 0; a < k; a++)
							for (int b = 0; b < k; b++) {
								int yi = i * stride - pad + a, xj = j * stride - pad + b;
								if (yi >= 0 && yi < h && xj >= 0 && xj < w)
									s += wt[((o * in + ci) * k + a) * k + b] * v[(ci * h + yi) * w + xj];
							}
					expected[(o * oh + i) * ow + j] = (float) s;
				}
		assertClose(expected, y.toFloatArray(), 1e-5);
	}

	@Test
	void batchNormTrainsOnBatchStatisticsAndUpdatesRunningAverages() {
		int n = 3, c = 2, h = 2, w = 3, m = n * h * w;
		BatchNorm2d bn = new BatchNorm2d(c);
		bn.initialize(manager, 0);
		float[] v = random(n * c * h * w, 8);
		NDArray x = manager.create(v, new Shape(n, c, h, w));
		float[] out = bn.apply(x, new ForwardContext(true)).toFloatArray();
		float[] runMean = bn.torchParameters().get("running_mean").getArray().toFloatArray();
		float[] runVar = bn.torchParameters().get("running_var").getArray().toFloatArray();
		for (int ch = 0; ch < c; ch++) {
			double mean = 0, ss = 0;
			for (int b = 0; b < n; b++)
				for (int i = 0; i < h * w; i++)
					mean += v[(b * c + ch) * h * w + i];
			mean /= m;
			for (int b = 0; b < n; b++)
				for (int i = 0; i < h * w; i++)
					ss += Math.pow(v[(b * c + ch) * h * w + i] - mean, 2);
			for (int b = 0; b < n; b++)
				for (int i = 0; i < h * w; i++) {
					int idx = (b * c + ch) * h * w + i;
					assertEquals((v[idx] - mean) / Math.sqrt(ss / m + 1e-5), out[idx], 1e-4);
				}
			assertEquals(0.1 * mean, runMean[ch], 1e-5, "running_mean, PyTorch momentum 0.1");
			assertEquals(0.9 + 0.1 * ss / (m - 1), runVar[ch], 1e-5, "running_var uses the unbiased variance");
		}
		// Evaluation mode uses the running averages.
		float[] eval = bn.apply(x, new ForwardContext(false)).toFloatArray();
		for (int i = 0; i < v.length; i++) {
			int ch = (i / (h * w)) % c;
			assertEquals((v[i] - runMean[ch]) / Math.sqrt(runVar[ch] + 1e-5), eval[i], 1e-4);
		}
	}

	@Test
	void stftMatchesDirectDftWithTheSameWindow() {
		int len = 3200;
		Random r = new Random(9);
		float[] wave = new float[len];
		for (int i = 0; i < len; i++)
			wave[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0) + 0.2 * r.nextGaussian());
		StftMagnitude stft = new StftMagnitude();
		stft.initialize(manager, 0);
		NDArray spec = stft.apply(manager.create(wave, new Shape(1, len)), new ForwardContext(false));
		int frames = 1 + len / 160;
		assertEquals(new Shape(1, 257, frames), spec.getShape());
		float[] got = spec.toFloatArray();
		double[] win = StftMagnitude.window();
		// Window checks: periodic Hann(400) starts at sample 56 of 512, peak 1 at 56 + 200.
		assertEquals(0.0, win[55], 0);
		assertEquals(0.0, win[56], 0);
		assertEquals(1.0, win[256], 1e-12);
		assertEquals(0.0, win[456], 0);
		double max = 0;
		for (float g : got)
			max = Math.max(max, g);
		for (int t : new int[] { 0, 1, 2, frames / 2, frames - 2, frames - 1 }) {
			for (int k = 0; k < 257; k++) {
				double re = 0, im = 0;
				for (int n = 0; n < 512; n++) {
					double x = wave[mirror(t * 160 + n - 256, len)];
					re += x * win[n] * Math.cos(2 * Math.PI * k * n / 512);
					im -= x * win[n] * Math.sin(2 * Math.PI * k * n / 512);
				}
				assertEquals(Math.hypot(re, im), got[k * frames + t], 1e-4 * max, "bin " + k + " frame " + t);
			}
		}
		NDArray full = stft.apply(manager.zeros(new Shape(2, 48000)).add(0.1f), new ForwardContext(false));
		assertEquals(new Shape(2, 257, 301), full.getShape());
	}
}
