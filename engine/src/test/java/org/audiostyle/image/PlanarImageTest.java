package org.audiostyle.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanarImageTest {

	@Test
	void layoutIsNchw() {
		PlanarImage p = new PlanarImage(3, 2);
		p.set(1, 2, 1, 0.5f);
		assertEquals(0.5f, p.data[1 * 6 + 1 * 3 + 2]);
		assertEquals(6, p.offset(1));
		assertEquals(0.5f, p.get(1, 2, 1));
	}

	@Test
	void hugeImagesFailClearly() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PlanarImage(30000, 30000));
		assertTrue(e.getMessage().contains("30000x30000"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new PlanarImage(0, 5));
		assertThrows(IllegalArgumentException.class, () -> new PlanarImage(2, 2, new float[11]));
	}

	@Test
	void cropCopiesTheRectangleOfEveryChannel() {
		PlanarImage p = ramp(5, 4);
		PlanarImage c = p.crop(1, 2, 3, 2);
		for (int ch = 0; ch < 3; ch++)
			for (int y = 0; y < 2; y++)
				for (int x = 0; x < 3; x++)
					assertEquals(p.get(ch, x + 1, y + 2), c.get(ch, x, y));
		assertThrows(IllegalArgumentException.class, () -> p.crop(3, 0, 3, 1));
	}

	@Test
	void padMirrorsWithoutRepeatingTheEdge() {
		PlanarImage p = ramp(5, 3);
		PlanarImage q = p.padToMultipleOf(4);
		assertEquals(8, q.width);
		assertEquals(4, q.height);
		assertEquals(p.get(2, 3, 1), q.get(2, 5, 1)); // x = 5 mirrors to 3
		assertEquals(p.get(0, 1, 1), q.get(0, 7, 1)); // x = 7 mirrors to 1
		assertEquals(p.get(1, 4, 1), q.get(1, 4, 3)); // y = 3 mirrors to 1
		assertArrayEquals(p.data, q.crop(0, 0, 5, 3).data);
		assertSame(q, q.padToMultipleOf(4));
		// too small to reflect: the edge repeats
		PlanarImage one = ramp(1, 1).padToMultipleOf(4);
		for (int x = 0; x < 4; x++)
			assertEquals(one.get(0, 0, 0), one.get(0, x, 3));
	}

	@Test
	void networkRangeRoundTrips() {
		PlanarImage p = ramp(4, 3);
		float[] net = p.toNetworkRange();
		assertEquals(-1f, net[0], 0f);
		assertEquals(2f * p.data[7] - 1f, net[7], 0f);
		PlanarImage back = PlanarImage.fromNetworkRange(4, 3, net);
		for (int i = 0; i < net.length; i++)
			assertEquals(p.data[i], back.data[i], 1e-6f);
	}

	@Test
	void clampHandlesNaN() {
		PlanarImage p = new PlanarImage(2, 1);
		p.data[0] = Float.NaN;
		p.data[1] = -3;
		p.data[2] = 7;
		p.data[3] = Float.POSITIVE_INFINITY;
		p.data[4] = 0.25f;
		p.clamp();
		assertArrayEquals(new float[] { 0, 0, 1, 1, 0.25f, 0 }, p.data);
	}

	/** A test image whose every sample differs: value depends on channel, x and y. */
	static PlanarImage ramp(int w, int h) {
		PlanarImage p = new PlanarImage(w, h);
		for (int i = 0; i < p.data.length; i++)
			p.data[i] = (float) i / p.data.length;
		return p;
	}
}
