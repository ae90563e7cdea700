package org.audiostyle.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Reads the tensors of a weights file in DJL's NDList encoding (what {@code NDList.encode} writes: a count, then per
 * tensor the "NDAR" header of encode versions 1 to 3 — name, sparse format, data type, shape, byte order — and its
 * bytes) as views into the file's bytes, without creating an NDArray per tensor.
 *
 * <p>Why not {@code NDList.decode}: it copies every tensor through a stream into its own direct buffer, then into a
 * tensor, and the loader then copied it out again to check it and into the network's parameter: for the bundled model
 * (21 MB) that was 1.2 of the 1.7 s a model load took (docs/end-to-end-speed.md). Here each tensor is copied once,
 * into the native buffer its parameter keeps.
 */
final class TensorRecords {

	/** One tensor of the file: its key, type, shape, and its bytes (a view with the file's byte order). */
	static final class Record {
		final String name;
		final DataType dataType;
		final Shape shape;
		final ByteBuffer data;

		Record(String name, DataType dataType, Shape shape, ByteBuffer data) {
			this.name = name;
			this.dataType = dataType;
			this.shape = shape;
			this.data = data;
		}
	}

	private static final String MAGIC = "NDAR";

	private TensorRecords() {}

	/**
	 * Every tensor of {@code file}, in file order. Fails with {@link IllegalArgumentException} (saying what is wrong)
	 * when the bytes are not this encoding or are cut short.
	 */
	static List<Record> read(byte[] file) {
		ByteBuffer all = ByteBuffer.wrap(file);
		try {
			int count = all.getInt();
			if (count < 0 || count > file.length / 8) throw new IllegalArgumentException("bad tensor count " + count);
			List<Record> records = new ArrayList<>(count);
			for (int i = 0; i < count; i++)
				records.add(record(all, i));
			if (all.hasRemaining())
				throw new IllegalArgumentException(all.remaining() + " bytes after the last of " + count + " tensors");
			return records;
		}
		catch (BufferUnderflowException e) {
			throw new IllegalArgumentException("the file ends inside a tensor (cut short?)", e);
		}
	}

	private static Record record(ByteBuffer b, int index) {
		String magic = utf(b);
		if (!MAGIC.equals(magic)) throw new IllegalArgumentException("tensor " + index + " does not start with " + MAGIC);
		int version = b.getInt();
		if (version < 1 || version > 3)
			throw new IllegalArgumentException("tensor " + index + " has encode version " + version + " (1 to 3 known)");
		String name = null;
		if (version > 1 && b.get() == 1) name = utf(b);
		utf(b); // sparse format: weights are dense
		DataType type;
		try {
			type = DataType.valueOf(utf(b));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("tensor " + name + " has an unknown data type", e);
		}
		Shape shape = shape(b);
		ByteOrder order = ByteOrder.nativeOrder();
		if (version > 2) order = b.get() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		int length = b.getInt();
		long want = shape.size() * type.getNumOfBytes();
		if (length != want)
			throw new IllegalArgumentException("tensor " + name + " of shape " + shape + " holds " + length +
				" bytes, not " + want);
		if (length > b.remaining()) throw new BufferUnderflowException();
		ByteBuffer data = b.slice().limit(length).order(order);
		b.position(b.position() + length);
		return new Record(name, type, shape, data);
	}

	private static Shape shape(ByteBuffer b) {
		int dims = b.getInt();
		if (dims < 0 || dims > 16) throw new IllegalArgumentException("a tensor has " + dims + " dimensions");
		long[] size = new long[dims];
		for (int d = 0; d < dims; d++) {
			size[d] = b.getLong();
			if (size[d] < 0) throw new IllegalArgumentException("a tensor has a negative size " + size[d]);
		}
		int layout = b.getInt();
		if (layout < 0 || layout > 16) throw new IllegalArgumentException("a tensor has " + layout + " layout letters");
		char[] letters = new char[layout];
		for (int i = 0; i < layout; i++)
			letters[i] = b.getChar();
		return layout == 0 ? new Shape(size) : new Shape(size, new String(letters));
	}

	/** {@code DataInputStream.readUTF}'s encoding (a 2-byte length, then the bytes); names here are ASCII. */
	private static String utf(ByteBuffer b) {
		int n = Short.toUnsignedInt(b.getShort());
		byte[] s = new byte[n];
		b.get(s);
		return new String(s, StandardCharsets.UTF_8);
	}
}
