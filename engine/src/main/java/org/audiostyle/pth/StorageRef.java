package org.audiostyle.pth;

/** A storage named by a persistent id: which data record holds it, its element type and its element count. */
final class StorageRef {

	final DType dtype;
	/** The storage's record name ({@code data/<key>} in the zip format). */
	final String key;
	/** The device it was saved from ("cpu", "cuda:0", ...); irrelevant here, kept for messages. */
	final String location;
	final long numel;

	StorageRef(DType dtype, String key, String location, long numel) {
		this.dtype = dtype;
		this.key = key;
		this.location = location;
		this.numel = numel;
	}
}
