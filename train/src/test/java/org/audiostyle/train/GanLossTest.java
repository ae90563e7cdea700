package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

public class GanLossTest {

	@Test
	public void leastSquaresAgainstOneAndZero() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray p = m.create(new float[] { 0.5f, 1f, 0f, 2f }, new Shape(1, 1, 2, 2));
			// (0.25 + 0 + 1 + 1) / 4 and (0.25 + 1 + 0 + 4) / 4
			assertEquals(0.5625, GanLoss.lsgan(p, true).getFloat(), 1e-6);
			assertEquals(1.3125, GanLoss.lsgan(p, false).getFloat(), 1e-6);
			assertEquals(0.5625, GanLoss.generator(p).getFloat(), 1e-6);
		}
	}

	@Test
	public void discriminatorLossIsHalved() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray real = m.create(new float[] { 0f, 1f }); // MSE to 1: 0.5
			NDArray fake = m.create(new float[] { 1f, 1f }); // MSE to 0: 1
			assertEquals(0.75, GanLoss.discriminator(real, fake).getFloat(), 1e-6);
			NDArray wrong = m.create(new float[] { 2f, 0f }); // MSE to 0: 2
			// 0.5 * (0.5 + 0.5 * (1 + 2))
			assertEquals(1.0, GanLoss.matchingAwareDiscriminator(real, fake, wrong).getFloat(), 1e-6);
		}
	}
}
