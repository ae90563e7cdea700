package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

public class LearningRateScheduleTest {

	/** 30 + 20 "epochs" of one step each must give CUT's factors 1 - max(0, t - 30) / 21 for 1-based t. */
	@Test
	public void reproducesTheLinearPolicyOfCut() {
		LearningRateSchedule s = new LearningRateSchedule(2e-4, 30, 20);
		for (int t = 1; t <= 50; t++)
			assertEquals(1 - Math.max(0, t - 30) / 21.0, s.factor(t - 1), 1e-12, "epoch " + t);
		assertEquals(2e-4 / 21, s.rate(49), 1e-12);
		assertEquals(2e-4 / 21, s.rate(1000), 1e-12, "stays at the last value past the end");
	}
}
