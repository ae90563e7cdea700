package org.audiostyle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Stylizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval conditioning: the recall rule, and a memory travelling with its model package. */
class SoundMemoryTest {

	@TempDir
	Path dir;

	private static final float[][] THREE = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 2 } };

	private static SoundMemory three(int k, double temperature) {
		return new SoundMemory(THREE, new String[] { "a.wav", "b.wav", "c.wav" }, k, temperature);
	}

	@Test
	void nearestOneIsRecalledAsItIsWhateverTheQuerysLength() {
		SoundMemory m = three(1, 0.05);
		assertArrayEquals(THREE[0], m.recall(new float[] { 0.9f, 0.3f, 0.1f }));
		assertArrayEquals(THREE[2], m.recall(new float[] { 0.01f, 0.02f, 0.5f }), "cosine, not distance, decides");
		assertArrayEquals(THREE[1], m.recall(new float[] { 0, 30, 1 }));
	}

	@Test
	void equallySimilarSoundsAreBlendedEquallyAndTemperatureSetsHowSharply() {
		float[] between = { 1, 1, 0 }; // cosine 0.707 to a and b, 0 to c
		assertArrayEquals(new float[] { 0.5f, 0.5f, 0 }, three(2, 0.05).recall(between), 1e-6f);
		float[] nearA = { 1, 0.8f, 0 };
		float[] sharp = three(2, 0.01).recall(nearA), soft = three(2, 10).recall(nearA);
		assertTrue(sharp[0] > 0.99, "a small temperature snaps to the nearest: " + sharp[0]);
		assertTrue(Math.abs(soft[0] - 0.5) < 0.01, "a large one averages the k: " + soft[0]);
		assertEquals(0, soft[2], 1e-6, "the third sound is outside k = 2");
		float[] all = three(3, 1e6).recall(nearA);
		assertArrayEquals(new float[] { 1 / 3f, 1 / 3f, 2 / 3f }, all, 1e-5f);
	}

	@Test
	void badMemoriesAreRefusedByName() {
		String[] one = { "x" };
		assertThrows(IllegalArgumentException.class, () -> new SoundMemory(new float[0][], new String[0], 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new SoundMemory(new float[][] { { 1 } }, one, 0, 1));
		assertThrows(IllegalArgumentException.class, () -> new SoundMemory(new float[][] { { 1 } }, one, 1, 0));
		assertThrows(IllegalArgumentException.class, () -> new SoundMemory(new float[][] { { 1 }, { 1, 2 } },
			new String[] { "x", "y" }, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> three(1, 1).recall(new float[] { 1, 2 }));
	}

	@Test
	void damagedMemoryFilesAreRefusedWithWhatToDo() {
		String[][] cases = { { "{not json", "not valid JSON" }, { "{\"k\": 1}", "lacks 'embeddings'" },
			{ "{\"k\": 1, \"temperature\": 0.1, \"sources\": [\"a\"], \"embeddings\": [[1, 2]]}",
				"belongs to another model" },
			{ "{\"k\": 0, \"temperature\": 0.1, \"sources\": [\"a\"], \"embeddings\": [[1, 2, 3]]}", "k must be at least 1" } };
		for (String[] c : cases) {
			ModelException e = assertThrows(ModelException.class, () -> SoundMemory.parse(c[0].getBytes(
				StandardCharsets.UTF_8), "pkg", 3));
			assertTrue(e.getMessage().startsWith("pkg: " + SoundMemory.FILE_NAME) && e.getMessage().contains(c[1]), e
				.getMessage());
		}
	}

	/** A random memory of the tiny model's embedding length. */
	private static SoundMemory randomMemory(int dim, int k) {
		Random r = new Random(4);
		float[][] e = new float[5][dim];
		for (float[] row : e)
			for (int i = 0; i < dim; i++)
				row[i] = (float) r.nextGaussian();
		return new SoundMemory(e, new String[] { "0", "1", "2", "3", "4" }, k, 0.05);
	}

	@Test
	void memoryTravelsWithThePackageAndChangesTheModelsId() throws Exception {
		try (StyleModel plain = StyleModel.random(NetworkConfig.tiny(), 3)) {
			SoundMemory memory = randomMemory(plain.config().embeddingDim, 1);
			try (StyleModel remembering = plain.withMemory(memory)) {
				assertNotEquals(plain.id(), remembering.id(), "a model that conditions differently has another id");
				assertNull(plain.memory());
				for (Path p : new Path[] { dir.resolve("m"), dir.resolve("m.zip") }) {
					remembering.save(p, false);
					try (StyleModel back = StyleModel.load(p)) {
						assertEquals(remembering.id(), back.id());
						assertEquals(5, back.memory().size());
						float[] q = { 1, 2, 3 };
						q = java.util.Arrays.copyOf(q, plain.config().embeddingDim);
						assertArrayEquals(memory.recall(q), back.memory().recall(q));
					}
				}
				try (StyleModel forgot = remembering.withMemory(null)) {
					assertEquals(plain.id(), forgot.id());
					forgot.save(dir.resolve("plain"), false);
					assertTrue(Files.notExists(dir.resolve("plain").resolve(SoundMemory.FILE_NAME)));
				}
			}
			assertThrows(IllegalArgumentException.class, () -> plain.withMemory(randomMemory(plain.config()
				.embeddingDim + 1, 1)));
		}
		Path file = dir.resolve("m").resolve(SoundMemory.FILE_NAME);
		Files.write(file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\"k\":1", "\"k\":2")
			.getBytes(StandardCharsets.UTF_8));
		ModelException e = assertThrows(ModelException.class, () -> StyleModel.load(dir.resolve("m")).close());
		assertTrue(e.getMessage().contains(SoundMemory.FILE_NAME) && e.getMessage().contains("SHA-256"), e
			.getMessage());
	}

	/** The stylizer conditions on the recalled embedding: with k = 1, a remembered row, not the encoder's own. */
	@Test
	void stylizerConditionsOnTheRecalledEmbedding() throws Exception {
		try (StyleModel plain = StyleModel.random(NetworkConfig.tiny(), 3)) {
			SoundMemory memory = randomMemory(plain.config().embeddingDim, 1);
			float[] wave = new float[AudioFrontEnd.WINDOW_SAMPLES];
			for (int i = 0; i < wave.length; i++)
				wave[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
			try (StyleModel remembering = plain.withMemory(memory);
				Stylizer s = new Stylizer(remembering, DeviceChoice.CPU))
			{
				float[] raw = s.encode(wave), given = s.embedWaveform(wave);
				assertArrayEquals(memory.recall(raw), given);
				assertArrayEquals(given, memory.recall(given), "a remembered row is its own nearest");
				assertNotEquals(java.util.Arrays.toString(raw), java.util.Arrays.toString(given));
			}
		}
	}
}
