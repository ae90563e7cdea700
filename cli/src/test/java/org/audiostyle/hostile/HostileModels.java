package org.audiostyle.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Damaged and hostile model packages for the suite, made from a valid folder package. */
final class HostileModels {

	static final String[] FILES = { "model.json", "generator.params", "audio.params" };

	private HostileModels() {}

	static Path copy(Path model, Path to) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> s = Files.list(model)) {
			for (Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, to.resolve(p.getFileName()));
		}
		return to;
	}

	/**
	 * The package as a zip with extra entries: each name maps to its content, or (for a {@code Long}) to that many
	 * zero bytes, compressed as they stream (a zip bomb: a few hundred KB on disk, hundreds of MB unpacked).
	 */
	static Path zipWith(Path model, Map<String, Object> extra, Path file) throws IOException {
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
			z.setLevel(Deflater.BEST_SPEED);
			for (Map.Entry<String, Object> e : extra.entrySet()) {
				z.putNextEntry(new ZipEntry(e.getKey()));
				if (e.getValue() instanceof Long) zeros(z, (Long) e.getValue());
				else z.write((byte[]) e.getValue());
				z.closeEntry();
			}
			for (String f : FILES) {
				if (extra.containsKey(f)) continue;
				z.putNextEntry(new ZipEntry(f));
				z.write(Files.readAllBytes(model.resolve(f)));
				z.closeEntry();
			}
		}
		return file;
	}

	private static void zeros(OutputStream out, long n) throws IOException {
		byte[] block = new byte[1 << 20];
		for (long left = n; left > 0; left -= block.length)
			out.write(block, 0, (int) Math.min(block.length, left));
	}

	/** A copy whose {@code weights} file has its last four bytes set to a NaN, with model.json's SHA-256 updated. */
	static Path nanWeights(Path model, String weights, Path to) throws IOException {
		copy(model, to);
		byte[] b = Files.readAllBytes(to.resolve(weights));
		String before = sha256(b);
		for (int i = b.length - 4; i < b.length; i++)
			b[i] = (byte) 0xff; // all-ones is a NaN in either byte order
		Files.write(to.resolve(weights), b);
		Path json = to.resolve("model.json");
		Files.writeString(json, Files.readString(json).replace(before, sha256(b)));
		return to;
	}

	/** A copy with one byte of {@code weights} changed and model.json left alone. */
	static Path flippedByte(Path model, String weights, Path to) throws IOException {
		copy(model, to);
		byte[] b = Files.readAllBytes(to.resolve(weights));
		b[b.length / 2] ^= 0x55;
		Files.write(to.resolve(weights), b);
		return to;
	}

	static Path withoutFile(Path model, String missing, Path to) throws IOException {
		copy(model, to);
		Files.delete(to.resolve(missing));
		return to;
	}

	static Path withJson(Path model, String json, Path to) throws IOException {
		copy(model, to);
		Files.write(to.resolve("model.json"), json.getBytes(StandardCharsets.UTF_8));
		return to;
	}

	static String sha256(byte[] b) {
		try {
			StringBuilder s = new StringBuilder();
			for (byte x : MessageDigest.getInstance("SHA-256").digest(b))
				s.append(String.format("%02x", x));
			return s.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
