package org.audiostyle.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made pickles: what a hostile or unusual file can contain, and what the reader does with it. */
class RestrictedUnpicklerTest {

	@TempDir
	Path tmp;

	private static Object run(byte[] pickle) throws CheckpointException {
		return new RestrictedUnpickler(pickle, 0, pickle.length, "test.pkl", RestrictedUnpickler.PidStyle.ZIP).load();
	}

	private static String refusal(PickleWriter w) {
		return assertThrows(CheckpointException.class, () -> run(w.bytes())).getMessage();
	}

	@Test
	void unknownGlobalsAreRefusedByName() {
		String m = refusal(new PickleWriter().proto().global("builtins", "eval").str("1").op(0x85, 'R', '.'));
		assertTrue(m.contains("'builtins.eval'"), m);
		m = refusal(new PickleWriter().proto().str("subprocess").str("Popen").op(0x93, '.'));
		assertTrue(m.contains("'subprocess.Popen'"), m);
		m = refusal(new PickleWriter().proto().global("torch.storage", "_load_from_bytes").op('.'));
		assertTrue(m.contains("'torch.storage._load_from_bytes'"), m);
	}

	@Test
	void objectBuildingOpcodesAreRefusedByName() {
		String m = refusal(new PickleWriter().proto().global("collections", "OrderedDict").op(')', 0x81, '.'));
		assertTrue(m.contains("0x81 (NEWOBJ)"), m);
		m = refusal(new PickleWriter().proto().mark().op('i').op("os\nsystem\n".getBytes(StandardCharsets.US_ASCII)[0]));
		assertTrue(m.contains("(INST)"), m);
		m = refusal(new PickleWriter().proto().op(0x82, 1, '.'));
		assertTrue(m.contains("(EXT1)"), m);
	}

	@Test
	void allowedGlobalsOnlyDoTheirOneJob() {
		String m = refusal(new PickleWriter().proto().global("torch", "FloatStorage").op(')', 'R', '.'));
		assertTrue(m.contains("only valid inside a storage id"), m);
		m = refusal(new PickleWriter().proto().global("collections", "OrderedDict").str("x").op(0x85, 'R', '.'));
		assertTrue(m.contains("OrderedDict is called with arguments"), m);
		// BUILD on a plain dict would set attributes Python cannot set
		m = refusal(new PickleWriter().proto().op('}', '}', 'b', '.'));
		assertTrue(m.contains("BUILD"), m);
	}

	@Test
	void craftedLengthsFailWithoutAllocating() {
		// claims a 2 GB string in a 12-byte pickle
		String m = refusal(new PickleWriter().proto().op('X').le(0x7fffffffL, 4).op('.'));
		assertTrue(m.contains("ends early"), m);
		m = refusal(new PickleWriter().proto().op(0x8d).le(Long.MAX_VALUE, 8).op('.'));
		assertTrue(m.contains("ends early"), m);
		m = refusal(new PickleWriter().proto().op(0x95).le(1L << 40, 8).op('.'));
		assertTrue(m.contains("ends early"), m);
		// a GLOBAL name without end
		byte[] longName = new byte[1000];
		java.util.Arrays.fill(longName, (byte) 'a');
		m = refusal(new PickleWriter().proto().op('c').op(toInts(longName)));
		assertTrue(m.contains("longer than 256"), m);
	}

	@Test
	void stackAndMemoMisuseIsCaught() {
		assertTrue(refusal(new PickleWriter().proto().op('R', '.')).contains("empty stack"));
		assertTrue(refusal(new PickleWriter().proto().op('h', 7, '.')).contains("memo entry 7"));
		assertTrue(refusal(new PickleWriter().proto().op('t', '.')).contains("MARK"));
		assertTrue(refusal(new PickleWriter().proto().op(')', ')', '.')).contains("left over"));
		// values below a MARK cannot be popped from above it
		assertTrue(refusal(new PickleWriter().proto().op(')', '(', 0x85, '.')).contains("empty stack"));
		// a list is not a dict key
		assertTrue(refusal(new PickleWriter().proto().op('}', ']', 'K', 1, 's', '.')).contains("dict key is a list"));
	}

	@Test
	void deeplyNestedTuplesAreRefused() {
		PickleWriter w = new PickleWriter().proto().op(')');
		for (int i = 0; i < 100; i++)
			w.op(0x85);
		assertTrue(refusal(w.op('.')).contains("nested"));
	}

	@Test
	void plainValuesRoundTrip() throws Exception {
		// {'a': (1, -2, 300, 2**40, 1.5, True, None), 'b': [u'\u00e9']}
		PickleWriter w = new PickleWriter().proto().op('}', '(').str("a").mark().op('K', 1).integer(-2).op('M').le(
			300, 2).op(0x8a, 6).le(1L << 40, 6).op('G').op(toInts(ByteBuffer.allocate(8).putDouble(1.5).array())).op(
				0x88, 'N', 't').str("b").op(']').str("\u00e9").op('a', 'u', '.');
		Py.Dict d = (Py.Dict) run(w.bytes());
		Py.Tuple a = (Py.Tuple) d.items.get("a");
		assertEquals(1L, a.get(0));
		assertEquals(-2L, a.get(1));
		assertEquals(300L, a.get(2));
		assertEquals(1L << 40, a.get(3));
		assertEquals(1.5, a.get(4));
		assertEquals(Boolean.TRUE, a.get(5));
		assertEquals(Py.NONE, a.get(6));
		assertEquals(Collections.singletonList("\u00e9"), d.items.get("b"));
	}

	// ---- whole files ----------------------------------------------------------------------------------------------

	private Path stateDict(String name, PickleWriter tensors, Map<String, byte[]> storages) throws Exception {
		byte[] pkl = new PickleWriter().proto().op('}', '(').op(toInts(tensors.bytes())).op('u', '.').bytes();
		return PickleWriter.zip(tmp.resolve(name), "archive", pkl, storages, Collections.emptyMap());
	}

	@Test
	void bfloat16OffsetAndStridesAreHonoured() throws Exception {
		// storage of 8 bfloat16 values 0..7; tensor = storage[1:7].view(2,3) transposed -> shape (3,2), strides (1,3)
		ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 8; i++)
			b.putShort((short) (Float.floatToIntBits(i) >>> 16));
		PickleWriter t = new PickleWriter().str("w").tensor("BFloat16Storage", "0", 8, 1, new long[] { 3, 2 },
			new long[] { 1, 3 });
		TensorData w = PthReader.read(stateDict("bf16.pth", t, Collections.singletonMap("0", b.array()))).tensors()
			.get("w");
		assertEquals(DType.BFLOAT16, w.dtype());
		assertArrayEquals(new long[] { 3, 2 }, w.shape());
		assertArrayEquals(new float[] { 1, 4, 2, 5, 3, 6 }, w.values());
	}

	@Test
	void expandedTensorsWithZeroStrideWork() throws Exception {
		PickleWriter t = new PickleWriter().str("e").tensor("FloatStorage", "0", 2, 0, new long[] { 2, 3 },
			new long[] { 1, 0 });
		TensorData e = PthReader.read(stateDict("expand.pth", t, Collections.singletonMap("0", PickleWriter.floatsLE(
			5, 7)))).tensors().get("e");
		assertArrayEquals(new float[] { 5, 5, 5, 7, 7, 7 }, e.values());
	}

	@Test
	void emptyAndScalarTensorsWork() throws Exception {
		PickleWriter t = new PickleWriter().str("empty").tensor("FloatStorage", "0", 2, 2, new long[] { 0, 3 },
			new long[] { 3, 1 }).str("scalar").tensor("FloatStorage", "0", 2, 1, new long[0], new long[0]);
		Map<String, TensorData> m = PthReader.read(stateDict("small.pth", t, Collections.singletonMap("0",
			PickleWriter.floatsLE(5, 7)))).tensors();
		assertEquals(0, m.get("empty").numel());
		assertArrayEquals(new long[] { 0, 3 }, m.get("empty").shape());
		assertArrayEquals(new float[] { 7 }, m.get("scalar").values());
		assertEquals(0, m.get("scalar").shape().length);
	}

	@Test
	void viewsOutsideTheirStorageAreRefused() throws Exception {
		PickleWriter t = new PickleWriter().str("w").tensor("FloatStorage", "0", 4, 2, new long[] { 2, 2 },
			new long[] { 2, 1 });
		Path p = stateDict("oob.pth", t, Collections.singletonMap("0", PickleWriter.floatsLE(1, 2, 3, 4)));
		String m = assertThrows(CheckpointException.class, () -> PthReader.read(p)).getMessage();
		assertTrue(m.contains("tensor 'w' is malformed") && m.contains("reaches element 5"), m);
		// overflowing sizes
		PickleWriter big = new PickleWriter().str("w").tensor("FloatStorage", "0", 4, 0, new long[] { 1L << 31,
			1L << 31, 1L << 31 }, new long[] { 1, 1, 1 });
		Path p2 = stateDict("huge.pth", big, Collections.singletonMap("0", PickleWriter.floatsLE(1, 2, 3, 4)));
		m = assertThrows(CheckpointException.class, () -> PthReader.read(p2)).getMessage();
		assertTrue(m.contains("overflow"), m);
	}

	@Test
	void storageSizeMustMatchItsRecord() throws Exception {
		PickleWriter t = new PickleWriter().str("w").tensor("FloatStorage", "0", 10, 0, new long[] { 2 },
			new long[] { 1 });
		Path p = stateDict("short.pth", t, Collections.singletonMap("0", PickleWriter.floatsLE(1, 2)));
		String m = assertThrows(CheckpointException.class, () -> PthReader.read(p)).getMessage();
		assertTrue(m.contains("storage '0' holds 8 bytes"), m);
		// a huge declared storage in a small file is refused before it is read
		PickleWriter bomb = new PickleWriter().str("w").tensor("FloatStorage", "0", 100000000, 0, new long[] { 2 },
			new long[] { 1 });
		Path p3 = stateDict("bomb.pth", bomb, Collections.singletonMap("0", PickleWriter.floatsLE(1, 2)));
		m = assertThrows(CheckpointException.class, () -> PthReader.read(p3)).getMessage();
		assertTrue(m.contains("64 times the file size"), m);
		PickleWriter missing = new PickleWriter().str("w").tensor("FloatStorage", "9", 2, 0, new long[] { 2 },
			new long[] { 1 });
		Path p2 = stateDict("missing.pth", missing, Collections.singletonMap("0", PickleWriter.floatsLE(1, 2)));
		m = assertThrows(CheckpointException.class, () -> PthReader.read(p2)).getMessage();
		assertTrue(m.contains("storage '9'") && m.contains("missing"), m);
	}

	@Test
	void bigEndianFilesAreRead() throws Exception {
		ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(1.25f).putFloat(-3f);
		byte[] pkl = new PickleWriter().proto().op('}').str("w").tensor("FloatStorage", "0", 2, 0, new long[] { 2 },
			new long[] { 1 }).op('s', '.').bytes();
		Map<String, byte[]> extra = new LinkedHashMap<>();
		extra.put("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
		Path p = PickleWriter.zip(tmp.resolve("be.pth"), "archive", pkl, Collections.singletonMap("0", b.array()),
			extra);
		assertArrayEquals(new float[] { 1.25f, -3f }, PthReader.read(p).tensors().get("w").values());
	}

	@Test
	void nonStateDictContentsGetHelpfulMessages() throws Exception {
		// a training checkpoint: {'epoch': 3}
		byte[] pkl = new PickleWriter().proto().op('}').str("epoch").op('K', 3, 's', '.').bytes();
		Path p = PickleWriter.zip(tmp.resolve("train.pth"), "archive", pkl, Collections.emptyMap(),
			Collections.emptyMap());
		String m = assertThrows(CheckpointException.class, () -> PthReader.read(p)).getMessage();
		assertTrue(m.contains("'epoch' holds a int") && m.contains("training checkpoint"), m);
		// a list at the top
		byte[] list = new PickleWriter().proto().op(']', '.').bytes();
		Path p2 = PickleWriter.zip(tmp.resolve("list.pth"), "archive", list, Collections.emptyMap(),
			Collections.emptyMap());
		assertTrue(assertThrows(CheckpointException.class, () -> PthReader.read(p2)).getMessage().contains(
			"holds a list"));
		// TorchScript
		Map<String, byte[]> ts = new LinkedHashMap<>();
		ts.put("m/constants.pkl", list);
		Path p3 = PickleWriter.zip(tmp.resolve("script.pt"), "m", list, Collections.emptyMap(), ts);
		assertTrue(assertThrows(CheckpointException.class, () -> PthReader.read(p3)).getMessage().contains(
			"TorchScript"));
	}

	private static int[] toInts(byte[] b) {
		int[] r = new int[b.length];
		for (int i = 0; i < b.length; i++)
			r[i] = b[i] & 0xff;
		return r;
	}
}
