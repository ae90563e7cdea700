package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.RgbImageFiles;

/**
 * The class-folder layout: {@code sounds/<class>/*.wav}, {@code images/<class>/*.jpg} and a co-occurrence table.
 * A real pair is made by drawing a sound clip uniformly, then a scene class by the table's weights for the clip's
 * class, then an image of that class uniformly. Only {@code sounds/} and {@code images/} are read (never the held-out
 * {@code *_test} folders).
 */
public final class ClassFolderSource {

	private ClassFolderSource() {}

	/** Sub-folders of {@code dir} (sorted) with their files accepted by {@code filter} (sorted). */
	public static Map<String, List<Path>> classFolders(Path dir, java.util.function.Predicate<Path> filter)
		throws IOException
	{
		if (!Files.isDirectory(dir)) throw new IOException("Folder not found: " + dir);
		Map<String, List<Path>> m = new LinkedHashMap<>();
		try (Stream<Path> classes = Files.list(dir)) {
			for (Path c : classes.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
				try (Stream<Path> files = Files.list(c)) {
					List<Path> f = files.filter(Files::isRegularFile).filter(filter).sorted().collect(Collectors
						.toList());
					if (!f.isEmpty()) m.put(c.getFileName().toString(), f);
				}
			}
		}
		return m;
	}

	public static boolean isSound(Path p) {
		String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".wav") || n.endsWith(".mp3") || n.endsWith(".ogg") || n.endsWith(".flac") ||
			n.endsWith(".aif") || n.endsWith(".aiff") || n.endsWith(".au");
	}

	/**
	 * Loads and decodes everything once.
	 *
	 * @param dataDir folder holding {@code sounds/} and {@code images/}
	 * @param cooccurrence the table; null means {@code dataDir/cooccurrence.csv}
	 * @param loadSize images are resized to loadSize x loadSize
	 */
	public static TrainingData load(Path dataDir, Path cooccurrence, int loadSize, Consumer<String> log)
		throws IOException
	{
		Cooccurrence table = Cooccurrence.read(cooccurrence != null ? cooccurrence : dataDir.resolve(
			"cooccurrence.csv"));
		Map<String, List<Path>> soundFiles = classFolders(dataDir.resolve("sounds"), ClassFolderSource::isSound);
		Map<String, List<Path>> imageFiles = classFolders(dataDir.resolve("images"), RgbImageFiles::isImage);
		if (soundFiles.isEmpty()) throw new IOException("No sound files under " + dataDir.resolve("sounds") +
			"/<class>/.");
		if (imageFiles.isEmpty()) throw new IOException("No image files under " + dataDir.resolve("images") +
			"/<class>/.");

		List<PlanarImage> images = new ArrayList<>();
		List<String> imageNames = new ArrayList<>();
		Map<String, int[]> imagesOfClass = new LinkedHashMap<>();
		for (Map.Entry<String, List<Path>> e : imageFiles.entrySet()) {
			int first = images.size();
			for (Path p : e.getValue()) {
				images.add(RgbImageFiles.readSquare(p, loadSize));
				imageNames.add(e.getKey() + "/" + p.getFileName());
			}
			int[] idx = new int[e.getValue().size()];
			for (int i = 0; i < idx.length; i++)
				idx[i] = first + i;
			imagesOfClass.put(e.getKey(), idx);
			log.accept("images/" + e.getKey() + ": " + idx.length);
		}

		List<SoundClip> sounds = new ArrayList<>();
		List<double[]> sceneWeights = new ArrayList<>(); // per sound: weight per scene class (in imagesOfClass order)
		List<String> sceneOrder = new ArrayList<>(imagesOfClass.keySet());
		for (Map.Entry<String, List<Path>> e : soundFiles.entrySet()) {
			Map<String, Double> scenes = table.scenesFor(e.getKey());
			if (scenes.isEmpty()) {
				log.accept("sounds/" + e.getKey() + ": skipped, no row in the co-occurrence table");
				continue;
			}
			double[] w = new double[sceneOrder.size()];
			for (Map.Entry<String, Double> s : scenes.entrySet()) {
				int k = sceneOrder.indexOf(s.getKey());
				if (k < 0) throw new IOException("The co-occurrence table pairs sound class '" + e.getKey() +
					"' with scene class '" + s.getKey() + "', but " + dataDir.resolve("images") + " has no images/" +
					s.getKey() + "/ folder with images.");
				w[k] = s.getValue();
			}
			for (Path p : e.getValue()) {
				sounds.add(SoundClip.decode(p));
				sceneWeights.add(w);
			}
			log.accept("sounds/" + e.getKey() + ": " + e.getValue().size());
		}
		if (sounds.isEmpty()) throw new IOException("No sound class under " + dataDir.resolve("sounds") +
			" appears in the co-occurrence table.");

		int[][] byScene = new int[sceneOrder.size()][];
		for (int k = 0; k < byScene.length; k++)
			byScene[k] = imagesOfClass.get(sceneOrder.get(k));
		PairSampler sampler = rng -> {
			int sound = rng.nextInt(sceneWeights.size());
			int scene = rng.nextWeighted(sceneWeights.get(sound));
			int[] pool = byScene[scene];
			return new int[] { pool[rng.nextInt(pool.length)], sound };
		};
		return new TrainingData(images, imageNames, sounds, sampler, "class folders " + dataDir + ": " + images.size() +
			" images, " + sounds.size() + " sounds");
	}
}
