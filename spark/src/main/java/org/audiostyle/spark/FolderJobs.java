package org.audiostyle.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.audiostyle.batch.BatchRow;
import org.audiostyle.batch.JobsCsv;

/**
 * Jobs from a folder listing instead of a CSV: every image file directly in a folder (sorted by name, so the row
 * numbers are stable) with every given sound, strength 1, outputs named as the batch command names them.
 */
final class FolderJobs {

	private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp",
		".gif");

	private FolderJobs() {}

	/** Row k is image k / sounds.size() with sound k % sounds.size(). */
	static List<BatchRow> list(Path images, List<Path> sounds, Path outDir) throws IOException {
		if (!Files.isDirectory(images)) throw new NoSuchFileException(images + " (--images folder)");
		List<Path> files;
		try (Stream<Path> s = Files.list(images)) {
			files = s.filter(Files::isRegularFile).filter(FolderJobs::isImage).sorted().collect(Collectors.toList());
		}
		List<BatchRow> rows = new ArrayList<>();
		for (Path image : files)
			for (Path sound : sounds)
				rows.add(BatchRow.job(rows.size(), 0, image.toAbsolutePath(), sound.toAbsolutePath(), 1.0, outDir
					.resolve(JobsCsv.defaultOutputName(image, sound))));
		return rows;
	}

	private static boolean isImage(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return !n.startsWith(".") && IMAGE_SUFFIXES.stream().anyMatch(n::endsWith);
	}
}
