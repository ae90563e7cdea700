package org.audiostyle.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The painting check gives each sound its class's mean embedding, and a mix the share-weighted mean of those. */
class ClassMeanEmbeddingsTest {

	@TempDir
	Path dir;

	@Test
	void soundsGetTheirClassMeanAndMixesTheWeightedMean() throws Exception {
		Path ref = dir.resolve("ref");
		for (String f : new String[] { "rain/a.wav", "rain/b.wav", "fire/c.wav" }) {
			Files.createDirectories(ref.resolve(f).getParent());
			Files.write(ref.resolve(f), new byte[0]);
		}
		// a stand-in encoder: the vector is read off the file name, so the means are known
		ClassMeanEmbeddings means = ClassMeanEmbeddings.fromFolders(f -> {
			switch (f.getFileName().toString()) {
				case "a.wav": return new float[] { 1, 0 };
				case "b.wav": return new float[] { 3, 2 };
				default: return new float[] { 0, 4 };
			}
		}, ref);
		Path rainSound = dir.resolve("held/rain/x.wav"), fireSound = dir.resolve("held/fire/y.wav");
		assertArrayEquals(new float[] { 2, 1 }, means.of(SoundMix.of(Sound.file(rainSound))), 1e-6f);
		float[] mixed = means.of(SoundMix.of(List.of(Sound.file(rainSound), Sound.file(fireSound)), new double[] { 0.75,
			0.25 }));
		assertArrayEquals(new float[] { 1.5f, 1.75f }, mixed, 1e-6f);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> means.of(SoundMix.of(Sound
			.file(dir.resolve("held/wind/z.wav")))));
		assertTrue(e.getMessage().contains("'wind'"), e.getMessage());
	}
}
