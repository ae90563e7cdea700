package org.audiostyle.stylize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock time spent in each named stage of one end-to-end run (decode, audio, reduce, network, upsample, encode,
 * write...), in the order the stages first ran; a stage that runs several times adds up. What {@code stylize
 * --verbose} and {@code bench --targets} print. Not thread-safe: one per run.
 */
public final class StageTimes {

	/** The stage names the engine and the command line use, in pipeline order. */
	public static final String MODEL = "model", DECODE = "decode", AUDIO = "audio", CONVERT = "convert",
		REDUCE = "reduce", NETWORK = "network", UPSAMPLE = "upsample", ENCODE = "encode", WRITE = "write";

	/** Records nothing: the default, so timing costs nothing when nobody asked for it. */
	public static final StageTimes NONE = new StageTimes(false);

	private final boolean on;
	private final Map<String, Long> nanos = new LinkedHashMap<>();

	private StageTimes(boolean on) {
		this.on = on;
	}

	/** An empty record. */
	public static StageTimes recording() {
		return new StageTimes(true);
	}

	public boolean isRecording() {
		return on;
	}

	/** Adds {@code ns} nanoseconds to {@code stage}. */
	public void add(String stage, long ns) {
		if (on) nanos.merge(stage, ns, Long::sum);
	}

	/** Runs {@code work}, adding its time to {@code stage}. */
	public <T> T time(String stage, Supplier<T> work) {
		if (!on) return work.get();
		long t0 = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			add(stage, System.nanoTime() - t0);
		}
	}

	/** Seconds spent in {@code stage} (0 if it never ran). */
	public double seconds(String stage) {
		Long n = nanos.get(stage);
		return n == null ? 0 : n / 1e9;
	}

	/** Seconds over all stages. */
	public double totalSeconds() {
		long s = 0;
		for (long n : nanos.values())
			s += n;
		return s / 1e9;
	}

	/** The stages in order, as recorded. */
	public Map<String, Long> nanos() {
		return java.util.Collections.unmodifiableMap(nanos);
	}

	/** One line, e.g. {@code decode 0.41 s, audio 0.20 s, ... (total 1.32 s)}. */
	@Override
	public String toString() {
		StringBuilder b = new StringBuilder();
		for (Map.Entry<String, Long> e : nanos.entrySet())
			b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT,
				"%.2f s", e.getValue() / 1e9));
		return b.append(String.format(Locale.ROOT, " (total %.2f s)", totalSeconds())).toString();
	}
}
