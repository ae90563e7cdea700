package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

public class SeededRandomTest {

	@Test
	public void stateRestoresTheSequence() {
		SeededRandom a = new SeededRandom(42);
		a.nextLong();
		a.nextGaussian();
		SeededRandom b = new SeededRandom(0);
		b.setState(a.state());
		for (int i = 0; i < 10; i++)
			assertEquals(a.nextDouble(), b.nextDouble());
	}

	@Test
	public void permutationIsAPermutation() {
		int[] p = new SeededRandom(1).permutation(50);
		int[] sorted = p.clone();
		Arrays.sort(sorted);
		for (int i = 0; i < 50; i++)
			assertEquals(i, sorted[i]);
		assertArrayEquals(p, new SeededRandom(1).permutation(50));
	}

	@Test
	public void distributionsHaveTheRightMoments() {
		SeededRandom r = new SeededRandom(7);
		int n = 200_000;
		double s = 0, s2 = 0;
		for (int i = 0; i < n; i++) {
			double g = r.nextGaussian();
			s += g;
			s2 += g * g;
		}
		assertEquals(0, s / n, 0.01);
		assertEquals(1, s2 / n, 0.01);
		int[] counts = new int[3];
		for (int i = 0; i < n; i++)
			counts[r.nextWeighted(new double[] { 0.2, 0, 0.8 })]++;
		assertEquals(0, counts[1]);
		assertEquals(0.2, counts[0] / (double) n, 0.005);
	}
}
