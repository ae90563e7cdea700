package org.audiostyle.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;

/**
 * A folder this process cannot write to. A folder made read-only with chmod, unless the tests run as root (which
 * writes anyway); then /sys, which is read-only even for root in containers. Skips the calling test if neither is.
 */
final class ReadOnly {

	private ReadOnly() {}

	static Path folder(Path parent) throws IOException {
		Path dir = parent.resolve("read-only");
		if (!Files.isDirectory(dir)) {
			Files.createDirectory(dir);
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
		}
		if (!writable(dir)) return dir;
		Path sys = Paths.get("/sys");
		Assumptions.assumeTrue(Files.isDirectory(sys) && !writable(sys), "no read-only folder available");
		return sys;
	}

	private static boolean writable(Path dir) {
		try {
			Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}
}
