package org.audiostyle.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import org.audiostyle.io.AtomicFiles;

/**
 * One checkpoint file {@code step-000123.ckpt}: a magic header, a JSON block (step, configuration, RNG states,
 * optimiser step counts) and every named array (weights, buffers, optimiser moments) in DJL's NDList encoding.
 * Written to a temporary file and renamed into place, so a kill during writing leaves the previous checkpoint intact.
 */
public final class Checkpoint {

	private static final byte[] MAGIC = "AVSTYLE-CKPT".getBytes(StandardCharsets.US_ASCII);
	private static final int FORMAT = 1;
	private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");

	public final JsonObject meta;
	public final NDList arrays;

	public Checkpoint(JsonObject meta, NDList arrays) {
		this.meta = meta;
		this.arrays = arrays;
	}

	public static Path fileFor(Path dir, long step) {
		return dir.resolve(String.format("step-%09d.ckpt", step));
	}

	public void write(Path file) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(MAGIC);
			out.writeInt(FORMAT);
			byte[] json = meta.toString().getBytes(StandardCharsets.UTF_8);
			out.writeInt(json.length);
			out.write(json);
			arrays.encode(out);
		}
		AtomicFiles.write(file, bytes.toByteArray());
	}

	public static Checkpoint read(Path file, NDManager manager) throws IOException {
		byte[] all = Files.readAllBytes(file);
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
			byte[] magic = new byte[MAGIC.length];
			in.readFully(magic);
			if (!java.util.Arrays.equals(magic, MAGIC)) throw new IOException(file + " is not an Audio Style " +
				"training checkpoint.");
			int format = in.readInt();
			if (format != FORMAT) throw new IOException(file + " has checkpoint format " + format + "; this version " +
				"reads format " + FORMAT + ".");
			byte[] json = new byte[in.readInt()];
			in.readFully(json);
			JsonObject meta = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
			NDList arrays = NDList.decode(manager, in);
			return new Checkpoint(meta, arrays);
		}
		catch (java.io.EOFException e) {
			throw new IOException(file + " is truncated (was the run killed while copying it?).", e);
		}
	}

	/** Checkpoint files in {@code dir}, oldest first. */
	public static List<Path> list(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().collect(Collectors
				.toList());
		}
	}

	/** The newest checkpoint in {@code dir}, or null. */
	public static Path latest(Path dir) throws IOException {
		List<Path> all = list(dir);
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	public static long stepOf(Path file) {
		Matcher m = NAME.matcher(file.getFileName().toString());
		if (!m.matches()) throw new IllegalArgumentException("Not a checkpoint file name: " + file);
		return Long.parseLong(m.group(1));
	}
}
