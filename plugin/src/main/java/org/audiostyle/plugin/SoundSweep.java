package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › Audio Style › Sound Sweep...: the paper's "predictable changes" as a stack. The current plane is restyled
 * {@code frames} times while the strength (or, with a second sound, the mix from the first to the second) moves
 * from {@code from} to {@code to}; each slice is labelled with its value.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Audio Style>Sound Sweep...",
	description = "A stack showing the restyle as sound strength or mix changes")
public class SoundSweep extends AudioStyleCommand {

	@Parameter(label = "Image", description = "Its current plane is restyled; it is not changed.")
	private ImagePlus image;

	@Parameter(label = "Sound file", style = FileWidget.OPEN_STYLE)
	private File sound;

	@Parameter(label = "Second sound (for a mix sweep)", style = FileWidget.OPEN_STYLE, required = false)
	private File sound2;

	@Parameter(label = "Mix mode", choices = { "embedding", "waveform" }, required = false,
		description = "How two sounds are combined: embedding blends evenly; waveform sums the recordings (the paper).")
	private String mixmode = org.audiostyle.audio.SoundMix.DEFAULT_MODE.label();

	@Parameter(label = "Vary", choices = { "strength", "mix" },
		description = "strength: from the input (0) to the full restyle (1) and beyond; mix: cross-fade from the " +
			"first sound to the second.")
	private String vary = "strength";

	@Parameter(label = "From", min = "0", stepSize = "0.1")
	private double from = 0;

	@Parameter(label = "To", min = "0", stepSize = "0.1")
	private double to = 1;

	@Parameter(label = "Frames", min = "1", max = "1000")
	private int frames = 5;

	@Parameter(label = "Strength (mix sweep)", min = "0", stepSize = "0.1",
		description = "The strength during a mix sweep (1 = the full restyle).")
	private double strength = 1.0;

	@Parameter(label = "Sound window", description = "Which 3 s to hear: loudest, start, or a time in seconds.")
	private String window = "loudest";

	@Parameter(label = "Model (empty = bundled)", style = FileWidget.FILE_AND_DIRECTORY_STYLE, required = false)
	private File model;

	@Parameter(label = "Working size (px; 0 = native)", min = "0")
	private int worksize = org.audiostyle.stylize.StylizeSettings.DEFAULT_WORK_SIZE;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Selection edge feather (px)", min = "0")
	private double feather = 8;

	@Parameter(label = "Result", type = ItemIO.OUTPUT)
	private ImagePlus result;

	@Override
	protected RestyleRequest request() {
		RestyleRequest r = new RestyleRequest();
		r.image = image;
		r.sound = sound;
		r.sound2 = sound2 == null || sound2.getPath().trim().isEmpty() ? null : sound2;
		r.mixmode = mixmode;
		r.vary = vary;
		r.from = from;
		r.to = to;
		r.frames = frames;
		r.strength = strength;
		r.window = window;
		r.worksize = worksize;
		r.feather = feather;
		return r;
	}

	@Override
	protected void check(RestyleRequest request) throws AudioStyleException {
		Restyle.checkSweep(request);
	}

	@Override
	protected String name() {
		return Restyle.SWEEP;
	}

	@Override
	protected ImagePlus execute(EngineSession session, RestyleRequest request, RunMonitor monitor)
		throws AudioStyleException, java.io.IOException
	{
		return Restyle.sweep(session, request, monitor);
	}

	@Override
	protected File model() {
		return model;
	}

	@Override
	protected String device() {
		return device;
	}

	@Override
	protected void setResult(ImagePlus result) {
		this.result = result;
	}
}
