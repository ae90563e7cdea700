package org.audiostyle.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets, main scenes and what a cross-fade adds, on a table shaped like the project's. */
public class CooccurrenceTest {

	@TempDir
	Path dir;

	private Cooccurrence table() throws IOException {
		Path csv = dir.resolve("cooccurrence.csv");
		Files.writeString(csv, "sound_class,image_class,weight\nrain,rainy,0.8\nrain,cloudy,0.2\n" +
			"thunderstorm,cloudy,0.6\nthunderstorm,rainy,0.4\nsea_waves,sunny,0.5\nsea_waves,sunrise_sunset,0.5\n" +
			"crackling_fire,sunrise_sunset,1.0\n");
		return Cooccurrence.read(csv);
	}

	@Test
	public void targetsAreTheScenesAboveTheTargetWeight() throws IOException {
		Cooccurrence t = table();
		assertEquals(List.of("rainy"), t.targetsFor("rain"), "cloudy at 0.2 is below the target weight");
		assertEquals(List.of("cloudy", "rainy"), t.targetsFor("thunderstorm"));
		assertEquals("sunny", t.mainSceneFor("sea_waves"), "first listed on a tie");
		assertTrue(t.targetsFor("owls").isEmpty());
	}

	@Test
	public void aCrossFadeAddsOnlyTheScenesTheFirstSoundDoesNotGoWith() throws IOException {
		Cooccurrence t = table();
		assertEquals(List.of("sunny"), t.targetsAdded("crackling_fire", "sea_waves"),
			"sunrise_sunset goes with the fire already");
		assertEquals(List.of(), t.targetsAdded("sea_waves", "crackling_fire"));
		assertEquals(List.of("cloudy"), t.targetsAdded("rain", "thunderstorm"));
		assertEquals(List.of(), t.targetsAdded("thunderstorm", "rain"));
		assertEquals(List.of("sunny", "sunrise_sunset"), t.targetsAdded("rain", "sea_waves"));
		assertEquals(t.targetsFor("rain"), List.of("rainy"), "the table's own lists are not changed");
	}
}
