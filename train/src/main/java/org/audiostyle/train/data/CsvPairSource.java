package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.RgbImageFiles;

/**
 * A CSV of real pairs: header {@code image,sound}, one pair per line, paths absolute or relative to the CSV's folder.
 * A file named on several lines is decoded once.
 */
public final class CsvPairSource {

	private CsvPairSource() {}

	public static TrainingData load(Path csv, int loadSize, Consumer<String> log) throws IOException {
		if (!Files.isRegularFile(csv)) throw new IOException("Pair list not found: " + csv);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		if (lines.isEmpty()) throw new IOException(csv + " is empty; expected a header 'image,sound'.");
		String[] header = lines.get(0).trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
		int ci = -1, cs = -1;
		for (int i = 0; i < header.length; i++) {
			if (header[i].equals("image")) ci = i;
			if (header[i].equals("sound")) cs = i;
		}
		if (ci < 0 || cs < 0)
			throw new IOException(csv + ": the first line must be a header naming the columns 'image' and 'sound', got '" +
				lines.get(0) + "'.");
		Path base = csv.toAbsolutePath().getParent();
		Map<Path, Integer> imageIndex = new LinkedHashMap<>();
		Map<Path, Integer> soundIndex = new LinkedHashMap<>();
		List<int[]> pairs = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			String[] f = line.split("\\s*,\\s*");
			if (f.length <= Math.max(ci, cs)) throw new IOException(csv + " line " + (i + 1) +
				": expected an image and a sound, got '" + line + "'.");
			Path img = base.resolve(f[ci]).normalize();
			Path snd = base.resolve(f[cs]).normalize();
			if (!Files.isRegularFile(img)) throw new IOException(csv + " line " + (i + 1) + ": image not found: " + img);
			if (!Files.isRegularFile(snd)) throw new IOException(csv + " line " + (i + 1) + ": sound not found: " + snd);
			int a = imageIndex.computeIfAbsent(img, k -> imageIndex.size());
			int b = soundIndex.computeIfAbsent(snd, k -> soundIndex.size());
			pairs.add(new int[] { a, b });
		}
		if (pairs.isEmpty()) throw new IOException(csv + " lists no pairs.");
		List<PlanarImage> images = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Path p : imageIndex.keySet()) {
			images.add(RgbImageFiles.readSquare(p, loadSize));
			names.add(base.relativize(p.toAbsolutePath()).toString());
		}
		List<SoundClip> sounds = new ArrayList<>();
		for (Path p : soundIndex.keySet())
			sounds.add(SoundClip.decode(p));
		int[] pi = new int[pairs.size()], ps = new int[pairs.size()];
		for (int i = 0; i < pi.length; i++) {
			pi[i] = pairs.get(i)[0];
			ps[i] = pairs.get(i)[1];
		}
		log.accept(csv + ": " + pairs.size() + " pairs, " + images.size() + " images, " + sounds.size() + " sounds");
		return new TrainingData(images, names, sounds, PairSampler.uniform(pi, ps), "pair list " + csv + ": " +
			pairs.size() + " pairs");
	}
}
