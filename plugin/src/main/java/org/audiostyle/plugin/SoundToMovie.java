package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Plugins › Audio Style › Sound to Movie...: a long recording becomes a time-lapse of the current plane. A 3 s window
 * slides along the sound by 1/fps s per frame; the embeddings are smoothed over time so the picture evolves with
 * the sound instead of flickering. The result's frame rate is set, so Image › Stacks › Animation plays it in step.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Audio Style>Sound to Movie...",
	description = "A time-lapse stack that follows a long recording")
public class SoundToMovie extends AudioStyleCommand {

	@Parameter(label = "Image", description = "Its current plane is restyled; it is not changed.")
	private ImagePlus image;

	@Parameter(label = "Sound file (a long recording)", style = FileWidget.OPEN_STYLE)
	private File sound;

	@Parameter(label = "Frames per second of sound", min = "0.01", max = "100", stepSize = "1")
	private double fps = 4;

	@Parameter(label = "Smoothing (s)", min = "0", stepSize = "0.5",
		description = "Gaussian smoothing of the sound's effect over time, in seconds; 0 = none.")
	private double smoothing = 1.0;

	@Parameter(label = "Most frames (0 = whole recording)", min = "0")
	private int frames = 0;

	@Parameter(label = "Strength", min = "0", stepSize = "0.1")
	private double strength = 1.0;

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
		r.fps = fps;
		r.smoothing = smoothing;
		r.frames = frames;
		r.strength = strength;
		r.worksize = worksize;
		r.feather = feather;
		return r;
	}

	@Override
	protected void check(RestyleRequest request) throws AudioStyleException {
		Restyle.checkMovie(request);
	}

	@Override
	protected String name() {
		return Restyle.MOVIE;
	}

	@Override
	protected ImagePlus execute(EngineSession session, RestyleRequest request, RunMonitor monitor)
		throws AudioStyleException, java.io.IOException
	{
		return Restyle.movie(session, request, monitor);
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
