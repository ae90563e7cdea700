package org.audiostyle.pth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Hostile {@code .pth} checkpoints for the hostile-input suite (package {@code hostile}); built from opcodes. */
public final class HostilePth {

	private HostilePth() {}

	/** A zip-format checkpoint whose pickle calls {@code module.name("echo pwned")}. */
	public static Path callsGlobal(String module, String name, Path file) throws IOException {
		byte[] p = new PickleWriter().proto().global(module, name).str("echo pwned").op(0x85, 'R', '.').bytes();
		return PickleWriter.zip(file, "archive", p, Map.of(), Map.of());
	}

	/** REDUCE applied to something that is not an allowed callable (a string). */
	public static Path reduceOnAString(Path file) throws IOException {
		byte[] p = new PickleWriter().proto().str("not callable").op(')', 'R', '.').bytes();
		return PickleWriter.zip(file, "archive", p, Map.of(), Map.of());
	}

	/** {@code depth} nested one-element tuples: a recursive reader would overflow its stack. */
	public static Path deeplyNested(int depth, Path file) throws IOException {
		PickleWriter w = new PickleWriter().proto().op(')');
		for (int i = 0; i < depth; i++)
			w.op(0x85);
		return PickleWriter.zip(file, "archive", w.op('.').bytes(), Map.of(), Map.of());
	}

	/** A state dict with one tensor whose storage declares {@code numel} floats (the file holds 4 bytes of data). */
	public static Path hugeStorage(long numel, Path file) throws IOException {
		PickleWriter w = new PickleWriter().proto().op('}').str("model.0.weight");
		w.tensor("FloatStorage", "0", numel, 0, new long[] { numel }, new long[] { 1 }).op('s', '.');
		return PickleWriter.zip(file, "archive", w.bytes(), Map.of("0", PickleWriter.floatsLE(1f)), Map.of());
	}

	/** The first {@code fraction} of the committed legacy-format (PyTorch < 1.6) fixture. */
	public static Path truncatedLegacy(double fraction, Path file) throws IOException {
		byte[] all = Files.readAllBytes(PthFixtures.path("tiny_net_G_legacy.pth"));
		return Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
	}

	public static Path fixture(String name) {
		return PthFixtures.path(name);
	}
}
