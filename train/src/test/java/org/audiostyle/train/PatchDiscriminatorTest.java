package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

public class PatchDiscriminatorTest {

	@Test
	public void paperWidthHasThePaperKeysAndParameterCount() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchDiscriminator d = new PatchDiscriminator(m, 6, 64, 0, new SeededRandom(1));
			assertEquals(2_767_809L, d.params().parameterCount());
			for (String k : List.of("model.0.weight", "model.0.bias", "model.2.filt", "model.3.weight", "model.6.filt",
				"model.7.weight", "model.10.filt", "model.11.weight", "model.14.weight", "model.14.bias"))
				assertTrue(d.params().contains(k), k);
			assertArrayEquals(new long[] { 64, 1, 3, 3 }, d.params().get("model.2.filt").getShape().getShape());
		}
	}

	@Test
	public void outputGridsFor256And128() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchDiscriminator d = new PatchDiscriminator(m, 6, 4, 0, new SeededRandom(1));
			assertArrayEquals(new long[] { 1, 1, 30, 30 }, d.forward(m.zeros(new Shape(1, 6, 256, 256)), null).getShape()
				.getShape());
			assertArrayEquals(new long[] { 2, 1, 14, 14 }, d.forward(m.zeros(new Shape(2, 6, 128, 128)), null).getShape()
				.getShape());
		}
	}

	@Test
	public void xavierInitialisationHasTheRequestedSpread() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchDiscriminator d = new PatchDiscriminator(m, 6, 64, 0, new SeededRandom(4));
			NDArray w = d.params().get("model.11.weight"); // 512 x 256 x 4 x 4
			double expected = 0.02 * Math.sqrt(2.0 / (256 * 16 + 512 * 16));
			double std = Math.sqrt(w.square().mean().getFloat());
			assertEquals(expected, std, expected * 0.02);
			assertEquals(0f, d.params().get("model.11.bias").abs().sum().getFloat());
		}
	}

	@Test
	public void projectionTermMakesTheScoreDependOnTheSound() {
		try (NDManager m = NDManager.newBaseManager()) {
			SeededRandom r = new SeededRandom(5);
			PatchDiscriminator d = new PatchDiscriminator(m, 6, 4, 3, r);
			NDArray x = m.randomNormal(new Shape(1, 6, 64, 64)); // engine RNG is fine for test inputs
			NDArray a = m.create(new float[] { 1, 0, 0 }, new Shape(1, 3));
			NDArray b = m.create(new float[] { 0, 5, -5 }, new Shape(1, 3));
			NDArray sa = d.forward(x, a);
			assertArrayEquals(new long[] { 1, 1, 6, 6 }, sa.getShape().getShape());
			assertNotEquals(0f, sa.sub(d.forward(x, b)).abs().sum().getFloat());
			NDArray w = d.params().get("projection.2.weight");
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				gc.backward(GanLoss.lsgan(d.forward(x, b), true));
			}
			assertTrue(w.getGradient().abs().sum().getFloat() > 0);
		}
	}

	@Test
	public void spectrogramIsCroppedResizedAndRepeated() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray spec = m.ones(new Shape(2, 257, 301)).mul(Math.E - 1);
			NDArray crop = DiscriminatorInput.crop(spec, SpectrogramScale.LOG);
			assertArrayEquals(new long[] { 2, 1, 256, 256 }, crop.getShape().getShape());
			assertEquals(1f, crop.mean().getFloat(), 1e-5);
			NDArray in = DiscriminatorInput.build(crop, m.zeros(new Shape(2, 3, 128, 128)));
			assertArrayEquals(new long[] { 2, 6, 128, 128 }, in.getShape().getShape());
			assertEquals(1f, in.get(":, 0:3").mean().getFloat(), 1e-5);
			assertEquals(0f, in.get(":, 3:6").abs().sum().getFloat());
			NDArray desc = DiscriminatorInput.audioDescriptor(crop, SpectrogramScale.LOG);
			assertArrayEquals(new long[] { 2, 512 }, desc.getShape().getShape());
			assertEquals(1f, desc.get(":, 0:256").mean().getFloat(), 1e-5);
			assertEquals(0f, desc.get(":, 256:").mean().getFloat(), 1e-3);
		}
	}
}
