package org.audiostyle.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One job of a jobs CSV: image, sound, strength and output, or, for a malformed line, the problem found. Paths are
 * kept as strings so that a row can travel to a cluster worker (a {@link Path} is not serializable).
 */
public final class BatchRow implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Position among the file's job rows, from 0 (header, blank and comment lines not counted). Shards use it. */
	public final long index;
	/** Line number in the file, from 1, for messages. */
	public final int line;
	private final String image, sound, output, problem;
	public final double strength;

	private BatchRow(long index, int line, String image, String sound, double strength, String output,
		String problem)
	{
		this.index = index;
		this.line = line;
		this.image = image;
		this.sound = sound;
		this.strength = strength;
		this.output = output;
		this.problem = problem;
	}

	public static BatchRow job(long index, int line, Path image, Path sound, double strength, Path output) {
		return new BatchRow(index, line, image.toString(), sound.toString(), strength, output.toString(), null);
	}

	/** A line that could not be parsed; it still counts as a row, so every shard split sees the same numbering. */
	public static BatchRow malformed(long index, int line, String problem) {
		return new BatchRow(index, line, null, null, 0, null, problem);
	}

	public boolean isMalformed() {
		return problem != null;
	}

	/** What is wrong with a malformed line, else null. */
	public String problem() {
		return problem;
	}

	public Path image() {
		return image == null ? null : Paths.get(image);
	}

	public Path sound() {
		return sound == null ? null : Paths.get(sound);
	}

	public Path output() {
		return output == null ? null : Paths.get(output);
	}

	@Override
	public String toString() {
		return isMalformed() ? "row " + index + " (line " + line + "): " + problem : "row " + index + " (line " +
			line + "): " + image + " + " + sound + " x" + strength + " -> " + output;
	}
}
