package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

public class InfoNceTest {

	@Test
	public void orthonormalPairsGiveTheClosedForm() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray a = m.eye(3);
			float tau = 0.5f;
			// Each row: logit 1/tau for its own partner, 0 for the two others.
			double expected = -Math.log(Math.exp(1 / tau) / (Math.exp(1 / tau) + 2));
			assertEquals(expected, InfoNce.loss(a, a, tau).getFloat(), 1e-5);
			assertEquals(expected, InfoNce.symmetric(a, a, tau).getFloat(), 1e-5);
		}
	}

	@Test
	public void matchesADirectComputationAndPrefersAlignedPairs() {
		try (NDManager m = NDManager.newBaseManager()) {
			SeededRandom r = new SeededRandom(3);
			float[] av = new float[8], bv = new float[8];
			for (int i = 0; i < 8; i++) {
				av[i] = (float) r.nextGaussian();
				bv[i] = (float) r.nextGaussian();
			}
			NDArray a = m.create(av, new Shape(4, 2));
			NDArray b = m.create(bv, new Shape(4, 2));
			double direct = 0;
			for (int i = 0; i < 4; i++) {
				double[] logits = new double[4];
				double max = -1e9;
				for (int j = 0; j < 4; j++) {
					logits[j] = (av[2 * i] * bv[2 * j] + av[2 * i + 1] * bv[2 * j + 1]) / 0.1;
					max = Math.max(max, logits[j]);
				}
				double z = 0;
				for (double l : logits)
					z += Math.exp(l - max);
				direct += -(logits[i] - max - Math.log(z));
			}
			assertEquals(direct / 4, InfoNce.loss(a, b, 0.1f).getFloat(), 1e-4);
			NDArray shuffled = b.get("1:").concat(b.get("0:1"));
			assertTrue(InfoNce.loss(b, b, 0.1f).getFloat() < InfoNce.loss(shuffled, b, 0.1f).getFloat());
		}
	}

	/**
	 * A hybrid encoder's objective prefers branches that each find the picture over branches that only do so summed,
	 * though the sum, and so the whole's loss, is the same; with one branch it is the whole's loss.
	 */
	@Test
	public void theBranchTermsRewardEachBranchFindingThePicture() {
		try (NDManager m = NDManager.newBaseManager()) {
			float tau = 0.5f;
			NDArray image = m.eye(3);
			java.util.function.UnaryOperator<NDArray> audio = e -> e;
			// both branches aligned with the pictures ...
			NDArray aligned = m.eye(3);
			// ... or one aligned plus a shuffled part the other cancels: the same sum, 2 x eye, in both cases
			NDArray shuffled = m.create(new float[] { 0, 3, 0, 0, 0, 3, 3, 0, 0 }, new Shape(3, 3));
			ai.djl.ndarray.NDList splitWell = new ai.djl.ndarray.NDList(aligned, aligned);
			ai.djl.ndarray.NDList splitBadly = new ai.djl.ndarray.NDList(m.eye(3).mul(2).add(shuffled), shuffled.neg());
			NDArray whole = InfoNce.symmetric(image, m.eye(3).mul(2), tau);
			float well = InfoNce.overBranches(whole, image, splitWell, audio, tau).getFloat();
			float badly = InfoNce.overBranches(whole, image, splitBadly, audio, tau).getFloat();
			assertTrue(well < badly - 0.5, well + " vs " + badly);
			assertEquals(whole.getFloat(), InfoNce.overBranches(whole, image, new ai.djl.ndarray.NDList(m.eye(3).mul(
				2)), audio, tau).getFloat(), 1e-6);
		}
	}
}
