package org.audiostyle.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replace-by-rename, so a reader (or a run resumed after a kill) never sees a half-written file: write to a temporary
 * file in the target's folder, then rename it onto the target.
 */
public final class AtomicFiles {

	private AtomicFiles() {}

	/**
	 * A new empty temporary file in {@code target}'s folder (created if missing), named after the target. Its mode is
	 * made rw-r--r-- where the file system has POSIX permissions: temporary files start private (rw-------), and a
	 * result renamed from one would otherwise be unreadable to other users.
	 */
	public static Path tempNextTo(Path target) throws IOException {
		return tempNextTo(target, ".tmp");
	}

	/** As {@link #tempNextTo(Path)}, ending in {@code suffix} (for writers that go by the file's extension). */
	public static Path tempNextTo(Path target, String suffix) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", suffix);
		if (Files.getFileStore(tmp).supportsFileAttributeView("posix"))
			Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
		return tmp;
	}

	/** Renames {@code tmp} onto {@code target}, replacing it; atomically where the file system can. */
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
		Path tmp = tempNextTo(target);
		try {
			Files.write(tmp, bytes);
			move(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
