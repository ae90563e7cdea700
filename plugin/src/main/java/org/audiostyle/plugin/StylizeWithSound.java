package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.Previewable;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;
import org.scijava.widget.NumberWidget;

/**
 * Plugins › Audio Style › Stylize with Sound...: a new image restyled to match a sound (or a mix of two). Every plane
 * of a stack or hyperstack is restyled in order; with an area selection only the selection changes, feathered at its
 * edge. The input is never modified. Macro: {@code run("Stylize with Sound...", "sound=[/path/rain.wav]
 * strength=1");}
 *
 * <p>In the dialog, "Preview" shows the current plane restyled at a reduced size ({@link LivePreview}) in a separate
 * window that follows strength, mix, sounds and window as they change; the image itself is never touched, and
 * cancelling closes the preview. Headless and macro runs never preview.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Audio Style>Stylize with Sound...",
	description = "Restyle an image to match a sound")
public class StylizeWithSound extends AudioStyleCommand implements Previewable {

	@Parameter(label = "Image", description = "The image to restyle (the active one); it is not changed.")
	private ImagePlus image;

	@Parameter(label = "Sound file", style = FileWidget.OPEN_STYLE,
		description = "WAV, MP3, Ogg or FLAC. The model hears 3 s of it (see 'Sound window').")
	private File sound;

	@Parameter(label = "Second sound (optional)", style = FileWidget.OPEN_STYLE, required = false,
		description = "Mixed with the first sound by 'Mix'.")
	private File sound2;

	@Parameter(label = "Mix (0 = first sound, 1 = second)", min = "0", max = "1", stepSize = "0.05",
		style = NumberWidget.SLIDER_STYLE, description = "Cross-fade between the two sounds; unused without a second.")
	private double mix = 0.5;

	@Parameter(label = "Mix mode", choices = { "embedding", "waveform" }, required = false,
		description = "How two sounds are combined: embedding blends evenly; waveform sums the recordings (the paper).")
	private String mixmode = org.audiostyle.audio.SoundMix.DEFAULT_MODE.label();

	@Parameter(label = "Strength", min = "0", max = "4", stepSize = "0.1",
		description = "How much of the model's change to apply: 0 = the input unchanged, 1 = the full restyle, more " +
			"exaggerates.")
	private double strength = 1.0;

	@Parameter(label = "Sound window", description = "Which 3 s to hear: loudest, start, or a time in seconds.")
	private String window = "loudest";

	@Parameter(label = "Model (empty = bundled)", style = FileWidget.FILE_AND_DIRECTORY_STYLE, required = false,
		description = "An Audio Style model folder or .zip; empty uses the model bundled with the plugin.")
	private File model;

	@Parameter(label = "Working size (px; 0 = native)", min = "0",
		description = "Long side the network works at; the change is brought back to full resolution.")
	private int worksize = org.audiostyle.stylize.StylizeSettings.DEFAULT_WORK_SIZE;

	@Parameter(label = "Device", choices = { "auto", "cpu", "gpu" },
		description = "auto uses a GPU when PyTorch sees one.")
	private String device = "auto";

	@Parameter(label = "Selection edge feather (px)", min = "0",
		description = "With a selection, the width of the blend between restyled and original.")
	private double feather = 8;

	@Parameter(label = "Result", type = ItemIO.OUTPUT)
	private ImagePlus result;

	@Parameter
	private LogService logService;

	private LivePreview livePreview;

	/** Updates the preview window from the dialog's current values; a value that cannot work yet shows nothing new. */
	@Override
	public void preview() {
		if (image == null || sound == null) return;
		if (livePreview == null) livePreview = new LivePreview();
		try {
			livePreview.update(request(), model, device);
		}
		catch (AudioStyleException | RuntimeException e) {
			logService.warn("Audio Style preview: " + e.getMessage());
		}
	}

	/** The dialog was cancelled: close the preview; the image was never changed. */
	@Override
	public void cancel() {
		closePreview();
	}

	private void closePreview() {
		if (livePreview != null) livePreview.close();
		livePreview = null;
	}

	/** The live preview, while the dialog shows one (tests, the benchmark). */
	LivePreview livePreview() {
		return livePreview;
	}

	@Override
	protected RestyleRequest request() {
		RestyleRequest r = new RestyleRequest();
		r.image = image;
		r.sound = sound;
		r.sound2 = sound2 == null || sound2.getPath().trim().isEmpty() ? null : sound2;
		r.mixmode = mixmode;
		r.mix = mix;
		r.strength = strength;
		r.window = window;
		r.worksize = worksize;
		r.feather = feather;
		return r;
	}

	@Override
	protected String name() {
		return Restyle.STYLIZE;
	}

	@Override
	protected ImagePlus execute(EngineSession session, RestyleRequest request, RunMonitor monitor)
		throws AudioStyleException, java.io.IOException
	{
		closePreview();
		return Restyle.stylize(session, request, monitor);
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
