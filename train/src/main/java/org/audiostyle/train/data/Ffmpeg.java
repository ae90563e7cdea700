package org.audiostyle.train.data;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the system's {@code ffmpeg} binary (Debian's package, found on PATH) and collects its raw output. Never
 * downloads anything: without ffmpeg the video source fails with a message saying how to install it.
 */
public final class Ffmpeg {

	private final Path binary;

	private Ffmpeg(Path binary) {
		this.binary = binary;
	}

	/** ffmpeg at an explicit path, or from PATH when {@code explicit} is null. */
	public static Ffmpeg locate(Path explicit) throws IOException {
		if (explicit != null) {
			if (!Files.isExecutable(explicit))
				throw new IOException("ffmpeg not found or not executable at " + explicit + ".");
			return new Ffmpeg(explicit);
		}
		String path = System.getenv("PATH");
		if (path != null)
			for (String dir : path.split(File.pathSeparator)) {
				if (dir.isEmpty()) continue;
				Path p = Path.of(dir, "ffmpeg");
				if (Files.isExecutable(p)) return new Ffmpeg(p);
			}
		throw new IOException("Training from videos needs the ffmpeg program, and it is not on the PATH. Install it " +
			"(Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; Windows: add ffmpeg.exe's " +
			"folder to PATH) or convert the videos yourself to a CSV of image,sound pairs and use that source.");
	}

	public Path binary() {
		return binary;
	}

	/** Runs ffmpeg with these arguments and returns everything it wrote to stdout; fails with its stderr. */
	public byte[] run(List<String> args) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(binary.toString());
		cmd.add("-nostdin");
		cmd.add("-v");
		cmd.add("error");
		cmd.addAll(args);
		Process p = new ProcessBuilder(cmd).start();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Thread drain = new Thread(() -> copy(p.getErrorStream(), err), "ffmpeg-stderr");
		drain.setDaemon(true);
		drain.start();
		byte[] out;
		try (InputStream in = p.getInputStream()) {
			out = in.readAllBytes();
		}
		try {
			int rc = p.waitFor();
			drain.join(5000);
			if (rc != 0) throw new IOException("ffmpeg failed (exit " + rc + ") for: " + String.join(" ", cmd) + "\n" +
				err.toString().trim());
		}
		catch (InterruptedException e) {
			p.destroy();
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running ffmpeg", e);
		}
		return out;
	}

	private static void copy(InputStream in, ByteArrayOutputStream out) {
		try (in) {
			in.transferTo(out);
		}
		catch (IOException ignored) {
			// stderr is only used for the error message
		}
	}
}
