package org.audiostyle.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Timing of "Sound to Movie": the length of a recording, where each frame's 3 s window starts, and the smoothing
 * of the per-frame embeddings over time so the picture evolves instead of flickering.
 */
public final class SoundTimeline {

	/** Length of the sound the model hears, in seconds (the paper's clips). */
	public static final double WINDOW_SECONDS = 3.0;

	private SoundTimeline() {}

	/** Duration in seconds; decodes the file when its header does not tell (e.g. some MP3s). */
	public static double durationSeconds(File file) throws AudioStyleException {
		try {
			return PluginLoader.call(() -> {
				AudioFileFormat f = AudioSystem.getAudioFileFormat(file);
				if (f.getFrameLength() > 0 && f.getFormat().getFrameRate() > 0) return f.getFrameLength() / (double) f
					.getFormat().getFrameRate();
				Map<String, Object> props = f.properties();
				Object micros = props == null ? null : props.get("duration");
				if (micros instanceof Long && (Long) micros > 0) return (Long) micros / 1e6;
				return decodedSeconds(file);
			});
		}
		catch (UnsupportedAudioFileException e) {
			throw new AudioStyleException("Cannot read " + file.getName() + " as sound: use WAV, MP3, Ogg or FLAC.", e);
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

	private static double decodedSeconds(File file) throws IOException, UnsupportedAudioFileException {
		try (AudioInputStream src = AudioSystem.getAudioInputStream(file)) {
			AudioFormat in = src.getFormat();
			AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16, in.getChannels(),
				in.getChannels() * 2, in.getSampleRate(), false);
			try (InputStream s = AudioSystem.getAudioInputStream(pcm, src)) {
				long bytes = 0;
				byte[] buf = new byte[1 << 16];
				for (int n; (n = s.read(buf)) > 0;)
					bytes += n;
				return bytes / (double) pcm.getFrameSize() / pcm.getSampleRate();
			}
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
