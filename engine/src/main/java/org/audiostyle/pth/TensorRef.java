package org.audiostyle.pth;

/** A tensor as the pickle describes it: a view (offset, sizes, strides in elements) into a storage. */
final class TensorRef {

	final StorageRef storage;
	final long offset;
	final long[] size;
	final long[] stride;

	TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
		this.storage = storage;
		this.offset = offset;
		this.size = size;
		this.stride = stride;
	}
}
