package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;

import org.audiostyle.stylize.StylizeSettings;

/**
 * Everything a restyle needs besides the loaded model, filled from a command's parameters or a macro call. Field
 * names match the commands' parameter names (and so the macro keys Fiji records).
 */
public final class RestyleRequest {

	/** The input; never modified. */
	public ImagePlus image;
	public File sound;
	/** Optional second sound (null: none). */
	public File sound2;
	/** Cross-fade position: 0 = only {@link #sound}, 1 = only {@link #sound2}. */
	public double mix = 0.5;
	/** How the two sounds are combined: "embedding" or "waveform" ({@link org.audiostyle.audio.MixMode}). */
	public String mixmode = org.audiostyle.audio.SoundMix.DEFAULT_MODE.label();
	/** Level of the (mixed) sound as the model hears it; 1 = as recorded, normalised. */
	public double strength = 1.0;
	/** Which 3 s the model hears: "loudest", "start" or a start time in seconds. */
	public String window = "loudest";
	/** Long side in pixels the network works at; 0 = native resolution. */
	public int worksize = StylizeSettings.DEFAULT_WORK_SIZE;
	/** Gaussian width in pixels of the edge when a selection limits the change. */
	public double feather = 8;

	/** Sweep: "strength" or "mix". */
	public String vary = "strength";
	public double from = 0;
	public double to = 1;
	/** Sweep: number of frames; movie: most frames (0 = the whole recording). */
	public int frames = 5;

	/** Movie: frames per second of sound, i.e. the sliding window advances 1/fps s per frame. */
	public double fps = 4;
	/** Movie: Gaussian smoothing over time, in seconds of sound. */
	public double smoothing = 1.0;

	public StylizeSettings settings() {
		return StylizeSettings.defaults().withWorkSize(worksize);
	}
}
