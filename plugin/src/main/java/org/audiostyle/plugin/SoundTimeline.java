package org.audiostyle.plugin;

import java.io.File;
import java.io.IOException;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.AudioInfo;

/**
 * Timing of "Sound to Movie": the length of a recording, where each frame's 3 s window starts, and the smoothing
 * of the per-frame embeddings over time so the picture evolves instead of flickering.
 */
public final class SoundTimeline {

	/** Length of the sound the model hears, in seconds (the paper's clips). */
	public static final double WINDOW_SECONDS = AudioFrontEnd.WINDOW_SECONDS;

	private SoundTimeline() {}

	/** Duration in seconds (the engine reads the header, or decodes the file when the header does not tell). */
	public static double durationSeconds(File file) throws AudioStyleException {
		try {
			return PluginLoader.call(() -> AudioInfo.read(file.toPath()).durationSeconds());
		}
		catch (IOException e) {
			throw new AudioStyleException("Cannot read the sound file " + file.getAbsolutePath() + ": " + e
				.getMessage(), e);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new AudioStyleException("Cannot read the sound file " + file.getAbsolutePath() + ": " + e, e);
		}
	}

	/**
	 * Window start times: one every 1/fps s while a whole window fits; a sound shorter than a window gives one frame
	 * at 0. {@code maxFrames} > 0 keeps only the first frames.
	 */
	public static double[] windowStarts(double durationSeconds, double fps, int maxFrames) {
		if (!(fps > 0)) throw new IllegalArgumentException("Frame rate must be > 0, got " + fps);
		int n = durationSeconds <= WINDOW_SECONDS ? 1 : (int) Math.floor((durationSeconds - WINDOW_SECONDS) * fps +
			1e-9) + 1;
		if (maxFrames > 0) n = Math.min(n, maxFrames);
		double[] t = new double[n];
		for (int k = 0; k < n; k++)
			t[k] = k / fps;
		return t;
	}

	/**
	 * Gaussian smoothing of a sequence of vectors along time; sigma in frames (0 = unchanged). At the ends the
	 * weights are renormalised over the frames that exist, so the first and last frames are not pulled to zero.
	 */
	public static float[][] smooth(float[][] seq, double sigmaFrames) {
		if (!(sigmaFrames > 0) || seq.length < 2) return seq;
		int radius = (int) Math.ceil(3 * sigmaFrames);
		float[][] out = new float[seq.length][];
		for (int k = 0; k < seq.length; k++) {
			double[] acc = new double[seq[k].length];
			double wsum = 0;
			for (int j = Math.max(0, k - radius); j <= Math.min(seq.length - 1, k + radius); j++) {
				double w = Math.exp(-0.5 * (j - k) * (j - k) / (sigmaFrames * sigmaFrames));
				wsum += w;
				for (int d = 0; d < acc.length; d++)
					acc[d] += w * seq[j][d];
			}
			out[k] = new float[acc.length];
			for (int d = 0; d < acc.length; d++)
				out[k][d] = (float) (acc[d] / wsum);
		}
		return out;
	}
}
