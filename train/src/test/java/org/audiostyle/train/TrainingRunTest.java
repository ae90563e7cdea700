package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.audiostyle.train.data.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** The training command end to end on a generated class-folder data set: outputs, kill + resume, export. */
public class TrainingRunTest {

	@TempDir
	Path dir;

	private Path dataSet() throws IOException {
		return dataSet(dir);
	}

	/** Three sounds in two classes, three images in two classes, and their co-occurrence table, under DIR/data. */
	static Path dataSet(Path dir) throws IOException {
		Path d = dir.resolve("data");
		TestMedia.wav(d.resolve("sounds/low/a.wav"), 300, 4, 22050);
		TestMedia.wav(d.resolve("sounds/low/b.wav"), 350, 4, 22050);
		TestMedia.wav(d.resolve("sounds/high/c.wav"), 2000, 4, 22050);
		TestMedia.image(d.resolve("images/red/1.jpg"), Color.RED, 48, 40);
		TestMedia.image(d.resolve("images/red/2.jpg"), Color.ORANGE, 48, 40);
		TestMedia.image(d.resolve("images/blue/1.jpg"), Color.BLUE, 40, 48);
		Files.writeString(d.resolve("cooccurrence.csv"), "sound_class,image_class,weight\nlow,red,1\nhigh,blue,1\n");
		return d;
	}

	private Path config() throws IOException {
		TrainConfig c = TinyData.config(3, 1);
		c.checkpointEvery = 2;
		c.sampleEvery = 2;
		Path f = dir.resolve("config.json");
		Files.writeString(f, c.toJson());
		return f;
	}

	static TrainOptions options(Path data, Path out, Path config) {
		TrainOptions o = new TrainOptions();
		o.data = data;
		o.out = out;
		o.config = config;
		o.progress = false;
		o.log = s -> {};
		return o;
	}

	@Test
	public void runWritesItsOutputsAndResumesAfterAKill() throws IOException {
		Path data = dataSet();
		Path cfg = config();
		Path a = dir.resolve("runA");
		TrainResult r = Training.run(options(data, a, cfg));
		assertEquals(4, r.steps);
		List<String> rows = Files.readAllLines(a.resolve("losses.csv"));
		assertEquals(5, rows.size(), "header + 4 steps");
		assertTrue(rows.get(1).startsWith("1,pretrain,"), rows.get(1));
		assertTrue(rows.get(4).startsWith("4,gan,"), rows.get(4));
		assertEquals(List.of("step-000000002.ckpt", "step-000000004.ckpt"), names(a.resolve("checkpoints")));
		assertEquals(List.of("step-000000000.png", "step-000000002.png", "step-000000004.png"), names(a.resolve(
			"samples")));
		// grid: a row of inputs + one row per sound (3), 3 input columns
		var grid = ImageIO.read(a.resolve("samples/step-000000004.png").toFile());
		assertTrue(grid.getHeight() >= 4 * 32 && grid.getWidth() >= 3 * 32);
		assertTrue(Files.isRegularFile(a.resolve("model/generator.params")));
		assertTrue(Files.readString(a.resolve("model/model.json")).contains("\"recipe\""));

		// Run B: same settings, "killed" after its step-2 checkpoint (later files removed), then resumed.
		Path b = dir.resolve("runB");
		Training.run(options(data, b, cfg));
		Files.delete(b.resolve("checkpoints/step-000000004.ckpt"));
		deleteTree(b.resolve("model"));
		IOException e = assertThrows(IOException.class, () -> Training.run(options(data, b, cfg)));
		assertTrue(e.getMessage().contains("--resume"), e.getMessage());
		TrainOptions resume = options(data, b, null);
		resume.resume = true;
		assertEquals(4, Training.run(resume).steps);
		assertEquals(stripSeconds(rows), stripSeconds(Files.readAllLines(b.resolve("losses.csv"))));
		assertSameArrays(a.resolve("model/generator.params"), b.resolve("model/generator.params"));
		assertSameArrays(a.resolve("model/audio.params"), b.resolve("model/audio.params"));

		// the checkpoint stylizes images of any size, and the sound changes the result
		try (CheckpointStylizer st = CheckpointStylizer.open(a)) {
			assertEquals(4, st.step());
			org.audiostyle.image.PlanarImage in = org.audiostyle.image.RgbImageFiles.read(data.resolve("images/red/1.jpg"));
			org.audiostyle.image.PlanarImage low = st.stylize(in, org.audiostyle.audio.SoundMix.of(org.audiostyle.audio.Sound
				.file(data.resolve("sounds/low/a.wav"))));
			org.audiostyle.image.PlanarImage high = st.stylize(in, org.audiostyle.audio.SoundMix.of(org.audiostyle.audio
				.Sound.file(data.resolve("sounds/high/c.wav"))));
			assertEquals(in.width, low.width);
			assertEquals(in.height, low.height);
			double diff = 0;
			for (int i = 0; i < low.data.length; i++)
				diff += Math.abs(low.data[i] - high.data[i]);
			assertTrue(diff > 0, "different sounds give different images");

			// a mix is mixed as its mode says (the exported model's default is the embedding mean), not always summed
			org.audiostyle.audio.SoundMix halfway = org.audiostyle.audio.SoundMix.crossfade(org.audiostyle.audio.Sound
				.file(data.resolve("sounds/low/a.wav")), org.audiostyle.audio.Sound.file(data.resolve(
					"sounds/high/c.wav")), 0.5);
			float[] byWaveform = st.stylize(in, halfway.withMode(org.audiostyle.audio.MixMode.WAVEFORM)).data;
			float[] byEmbedding = st.stylize(in, halfway.withMode(org.audiostyle.audio.MixMode.EMBEDDING)).data;
			assertTrue(!java.util.Arrays.equals(byWaveform, byEmbedding), "the mix mode is honoured");
		}

		// export from a checkpoint gives the same weights as the end of the run
		Path exported = dir.resolve("exported");
		Training.export(a, exported, new PackageExporter());
		assertSameArrays(a.resolve("model/generator.params"), exported.resolve("generator.params"));

		// an averaged export holds the element-wise mean of the two checkpoints' weights (and says which it averaged)
		Path second = dir.resolve("second");
		Training.export(a.resolve("checkpoints/step-000000002.ckpt"), second, new PackageExporter());
		Path averaged = dir.resolve("averaged");
		Training.export(a, 2, averaged, new PackageExporter());
		for (String file : List.of("generator.params", "audio.params"))
			try (NDManager m = NDManager.newBaseManager()) {
				NDList last = NDList.decode(m, Files.readAllBytes(exported.resolve(file)));
				NDList earlier = NDList.decode(m, Files.readAllBytes(second.resolve(file)));
				NDList mean = NDList.decode(m, Files.readAllBytes(averaged.resolve(file)));
				boolean changed = false;
				for (int i = 0; i < mean.size(); i++) {
					float[] x = last.get(i).toFloatArray(), y = earlier.get(i).toFloatArray(), z = mean.get(i)
						.toFloatArray();
					for (int k = 0; k < z.length; k++) {
						assertEquals((x[k] + y[k]) / 2, z[k], 1e-6f, mean.get(i).getName());
						changed |= x[k] != y[k];
					}
				}
				assertTrue(changed, "the two checkpoints differ, so the test can fail");
			}
		assertTrue(Files.readString(averaged.resolve("model.json")).contains("step-000000002.ckpt"));
		IOException tooMany = assertThrows(IOException.class, () -> Training.export(a, 3, dir.resolve("x"),
			new PackageExporter()));
		assertTrue(tooMany.getMessage().contains("--average 2"), tooMany.getMessage());
	}

	private static List<String> stripSeconds(List<String> rows) {
		return rows.stream().map(r -> r.substring(0, r.lastIndexOf(','))).collect(Collectors.toList());
	}

	private static void assertSameArrays(Path x, Path y) throws IOException {
		try (NDManager m = NDManager.newBaseManager()) {
			NDList a = NDList.decode(m, Files.readAllBytes(x));
			NDList b = NDList.decode(m, Files.readAllBytes(y));
			assertEquals(a.size(), b.size());
			for (int i = 0; i < a.size(); i++) {
				NDArray p = a.get(i), q = b.get(i);
				assertEquals(p.getName(), q.getName());
				assertArrayEquals(p.toFloatArray(), q.toFloatArray(), 1e-6f, p.getName());
			}
		}
	}

	private static List<String> names(Path d) throws IOException {
		try (var s = Files.list(d)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static void deleteTree(Path d) throws IOException {
		try (var s = Files.walk(d)) {
			for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList()))
				Files.delete(p);
		}
	}
}
