package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ColorProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.audiostyle.stylize.StylizeSettings;
import org.junit.jupiter.api.Test;

/**
 * The per-plane loop, with a known plane function in place of the network so that the expected output of every
 * pixel is known: red = plane index, green = the source value, blue = 77. (The same loop runs the engine in
 * StylizeCommandTest.)
 */
class StackRestylerTest {

	/** Plane index into red, the source pixel (low 8 bits; blue for RGB) into green; reports two tiles. */
	private static final StackRestyler.PlaneFunction KNOWN = (i, plane, s, p) -> {
		p.update(1, 2, "tile");
		p.update(2, 2, "tile");
		Img<ARGBType> out = ArrayImgs.argbs(plane.dimension(0), plane.dimension(1));
		Cursor<?> src = Views.flatIterable(plane).cursor();
		Cursor<ARGBType> dst = Views.flatIterable(out).cursor();
		while (dst.hasNext()) {
			Object v = src.next();
			int g = v instanceof ARGBType ? ((ARGBType) v).get() & 0xff : ((int) ((RealType<?>) v).getRealDouble()) &
				0xff;
			dst.next().set(ARGBType.rgba(i * 10, g, 77, 255));
		}
		return out;
	};

	@Test
	void everyPlaneInOrderWithItsLabel() throws Exception {
		ImagePlus imp = Fixtures.image("hyper", 16, 10, 6, 2, 3, 2);
		ImageStack out = StackRestyler.run(StackRestyler.Plane.allOf(imp), null, StylizeSettings.defaults(), KNOWN,
			RunMonitor.NONE);
		assertEquals(12, out.getSize());
		for (int n = 1; n <= 12; n++) {
			assertEquals(imp.getStack().getSliceLabel(n), out.getSliceLabel(n));
			ColorProcessor cp = (ColorProcessor) out.getProcessor(n);
			assertEquals((n - 1) * 10, (cp.get(4, 3) >> 16) & 0xff, "plane " + n + " in its place");
			assertEquals(((int) imp.getStack().getProcessor(n).getf(4, 3)) & 0xff, (cp.get(4, 3) >> 8) & 0xff,
				"plane " + n + " made from its own source");
		}
	}

	@Test
	void eachChannelIsScaledByItsOwnDisplayRange() throws Exception {
		CompositeImage ci = new CompositeImage(Fixtures.image("two", 32, 6, 6, 2, 1, 1), CompositeImage.COMPOSITE);
		ci.setC(1);
		ci.setDisplayRange(-1, 1);
		ci.setC(2);
		ci.setDisplayRange(0, 5);
		List<double[]> seen = new ArrayList<>();
		StackRestyler.run(StackRestyler.Plane.allOf(ci), null, StylizeSettings.defaults(), (i, plane, s, p) -> {
			seen.add(new double[] { s.displayMin, s.displayMax });
			return KNOWN.restyle(i, plane, s, p);
		}, RunMonitor.NONE);
		assertEquals(-1, seen.get(0)[0]);
		assertEquals(1, seen.get(0)[1]);
		assertEquals(0, seen.get(1)[0]);
		assertEquals(5, seen.get(1)[1]);
	}

	@Test
	void selectionLimitsTheChange() throws Exception {
		ImagePlus imp = Fixtures.image("rgb", 24, 40, 30, 1, 1, 1);
		Roi roi = new Roi(10, 10, 15, 12);
		ImageStack out = StackRestyler.run(StackRestyler.Plane.allOf(imp), RoiFeather.of(roi, 40, 30, 1),
			StylizeSettings.defaults(), KNOWN, RunMonitor.NONE);
		ColorProcessor cp = (ColorProcessor) out.getProcessor(1);
		ColorProcessor in = (ColorProcessor) imp.getProcessor();
		assertEquals(in.get(2, 2) & 0xffffff, cp.get(2, 2) & 0xffffff, "outside unchanged");
		assertEquals(in.get(35, 28) & 0xffffff, cp.get(35, 28) & 0xffffff, "outside unchanged");
		assertEquals(77, cp.get(17, 16) & 0xff, "inside restyled");
		assertEquals(in.get(17, 16) & 0xff, (cp.get(17, 16) >> 8) & 0xff, "inside restyled from its source");
	}

	@Test
	void progressCoversTilesAndPlanes() throws Exception {
		ImagePlus imp = Fixtures.image("z", 8, 4, 4, 1, 4, 1);
		List<Double> fractions = new ArrayList<>();
		RunMonitor m = new RunMonitor() {

			@Override
			public void progress(double fraction, String message) {
				fractions.add(fraction);
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		};
		StackRestyler.run(StackRestyler.Plane.allOf(imp), null, StylizeSettings.defaults(), KNOWN, m);
		assertEquals(0.125, fractions.get(0), 1e-9, "half of the first of four planes");
		assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
		for (int i = 1; i < fractions.size(); i++)
			assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back");
	}

	@Test
	void cancelStopsSoonAndReturnsNothing() {
		ImagePlus imp = Fixtures.image("z", 8, 4, 4, 1, 5, 1);
		int[] calls = { 0 };
		boolean[] cancel = { false };
		RunMonitor m = new RunMonitor() {

			@Override
			public void progress(double fraction, String message) {
				if (fraction >= 0.2) cancel[0] = true; // the user clicks cancel during the first plane's last tile
			}

			@Override
			public boolean cancelled() {
				return cancel[0];
			}
		};
		StackRestyler.PlaneFunction counting = (i, plane, s, p) -> {
			calls[0]++;
			return KNOWN.restyle(i, plane, s, p);
		};
		assertThrows(CancellationException.class, () -> StackRestyler.run(StackRestyler.Plane.allOf(imp), null,
			StylizeSettings.defaults(), counting, m));
		assertEquals(1, calls[0], "no plane is started after the cancel");
	}

	@Test
	void currentPlaneRepeatedForSweeps() throws Exception {
		ImagePlus imp = Fixtures.image("z", 8, 5, 5, 1, 3, 1);
		imp.setSlice(2);
		List<String> labels = List.of("strength=0", "strength=0.5", "strength=1");
		List<StackRestyler.Plane> planes = StackRestyler.Plane.currentOf(imp, labels);
		ImageStack out = StackRestyler.run(planes, null, StylizeSettings.defaults(), KNOWN, RunMonitor.NONE);
		assertEquals(3, out.getSize());
		assertEquals("strength=0.5", out.getSliceLabel(2));
		int src = imp.getStack().getProcessor(2).get(1, 1);
		for (int n = 1; n <= 3; n++)
			assertEquals(src, (out.getProcessor(n).get(1, 1) >> 8) & 0xff, "every frame from slice 2");
	}
}
