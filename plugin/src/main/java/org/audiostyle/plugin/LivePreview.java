package org.audiostyle.plugin;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.Objects;

import net.imglib2.img.array.ArrayImgs;

import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.StrengthBlend;
import org.audiostyle.stylize.StylizeSettings;

/**
 * The live preview of "Stylize with Sound...": the current plane, reduced to {@link #SIZE} px on its long side,
 * restyled in a separate window that follows the dialog's values. The input image is only read, never changed.
 * Work is reused between updates: the reduced plane (until the image or plane changes), the sound embedding (until a
 * sound, the window, the mix or its mode changes) and the network's output at strength 1 (a strength change is a
 * blend, no network pass). The model stays loaded until the dialog closes.
 */
final class LivePreview implements AutoCloseable {

	/** Long side of the preview in pixels ({@code -Daudiostyle.previewSize} changes it). */
	static final int SIZE = Integer.getInteger("audiostyle.previewSize", 192);

	private EngineSession session;
	private String sessionKey;
	private String planeKey, embeddingKey, styledKey;
	private PlanarImage plane, styled;
	private float[] embedding;
	private ImagePlus window;
	/** Nanoseconds the last {@link #update} took. */
	long lastNanos;

	/**
	 * Shows the request's current plane restyled (a new window on first use, the same one after). Errors go to the
	 * caller; the previous preview stays.
	 */
	void update(RestyleRequest r, File model, String device) throws AudioStyleException {
		long t0 = System.nanoTime();
		Restyle.check(r);
		DeviceChoice d = Inputs.device(device);
		String sk = (model == null ? "" : model.getAbsolutePath()) + "|" + d;
		if (session == null || !sk.equals(sessionKey)) {
			closeSession();
			session = EngineSession.open(model, d, s -> {});
			sessionKey = sk;
			embeddingKey = styledKey = null;
		}
		ImagePlus imp = r.image;
		String pk = imp.getID() + "|" + imp.getCurrentSlice() + "|" + imp.getProcessor().getPixels().hashCode() + "|" +
			imp.getDisplayRangeMin() + "|" + imp.getDisplayRangeMax();
		if (!pk.equals(planeKey)) {
			plane = reduced(imp);
			planeKey = pk;
			styledKey = null;
		}
		String ek = r.sound + "|" + r.sound2 + "|" + r.window + "|" + r.mixmode + "|" + (r.sound2 == null ? "" : r.mix);
		if (!ek.equals(embeddingKey)) {
			embedding = session.embed(Restyle.mixOf(r, r.mix));
			embeddingKey = ek;
			styledKey = null;
		}
		if (!Objects.equals(planeKey + "#" + embeddingKey, styledKey)) {
			styled = session.stylize(plane, embedding, StylizeSettings.defaults().withNativeResolution());
			styledKey = planeKey + "#" + embeddingKey;
		}
		PlanarImage shown = StrengthBlend.apply(plane, styled, r.strength);
		ColorProcessor cp = ImagePlanes.toColorProcessor(ImageConversion.toArgb(shown), shown.width, shown.height);
		String title = "Preview of " + imp.getTitle() + " (Audio Style)";
		if (window == null) {
			window = new ImagePlus(title, cp);
			if (!GraphicsEnvironment.isHeadless()) window.show();
		}
		else {
			window.setProcessor(title, cp);
			window.updateAndDraw();
		}
		lastNanos = System.nanoTime() - t0;
	}

	/** The current plane as displayed, in RGB, reduced to at most {@link #SIZE} px on its long side. */
	private static PlanarImage reduced(ImagePlus imp) {
		ImageProcessor ip = imp.getProcessor();
		double[] range = ImagePlanes.displayRange(imp, imp.getChannel());
		ColorProcessor rgb = ImagePlanes.asDisplayedRgb(ip, range);
		PlanarImage full = ImageConversion.toPlanar(ArrayImgs.argbs((int[]) rgb.getPixels(), rgb.getWidth(), rgb
			.getHeight()));
		if (Math.max(full.width, full.height) <= SIZE) return full;
		int[] s = Resampling.workingSize(full.width, full.height, SIZE);
		return Resampling.resize(full, s[0], s[1]);
	}

	/** The preview window (null before the first update or after {@link #close}). */
	ImagePlus window() {
		return window;
	}

	private void closeSession() {
		if (session != null) session.close();
		session = null;
	}

	/** Closes the window and frees the model. */
	@Override
	public void close() {
		if (window != null) {
			window.changes = false;
			window.close();
			window = null;
		}
		closeSession();
	}
}
