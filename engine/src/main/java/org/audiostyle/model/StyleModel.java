package org.audiostyle.model;

import java.nio.file.Path;

import org.audiostyle.nn.NetworkConfig;

/**
 * A loaded model package: the manifest plus generator and audio-encoder weights. API SKELETON: the implementation
 * lands with the engine issue.
 */
public final class StyleModel implements AutoCloseable {

	private StyleModel() {}

	/** Loads a model directory or .zip; fails with a specific {@link ModelException}. */
	public static StyleModel load(Path path) throws ModelException {
		throw new UnsupportedOperationException("skeleton");
	}

	/** The model bundled with Audio Style. */
	public static StyleModel bundledDefault() throws ModelException {
		throw new UnsupportedOperationException("skeleton");
	}

	/** A seeded random-weight model of any configuration (tests, demos). */
	public static StyleModel random(NetworkConfig config, long seed) {
		throw new UnsupportedOperationException("skeleton");
	}

	public NetworkConfig config() {
		throw new UnsupportedOperationException("skeleton");
	}

	/** A short stable id: name plus the first hex digits of the weights' SHA-256. */
	public String id() {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Writes a package directory (or .zip when the path ends with .zip), atomically. */
	public void save(Path path) throws ModelException {
		throw new UnsupportedOperationException("skeleton");
	}

	@Override
	public void close() {}
}
