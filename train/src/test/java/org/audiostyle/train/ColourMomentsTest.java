package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

public class ColourMomentsTest {

	@Test
	public void l1OfMeanAndStandardDeviationPerChannel() {
		try (NDManager m = NDManager.newBaseManager()) {
			// one sample, two channels of 2x2. generated: ch0 {0,0,2,2} mean 1 sd 1; ch1 {1,1,1,1} mean 1 sd 0
			NDArray g = m.create(new float[] { 0, 0, 2, 2, 1, 1, 1, 1 }, new Shape(1, 2, 2, 2));
			// target: ch0 {1,1,1,1} mean 1 sd 0; ch1 {0,2,0,2} mean 1 sd 1 -- target may be a different size
			NDArray t = m.create(new float[] { 1, 1, 1, 1, 0, 2, 0, 2 }, new Shape(1, 2, 1, 4));
			// channel 0: |1-1| + |1-0| = 1; channel 1: |1-1| + |0-1| = 1; mean over the two channels: 1
			assertEquals(1.0, ColourMoments.loss(g, t).getFloat(), 1e-3);
			assertEquals(0.0, ColourMoments.loss(g, g).getFloat(), 1e-6);
			NDArray shifted = g.add(0.5f); // means move by 0.5, spreads stay: 0.5 per channel
			assertEquals(0.5, ColourMoments.loss(shifted, g).getFloat(), 1e-6);
		}
	}

	@Test
	public void gradientReachesOnlyTheGeneratedImage() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray g = m.randomNormal(new Shape(2, 3, 4, 4));
			NDArray t = m.randomNormal(new Shape(2, 3, 4, 4)).add(1f);
			g.setRequiresGradient(true);
			t.setRequiresGradient(true);
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(ColourMoments.loss(g, t));
			}
			assertTrue(g.getGradient().abs().sum().getFloat() > 0);
			assertEquals(0f, t.getGradient().abs().sum().getFloat(), 0f);
		}
	}
}
