package org.audiostyle.batch;

/**
 * One of N disjoint parts of a job list: row k (counted from 0) belongs to shard k mod N. The split depends only on
 * the row numbers, so N workers that each run one shard together do exactly the rows of one unsharded run.
 */
public final class Shard {

	/** The whole list (shard 0 of 1). */
	public static final Shard ALL = new Shard(0, 1);

	public final int index, count;

	private Shard(int index, int count) {
		this.index = index;
		this.count = count;
	}

	/**
	 * Parses {@code I/N} with 0 &lt;= I &lt; N.
	 *
	 * @param option the option name, for the message
	 * @throws IllegalArgumentException with a one-line message naming the option and the fix
	 */
	public static Shard parse(String option, String text) {
		String fix = option + " '" + text + "': expected I/N, shard I of N counted from 0 (0 <= I < N), e.g. " +
			option + " 0/4 ... " + option + " 3/4";
		String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
		if (parts.length != 2) throw new IllegalArgumentException(fix);
		int i, n;
		try {
			i = Integer.parseInt(parts[0].strip());
			n = Integer.parseInt(parts[1].strip());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(fix);
		}
		if (n < 1) throw new IllegalArgumentException(fix.replace(": expected", ": N must be at least 1; expected"));
		if (i < 0 || i >= n) throw new IllegalArgumentException(fix.replace(": expected", ": I must be 0.." + (n - 1) +
			"; expected"));
		return new Shard(i, n);
	}

	public boolean contains(BatchRow row) {
		return row.index % count == index;
	}

	public boolean isAll() {
		return count == 1;
	}

	/** For file names: {@code shard-I-of-N}. */
	public String tag() {
		return "shard-" + index + "-of-" + count;
	}

	@Override
	public String toString() {
		return index + "/" + count;
	}
}
