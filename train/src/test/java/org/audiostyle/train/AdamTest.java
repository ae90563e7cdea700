package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

public class AdamTest {

	/** Minimising sum(w^2) for three steps, against torch.optim.Adam's formula evaluated in doubles. */
	@Test
	public void followsTorchAdam() {
		try (NDManager m = NDManager.newBaseManager()) {
			ParameterGroup g = new ParameterGroup("P");
			NDArray w = g.addParameter("w", m.create(new float[] { 1f, -2f }));
			Adam adam = Adam.paper(g, m);
			double[] p = { 1, -2 }, mm = new double[2], vv = new double[2];
			double lr = 0.1;
			for (int t = 1; t <= 3; t++) {
				try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
					gc.backward(w.square().sum());
				}
				adam.step(lr);
				for (int i = 0; i < 2; i++) {
					double grad = 2 * p[i];
					mm[i] = 0.5 * mm[i] + 0.5 * grad;
					vv[i] = 0.999 * vv[i] + 0.001 * grad * grad;
					double denom = Math.sqrt(vv[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
					p[i] -= lr / (1 - Math.pow(0.5, t)) * mm[i] / denom;
				}
				assertArrayEquals(new float[] { (float) p[0], (float) p[1] }, w.toFloatArray(), 1e-5f);
				assertEquals(0f, w.getGradient().abs().sum().getFloat(), "gradients are zeroed after a step");
			}
			assertEquals(3, adam.stepCount());
		}
	}

	@Test
	public void stateRoundTripContinuesIdentically() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[] a = run(m, 4, -1);
			float[] b = run(m, 4, 2);
			assertArrayEquals(a, b, 0f);
		}
	}

	/** Four steps; when {@code restartAfter} >= 0, the optimiser is rebuilt from its saved state after that step. */
	private static float[] run(NDManager m, int steps, int restartAfter) {
		ParameterGroup g = new ParameterGroup("P");
		NDArray w = g.addParameter("w", m.create(new float[] { 0.5f, 3f, -1f }));
		Adam adam = Adam.paper(g, m);
		for (int t = 0; t < steps; t++) {
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(w.pow(3).sum());
			}
			adam.step(0.01);
			if (t == restartAfter) {
				NDList state = adam.state();
				long count = adam.stepCount();
				adam = Adam.paper(g, m);
				adam.loadState(state, count);
			}
		}
		return w.toFloatArray();
	}
}
