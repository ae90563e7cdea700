package org.audiostyle.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.audiostyle.audio.AudioFormatException.Reason;

/**
 * Reads the 3 s of a file the model hears, without decoding a long file whole.
 *
 * <ul>
 * <li>{@link AudioWindow#start()} and {@link AudioWindow#at(double)}: skip to the start (PCM files seek; compressed
 * files are decoded and dropped chunk by chunk) and decode only the window plus 10 ms either side, so the resampling
 * filter sees real neighbours instead of silence.</li>
 * <li>{@link AudioWindow#loudest()}: one streaming pass keeps only the energies of the last six 0.5 s hops and the
 * best start so far (memory independent of the file's length); the file is then re-opened and only that window
 * decoded. Candidates start on the 0.5 s grid and lie wholly inside the file; ties go to the earliest.</li>
 * </ul>
 * A file shorter than 3 s, or a window that runs past the end, is tiled by repetition (the paper's {@code np.tile},
 * which it also applied to the short last clip of each video). A start at or after the end is an error naming the
 * file and its duration. Results are raw 16 kHz samples, not normalised: see {@link AudioFrontEnd}.
 */
public final class WindowReader {

	/** Grid of candidate starts for the loudest window. */
	public static final double LOUDEST_HOP_SECONDS = 0.5;
	/** Context decoded either side of a window so the resampler's filter has real neighbours. */
	static final double MARGIN_SECONDS = 0.01;

	private WindowReader() {}

	/** The window of {@code file} chosen by {@code window}: {@link AudioFrontEnd#WINDOW_SAMPLES} raw samples at 16 kHz. */
	public static float[] read(Path file, AudioWindow window) throws IOException {
		return EngineClassLoader.call(() -> {
			switch (window.kind) {
				case START:
					return readFrom(file, src -> 0L, null);
				case AT:
					return readFrom(file, src -> Math.round(window.startSeconds * src.sampleRate()), window.startSeconds);
				default: {
					long start = scanLoudest(file).startFrame;
					return readFrom(file, src -> start, null);
				}
			}
		});
	}

	/** Start of the loudest 3 s of the file, in seconds (0 for a file shorter than 3 s). One streaming pass. */
	public static double loudestStartSeconds(Path file) throws IOException {
		return EngineClassLoader.call(() -> {
			Loudest l = scanLoudest(file);
			return l.startFrame / (double) l.sampleRate;
		});
	}

	/**
	 * Consecutive windows starting every {@code hopSeconds} (0, hop, 2 hop, ... while the start is inside the file),
	 * decoded and resampled in one streaming pass with bounded memory; the last ones are tiled if they run past the
	 * end. Close the stream when done.
	 */
	public static WindowStream windows(Path file, double hopSeconds) throws IOException {
		if (!(hopSeconds > 0) || Double.isInfinite(hopSeconds))
			throw new IllegalArgumentException("Hop must be a positive number of seconds, got " + hopSeconds);
		return EngineClassLoader.call(() -> new WindowStream(PcmSource.open(file), hopSeconds));
	}

	/** Chooses a start frame once the file is open (its rate is known only then). */
	private interface StartChooser {

		long startFrame(PcmSource src);
	}

	/**
	 * Decodes [start - margin, start + 3 s + margin) at the file's rate, resamples it and cuts the window out.
	 * {@code requestedSeconds} is non-null for user-chosen starts, for the error message.
	 */
	private static float[] readFrom(Path file, StartChooser chooser, Double requestedSeconds) throws IOException {
		try (PcmSource src = PcmSource.open(file)) {
			double rate = src.sampleRate();
			long start = chooser.startFrame(src);
			long margin = (long) Math.ceil(MARGIN_SECONDS * rate) + 64;
			long segmentStart = Math.max(0, start - margin);
			long skipped = src.skipFrames(segmentStart);
			if (skipped < segmentStart) throw beyondEnd(src, requestedSeconds, skipped);
			int lead = (int) (start - segmentStart);
			int windowFrames = (int) Math.ceil(AudioFrontEnd.WINDOW_SECONDS * rate);
			int want = lead + windowFrames + (int) margin;
			float[] segment = BufferMeter.floats(want);
			int got = 0;
			while (got < want) {
				int n = src.readMono(segment, got, want - got);
				if (n < 0) break;
				got += n;
			}
			if (segmentStart + got == 0) throw PcmSource.noAudio(file, src.container());
			if (got <= lead) throw beyondEnd(src, requestedSeconds, segmentStart + got);
			float[] y = Resampling.toModelRate(segment, 0, got, rate);
			int offset = (int) Math.round(lead * AudioFrontEnd.SAMPLE_RATE / rate);
			int available = Math.min(AudioFrontEnd.WINDOW_SAMPLES, y.length - offset);
			if (available < 1) throw beyondEnd(src, requestedSeconds, segmentStart + got);
			return AudioFrontEnd.tile(y, offset, available, AudioFrontEnd.WINDOW_SAMPLES);
		}
	}

	private static AudioFormatException beyondEnd(PcmSource src, Double requestedSeconds, long totalFrames) {
		double duration = totalFrames / (double) src.sampleRate();
		double asked = requestedSeconds == null ? 0 : requestedSeconds;
		return new AudioFormatException(src.file(), Reason.WINDOW_BEYOND_END, String.format(Locale.ROOT,
			"Window start %.3f s is at or beyond the end of %s, which lasts %.3f s. Choose a start below %.3f s, " +
				"'start' or 'loudest'.", asked, src.file(), duration, duration));
	}

	/** Where the loudest window starts. */
	private static final class Loudest {

		final long startFrame;
		final float sampleRate;

		Loudest(long startFrame, float sampleRate) {
			this.startFrame = startFrame;
			this.sampleRate = sampleRate;
		}
	}

	/** One pass over the file: energy per 0.5 s hop, a running sum over the last six hops, the best start so far. */
	private static Loudest scanLoudest(Path file) throws AudioFormatException {
		try (PcmSource src = PcmSource.open(file)) {
			double rate = src.sampleRate();
			long hop = Math.max(1, Math.round(LOUDEST_HOP_SECONDS * rate));
			int hopsPerWindow = (int) Math.round(AudioFrontEnd.WINDOW_SECONDS / LOUDEST_HOP_SECONDS);
			double[] lastHops = new double[hopsPerWindow];
			float[] chunk = BufferMeter.floats(PcmSource.CHUNK_FRAMES);
			long hopsDone = 0, inHop = 0, bestHop = 0;
			double hopEnergy = 0, best = -1;
			int n;
			while ((n = src.readMono(chunk, 0, chunk.length)) > 0) {
				for (int i = 0; i < n; i++) {
					hopEnergy += chunk[i] * (double) chunk[i];
					if (++inHop < hop) continue;
					lastHops[(int) (hopsDone++ % hopsPerWindow)] = hopEnergy;
					hopEnergy = 0;
					inHop = 0;
					if (hopsDone < hopsPerWindow) continue;
					double energy = 0;
					for (double e : lastHops)
						energy += e;
					if (energy > best) {
						best = energy;
						bestHop = hopsDone - hopsPerWindow;
					}
				}
			}
			if (src.position() == 0) throw PcmSource.noAudio(file, src.container());
			return new Loudest(bestHop * hop, src.sampleRate());
		}
	}
}
