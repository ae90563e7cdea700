package org.audiostyle.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.audiostyle.image.ImageFiles;

/**
 * Checks on an output path made before any work starts, so a bad {@code --out} fails in a second with a message
 * that says what to change, not after minutes of computation, and never replaces an input.
 */
final class OutputChecks {

	private OutputChecks() {}

	/**
	 * A PNG to be written at {@code out}: the name ends in .png, its folder exists, it is not a folder, it is none of
	 * {@code inputs}, and it does not exist unless {@code overwrite}.
	 */
	static void png(String option, Path out, boolean overwrite, Path... inputs) throws IOException {
		String name = out.getFileName() == null ? "" : out.getFileName().toString();
		if (!name.toLowerCase(Locale.ROOT).endsWith(".png")) throw new IllegalArgumentException(option + " " + out +
			": the output is always a PNG; give a file name ending in .png.");
		writable(option, out, overwrite, inputs);
	}

	/**
	 * An image to be written at {@code out} in the format its extension names (.png, .tif/.tiff, .jpg/.jpeg), with
	 * the checks of {@link #png}.
	 */
	static void image(String option, Path out, boolean overwrite, Path... inputs) throws IOException {
		if (ImageFiles.Format.of(out) == null) throw new IllegalArgumentException(option + " " + out + ": the " +
			"extension chooses the format; give a file name ending in .png (lossless), .tif (lossless, " +
			"uncompressed) or .jpg (smallest; see --quality).");
		writable(option, out, overwrite, inputs);
	}

	private static void writable(String option, Path out, boolean overwrite, Path... inputs) throws IOException {
		Path dir = out.toAbsolutePath().normalize().getParent();
		if (dir == null || !Files.isDirectory(dir)) throw new IllegalArgumentException(option + " " + out +
			": its folder " + dir + " does not exist; create it first or choose another folder.");
		if (!Files.isWritable(dir)) throw new IllegalArgumentException(option + " " + out + ": folder " + dir +
			" is not writable; choose a folder you can write to.");
		if (Files.isDirectory(out)) throw new IllegalArgumentException(option + " " + out + " is a folder; give a " +
			"file name ending in .png.");
		for (Path in : inputs)
			if (in != null && sameFile(in, out)) throw new IllegalArgumentException(option + " " + out + " is also " +
				"an input; choose another output name (inputs are never replaced).");
		if (!overwrite && Files.exists(out)) throw new FileAlreadyExistsException(out.toString(), null,
			"already exists; pass --overwrite to replace it or choose another name");
	}

	private static boolean sameFile(Path a, Path b) throws IOException {
		if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) return true;
		return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
	}
}
