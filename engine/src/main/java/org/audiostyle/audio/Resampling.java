package org.audiostyle.audio;

import be.tarsos.dsp.resample.Resampler;

/**
 * Converts mono audio to the model's 16 kHz with TarsosDSP's high-quality band-limited resampler (a port of
 * libresample). Works in chunks so a long file never has to be in memory; the output is time-aligned with the input
 * (sample 0 stays at t = 0) and, after {@link #finish}, exactly round(n * 16000 / rate) samples long.
 */
final class Resampling {

	/** Receives resampled audio. */
	interface Sink {

		void accept(float[] samples, int off, int len) throws AudioFormatException;
	}

	/** Output samples per call into the resampler; also bounds what one {@link #push} of a chunk can emit at once. */
	static final int OUT_CHUNK = 8192;

	private static final float[] NO_INPUT = new float[0];

	private final double factor;
	private final Resampler resampler;
	private final float[] out;
	private long inCount;
	private long outCount;

	/** A resampler from {@code fromRate} to {@link AudioFrontEnd#SAMPLE_RATE}; a pass-through when they are equal. */
	Resampling(double fromRate) {
		this.factor = AudioFrontEnd.SAMPLE_RATE / fromRate;
		boolean same = fromRate == AudioFrontEnd.SAMPLE_RATE;
		this.resampler = same ? null : new Resampler(true, factor, factor);
		this.out = same ? null : BufferMeter.floats(OUT_CHUNK);
	}

	/** Resamples {@code in[off, off+len)} in one go (in-memory sounds, short segments of a file). */
	static float[] toModelRate(float[] in, int off, int len, double fromRate) {
		if (fromRate == AudioFrontEnd.SAMPLE_RATE) {
			float[] copy = BufferMeter.floats(len);
			System.arraycopy(in, off, copy, 0, len);
			return copy;
		}
		Resampling r = new Resampling(fromRate);
		float[] result = BufferMeter.floats((int) Math.round(len * r.factor));
		int[] at = { 0 };
		Sink sink = (s, o, n) -> {
			int keep = Math.min(n, result.length - at[0]);
			System.arraycopy(s, o, result, at[0], keep);
			at[0] += keep;
		};
		try {
			r.push(in, off, len, sink);
			r.finish(sink);
		}
		catch (AudioFormatException e) {
			throw new IllegalStateException("in-memory sink cannot fail", e);
		}
		return result;
	}

	/** Output samples per input sample. */
	double factor() {
		return factor;
	}

	/** Feeds more input; whatever output is ready goes to the sink. */
	void push(float[] in, int off, int len, Sink sink) throws AudioFormatException {
		inCount += len;
		if (resampler == null) {
			emit(in, off, len, sink);
			return;
		}
		run(in, off, len, false, sink);
	}

	/** Ends the input: flushes the filter's tail and trims the output to round(n * factor) samples. */
	void finish(Sink sink) throws AudioFormatException {
		if (resampler == null) return;
		run(NO_INPUT, 0, 0, true, sink);
	}

	private void run(float[] in, int off, int len, boolean last, Sink sink) throws AudioFormatException {
		while (true) {
			Resampler.Result r = resampler.process(factor, in, off, len, last, out, 0, out.length);
			off += r.inputSamplesConsumed;
			len -= r.inputSamplesConsumed;
			emit(out, 0, r.outputSamplesGenerated, sink);
			if (r.outputSamplesGenerated == 0 && (len == 0 || r.inputSamplesConsumed == 0)) {
				if (len > 0 && !last) throw new IllegalStateException("resampler stalled with " + len + " samples left");
				return;
			}
		}
	}

	/** Passes output on, never beyond round(inCount * factor): libresample's flush can add one sample. */
	private void emit(float[] s, int off, int len, Sink sink) throws AudioFormatException {
		long limit = Math.round(inCount * factor);
		int n = (int) Math.max(0, Math.min(len, limit - outCount));
		if (n > 0) sink.accept(s, off, n);
		outCount += n;
	}
}
