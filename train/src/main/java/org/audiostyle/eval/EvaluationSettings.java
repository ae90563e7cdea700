package org.audiostyle.eval;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Sizes of the evaluation grid and where the judge comes from. Defaults suit a CPU run of about 350 stylizations. */
public final class EvaluationSettings {

	/** Held-out images per scene class in the grid. */
	public int imagesPerClass = 4;
	/** Held-out sounds per sound class in the grid. */
	public int soundsPerClass = 1;
	/**
	 * Sound-class pairs (A, B with different main scenes) for the mixing check; 0 or less means every ordered pair of
	 * classes (first sound of each).
	 */
	public int mixPairs = 6;
	/** How the mixing check combines A and B. */
	public org.audiostyle.audio.MixMode mixMode = org.audiostyle.audio.SoundMix.DEFAULT_MODE;
	/** Strengths of the strength check (each sound class's first sound on {@link #mixImages} images). */
	public double[] strengths = { 0, 0.25, 0.5, 0.75, 1 };
	/** Images per pair in the mixing check. */
	public int mixImages = 4;
	/** Mix positions from A to B, both ends included. */
	public int mixSteps = 5;
	/** Inputs (columns) in the contact sheet. */
	public int sheetImages = 6;
	/** Cell side of the contact sheet. */
	public int sheetCell = 160;
	public long seed = 1;
	/**
	 * Training images ({@code <class>/*.jpg}) for the judge and for the colour-transfer targets; null means the
	 * {@code images} folder next to the co-occurrence table.
	 */
	public Path trainImages;
	/** A ready judge (e.g. a saved one); null trains the statistics classifier on {@link #trainImages}. */
	public SceneClassifier classifier;
	public Consumer<String> log = s -> {};
}
