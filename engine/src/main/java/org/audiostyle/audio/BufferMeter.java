package org.audiostyle.audio;

/**
 * Counts the working buffers the streaming readers allocate, per thread, so tests can check that reading an hour-long
 * file holds a few seconds of samples at most. Arrays handed to the caller (the 48,000-sample windows) are not
 * counted: they are the result, not working memory. Cheap enough to leave on.
 */
final class BufferMeter {

	private static final class Counts {

		long largest;
		long total;
	}

	private static final ThreadLocal<Counts> COUNTS = ThreadLocal.withInitial(Counts::new);

	private BufferMeter() {}

	static float[] floats(int n) {
		record(n * 4L);
		return new float[n];
	}

	static byte[] bytes(int n) {
		record(n);
		return new byte[n];
	}

	private static void record(long bytes) {
		Counts c = COUNTS.get();
		c.total += bytes;
		c.largest = Math.max(c.largest, bytes);
	}

	/** Forgets what this thread allocated so far. */
	static void reset() {
		Counts c = COUNTS.get();
		c.largest = 0;
		c.total = 0;
	}

	/** Bytes of the largest single working buffer since {@link #reset()}. */
	static long largestBytes() {
		return COUNTS.get().largest;
	}

	/** Bytes of all working buffers allocated since {@link #reset()}. */
	static long totalBytes() {
		return COUNTS.get().total;
	}
}
