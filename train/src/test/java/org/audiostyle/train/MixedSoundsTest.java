package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

public class MixedSoundsTest {

	/** At a share of 1 (or 0) the mix is one sound: the loss is the paired colour and scene terms against A (or B). */
	@Test
	public void aWholeShareIsThePairedLossOfThatSound() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray g = m.randomUniform(0, 1, new Shape(2, 3, 12, 12));
			NDArray a = m.randomUniform(0, 1, new Shape(2, 3, 12, 12));
			NDArray b = m.randomUniform(0, 1, new Shape(2, 3, 12, 12)).mul(0.5f);
			float paired = ColourMoments.loss(g, a).add(SceneStatistics.loss(g, a)).getFloat();
			assertEquals(paired, MixedSounds.loss(g, a, b, m.create(new float[] { 1, 1 })).getFloat(), 1e-5);
			float other = ColourMoments.loss(g, b).add(SceneStatistics.loss(g, b)).getFloat();
			assertEquals(other, MixedSounds.loss(g, a, b, m.create(new float[] { 0, 0 })).getFloat(), 1e-5);
		}
	}

	/** Flat images: A at 0.2, B at 0.8. A flat 0.5 is exactly the half-and-half blend, and 0.3 from A alone. */
	@Test
	public void theTargetIsTheShareWeightedBlendOfThePairedStatistics() {
		try (NDManager m = NDManager.newBaseManager()) {
			Shape s = new Shape(1, 3, 9, 9);
			NDArray a = m.full(s, 0.2f), b = m.full(s, 0.8f), g = m.full(s, 0.5f);
			assertEquals(0, MixedSounds.loss(g, a, b, m.create(new float[] { 0.5f })).getFloat(), 1e-6);
			// mean |0.5 - 0.2| per channel, spread 0 = 0; layout |0.5 - 0.2| per third; texture 0 = 0
			assertEquals(0.6, MixedSounds.loss(g, a, b, m.create(new float[] { 1 })).getFloat(), 1e-5);
			// a quarter of A: target 0.25 * 0.2 + 0.75 * 0.8 = 0.65, off by 0.15 in mean and layout
			assertEquals(0.3, MixedSounds.loss(g, a, b, m.create(new float[] { 0.25f })).getFloat(), 1e-5);
		}
	}
}
