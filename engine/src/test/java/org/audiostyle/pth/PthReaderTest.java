package org.audiostyle.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the PyTorch-written fixtures and compares them with what the reference script recorded. */
class PthReaderTest {

	@TempDir
	Path tmp;

	@Test
	void generatorMatchesScriptDump() throws Exception {
		PthCheckpoint c = PthReader.read(PthFixtures.path("tiny_net_G.pth"));
		assertTrue(c.format().contains("'tiny_net_G'"), c.format()); // older-style top folder: the file's stem
		assertTrue(c.notes().isEmpty());
		checkAgainstDump(c.tensors(), PthFixtures.manifest().getAsJsonArray("generator"), DType.FLOAT32);
		assertEquals(PthFixtures.manifest().get("generatorParameters").getAsLong() + filtElements(c.tensors()),
			c.totalElements());
	}

	@Test
	void audioMatchesScriptDumpIncludingBuffersAndInt64() throws Exception {
		PthCheckpoint c = PthReader.read(PthFixtures.path("tiny_net_Audio.pth"));
		checkAgainstDump(c.tensors(), PthFixtures.manifest().getAsJsonArray("audio"), null);
		TensorData tracked = c.tensors().get("AudioInconv.1.num_batches_tracked");
		assertEquals(DType.INT64, tracked.dtype());
		assertEquals(0, tracked.shape().length);
		assertEquals(2L, tracked.longValues()[0]); // two calibration batches in the script
		assertArrayEquals(new long[] { 257, 1, 512 }, c.tensors().get("stft.wsin").shape());
		assertArrayEquals(new long[] { 1, 512, 1 }, c.tensors().get("stft.window_mask").shape());
	}

	@Test
	void float16IsWidenedExactly() throws Exception {
		PthCheckpoint c = PthReader.read(PthFixtures.path("tiny_net_G_fp16.pth"));
		assertTrue(c.format().contains("'archive'"), c.format()); // the newer top folder name
		checkAgainstDump(c.tensors(), PthFixtures.manifest().getAsJsonArray("generatorFp16"), DType.FLOAT16);
	}

	@Test
	void nonContiguousViewsGiveTheSameValues() throws Exception {
		Map<String, TensorData> plain = PthReader.read(PthFixtures.path("tiny_net_G.pth")).tensors();
		Map<String, TensorData> views = PthReader.read(PthFixtures.path("tiny_net_G_noncontig.pth")).tensors();
		assertSameTensors(plain, views);
	}

	@Test
	void dataParallelPrefixIsStrippedWithANote() throws Exception {
		Map<String, TensorData> plain = PthReader.read(PthFixtures.path("tiny_net_G.pth")).tensors();
		PthCheckpoint c = PthReader.read(PthFixtures.path("tiny_net_G_module.pth"));
		assertSameTensors(plain, c.tensors());
		assertEquals(1, c.notes().size());
		assertTrue(c.notes().get(0).contains("module."), c.notes().get(0));
	}

	@Test
	void legacyFormatIsReadToo() throws Exception {
		Map<String, TensorData> plain = PthReader.read(PthFixtures.path("tiny_net_G.pth")).tensors();
		PthCheckpoint c = PthReader.read(PthFixtures.path("tiny_net_G_legacy.pth"));
		assertTrue(c.format().startsWith("legacy"), c.format());
		assertSameTensors(plain, c.tensors());
	}

	@Test
	void maliciousPickleIsRefusedNamingTheGlobal() {
		CheckpointException e = assertThrows(CheckpointException.class, () -> PthReader.read(PthFixtures.path(
			"malicious_os_system.pth")));
		assertTrue(e.getMessage().contains("'os.system'"), e.getMessage());
		assertTrue(e.getMessage().contains("Nothing from the file was run"), e.getMessage());
	}

	@Test
	void truncatedZipGivesAClearError() throws Exception {
		byte[] all = Files.readAllBytes(PthFixtures.path("tiny_net_G.pth"));
		Path cut = tmp.resolve("cut.pth");
		Files.write(cut, Arrays.copyOf(all, all.length / 2));
		CheckpointException e = assertThrows(CheckpointException.class, () -> PthReader.read(cut));
		assertTrue(e.getMessage().contains("cut.pth") && e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void truncatedLegacyFileGivesAClearError() throws Exception {
		byte[] all = Files.readAllBytes(PthFixtures.path("tiny_net_G_legacy.pth"));
		Path cut = tmp.resolve("cut_legacy.pth");
		Files.write(cut, Arrays.copyOf(all, all.length - 100));
		CheckpointException e = assertThrows(CheckpointException.class, () -> PthReader.read(cut));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void otherFilesAreRecognisedAndRefused() throws Exception {
		Path text = tmp.resolve("notes.pth");
		Files.write(text, "hello".getBytes());
		assertTrue(assertThrows(CheckpointException.class, () -> PthReader.read(text)).getMessage().contains(
			"not a PyTorch checkpoint"));
		byte[] tar = new byte[1024];
		System.arraycopy("ustar".getBytes(), 0, tar, 257, 5);
		Path oldTar = tmp.resolve("old.pth");
		Files.write(oldTar, tar);
		assertTrue(assertThrows(CheckpointException.class, () -> PthReader.read(oldTar)).getMessage().contains(
			"torch.save(torch.load("));
		Path missing = tmp.resolve("missing.pth");
		assertTrue(assertThrows(CheckpointException.class, () -> PthReader.read(missing)).getMessage().contains(
			"does not exist"));
	}

	// ---- helpers ----------------------------------------------------------------------------------------------------

	/** Same keys in the same order, same shapes, same values to the bit. */
	static void assertSameTensors(Map<String, TensorData> expected, Map<String, TensorData> actual) {
		assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
		for (TensorData e : expected.values()) {
			TensorData a = actual.get(e.name());
			assertEquals(e.name(), a.name());
			assertArrayEquals(e.shape(), a.shape(), e.name());
			assertArrayEquals(e.values(), a.values(), e.name());
		}
	}

	/** Keys in order, shapes, dtypes, first values (exact) and sums (to float precision) against the JSON dump. */
	private static void checkAgainstDump(Map<String, TensorData> tensors, JsonArray dump, DType floatType) {
		List<String> keys = new ArrayList<>();
		for (JsonElement el : dump)
			keys.add(el.getAsJsonObject().get("key").getAsString());
		assertEquals(keys, new ArrayList<>(tensors.keySet()));
		for (JsonElement el : dump) {
			JsonObject d = el.getAsJsonObject();
			TensorData t = tensors.get(d.get("key").getAsString());
			assertNotNull(t);
			assertArrayEquals(PthFixtures.longs(d.getAsJsonArray("shape")), t.shape(), t.name());
			assertEquals(d.get("dtype").getAsString(), t.dtype().name().toLowerCase(java.util.Locale.ROOT), t.name());
			if (floatType != null && t.dtype().isFloatingPoint()) assertEquals(floatType, t.dtype());
			if (t.dtype() == DType.INT64) assertNotNull(t.longValues());
			else assertNull(t.longValues());
			JsonArray first = d.getAsJsonArray("first");
			for (int i = 0; i < first.size(); i++)
				assertEquals(first.get(i).getAsDouble(), t.values()[i], 0.0, t.name() + "[" + i + "]");
			double sum = 0, abs = 0;
			for (float v : t.values()) {
				sum += v;
				abs += Math.abs(v);
			}
			assertEquals(d.get("sum").getAsDouble(), sum, 1e-9 * abs + 1e-12, t.name());
		}
	}

	/** The blur filters are buffers, in the state dict but not counted as parameters. */
	private static long filtElements(Map<String, TensorData> tensors) {
		return tensors.values().stream().filter(t -> t.name().endsWith(".filt")).mapToLong(TensorData::numel).sum();
	}

	@Test
	void halfConversionCoversSpecialValues() throws IOException {
		assertEquals(0f, TensorRebuilder.halfToFloat((short) 0x0000));
		assertEquals(-0f, TensorRebuilder.halfToFloat((short) 0x8000));
		assertEquals(1f, TensorRebuilder.halfToFloat((short) 0x3c00));
		assertEquals(-2f, TensorRebuilder.halfToFloat((short) 0xc000));
		assertEquals(65504f, TensorRebuilder.halfToFloat((short) 0x7bff));
		assertEquals(0x1p-24f, TensorRebuilder.halfToFloat((short) 0x0001)); // smallest subnormal
		assertEquals(0x1p-14f, TensorRebuilder.halfToFloat((short) 0x0400)); // smallest normal
		assertEquals(Float.POSITIVE_INFINITY, TensorRebuilder.halfToFloat((short) 0x7c00));
		assertTrue(Float.isNaN(TensorRebuilder.halfToFloat((short) 0x7e00)));
	}
}
