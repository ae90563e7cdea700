package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.model.SoundMemory;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Stylizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audiostyle remember} on generated tones: the package remembers every sound and recalls them. */
class RememberCommandTest {

	@TempDir
	Path dir;

	@Test
	void remembersEverySoundUnderTheFolderAndRecallsThem() throws Exception {
		Path sounds = dir.resolve("sounds");
		TestSounds.writeTone(sounds.resolve("low/a.wav"), 300, 1);
		TestSounds.writeTone(sounds.resolve("low/b.wav"), 320, 2);
		TestSounds.writeTone(sounds.resolve("high/deeper/c.wav"), 3000, 3);
		Files.writeString(sounds.resolve("notes.txt"), "not a sound");
		Path model = dir.resolve("tiny.model"), out = dir.resolve("remembering.model");
		assertEquals(0, CliTest.run("init-model", "--config", "tiny", "--seed", "3", "--out", model.toString()));
		assertEquals(0, CliTest.run("remember", "--model", model.toString(), "--sounds", sounds.toString(), "--k", "1",
			"--out", out.toString()));
		try (StyleModel m = StyleModel.load(out); Stylizer s = new Stylizer(m, DeviceChoice.CPU)) {
			SoundMemory memory = m.memory();
			assertEquals(3, memory.size());
			assertEquals(1, memory.k());
			// a remembered sound is recalled as itself: the generator sees exactly its embedding
			SoundMix c = SoundMix.of(Sound.file(sounds.resolve("high/deeper/c.wav")));
			float[] own = org.audiostyle.stylize.MixEmbedding.of(c, s::encode);
			assertArrayEquals(own, s.embed(c));
			// a sound not remembered is recalled as one that is (the line above alone holds without any recall)
			TestSounds.writeTone(dir.resolve("new.wav"), 1500, 4);
			SoundMix fresh = SoundMix.of(Sound.file(dir.resolve("new.wav")));
			float[] given = s.embed(fresh);
			assertFalse(Arrays.equals(org.audiostyle.stylize.MixEmbedding.of(fresh, s::encode), given));
			boolean remembered = false;
			for (String f : new String[] { "low/a.wav", "low/b.wav", "high/deeper/c.wav" })
				remembered |= Arrays.equals(given, org.audiostyle.stylize.MixEmbedding.of(SoundMix.of(Sound.file(sounds
					.resolve(f))), s::encode));
			assertTrue(remembered, "k 1 recalls exactly one remembered sound's embedding");
		}
		String info = CliTest.runForStdout("info", "--model", out.toString());
		assertTrue(info.contains("memory:  3 remembered sounds, k 1"), info);
		assertEquals(CliErrors.BAD_INPUT, CliTest.run("remember", "--model", model.toString(), "--sounds", dir.resolve(
			"nowhere").toString(), "--out", dir.resolve("x.model").toString()), "a missing folder is bad input");
		assertEquals(CliErrors.BAD_INPUT, CliTest.run("remember", "--model", model.toString(), "--sounds", sounds
			.toString(), "--out", out.toString()), "an existing package is not overwritten");
		assertTrue(Files.exists(out.resolve(SoundMemory.FILE_NAME)));
	}
}
