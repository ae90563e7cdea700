package org.audiostyle.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one evaluation (serialised as report.json; {@link #markdown()} gives report.md). */
public final class EvaluationReport {

	public static final class Classifier {

		public String kind;
		public String trainImages;
		public List<String> classes;
		public double heldOutAccuracy;
		public int heldOutImages;
		public Map<String, Map<String, Integer>> confusion;
	}

	public static final class Grid {

		public int images;
		public int sounds;
		public int pairs;
		/** Pairs whose input is not already of a scene class that co-occurs with the sound. */
		public int pairsScored;
	}

	public static final class Method {

		/** Fraction of scored pairs whose output the classifier puts in a co-occurring scene class. */
		public double hitRate;
		/** Mean SSIM of luminance, input vs output, over all pairs. */
		public double ssim;
		public final Map<String, Double> hitRatePerSound = new LinkedHashMap<>();
		/** Per sound class: how many scored outputs the classifier put in each scene class (where the misses go). */
		public final Map<String, Map<String, Integer>> scenesPerSound = new LinkedHashMap<>();
		/**
		 * Artefact check ({@link FlatRegionTexture}): mean over pairs of the output's high-frequency RMS in the input's
		 * flat regions, over the input's (1 = no texture added), and the same RMS in levels of 255.
		 */
		public double flatTextureRatio;
		public double flatTextureLevels;
		/** Pairs whose input has flat regions (the others are not counted in the two figures above). */
		public int flatPairs;
	}

	public static final class Mixing {

		public final List<String> pairs = new ArrayList<>();
		/** Ordered class pairs not scored: B goes with no scene that A does not (e.g. rain and thunderstorm). */
		public final List<String> unscoredPairs = new ArrayList<>();
		public final List<Double> positions = new ArrayList<>();
		/**
		 * Classifier probability of the scenes B goes with and A does not ({@link
		 * org.audiostyle.train.data.Cooccurrence#targetsAdded}) at each mix position, averaged over pairs and images.
		 */
		public final List<Double> meanProbabilityOfB = new ArrayList<>();
		public int sequences;
		/** Single (pair, image) sequences that never fall and end above their start. */
		public int monotonicSequences;
		/** The mean never falls from one mix position to the next and ends above its start. */
		public boolean meanRisesMonotonically;
		/** waveform or embedding. */
		public String mode;
		/** Spearman's rho of (B's weight, probability of B's scene), averaged over all sequences. */
		public double meanSpearman;
		/** Per ordered class pair "A -> B": rho averaged over its images. */
		public final Map<String, Double> spearmanPerPair = new LinkedHashMap<>();
		/** Class pairs whose mean rho is at least 0.9. */
		public int pairsWithSpearmanAtLeast09;
	}

	/** The strength check: distance of the output from the input as the sound's strength goes up. */
	public static final class Strength {

		public final List<Double> strengths = new ArrayList<>();
		/** Mean absolute RGB difference from the input, in levels of 255, per strength. */
		public final List<Double> meanDistanceFromInput = new ArrayList<>();
		public int sequences;
		/** (sound, image) sequences whose distance never falls as the strength rises. */
		public int monotonicSequences;
		/** Spearman's rho of (strength, distance), averaged over sequences. */
		public double meanSpearman;
	}

	public final Classifier classifier = new Classifier();
	public final Grid grid = new Grid();
	public final Map<String, Method> methods = new LinkedHashMap<>();
	public Mixing mixing;
	public Strength strength;
	public String contactSheet;

	public String markdown() {
		StringBuilder b = new StringBuilder("# Evaluation\n\n");
		b.append(String.format(Locale.ROOT, "Scene classifier (%s): %.1f%% accuracy on %d held-out images.%n%n",
			classifier.kind, 100 * classifier.heldOutAccuracy, classifier.heldOutImages));
		b.append(String.format(Locale.ROOT, "Grid: %d images x %d sounds = %d pairs; %d scored (input not already " +
			"of a co-occurring scene).%n%n", grid.images, grid.sounds, grid.pairs, grid.pairsScored));
		b.append("| method | co-occurring scene hit rate | SSIM (luminance) | flat-region texture (x input, levels) " +
			"|\n|---|---|---|---|\n");
		for (Map.Entry<String, Method> e : methods.entrySet())
			b.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.3f | %.2f, %.2f |%n", e.getKey(), 100 * e.getValue()
				.hitRate, e.getValue().ssim, e.getValue().flatTextureRatio, e.getValue().flatTextureLevels));
		b.append("\nHit rate per sound class:\n\n");
		tableHeader(b, methods.keySet());
		Method first = methods.values().iterator().next();
		for (String snd : first.hitRatePerSound.keySet()) {
			b.append("| ").append(snd).append(" |");
			for (Method m : methods.values())
				b.append(String.format(Locale.ROOT, " %.0f%% |", 100 * m.hitRatePerSound.getOrDefault(snd, Double.NaN)));
			b.append('\n');
		}
		if (!first.scenesPerSound.isEmpty()) {
			b.append("\nScenes the classifier saw in the first method's scored outputs, per sound:\n\n");
			tableHeader(b, classifier.classes);
			for (Map.Entry<String, Map<String, Integer>> e : first.scenesPerSound.entrySet()) {
				b.append("| ").append(e.getKey()).append(" |");
				for (String c : classifier.classes)
					b.append(' ').append(e.getValue().getOrDefault(c, 0)).append(" |");
				b.append('\n');
			}
		}
		if (mixing != null) {
			b.append("\nMixing A -> B (").append(mixing.pairs.size()).append(" pairs, ").append(mixing.sequences).append(
				" sequences): mean probability of the scenes B goes with and A does not, at mix ");
			for (int i = 0; i < mixing.positions.size(); i++)
				b.append(String.format(Locale.ROOT, "%s%.2f: %.3f", i == 0 ? "" : ", ", mixing.positions.get(i),
					mixing.meanProbabilityOfB.get(i)));
			b.append(String.format(Locale.ROOT, ". Rises monotonically on average: %s (%d of %d single sequences " +
				"monotonic).%n", mixing.meanRisesMonotonically ? "yes" : "no", mixing.monotonicSequences,
				mixing.sequences));
			b.append(String.format(Locale.ROOT, "Mix mode %s: mean Spearman rho %.3f; %d of %d class pairs at rho >= 0.9." +
				"%n", mixing.mode, mixing.meanSpearman, mixing.pairsWithSpearmanAtLeast09, mixing.spearmanPerPair.size()));
			if (!mixing.unscoredPairs.isEmpty()) b.append("Not scored (B adds no scene to A's): ").append(String.join(
				", ", mixing.unscoredPairs)).append(".\n");
		}
		if (strength != null) {
			b.append("\nStrength: mean distance from the input (levels) at strength ");
			for (int i = 0; i < strength.strengths.size(); i++)
				b.append(String.format(Locale.ROOT, "%s%.2f: %.2f", i == 0 ? "" : ", ", strength.strengths.get(i),
					strength.meanDistanceFromInput.get(i)));
			b.append(String.format(Locale.ROOT, "; %d of %d sequences monotonic, mean Spearman rho %.3f.%n",
				strength.monotonicSequences, strength.sequences, strength.meanSpearman));
		}
		if (contactSheet != null) b.append("\nContact sheet: ").append(contactSheet).append('\n');
		return b.toString();
	}

	/** A markdown table header: a "sound" column, then one per name. */
	private static void tableHeader(StringBuilder b, java.util.Collection<String> columns) {
		b.append("| sound |");
		for (String c : columns)
			b.append(' ').append(c).append(" |");
		b.append("\n|---|");
		for (int i = 0; i < columns.size(); i++)
			b.append("---|");
		b.append('\n');
	}
}
