package org.audiostyle.train.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The co-occurrence table {@code sound_class,image_class,weight}: in which scenes each kind of sound is heard, and how
 * often. Training uses it only to form pairs; evaluation uses it as the answer key (a scene class with weight >=
 * {@link #TARGET_WEIGHT} counts as a correct target for the sound).
 */
public final class Cooccurrence {

	/** Evaluation treats every scene class with at least this weight as a correct target. */
	public static final double TARGET_WEIGHT = 0.4;

	private final Map<String, Map<String, Double>> weights;

	private Cooccurrence(Map<String, Map<String, Double>> weights) {
		this.weights = weights;
	}

	public static Cooccurrence read(Path csv) throws IOException {
		if (!Files.isRegularFile(csv))
			throw new IOException("Co-occurrence table not found: " + csv + " (expected a CSV with header " +
				"sound_class,image_class,weight).");
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		if (lines.isEmpty()) throw new IOException(csv + " is empty; expected header sound_class,image_class,weight.");
		String[] header = lines.get(0).trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
		int s = indexOf(header, "sound_class"), im = indexOf(header, "image_class"), w = indexOf(header, "weight");
		if (s < 0 || im < 0 || w < 0)
			throw new IOException(csv + ": header must name sound_class, image_class and weight; got '" + lines.get(0) +
				"'.");
		Map<String, Map<String, Double>> m = new LinkedHashMap<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			String[] f = line.split("\\s*,\\s*");
			if (f.length < header.length) throw new IOException(csv + " line " + (i + 1) + ": expected " +
				header.length + " fields, got '" + line + "'.");
			double weight;
			try {
				weight = Double.parseDouble(f[w]);
			}
			catch (NumberFormatException e) {
				throw new IOException(csv + " line " + (i + 1) + ": weight '" + f[w] + "' is not a number.");
			}
			if (!(weight >= 0)) throw new IOException(csv + " line " + (i + 1) + ": weight must be >= 0.");
			m.computeIfAbsent(f[s], k -> new LinkedHashMap<>()).merge(f[im], weight, Double::sum);
		}
		if (m.isEmpty()) throw new IOException(csv + " has no rows.");
		return new Cooccurrence(m);
	}

	private static int indexOf(String[] a, String s) {
		for (int i = 0; i < a.length; i++)
			if (a[i].equals(s)) return i;
		return -1;
	}

	public List<String> soundClasses() {
		return new ArrayList<>(weights.keySet());
	}

	/** Scene classes and weights for a sound class (empty if the class is not in the table). */
	public Map<String, Double> scenesFor(String soundClass) {
		return Collections.unmodifiableMap(weights.getOrDefault(soundClass, Collections.emptyMap()));
	}

	/** Scene classes with weight >= {@link #TARGET_WEIGHT}. */
	public List<String> targetsFor(String soundClass) {
		List<String> t = new ArrayList<>();
		for (Map.Entry<String, Double> e : scenesFor(soundClass).entrySet())
			if (e.getValue() >= TARGET_WEIGHT) t.add(e.getKey());
		return t;
	}

	/**
	 * The target scenes of {@code to} that are not targets of {@code from}: what a cross-fade from one sound to the
	 * other can be seen to add (empty when the two go with the same scenes, e.g. rain and thunderstorm).
	 */
	public List<String> targetsAdded(String from, String to) {
		List<String> t = targetsFor(to);
		t.removeAll(targetsFor(from));
		return t;
	}

	/** The highest-weight scene class (first listed on ties), or null. */
	public String mainSceneFor(String soundClass) {
		String best = null;
		double bw = -1;
		for (Map.Entry<String, Double> e : scenesFor(soundClass).entrySet())
			if (e.getValue() > bw) {
				best = e.getKey();
				bw = e.getValue();
			}
		return best;
	}
}
