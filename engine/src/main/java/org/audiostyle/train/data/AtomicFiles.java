package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replace-by-rename, so a reader (or a resumed run after a kill) never sees a half-written file. */
public final class AtomicFiles {

	private AtomicFiles() {}

	public static void move(Path tmp, Path target) throws IOException {
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Writes bytes to a temporary file next to {@code target}, then renames it into place. */
	public static void write(Path target, byte[] bytes) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			Files.write(tmp, bytes);
			move(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
