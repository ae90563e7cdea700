package org.audiostyle.cli;

import java.util.Locale;
import java.util.Map;

/** One Markdown table row of a ranking (recognise, judge): the item, the best class and its score, two runners-up. */
final class RankedRow {

	private RankedRow() {
	}

	/** {@code ordered}: class to score, best first. */
	static String of(String item, Map<String, Double> ordered) {
		StringBuilder rest = new StringBuilder();
		String best = null;
		int k = 0;
		for (Map.Entry<String, Double> e : ordered.entrySet()) {
			if (k++ == 0) best = e.getKey();
			else if (k <= 3) rest.append(rest.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", e
				.getKey(), e.getValue()));
		}
		return String.format(Locale.ROOT, "| %s | %s | %.2f | %s |", item, best, ordered.get(best), rest);
	}
}
