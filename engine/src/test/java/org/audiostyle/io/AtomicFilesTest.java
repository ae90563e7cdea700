package org.audiostyle.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	public void writeReplacesAndLeavesNoTemporaryFiles() throws IOException {
		Path f = dir.resolve("sub/report.json");
		AtomicFiles.write(f, new byte[] { 1, 2, 3 });
		AtomicFiles.write(f, new byte[] { 4 });
		assertArrayEquals(new byte[] { 4 }, Files.readAllBytes(f));
		try (Stream<Path> s = Files.list(f.getParent())) {
			assertEquals(1, s.count(), "only the target is left in the folder");
		}
	}

	@Test
	public void resultsAreReadableByOthersNotPrivateLikeTempFiles() throws IOException {
		assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
		Path f = dir.resolve("losses.csv");
		AtomicFiles.write(f, new byte[] { 1 });
		assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
	}

	@Test
	public void temporaryFileKeepsTheRequestedExtension() throws IOException {
		Path tmp = AtomicFiles.tempNextTo(dir.resolve("out.png"), ".png");
		assertTrue(tmp.getFileName().toString().startsWith(".out.png."), tmp.toString());
		assertTrue(tmp.getFileName().toString().endsWith(".png"), tmp.toString());
		assertEquals(dir, tmp.getParent());
	}
}
