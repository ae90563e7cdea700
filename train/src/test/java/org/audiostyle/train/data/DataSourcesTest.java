package org.audiostyle.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.train.SeededRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DataSourcesTest {

	@TempDir
	Path dir;

	private void classFolders() throws IOException {
		TestMedia.wav(dir.resolve("sounds/tone/a.wav"), 440, 5, 22050);
		TestMedia.wav(dir.resolve("sounds/tone/b.wav"), 660, 5, 22050);
		TestMedia.wav(dir.resolve("sounds/noise/c.wav"), 0, 2, 22050);
		TestMedia.wav(dir.resolve("sounds/unlisted/d.wav"), 100, 1, 22050);
		TestMedia.image(dir.resolve("images/red/1.jpg"), Color.RED, 40, 30);
		TestMedia.image(dir.resolve("images/red/2.png"), Color.RED, 30, 40);
		TestMedia.image(dir.resolve("images/green/1.jpg"), Color.GREEN, 40, 40);
		TestMedia.image(dir.resolve("images/blue/1.jpg"), Color.BLUE, 40, 40);
		// held-out folders must never be read: make them unreadable as images
		Files.createDirectories(dir.resolve("images_test/red"));
		Files.writeString(dir.resolve("images_test/red/x.jpg"), "not an image");
		Files.writeString(dir.resolve("cooccurrence.csv"),
			"sound_class,image_class,weight\ntone,red,1.0\nnoise,green,0.5\nnoise,blue,0.5\n");
	}

	@Test
	public void classFoldersPairSoundsWithScenesByTheTable() throws IOException {
		classFolders();
		List<String> log = new ArrayList<>();
		TrainingData data = ClassFolderSource.load(dir, null, 20, log::add);
		assertEquals(4, data.images().size());
		assertEquals(3, data.sounds().size(), "the class missing from the table is skipped");
		assertTrue(log.stream().anyMatch(s -> s.contains("unlisted") && s.contains("skipped")));
		assertEquals(20, data.loadSize());
		// order: images blue, green, red/1, red/2; sounds noise/c, tone/a, tone/b
		assertEquals("blue/1.jpg", data.imageNames().get(0));
		assertEquals(80000, data.sounds().get(1).samples().length, 100);
		assertEquals(AudioFrontEnd.WINDOW_SAMPLES, data.sounds().get(0).samples().length, "2 s clip tiled to 3 s");
		SeededRandom r = new SeededRandom(3);
		int[] sceneCount = new int[4];
		for (int i = 0; i < 4000; i++) {
			TrainingData.Draw d = data.draw(r);
			if (d.sound == 0) sceneCount[d.image]++;
			else assertTrue(d.image >= 2, "tone sounds pair with red images only");
		}
		int noise = sceneCount[0] + sceneCount[1];
		assertEquals(0, sceneCount[2] + sceneCount[3]);
		assertEquals(0.5, sceneCount[0] / (double) noise, 0.05);
		assertEquals(4000 / 3.0, noise, 150);
	}

	@Test
	public void tableNamingAMissingSceneIsAnError() throws IOException {
		classFolders();
		Files.writeString(dir.resolve("cooccurrence.csv"), "sound_class,image_class,weight\ntone,purple,1\n");
		IOException e = assertThrows(IOException.class, () -> ClassFolderSource.load(dir, null, 20, s -> {}));
		assertTrue(e.getMessage().contains("purple"), e.getMessage());
	}

	@Test
	public void windowsAreNormalisedAndRandomlyPlaced() throws IOException {
		classFolders();
		SoundClip clip = SoundClip.decode(dir.resolve("sounds/tone/a.wav"));
		float[] w0 = clip.window(null);
		assertEquals(AudioFrontEnd.WINDOW_SAMPLES, w0.length);
		float peak = 0;
		for (float v : w0)
			peak = Math.max(peak, Math.abs(v));
		assertEquals(1 / 1.1, peak, 1e-3);
		SeededRandom r = new SeededRandom(1);
		boolean differs = false;
		for (int i = 0; i < 5 && !differs; i++)
			differs = !java.util.Arrays.equals(w0, clip.window(r));
		assertTrue(differs, "random windows start at different places");
	}

	@Test
	public void csvPairsAreDecodedOnce() throws IOException {
		classFolders();
		Files.writeString(dir.resolve("pairs.csv"), "image,sound\nimages/red/1.jpg,sounds/tone/a.wav\n" +
			"images/green/1.jpg,sounds/tone/a.wav\nimages/red/1.jpg,sounds/noise/c.wav\n");
		TrainingData data = CsvPairSource.load(dir.resolve("pairs.csv"), 16, s -> {});
		assertEquals(2, data.images().size());
		assertEquals(2, data.sounds().size());
		SeededRandom r = new SeededRandom(2);
		for (int i = 0; i < 200; i++) {
			TrainingData.Draw d = data.draw(r);
			assertTrue(!(d.image == 1 && d.sound == 1), "green was never listed with noise");
		}
		Files.writeString(dir.resolve("bad.csv"), "picture,audio\nx,y\n");
		assertThrows(IOException.class, () -> CsvPairSource.load(dir.resolve("bad.csv"), 16, s -> {}));
	}

	@Test
	public void missingFfmpegGivesAClearError() {
		IOException e = assertThrows(IOException.class, () -> Ffmpeg.locate(dir.resolve("no-ffmpeg-here")));
		assertTrue(e.getMessage().contains("ffmpeg"), e.getMessage());
	}

	@Test
	public void videosAreSplitIntoThreeSecondClipsOfEightFrames() throws IOException {
		Ffmpeg ffmpeg;
		try {
			ffmpeg = Ffmpeg.locate(null);
		}
		catch (IOException e) {
			Assumptions.abort("ffmpeg is not installed: " + e.getMessage());
			return;
		}
		Path videos = Files.createDirectories(dir.resolve("videos"));
		// 7 s: clips of 3, 3 and 1 s; 8 frames per 3 s gives 18 or 19 frames
		ffmpeg.run(List.of("-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=7", "-f", "lavfi", "-i",
			"sine=frequency=440:duration=7", "-shortest", "-c:v", "mpeg4", "-c:a", "aac", videos.resolve("a.mp4")
				.toString()));
		TrainingData data = VideoFolderSource.load(videos, 24, null, s -> {});
		assertEquals(3, data.sounds().size());
		int frames = data.images().size();
		assertTrue(frames >= 17 && frames <= 19, "frames: " + frames);
		assertEquals(24, data.loadSize());
		assertTrue(data.imageNames().get(8).contains("#clip1-0"), data.imageNames().get(8));
		SeededRandom r = new SeededRandom(4);
		for (int i = 0; i < 100; i++) {
			TrainingData.Draw d = data.draw(r);
			assertEquals(d.image / 8, d.sound, "a frame is paired with its own clip's audio");
		}
	}
}
