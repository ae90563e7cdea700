package org.audiostyle.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Key and shape checking of the importer, on the tiny fixtures and edited copies of them. */
class CheckpointImporterTest {

	private static PthCheckpoint read(String name) throws CheckpointException {
		return PthReader.read(PthFixtures.path(name));
	}

	/** A copy of a checkpoint with its tensor map edited. */
	private static PthCheckpoint edited(PthCheckpoint c, LinkedHashMap<String, TensorData> tensors) {
		return new PthCheckpoint(c.source(), c.format(), tensors, new ArrayList<>());
	}

	@Test
	void everyVariantOfTheGeneratorImportsToTheSameTensors() throws Exception {
		PthCheckpoint audio = read("tiny_net_Audio.pth");
		ImportResult plain = CheckpointImporter.importCheckpoints(read("tiny_net_G.pth"), audio, false);
		assertTrue(plain.report().contains("Ignored 20 BatchNorm num_batches_tracked"), plain.report());
		for (String variant : new String[] { "tiny_net_G_noncontig.pth", "tiny_net_G_module.pth",
			"tiny_net_G_legacy.pth" }) {
			ImportResult r = CheckpointImporter.importCheckpoints(read(variant), audio, false);
			assertEquals(plain.config(), r.config(), variant);
			PthReaderTest.assertSameTensors(plain.generatorTensors(), r.generatorTensors());
		}
		ImportResult module = CheckpointImporter.importCheckpoints(read("tiny_net_G_module.pth"), audio, false);
		assertTrue(module.notes().stream().anyMatch(n -> n.contains("module.")), module.report());
	}

	@Test
	void missingAndUnexpectedKeysAreListedAndRefused() throws Exception {
		PthCheckpoint g = read("tiny_net_G.pth");
		PthCheckpoint a = read("tiny_net_Audio.pth");
		LinkedHashMap<String, TensorData> gt = g.copyOfTensors();
		gt.remove("model_up.5.bias");
		TensorData extra = gt.get("model_up.9.bias");
		gt.put("extra_head.bias", extra.renamed("extra_head.bias"));
		LinkedHashMap<String, TensorData> at = a.copyOfTensors();
		at.remove("AudioLayer3.0.downsample.1.running_mean");
		PthCheckpoint g2 = edited(g, gt), a2 = edited(a, at);
		String m = assertThrows(CheckpointException.class, () -> CheckpointImporter.importCheckpoints(g2, a2, false))
			.getMessage();
		assertTrue(m.contains("Missing from the generator file (1): model_up.5.bias"), m);
		assertTrue(m.contains("Unexpected in the generator file (1): extra_head.bias"), m);
		assertTrue(m.contains("Missing from the audio file (1): AudioLayer3.0.downsample.1.running_mean"), m);
		assertTrue(m.contains("partial import"), m);

		ImportResult r = CheckpointImporter.importCheckpoints(g2, a2, true);
		assertFalse(r.isComplete());
		assertEquals(Collections.singletonList("model_up.5.bias"), r.missingGeneratorKeys());
		assertEquals(Collections.singletonList("extra_head.bias"), r.unexpectedGeneratorKeys());
		assertEquals(Collections.singletonList("AudioLayer3.0.downsample.1.running_mean"), r.missingAudioKeys());
		assertTrue(r.report().contains("Missing generator keys (left at random values) (1): model_up.5.bias"),
			r.report());
		assertFalse(r.generatorTensors().containsKey("extra_head.bias"));
	}

	@Test
	void shapeMismatchesAreAlwaysRefused() throws Exception {
		PthCheckpoint g = read("tiny_net_G.pth");
		LinkedHashMap<String, TensorData> gt = g.copyOfTensors();
		TensorData bias = gt.get("model_down.8.bias");
		float[] shorter = java.util.Arrays.copyOf(bias.values(), bias.numel() - 1);
		gt.put("model_down.8.bias", new TensorData("model_down.8.bias", new long[] { shorter.length }, shorter, null,
			DType.FLOAT32));
		PthCheckpoint g2 = edited(g, gt);
		PthCheckpoint a = read("tiny_net_Audio.pth");
		String m = assertThrows(CheckpointException.class, () -> CheckpointImporter.importCheckpoints(g2, a, true))
			.getMessage();
		assertTrue(m.contains("'model_down.8.bias' is model_down.8.bias [15] float32, expected [16]"), m);
	}

	@Test
	void swappedOrForeignFilesAreNamed() throws Exception {
		PthCheckpoint g = read("tiny_net_G.pth");
		PthCheckpoint a = read("tiny_net_Audio.pth");
		String m = assertThrows(CheckpointException.class, () -> CheckpointImporter.importCheckpoints(a, g, false))
			.getMessage();
		assertTrue(m.contains("it is the audio network (net_Audio)"), m);
		LinkedHashMap<String, TensorData> d = new LinkedHashMap<>();
		TensorData w = g.tensors().get("model_down.1.weight");
		d.put("model.0.weight", w.renamed("model.0.weight"));
		m = assertThrows(CheckpointException.class, () -> CheckpointImporter.importCheckpoints(edited(g, d), a, false))
			.getMessage();
		assertTrue(m.contains("the discriminator (net_D)"), m);
	}

	@Test
	void embeddingSizesMustAgree() throws Exception {
		PthCheckpoint g = read("tiny_net_G.pth");
		PthCheckpoint a = read("tiny_net_Audio.pth");
		LinkedHashMap<String, TensorData> at = a.copyOfTensors();
		TensorData proj = at.get("proj.weight");
		long[] s = proj.shape();
		int rows = (int) s[0] - 1;
		float[] fewer = java.util.Arrays.copyOf(proj.values(), rows * (int) s[1]);
		at.put("proj.weight", new TensorData("proj.weight", new long[] { rows, s[1] }, fewer, null, DType.FLOAT32));
		String m = assertThrows(CheckpointException.class, () -> CheckpointImporter.importCheckpoints(g, edited(a, at),
			false)).getMessage();
		assertTrue(m.contains("16-d audio embedding but the audio network makes 15-d"), m);
	}

	@Test
	void alteredFixedBuffersAreReported() throws Exception {
		PthCheckpoint g = read("tiny_net_G.pth");
		LinkedHashMap<String, TensorData> gt = g.copyOfTensors();
		TensorData filt = gt.get("model_up.0.filt");
		float[] v = filt.values().clone();
		v[5] += 0.01f;
		gt.put("model_up.0.filt", new TensorData(filt.name(), filt.shape(), v, null, DType.FLOAT32));
		ImportResult r = CheckpointImporter.importCheckpoints(edited(g, gt), read("tiny_net_Audio.pth"), false);
		List<String> notes = r.notes();
		assertEquals(1, notes.size(), r.report());
		assertTrue(notes.get(0).contains("'model_up.0.filt' differs"), notes.get(0));
	}
}
