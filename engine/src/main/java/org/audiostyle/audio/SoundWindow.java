package org.audiostyle.audio;

/** One 3 s window of a longer recording, at 16 kHz, as delivered by a {@link WindowStream}. */
public final class SoundWindow {

	private final int index;
	private final double startSeconds;
	private final float[] samples;
	private final boolean tiled;

	SoundWindow(int index, double startSeconds, float[] samples, boolean tiled) {
		this.index = index;
		this.startSeconds = startSeconds;
		this.samples = samples;
		this.tiled = tiled;
	}

	/** 0 for the first window, 1 for the next, ... */
	public int index() {
		return index;
	}

	/** Where the window starts in the recording. */
	public double startSeconds() {
		return startSeconds;
	}

	/** {@link AudioFrontEnd#WINDOW_SAMPLES} raw (not normalised) mono samples at 16 kHz. Not copied: do not modify. */
	public float[] samples() {
		return samples;
	}

	/** The model's input for this window alone: the samples peak-normalised like any sound ({@link AudioFrontEnd#normalise}). */
	public float[] normalised() {
		return AudioFrontEnd.normalise(samples);
	}

	/** Whether the recording ended inside this window, so its content was repeated to fill 3 s. */
	public boolean tiled() {
		return tiled;
	}

	@Override
	public String toString() {
		return "window " + index + " @ " + startSeconds + " s" + (tiled ? " (tiled)" : "");
	}
}
