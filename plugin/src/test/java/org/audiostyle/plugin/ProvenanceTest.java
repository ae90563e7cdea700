package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

	@TempDir
	Path dir;

	@Test
	void sha256MatchesAKnownDigest() throws Exception {
		Path f = dir.resolve("abc.txt");
		Files.write(f, "abc".getBytes(StandardCharsets.US_ASCII));
		assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Provenance.sha256(f));
	}

	@Test
	void textRoundTripsAndKeepsTheInputsInfo() throws Exception {
		File wav = Fixtures.wav(dir, "rain.wav", 0.5, 440, 3);
		Provenance p = new Provenance("Stylize with Sound").input(Fixtures.image("beach.tif", 16, 9, 7, 2, 3, 1)).sound(
			"sound", wav).sound("sound2", null).put("strength", 0.75);
		String text = p.text("Acquired on a microscope\nline 2");
		assertTrue(text.startsWith(Provenance.HEADER + "\n"), text);
		Map<String, String> m = Provenance.parse(text);
		assertEquals("Stylize with Sound", m.get("command"));
		assertEquals("rain.wav", m.get("sound"));
		assertEquals(Provenance.sha256(wav.toPath()), m.get("sound.sha256"));
		assertEquals("", m.get("sound2"));
		assertEquals("0.75", m.get("strength"));
		assertEquals("beach.tif", m.get("input"));
		assertEquals("9x7x2x3x1", m.get("input.dimensions"));
		assertEquals("16-bit", m.get("input.type"));
		assertTrue(text.endsWith("--- Info of the input image ---\nAcquired on a microscope\nline 2"), text);
	}

	@Test
	void titlesNameImageAndSounds() {
		assertEquals("beach-rain", Titles.of("beach.tif", new File("/x/rain.wav"), null, null));
		assertEquals("beach-rain+birds mix sweep", Titles.of("beach.tif", new File("rain.wav"), new File("birds.mp3"),
			"mix sweep"));
		assertEquals("C1-cells.ome-rain", Titles.of("C1-cells.ome.tif", new File("rain.wav"), null, ""));
		assertEquals("no extension", Titles.base("no extension"));
	}
}
