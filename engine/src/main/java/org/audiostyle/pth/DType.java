package org.audiostyle.pth;

/**
 * The element types a state dict may hold, named after the PyTorch storage classes that announce them in the pickle
 * ({@code torch.FloatStorage} ...). Only these four are accepted.
 */
public enum DType {
	FLOAT32("FloatStorage", 4),
	FLOAT16("HalfStorage", 2),
	BFLOAT16("BFloat16Storage", 2),
	/** 64-bit integers, e.g. BatchNorm's {@code num_batches_tracked}. */
	INT64("LongStorage", 8);

	/** The class name in module {@code torch}, as the pickle spells it. */
	public final String storageClass;
	/** Bytes per element in the storage data. */
	public final int bytes;

	DType(String storageClass, int bytes) {
		this.storageClass = storageClass;
		this.bytes = bytes;
	}

	/** The dtype of storage class {@code torch.<name>}, or null when it is not one of the accepted ones. */
	static DType ofStorageClass(String name) {
		for (DType d : values())
			if (d.storageClass.equals(name)) return d;
		return null;
	}

	public boolean isFloatingPoint() {
		return this != INT64;
	}
}
