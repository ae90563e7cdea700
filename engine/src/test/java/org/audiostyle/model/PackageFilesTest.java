package org.audiostyle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

	/**
	 * Files are read a megabyte at a time: every byte lands where it belongs across the pieces, streams that hand out
	 * less than asked for are read on, and a stream shorter than the array gives the count read.
	 */
	@Test
	void readsInPiecesWhateverTheStreamHandsOut() throws Exception {
		byte[] data = new byte[(5 << 20) / 2 + 333];
		new java.util.Random(3).nextBytes(data);
		java.io.InputStream stingy = new java.io.ByteArrayInputStream(data) {

			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 70_001));
			}
		};
		byte[] b = new byte[data.length];
		assertEquals(data.length, PackageFiles.readInPieces(stingy::read, b));
		assertArrayEquals(data, b);
		byte[] longer = new byte[data.length + 10];
		assertEquals(data.length, PackageFiles.readInPieces(new java.io.ByteArrayInputStream(data)::read, longer));
		assertArrayEquals(data, java.util.Arrays.copyOf(longer, data.length));
	}

	/** A package folder is read whole, in pieces. */
	@Test
	void readsAFolderPackagesFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		byte[] data = new byte[(3 << 20) + 17];
		new java.util.Random(5).nextBytes(data);
		java.nio.file.Files.write(dir.resolve("generator.params"), data);
		java.nio.file.Files.writeString(dir.resolve("model.json"), "{}");
		assertArrayEquals(data, PackageFiles.open(dir).read("generator.params"));
	}
}
