package org.audiostyle.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.train.data.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.audiostyle.stylize.StylizeFunction;

/**
 * The evaluation pipeline on generated scenes and sounds, with a "model" that moves each pixel toward the colour of
 * the sound's scene in proportion to the mix weights: it must score where the unchanged input does not, and its mix
 * sweep must rise.
 */
public class EvaluationRunnerTest {

	@TempDir
	Path dir;

	@Test
	public void reportsHitRatesSsimBaselinesMixingAndASheet() throws IOException {
		Path data = dir.resolve("data");
		for (String k : List.of("fog", "night", "sky")) {
			SceneFixtures.write(data.resolve("images"), k, 6, 100);
			SceneFixtures.write(data.resolve("images_test"), k, 3, 700);
		}
		TestMedia.wav(data.resolve("sounds_test/wind/w.wav"), 200, 3, 16000);
		TestMedia.wav(data.resolve("sounds_test/crickets/c.wav"), 4000, 3, 16000);
		Files.writeString(data.resolve("cooccurrence.csv"),
			"sound_class,image_class,weight\nwind,fog,1\ncrickets,night,1\n");
		StylizeFunction model = (img, mix) -> towardScenes(img, mix);
		EvaluationSettings s = new EvaluationSettings();
		s.imagesPerClass = 2;
		s.mixPairs = 2;
		s.mixImages = 2;
		s.sheetCell = 32;
		Path out = dir.resolve("report");
		EvaluationReport r = EvaluationRunner.run(model, data.resolve("images_test"), data.resolve("sounds_test"), data
			.resolve("cooccurrence.csv"), out, s);
		assertEquals(6, r.grid.images);
		assertEquals(2, r.grid.sounds);
		assertEquals(8, r.grid.pairsScored, "each sound skips the 2 inputs already of its scene");
		assertTrue(r.classifier.heldOutAccuracy >= 0.8);
		assertEquals(1.0, r.methods.get("model").hitRate, 1e-9);
		assertEquals(Map.of("fog", 4), r.methods.get("model").scenesPerSound.get("wind"), "where wind's outputs went");
		assertEquals(4, r.methods.get("input unchanged").scenesPerSound.get("crickets").values().stream().mapToInt(
			Integer::intValue).sum());
		assertTrue(r.methods.get("input unchanged").hitRate <= 0.25);
		assertEquals(1.0, r.methods.get("input unchanged").ssim, 1e-12);
		assertTrue(r.methods.get("model").ssim < 1.0);
		assertTrue(r.mixing.meanRisesMonotonically, r.mixing.meanProbabilityOfB.toString());
		assertEquals(5, r.mixing.meanProbabilityOfB.size());
		assertEquals("embedding", r.mixing.mode, "the default mode");
		assertEquals(2, r.mixing.spearmanPerPair.size(), r.mixing.spearmanPerPair.toString());
		assertTrue(r.mixing.meanSpearman > 0.9, "the fake model blends by weight: " + r.mixing.meanSpearman);
		assertEquals(r.strength.sequences, r.strength.monotonicSequences, r.strength.meanDistanceFromInput.toString());
		assertEquals(1.0, r.strength.meanSpearman, 1e-9);
		assertEquals(0.0, r.strength.meanDistanceFromInput.get(0), 1e-9, "strength 0 leaves the fake's input alone");
		assertTrue(Files.readString(out.resolve("report.md")).contains("flat-region texture"));
		for (String f : List.of("report.json", "report.md", "contact-sheet.png", "scene-classifier.json"))
			assertTrue(Files.isRegularFile(out.resolve(f)), f);
		assertTrue(Files.readString(out.resolve("report.md")).contains("colour transfer"));
		assertTrue(Files.readString(out.resolve("report.md")).contains("| wind | 4 | 0 | 0 |"));

		Path sheet = dir.resolve("sheet.png");
		EvaluationRunner.contactSheet(model, List.of(data.resolve("images_test/sky/0.png")), List.of(data.resolve(
			"sounds_test/wind/w.wav")), 24, sheet);
		assertTrue(Files.size(sheet) > 0);
	}

	@Test
	public void everyOrderedPairInEmbeddingMode() throws IOException {
		Path data = dir.resolve("data");
		for (String k : List.of("fog", "night", "sky")) {
			SceneFixtures.write(data.resolve("images"), k, 6, 100);
			SceneFixtures.write(data.resolve("images_test"), k, 2, 700);
		}
		TestMedia.wav(data.resolve("sounds_test/wind/w.wav"), 200, 3, 16000);
		TestMedia.wav(data.resolve("sounds_test/crickets/c.wav"), 4000, 3, 16000);
		TestMedia.wav(data.resolve("sounds_test/crickets/d.wav"), 3000, 3, 16000);
		TestMedia.wav(data.resolve("sounds_test/owls/o.wav"), 600, 3, 16000);
		Files.writeString(data.resolve("cooccurrence.csv"),
			"sound_class,image_class,weight\nwind,fog,1\ncrickets,night,1\nowls,night,1\n");
		List<org.audiostyle.audio.MixMode> seen = new java.util.ArrayList<>();
		StylizeFunction model = (img, mix) -> {
			seen.add(mix.mode());
			return towardScenes(img, mix);
		};
		EvaluationSettings s = new EvaluationSettings();
		s.imagesPerClass = 1;
		s.soundsPerClass = 2;
		s.mixPairs = 0;
		s.mixImages = 1;
		s.mixMode = org.audiostyle.audio.MixMode.EMBEDDING;
		s.strengths = new double[] { 0, 1 };
		s.sheetCell = 16;
		EvaluationReport r = EvaluationRunner.run(model, data.resolve("images_test"), data.resolve("sounds_test"), data
			.resolve("cooccurrence.csv"), dir.resolve("report"), s);
		assertEquals(java.util.Set.of("wind -> crickets (night)", "crickets -> wind (fog)", "wind -> owls (night)",
			"owls -> wind (fog)"), new java.util.HashSet<>(r.mixing.pairs), "one sound per class, both orders");
		assertEquals(List.of("crickets -> owls", "owls -> crickets"), r.mixing.unscoredPairs,
			"crickets and owls go with the same scene: a cross-fade between them adds none to score");
		assertTrue(Files.readString(dir.resolve("report/report.md")).contains("Not scored (B adds no scene to A's): " +
			"crickets -> owls, owls -> crickets."));
		assertEquals("embedding", r.mixing.mode);
		assertTrue(seen.contains(org.audiostyle.audio.MixMode.EMBEDDING));
		assertEquals(2, r.strength.strengths.size());
		assertEquals(3, r.strength.sequences, "first sound of each class x 1 image");
	}

	/** Mixes each pixel with the scene colour of every sound, by the mix weights (wind -> fog grey, crickets -> dark). */
	private static PlanarImage towardScenes(PlanarImage img, SoundMix mix) {
		PlanarImage out = img.copy();
		for (int k = 0; k < mix.sounds().size(); k++) {
			boolean wind = mix.sounds().get(k).file().getParent().getFileName().toString().equals("wind");
			PlanarImage target = SceneFixtures.scene(wind ? "fog" : "night", 3);
			float w = (float) (0.9 * mix.weights().get(k) * Math.min(1, mix.strength()));
			for (int c = 0; c < 3; c++)
				for (int y = 0; y < img.height; y++)
					for (int x = 0; x < img.width; x++) {
						float v = out.get(c, x, y);
						out.set(c, x, y, v + w * (target.get(c, x % target.width, y % target.height) - v));
					}
		}
		return out;
	}
}
