package org.audiostyle.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of sound files for the results' provenance, computed once per file per JVM: a job typically uses a few
 * sounds on thousands of images.
 */
final class SoundHashes {

	private static final Map<Path, String> CACHE = new ConcurrentHashMap<>();

	private SoundHashes() {}

	/** Lower-case hex, or "" when the file cannot be read (the row then fails and says why). */
	static String sha256(Path sound) {
		String h = CACHE.computeIfAbsent(sound.toAbsolutePath().normalize(), SoundHashes::compute);
		return h == null ? "" : h;
	}

	private static String compute(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			byte[] buf = new byte[1 << 16];
			for (int n; (n = in.read(buf)) > 0;)
				md.update(buf, 0, n);
			return HexFormat.of().formatHex(md.digest());
		}
		catch (IOException e) {
			return null; // not cached: a later row may find the file
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-256", e);
		}
	}
}
