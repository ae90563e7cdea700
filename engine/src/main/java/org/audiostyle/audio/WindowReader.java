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
					return readFrom(file, src -> Math.round(window.startSeconds * AudioFrontEnd.SAMPLE_RATE),
						window.startSeconds);
				default: {
					Loudest l = scanLoudest(file);
					long start = Math.round(l.startFrame * (double) AudioFrontEnd.SAMPLE_RATE / l.sampleRate);
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

	/**
	 * The whole file at 16 kHz. For tests and short files only: unlike everything else here it holds the whole
	 * recording.
	 */
	static float[] readAll(Path file) throws IOException {
		return EngineClassLoader.call(() -> {
			try (PcmSource src = PcmSource.open(file)) {
				Resampling resampling = new Resampling(src.sampleRate());
				float[][] all = { new float[1 << 16] };
				int[] size = { 0 };
				Resampling.Sink sink = (s, off, len) -> {
					if (size[0] + len > all[0].length) all[0] = java.util.Arrays.copyOf(all[0], 2 * (size[0] + len));
					System.arraycopy(s, off, all[0], size[0], len);
					size[0] += len;
				};
				float[] chunk = new float[PcmSource.CHUNK_FRAMES];
				int n;
				while ((n = src.readMono(chunk, 0, chunk.length)) > 0)
					resampling.push(chunk, 0, n, sink);
				resampling.finish(sink);
				if (size[0] == 0) throw PcmSource.noAudio(file, src.container());
				return java.util.Arrays.copyOf(all[0], size[0]);
			}
		});
	}

	/** Chooses where the window starts, as a 16 kHz sample index, once the file is open (its rate is known only then). */
	private interface StartChooser {

		long start(PcmSource src);
	}

	/**
	 * Decodes [start - margin, start + 3 s + margin) at the file's rate, resamples it and cuts the window out.
	 * The segment starts on a frame that falls exactly on a 16 kHz sample (every 441 frames at 44.1 kHz), so the
	 * window holds the same samples as the whole file resampled would at that place, not a copy shifted by a fraction
	 * of a sample. {@code requestedSeconds} is non-null for user-chosen starts, for the error message.
	 */
	private static float[] readFrom(Path file, StartChooser chooser, Double requestedSeconds) throws IOException {
		try (PcmSource src = PcmSource.open(file)) {
			double rate = src.sampleRate();
			double framesPerSample = rate / AudioFrontEnd.SAMPLE_RATE;
			long start = chooser.start(src);
			double startFrame = start * framesPerSample;
			// frames per period of the two grids (441 frames = 160 samples at 44.1 kHz); 1 if the rate is fractional
			long gcd = rate == Math.rint(rate) ? gcd((long) rate, AudioFrontEnd.SAMPLE_RATE) : 0;
			long period = gcd > 0 ? (long) rate / gcd : 1;
			long margin = (long) Math.ceil(MARGIN_SECONDS * rate) + 64;
			long segmentStart = Math.max(0, (long) Math.floor((startFrame - margin) / period) * period);
			long skipped = src.skipFrames(segmentStart);
			if (skipped < segmentStart) throw beyondEnd(src, requestedSeconds);
			double lead = startFrame - segmentStart;
			int offset = (int) (gcd > 0 ? start - segmentStart / period * (AudioFrontEnd.SAMPLE_RATE / gcd) : Math.round(
				lead / framesPerSample));
			int want = (int) Math.ceil(lead + AudioFrontEnd.WINDOW_SECONDS * rate) + (int) margin;
			float[] segment = BufferMeter.floats(want);
			int got = 0;
			while (got < want) {
				int n = src.readMono(segment, got, want - got);
				if (n < 0) break;
				got += n;
			}
			if (segmentStart + got == 0) throw PcmSource.noAudio(file, src.container());
			if (got <= lead) throw beyondEnd(src, requestedSeconds);
			float[] y = Resampling.toModelRate(segment, 0, got, rate);
			int available = Math.min(AudioFrontEnd.WINDOW_SAMPLES, y.length - offset);
			if (available < 1) throw beyondEnd(src, requestedSeconds);
			checkFinite(src, segment, got, segmentStart);
			return AudioFrontEnd.tile(y, offset, available, AudioFrontEnd.WINDOW_SAMPLES);
		}
	}

	/**
	 * Float files can hold NaN or infinity (a damaged file, a buggy exporter); one of them would turn the whole
	 * normalised window into NaN, so refuse it with the time where it occurs.
	 */
	static void checkFinite(PcmSource src, float[] samples, int len, long firstFrame) throws AudioFormatException {
		int bad = AudioFrontEnd.firstNonFinite(samples, 0, len);
		if (bad >= 0) throw new AudioFormatException(src.file(), Reason.CORRUPT, "Audio file " + src.file() +
			" has a non-finite sample (" + samples[bad] + ") at " + src.seconds(firstFrame + bad) + ". The file is " +
			"damaged or was written with a bug; re-export it.");
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	/**
	 * The window starts after the end of the file. The file is opened again and read to its end to state its exact
	 * duration: a seek past the end of a truncated WAV would otherwise report a wrong one.
	 */
	private static AudioFormatException beyondEnd(PcmSource src, Double requestedSeconds) throws AudioFormatException {
		long totalFrames;
		try (PcmSource again = PcmSource.open(src.file())) {
			totalFrames = again.countToEnd();
		}
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
