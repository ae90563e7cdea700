package org.audiostyle.plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.stylize.Stylizer;

/**
 * The three operations behind the menu commands and the macro functions: restyle every plane with one sound (or a
 * mix), a sweep of one plane over strength or mix, and a movie of one plane following a long recording. Each
 * returns a new, unshown ImagePlus with its provenance in the Info property; the input is never changed.
 */
public final class Restyle {

	public static final String STYLIZE = "Stylize with Sound";
	public static final String SWEEP = "Sound Sweep";
	public static final String MOVIE = "Sound to Movie";

	private Restyle() {}

	/** Checks the inputs every operation shares; call before loading the model so mistakes show at once. */
	public static void check(RestyleRequest r) throws AudioStyleException {
		Inputs.image(r.image);
		Inputs.sound(r.sound, "sound");
		Inputs.optionalSound(r.sound2, "sound2");
		Inputs.range(r.mix, 0, 1, "mix");
		Inputs.range(r.strength, 0, SoundMix.MAX_STRENGTH, "strength");
		Inputs.window(r.window);
		Inputs.workSize(r.worksize);
		Inputs.atLeast(r.feather, 0, "feather");
	}

	/** Every plane (channels, slices, frames, in order) restyled with the sound or the mix of two. */
	public static ImagePlus stylize(EngineSession session, RestyleRequest r, RunMonitor monitor)
		throws AudioStyleException, IOException
	{
		check(r);
		ImagePlus imp = r.image;
		SoundMix mix = mixOf(r, r.mix).withStrength(r.strength);
		monitor.progress(0, "Listening to " + mix);
		float[] embedding = session.embed(mix);
		ImageStack stack = StackRestyler.run(StackRestyler.Plane.allOf(imp), mask(imp, r.feather), Stylizer
			.withStrengthOf(mix, r.settings()), (i, plane, s, p) -> session.stylize(plane, embedding, s, p), monitor);
		ImagePlus out = new ImagePlus(Titles.of(imp.getTitle(), r.sound, r.sound2, null), stack);
		out.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
		out.setOpenAsHyperStack(imp.isHyperStack());
		out.setCalibration(calibrationOf(imp));
		Provenance prov = provenance(STYLIZE, session, r);
		prov.put("mix", r.sound2 == null ? "" : r.mix);
		finish(out, imp, prov);
		return out;
	}

	/**
	 * The current plane restyled {@code frames} times while strength (or, with a second sound, the mix) moves from
	 * {@code from} to {@code to}: the paper's "predictable changes". Each slice is labelled with its value.
	 */
	public static ImagePlus sweep(EngineSession session, RestyleRequest r, RunMonitor monitor)
		throws AudioStyleException, IOException
	{
		check(r);
		boolean byMix = checkSweep(r);
		double[] values = new double[r.frames];
		for (int k = 0; k < r.frames; k++)
			values[k] = r.frames == 1 ? r.from : r.from + (r.to - r.from) * k / (r.frames - 1);
		float[][] embeddings = new float[r.frames][];
		double[] strengths = new double[r.frames];
		List<String> labels = new ArrayList<>();
		for (int k = 0; k < r.frames; k++) {
			if (monitor.cancelled()) throw new java.util.concurrent.CancellationException("Cancelled while listening");
			SoundMix m = byMix ? mixOf(r, values[k]).withStrength(r.strength) : mixOf(r, r.mix).withStrength(
				values[k]);
			// a strength sweep hears the same sound in every frame: embed it once
			embeddings[k] = byMix || k == 0 ? session.embed(m) : embeddings[0];
			strengths[k] = m.strength();
			labels.add(String.format(Locale.ROOT, "%s=%.3f", byMix ? "mix" : "strength", values[k]));
		}
		ImagePlus imp = r.image;
		ImageStack stack = StackRestyler.run(StackRestyler.Plane.currentOf(imp, labels), mask(imp, r.feather), r
			.settings(), (i, plane, s, p) -> session.stylize(plane, embeddings[i], s.withStrength(s.strength *
				strengths[i]), p), monitor);
		ImagePlus out = new ImagePlus(Titles.of(imp.getTitle(), r.sound, r.sound2, (byMix ? "mix" : "strength") +
			" sweep"), stack);
		out.setDimensions(1, 1, r.frames);
		out.setCalibration(calibrationOf(imp));
		Provenance prov = provenance(SWEEP, session, r);
		prov.put("mix", byMix || r.sound2 == null ? "" : r.mix).put("vary", r.vary).put("from", r.from).put("to", r.to)
			.put("frames", r.frames).put("plane", planeOf(imp));
		finish(out, imp, prov);
		return out;
	}

	/**
	 * The current plane as a time-lapse of a long recording: one frame per 1/fps s of sound, each hearing the 3 s
	 * window starting there, with the embeddings smoothed over {@code smoothing} s so the picture evolves smoothly.
	 */
	public static ImagePlus movie(EngineSession session, RestyleRequest r, RunMonitor monitor)
		throws AudioStyleException, IOException
	{
		check(r);
		checkMovie(r);
		double duration = SoundTimeline.durationSeconds(r.sound);
		double[] starts = SoundTimeline.windowStarts(duration, r.fps, r.frames);
		float[][] embeddings = new float[starts.length][];
		List<String> labels = new ArrayList<>();
		for (int k = 0; k < starts.length; k++) {
			if (monitor.cancelled()) throw new java.util.concurrent.CancellationException("Cancelled while listening");
			monitor.progress(0.2 * k / starts.length, "Listening at " + String.format(Locale.ROOT, "%.2f s", starts[k]));
			Sound s = Sound.file(r.sound.toPath(), duration <= SoundTimeline.WINDOW_SECONDS ? AudioWindow.start()
				: AudioWindow.at(starts[k]));
			embeddings[k] = session.embed(SoundMix.of(s));
			labels.add(String.format(Locale.ROOT, "t=%.2f s", starts[k]));
		}
		float[][] smoothed = SoundTimeline.smooth(embeddings, r.smoothing * r.fps);
		ImagePlus imp = r.image;
		ImageStack stack = StackRestyler.run(StackRestyler.Plane.currentOf(imp, labels), mask(imp, r.feather), r
			.settings().withStrength(r.strength), (i, plane, s, p) -> session.stylize(plane, smoothed[i], s, p), scaled(
				monitor, 0.2));
		ImagePlus out = new ImagePlus(Titles.of(imp.getTitle(), r.sound, null, "movie"), stack);
		out.setDimensions(1, 1, starts.length);
		Calibration cal = calibrationOf(imp);
		cal.fps = r.fps;
		cal.frameInterval = 1 / r.fps;
		cal.setTimeUnit("s");
		out.setCalibration(cal);
		Provenance prov = provenance(MOVIE, session, r);
		prov.put("window", "sliding " + SoundTimeline.WINDOW_SECONDS + " s").put("sound.duration", String.format(
			Locale.ROOT, "%.3f s", duration)).put("fps", r.fps).put("smoothing", r.smoothing).put("frames", r.frames)
			.put("plane", planeOf(imp));
		finish(out, imp, prov);
		return out;
	}

	public static boolean checkSweep(RestyleRequest r) throws AudioStyleException {
		if (r.frames < 1 || r.frames > 1000) throw new AudioStyleException("'frames' must be between 1 and 1000, got " +
			r.frames + ".");
		boolean byMix;
		if ("mix".equalsIgnoreCase(r.vary)) byMix = true;
		else if ("strength".equalsIgnoreCase(r.vary)) byMix = false;
		else throw new AudioStyleException("'vary' must be 'strength' or 'mix', got '" + r.vary + "'.");
		if (byMix) {
			if (r.sound2 == null) throw new AudioStyleException("A mix sweep needs a second sound ('sound2'): it" +
				" cross-fades from 'sound' to 'sound2'.");
			Inputs.range(r.from, 0, 1, "from");
			Inputs.range(r.to, 0, 1, "to");
		}
		else {
			Inputs.range(r.from, 0, SoundMix.MAX_STRENGTH, "from");
			Inputs.range(r.to, 0, SoundMix.MAX_STRENGTH, "to");
		}
		return byMix;
	}

	public static void checkMovie(RestyleRequest r) throws AudioStyleException {
		if (!(r.fps > 0 && r.fps <= 100)) throw new AudioStyleException("'fps' must be > 0 and <= 100 frames per" +
			" second of sound, got " + Inputs.num(r.fps) + ".");
		Inputs.atLeast(r.smoothing, 0, "smoothing");
		if (r.frames < 0) throw new AudioStyleException("'frames' must be >= 0 (0 = the whole recording), got " +
			r.frames + ".");
		if (r.sound2 != null) throw new AudioStyleException("Sound to Movie follows one recording: leave 'sound2'" +
			" empty.");
	}

	static SoundMix mixOf(RestyleRequest r, double t) throws AudioStyleException {
		AudioWindow w = Inputs.window(r.window);
		Sound a = Sound.file(r.sound.toPath(), w);
		if (r.sound2 == null) return SoundMix.of(a);
		MixMode mode;
		try {
			mode = MixMode.parse(r.mixmode == null ? SoundMix.DEFAULT_MODE.label() : r.mixmode);
		}
		catch (IllegalArgumentException e) {
			throw new AudioStyleException("'mixmode': " + e.getMessage());
		}
		return SoundMix.crossfade(a, Sound.file(r.sound2.toPath(), w), t).withMode(mode);
	}

	/** The feathered selection mask, or null when the image has no area selection. */
	private static RoiFeather mask(ImagePlus imp, double feather) {
		Roi roi = imp.getRoi();
		return roi != null && roi.isArea() ? RoiFeather.of(roi, imp.getWidth(), imp.getHeight(), feather) : null;
	}

	/** The input's spatial calibration; a density calibration of grey values means nothing for RGB. */
	private static Calibration calibrationOf(ImagePlus imp) {
		Calibration cal = imp.getCalibration().copy();
		cal.disableDensityCalibration();
		return cal;
	}

	private static String planeOf(ImagePlus imp) {
		return "c" + imp.getChannel() + " z" + imp.getSlice() + " t" + imp.getFrame();
	}

	private static Provenance provenance(String command, EngineSession session, RestyleRequest r) throws IOException {
		Provenance p = new Provenance(command).input(r.image);
		p.sound("sound", r.sound).sound("sound2", r.sound2);
		if (r.sound2 != null) p.put("mixmode", r.mixmode);
		p.put("strength", r.strength).put("window", r.window).put("model", session.modelSource()).put("model.id",
			session.modelId()).put("device", session.device()).put("worksize", r.worksize == 0 ? "0 (native)"
				: r.worksize).put("feather", r.feather);
		Roi roi = r.image.getRoi();
		if (roi != null && roi.isArea()) {
			java.awt.Rectangle b = roi.getBounds();
			p.put("selection", roi.getTypeAsString() + " " + b.x + "," + b.y + " " + b.width + "x" + b.height);
		}
		else p.put("selection", "none (whole image)");
		return p;
	}

	private static void finish(ImagePlus out, ImagePlus imp, Provenance prov) {
		out.setProperty("Info", prov.text(imp.getInfoProperty()));
		Roi roi = imp.getRoi();
		if (roi != null) out.setRoi((Roi) roi.clone());
	}

	/** A monitor whose fractions start at {@code offset} (work already done listening) and end at 1. */
	private static RunMonitor scaled(RunMonitor m, double offset) {
		return new RunMonitor() {

			@Override
			public void progress(double fraction, String message) {
				m.progress(offset + (1 - offset) * fraction, message);
			}

			@Override
			public boolean cancelled() {
				return m.cancelled();
			}
		};
	}
}
