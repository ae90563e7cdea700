package org.audiostyle.batch;

import java.nio.file.NoSuchFileException;

/** What became of one row: written, skipped (a finished output was already there) or failed, and how long it took. */
public final class RowResult {

	public enum Status {
		OK, SKIPPED, FAILED;

		/** Lower case, as reports write it. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	public final BatchRow row;
	public final Status status;
	public final double seconds;
	/** Why the row failed, else null. */
	public final Exception error;

	RowResult(BatchRow row, Status status, double seconds, Exception error) {
		this.row = row;
		this.status = status;
		this.seconds = seconds;
		this.error = error;
	}

	/** A row that failed before it could run (e.g. a worker that cannot load the model). */
	public static RowResult failed(BatchRow row, Exception error) {
		return new RowResult(row, Status.FAILED, 0, error);
	}

	/** A one-line reason for a failed row (empty otherwise), for callers without their own error wording. */
	public String errorText() {
		if (error == null) return "";
		if (error instanceof NoSuchFileException) return "file not found: " + error.getMessage();
		String m = error.getMessage();
		return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
	}
}
