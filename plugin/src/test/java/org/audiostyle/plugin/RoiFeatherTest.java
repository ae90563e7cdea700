package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;

/** A selection limits the change to its inside, with a soft edge of the requested width. */
class RoiFeatherTest {

	@Test
	void hardMaskIsInsideOnly() {
		RoiFeather m = RoiFeather.of(new Roi(10, 5, 8, 6), 30, 20, 0);
		assertEquals(1f, m.weight(10, 5));
		assertEquals(1f, m.weight(17, 10));
		assertEquals(0f, m.weight(9, 5));
		assertEquals(0f, m.weight(18, 10));
	}

	@Test
	void featheredEdgeRampsAcrossTheBoundary() {
		RoiFeather m = RoiFeather.of(new Roi(20, 0, 40, 10), 80, 10, 3);
		assertEquals(1f, m.weight(40, 5), 1e-3, "deep inside");
		assertEquals(0f, m.weight(2, 5), 1e-3, "far outside");
		float edgeIn = m.weight(20, 5), edgeOut = m.weight(19, 5);
		assertTrue(edgeIn > 0.3 && edgeIn < 0.7 && edgeOut > 0.3 && edgeOut < 0.7, edgeIn + " " + edgeOut);
		for (int x = 10; x < 30; x++)
			assertTrue(m.weight(x + 1, 5) >= m.weight(x, 5), "ramp rises monotonically at x=" + x);
	}

	@Test
	void blendKeepsTheOutsideAndTakesTheInside() {
		ColorProcessor a = new ColorProcessor(12, 12), b = new ColorProcessor(12, 12);
		a.setColor(0x102030);
		a.fill();
		b.setColor(0xf0e0d0);
		b.fill();
		RoiFeather m = RoiFeather.of(new OvalRoi(2, 2, 8, 8), 12, 12, 0);
		ColorProcessor out = m.blend(a, b);
		assertEquals(0x102030, out.get(0, 0) & 0xffffff);
		assertEquals(0xf0e0d0, out.get(6, 6) & 0xffffff);
		RoiFeather soft = RoiFeather.of(new Roi(0, 0, 6, 12), 12, 12, 2);
		int mid = soft.blend(a, b).get(6, 6);
		int red = (mid >> 16) & 0xff;
		assertTrue(red > 0x10 && red < 0xf0, "in between at the edge: " + Integer.toHexString(mid));
	}

	@Test
	void lineSelectionsAreRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RoiFeather.of(new Line(0, 0,
			5, 5), 10, 10, 1));
		assertTrue(e.getMessage().contains("area selections"), e.getMessage());
	}
}
