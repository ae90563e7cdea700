package org.audiostyle.pth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes pickle opcodes by hand, to build hostile and unusual checkpoints for tests. Nothing is ever executed. */
final class PickleWriter {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	PickleWriter op(int... bytes) {
		for (int b : bytes)
			out.write(b);
		return this;
	}

	PickleWriter proto() {
		return op(0x80, 2);
	}

	PickleWriter global(String module, String name) {
		op('c');
		byte[] b = (module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
		out.write(b, 0, b.length);
		return this;
	}

	PickleWriter str(String s) {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		op('X');
		le(b.length, 4);
		out.write(b, 0, b.length);
		return this;
	}

	PickleWriter integer(long v) {
		if (v == (int) v) return op('J').le(v, 4);
		return op(0x8a, 8).le(v, 8); // LONG1
	}

	PickleWriter le(long v, int n) {
		for (int i = 0; i < n; i++)
			out.write((int) (v >>> (8 * i)) & 0xff);
		return this;
	}

	PickleWriter mark() {
		return op('(');
	}

	PickleWriter tuple() {
		return op('t');
	}

	/** A tuple of ints, e.g. a size or stride. */
	PickleWriter ints(long... v) {
		mark();
		for (long x : v)
			integer(x);
		return tuple();
	}

	/** ('storage', torch.<cls>, key, 'cpu', numel) BINPERSID. */
	PickleWriter storage(String cls, String key, long numel) {
		mark().str("storage").global("torch", cls).str(key).str("cpu").integer(numel).tuple();
		return op('Q');
	}

	/** _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict()). */
	PickleWriter tensor(String cls, String key, long numel, long offset, long[] size, long[] stride) {
		global("torch._utils", "_rebuild_tensor_v2").mark();
		storage(cls, key, numel).integer(offset).ints(size).ints(stride).op(0x89);
		global("collections", "OrderedDict").op(')', 'R');
		return tuple().op('R');
	}

	byte[] bytes() {
		return out.toByteArray();
	}

	/** A zip laid out like torch.save output: top/data.pkl, top/data/<key> and top/version. */
	static Path zip(Path file, String top, byte[] pickle, Map<String, byte[]> storages, Map<String, byte[]> extra)
		throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put(top + "/data.pkl", pickle);
		for (Map.Entry<String, byte[]> s : storages.entrySet())
			entries.put(top + "/data/" + s.getKey(), s.getValue());
		entries.put(top + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
		entries.putAll(extra);
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				z.putNextEntry(new ZipEntry(e.getKey()));
				z.write(e.getValue());
				z.closeEntry();
			}
		}
		return file;
	}

	static byte[] floatsLE(float... v) {
		ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float f : v)
			b.putFloat(f);
		return b.array();
	}
}
