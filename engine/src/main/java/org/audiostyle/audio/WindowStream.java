package org.audiostyle.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Consecutive 3 s windows of a recording, one every hop, for sound-driven movies. The file is decoded once, front to
 * back; the resampled 16 kHz signal goes through a ring buffer that holds one window plus one decoding step, so
 * memory does not grow with the file (an hour-long file is fine). Window k starts at round(k * hop * 16000) samples;
 * windows are produced while their start lies inside the recording, and the last ones are tiled to 3 s if the
 * recording ends inside them. Not thread-safe.
 */
public final class WindowStream implements Closeable, Iterable<SoundWindow> {

	/** Room for one window plus what one decoding step can add before we look again. */
	private static final int RING = AudioFrontEnd.WINDOW_SAMPLES + 4 * Resampling.OUT_CHUNK;

	private final PcmSource source;
	private final double hopSeconds;
	private final Resampling resampling;
	/** Native frames decoded per step, chosen so one step adds at most OUT_CHUNK samples at 16 kHz. */
	private final int stepFrames;
	private final float[] chunk;
	private final float[] ring;
	private final Resampling.Sink toRing;
	/** 16 kHz samples produced so far; sample i lives at ring[i % RING]. */
	private long produced;
	private boolean ended;
	private int next;
	private boolean closed;

	WindowStream(PcmSource source, double hopSeconds) {
		this.source = source;
		this.hopSeconds = hopSeconds;
		this.resampling = new Resampling(source.sampleRate());
		this.stepFrames = (int) Math.max(1, Math.min(PcmSource.CHUNK_FRAMES, Math.floor(Resampling.OUT_CHUNK /
			resampling.factor())));
		this.chunk = BufferMeter.floats(stepFrames);
		this.ring = BufferMeter.floats(RING);
		this.toRing = (s, off, len) -> {
			for (int i = 0; i < len; i++)
				ring[(int) ((produced + i) % RING)] = s[off + i];
			produced += len;
		};
	}

	public double hopSeconds() {
		return hopSeconds;
	}

	/** The file's own sample rate. */
	public float sourceSampleRate() {
		return source.sampleRate();
	}

	/** The recording's duration, known once the stream has reached its end (NaN before). */
	public double durationSeconds() {
		return ended ? produced / (double) AudioFrontEnd.SAMPLE_RATE : Double.NaN;
	}

	/** The next window, or null after the last one. */
	public SoundWindow read() throws IOException {
		if (closed) throw new IllegalStateException("Window stream of " + source.file() + " is closed.");
		return EngineClassLoader.call(this::readNext);
	}

	private SoundWindow readNext() throws AudioFormatException {
		long start = Math.round(next * hopSeconds * AudioFrontEnd.SAMPLE_RATE);
		long end = start + AudioFrontEnd.WINDOW_SAMPLES;
		while (produced < end && !ended) {
			int n = source.readMono(chunk, 0, stepFrames);
			if (n > 0) resampling.push(chunk, 0, n, toRing);
			else {
				resampling.finish(toRing);
				ended = true;
				if (produced == 0) throw PcmSource.noAudio(source.file(), source.container());
			}
		}
		if (start >= produced) return null; // the recording ended before this window starts
		int available = (int) Math.min(AudioFrontEnd.WINDOW_SAMPLES, produced - start);
		float[] content = new float[available];
		for (int i = 0; i < available; i++)
			content[i] = ring[(int) ((start + i) % RING)];
		float[] window = AudioFrontEnd.tile(content, 0, available, AudioFrontEnd.WINDOW_SAMPLES);
		return new SoundWindow(next++, start / (double) AudioFrontEnd.SAMPLE_RATE, window,
			available < AudioFrontEnd.WINDOW_SAMPLES);
	}

	/** The remaining windows; decoding errors surface as {@link UncheckedIOException}. */
	@Override
	public Iterator<SoundWindow> iterator() {
		return new Iterator<>() {

			private SoundWindow pending;

			@Override
			public boolean hasNext() {
				if (pending == null) {
					try {
						pending = read();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
				return pending != null;
			}

			@Override
			public SoundWindow next() {
				if (!hasNext()) throw new NoSuchElementException();
				SoundWindow w = pending;
				pending = null;
				return w;
			}
		};
	}

	@Override
	public void close() {
		closed = true;
		source.close();
	}
}
