package org.audiostyle.plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;

/**
 * Runs a restyle over a list of planes and collects the RGB results into a new stack, in order. The input is never
 * changed. Progress is reported per tile (as the engine reports it) and per plane; a cancel between or within planes
 * throws {@link CancellationException} and the partial stack is dropped, so a cancelled run leaves nothing behind.
 */
public final class StackRestyler {

	/** One output plane's restyle: in production the engine's Stylizer with the embedding for that index. */
	@FunctionalInterface
	public interface PlaneFunction {

		RandomAccessibleInterval<ARGBType> restyle(int index, RandomAccessibleInterval<?> plane,
			StylizeSettings settings, Progress progress) throws IOException;
	}

	/** A source plane with its display range (NaN for 8-bit and RGB) and the label its result gets. */
	public static final class Plane {

		public final ImageProcessor source;
		public final double[] range;
		public final String label;

		public Plane(ImageProcessor source, double[] range, String label) {
			this.source = source;
			this.range = range;
			this.label = label;
		}

		/** Every plane of an image in stack order (channels fastest, then slices, then frames), with its label. */
		public static List<Plane> allOf(ImagePlus imp) {
			ImageStack stack = imp.getStack();
			List<Plane> planes = new ArrayList<>();
			for (int n = 1; n <= stack.getSize(); n++) {
				int channel = imp.convertIndexToPosition(n)[0];
				planes.add(new Plane(stack.getProcessor(n), ImagePlanes.displayRange(imp, channel), stack
					.getSliceLabel(n)));
			}
			return planes;
		}

		/** The plane shown now (current channel, slice and frame), repeated for {@code count} outputs with labels. */
		public static List<Plane> currentOf(ImagePlus imp, List<String> labels) {
			ImageProcessor ip = imp.getStack().getProcessor(imp.getCurrentSlice());
			double[] range = ImagePlanes.displayRange(imp, imp.getChannel());
			List<Plane> planes = new ArrayList<>();
			for (String label : labels)
				planes.add(new Plane(ip, range, label));
			return Collections.unmodifiableList(planes);
		}
	}

	private StackRestyler() {}

	/**
	 * Restyles every plane. {@code mask} (may be null) limits the change to a selection. Returns a new RGB stack with
	 * one plane per input plane.
	 */
	public static ImageStack run(List<Plane> planes, RoiFeather mask, StylizeSettings base, PlaneFunction fn,
		RunMonitor monitor) throws IOException
	{
		if (planes.isEmpty()) throw new IllegalArgumentException("Nothing to restyle: no planes.");
		int w = planes.get(0).source.getWidth(), h = planes.get(0).source.getHeight();
		ImageStack out = new ImageStack(w, h);
		int n = planes.size();
		for (int i = 0; i < n; i++) {
			if (monitor.cancelled()) throw new CancellationException("Cancelled before plane " + (i + 1) + " of " + n);
			Plane p = planes.get(i);
			StylizeSettings s = Double.isNaN(p.range[0]) ? base : base.withDisplayRange(p.range[0], p.range[1]);
			RandomAccessibleInterval<ARGBType> rgb = fn.restyle(i, ImagePlanes.wrap(p.source), s, planeProgress(
				monitor, i, n));
			ColorProcessor restyled = ImagePlanes.toColorProcessor(rgb, w, h);
			if (mask != null) restyled = mask.blend(ImagePlanes.asDisplayedRgb(p.source, p.range), restyled);
			out.addSlice(p.label, restyled);
			monitor.progress((i + 1) / (double) n, "Restyled plane " + (i + 1) + " of " + n);
		}
		if (monitor.cancelled()) throw new CancellationException("Cancelled after the last plane");
		return out;
	}

	/** Maps the engine's per-tile progress inside plane i to the whole run's fraction. */
	static Progress planeProgress(RunMonitor monitor, int i, int n) {
		return new Progress() {

			@Override
			public void update(long done, long total, String stage) {
				double inPlane = total > 0 ? Math.min(1.0, done / (double) total) : 0;
				monitor.progress((i + inPlane) / n, (stage == null ? "Restyling" : stage) + " (plane " + (i + 1) +
					" of " + n + ")");
			}

			@Override
			public boolean cancelled() {
				return monitor.cancelled();
			}
		};
	}
}
