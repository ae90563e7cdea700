package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of how a result was made, written into the result's Info property ("Image > Show Info..."): the
 * command, every parameter, each sound's file name and SHA-256, the model id and the device. One {@code key=value}
 * per line so that scripts can read it back, and so that the result can be reproduced.
 */
public final class Provenance {

	/** First line of every Audio Style Info block. */
	public static final String HEADER = "Audio Style provenance";

	private final Map<String, String> entries = new LinkedHashMap<>();

	public Provenance(String command) {
		put("command", command);
		put("plugin.version", version(Provenance.class));
		put("engine.version", version(org.audiostyle.stylize.Stylizer.class));
		put("date", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
	}

	public Provenance put(String key, Object value) {
		entries.put(key, value == null ? "" : String.valueOf(value));
		return this;
	}

	/** Records a sound file as {@code key=<file name>} and {@code key.sha256=<hex digest>}; absent files as empty. */
	public Provenance sound(String key, File file) throws IOException {
		if (file == null) return put(key, "");
		put(key, file.getName());
		return put(key + ".sha256", sha256(file.toPath()));
	}

	/** Records the input image: title, dimensions (w x h x c x z x t) and type. */
	public Provenance input(ImagePlus imp) {
		int[] d = imp.getDimensions();
		return put("input", imp.getTitle()).put("input.dimensions", d[0] + "x" + d[1] + "x" + d[2] + "x" + d[3] + "x" +
			d[4]).put("input.type", imp.getBitDepth() == 24 ? "RGB" : imp.getBitDepth() + "-bit");
	}

	public String get(String key) {
		return entries.get(key);
	}

	/** The Info text; the input's own Info, if any, follows after a separator so nothing is lost. */
	public String text(String inputInfo) {
		StringBuilder b = new StringBuilder(HEADER).append('\n');
		for (Map.Entry<String, String> e : entries.entrySet())
			b.append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ')).append('\n');
		if (inputInfo != null && !inputInfo.trim().isEmpty()) b.append("--- Info of the input image ---\n").append(
			inputInfo);
		return b.toString();
	}

	/** Reads the key=value entries back from an Info text written by {@link #text}. */
	public static Map<String, String> parse(String info) {
		Map<String, String> m = new LinkedHashMap<>();
		if (info == null || !info.startsWith(HEADER)) return m;
		for (String line : info.split("\n")) {
			if (line.startsWith("--- ")) break;
			int eq = line.indexOf('=');
			if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
		}
		return m;
	}

	public static String sha256(Path file) throws IOException {
		MessageDigest md;
		try {
			md = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("This Java has no SHA-256", e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
			byte[] buf = new byte[1 << 16];
			while (in.read(buf) >= 0) {
				// the digest stream hashes what passes through
			}
		}
		StringBuilder hex = new StringBuilder();
		for (byte x : md.digest())
			hex.append(String.format("%02x", x));
		return hex.toString();
	}

	static String version(Class<?> c) {
		String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
		return v == null ? "dev" : v;
	}
}
