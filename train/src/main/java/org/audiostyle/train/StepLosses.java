package org.audiostyle.train;

import java.util.Locale;

/** The losses of one step (NaN where a term is off or not computed in this phase). */
public final class StepLosses {

	/** "pretrain" or "gan". */
	public final String phase;
	public double d = Double.NaN;
	public double gan = Double.NaN;
	public double nceX = Double.NaN;
	public double nceY = Double.NaN;
	public double avGenerator = Double.NaN;
	public double avCritic = Double.NaN;
	public double colourMoments = Double.NaN;
	public double sceneStatistics = Double.NaN;
	public double mixedSounds = Double.NaN;

	public StepLosses(String phase) {
		this.phase = phase;
	}

	/** Short form for the progress bar. */
	public String summary() {
		StringBuilder b = new StringBuilder();
		add(b, "D", d);
		add(b, "G", gan);
		add(b, "NCE", nceX);
		add(b, "idt", nceY);
		add(b, "avG", avGenerator);
		add(b, "avC", avCritic);
		add(b, "col", colourMoments);
		add(b, "scene", sceneStatistics);
		add(b, "mix", mixedSounds);
		return b.length() == 0 ? phase : b.toString().trim();
	}

	private static void add(StringBuilder b, String name, double v) {
		if (!Double.isNaN(v)) b.append(String.format(Locale.ROOT, " %s %.3f", name, v));
	}
}
