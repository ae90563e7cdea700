package org.audiostyle.pth;

import java.nio.ByteBuffer;

/**
 * Copies a tensor view (offset, sizes, strides) out of its storage bytes into a row-major Java array, converting the
 * element type. Every index is checked against the storage length first, so a crafted view cannot read outside it.
 */
final class TensorRebuilder {

	/** Java arrays hold at most about 2^31 elements. */
	static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

	private TensorRebuilder() {}

	/**
	 * @param storage the storage's bytes, exactly {@code ref.storage.numel * dtype.bytes} long, in the file's byte order
	 */
	static TensorData build(String name, TensorRef ref, ByteBuffer storage, String source) throws CheckpointException {
		DType dtype = ref.storage.dtype;
		long numel = 1;
		long lastIndex = ref.offset;
		try {
			for (int d = 0; d < ref.size.length; d++) {
				numel = Math.multiplyExact(numel, ref.size[d]);
				if (ref.size[d] > 0) lastIndex = Math.addExact(lastIndex, Math.multiplyExact(ref.size[d] - 1,
					ref.stride[d]));
			}
		}
		catch (ArithmeticException e) {
			throw new CheckpointException(bad(source, name, "its sizes and strides overflow"));
		}
		if (numel > MAX_ELEMENTS)
			throw new CheckpointException(bad(source, name, "it has " + numel + " elements, more than Java can hold"));
		if (numel > 0 && lastIndex >= ref.storage.numel)
			throw new CheckpointException(bad(source, name, "its view (offset " + ref.offset + ", sizes " +
				java.util.Arrays.toString(ref.size) + ", strides " + java.util.Arrays.toString(ref.stride) +
				") reaches element " + lastIndex + " of a storage of " + ref.storage.numel));
		int n = (int) numel;
		float[] values = new float[n];
		long[] longs = dtype == DType.INT64 ? new long[n] : null;
		if (dtype == DType.FLOAT32 && n > 0 && isContiguous(ref)) { // the usual case: one bulk copy
			ByteBuffer view = storage.duplicate().order(storage.order());
			view.position((int) (ref.offset * 4));
			view.asFloatBuffer().get(values);
			return new TensorData(name, ref.size, values, null, dtype);
		}
		int dims = ref.size.length;
		long[] index = new long[dims];
		long element = ref.offset;
		for (int i = 0; i < n; i++) {
			int byteIndex = (int) (element * dtype.bytes); // < storage length, checked above
			switch (dtype) {
				case FLOAT32:
					values[i] = storage.getFloat(byteIndex);
					break;
				case FLOAT16:
					values[i] = halfToFloat(storage.getShort(byteIndex));
					break;
				case BFLOAT16:
					values[i] = Float.intBitsToFloat((storage.getShort(byteIndex) & 0xffff) << 16);
					break;
				case INT64:
					longs[i] = storage.getLong(byteIndex);
					values[i] = longs[i];
					break;
				default:
					throw new IllegalStateException(dtype.name());
			}
			// odometer over the dimensions, last fastest (row-major output order)
			for (int d = dims - 1; d >= 0; d--) {
				if (++index[d] < ref.size[d]) {
					element += ref.stride[d];
					break;
				}
				element -= (index[d] - 1) * ref.stride[d];
				index[d] = 0;
			}
		}
		return new TensorData(name, ref.size, values, longs, dtype);
	}

	/** Row-major strides (dimensions of size 1 may have any stride). */
	private static boolean isContiguous(TensorRef ref) {
		long expected = 1;
		for (int d = ref.size.length - 1; d >= 0; d--) {
			if (ref.size[d] != 1 && ref.stride[d] != expected) return false;
			expected *= ref.size[d];
		}
		return true;
	}

	/** IEEE 754 binary16 to float (exact: every half value is a float). */
	static float halfToFloat(short h) {
		int bits = h & 0xffff;
		int sign = (bits & 0x8000) << 16;
		int exponent = (bits >>> 10) & 0x1f;
		int mantissa = bits & 0x3ff;
		if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
			float f = mantissa * 0x1p-24f;
			return sign != 0 ? -f : f;
		}
		if (exponent == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
		return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
	}

	private static String bad(String source, String name, String what) {
		return "Cannot load " + source + ": tensor '" + Py.quote(name) + "' is malformed: " + what +
			". The file is damaged or was not written by torch.save.";
	}
}
