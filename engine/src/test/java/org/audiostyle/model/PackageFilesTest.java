package org.audiostyle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A package read from class-path resources: required files, and optional ones (a sound memory) when present. */
class PackageFilesTest {

	private static final String FOLDER = "/org/audiostyle/model/resource-package";

	@Test
	void optionalResourcesAreReadWhenPresentAndRequiredOnesDecide() throws Exception {
		PackageFiles f = PackageFiles.resources(FOLDER, new String[] { SoundMemory.FILE_NAME, "absent.json" },
			"model.json");
		assertTrue(f.has("model.json") && f.has(SoundMemory.FILE_NAME));
		assertFalse(f.has("absent.json"), "a missing optional file is simply not there");
		assertArrayEquals("{\"k\": 1}\n".getBytes(StandardCharsets.UTF_8), f.read(SoundMemory.FILE_NAME));
		assertNull(PackageFiles.resources(FOLDER, new String[0], "model.json", "generator.params"),
			"a missing required file means no bundled package");
	}
}
