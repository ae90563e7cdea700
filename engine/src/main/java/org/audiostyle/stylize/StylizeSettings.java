package org.audiostyle.stylize;

/**
 * How an image is run through the network. Immutable; change with the {@code with...} methods.
 *
 * <p>The working size is the long side (in pixels) the network sees. The model learned its textures on ~256 px
 * frames, so the default (256) restyles at a scale it knows; the change it makes is then brought back to full
 * resolution, keeping the input's fine detail. {@link #NATIVE} runs the network on every input pixel (tiled when
 * large).
 */
public final class StylizeSettings {

	public static final int NATIVE = 0;
	public static final int DEFAULT_WORK_SIZE = 256;
	public static final int AUTO = 0;

	public final int workSize;
	/** Tile side in pixels at the working resolution; {@link #AUTO} picks one from the model's memory needs. */
	public final int tileSize;
	/** Overlap between tiles, in working-resolution pixels; blended smoothly. */
	public final int tileOverlap;
	/** For float images: the values shown as black and white. NaN = take the image's min and max. */
	public final double displayMin, displayMax;
	/** Number format of the generator pass; {@link Precision#AUTO} picks bf16 where the CPU has it. */
	public final Precision precision;
	/**
	 * Share of the model's change applied: output = input + strength * (restyled - input), at the working size before
	 * the change is brought back to full resolution. 0 = the input, 1 = the model's restyle (see {@link
	 * org.audiostyle.audio.SoundMix}: a mix's strength multiplies this one).
	 */
	public final double strength;

	private StylizeSettings(int workSize, int tileSize, int tileOverlap, double displayMin, double displayMax,
		Precision precision, double strength)
	{
		if (workSize < 0) throw new IllegalArgumentException("Working size must be >= 0 (0 = native), got " + workSize);
		if (tileSize < 0) throw new IllegalArgumentException("Tile size must be >= 0 (0 = automatic), got " + tileSize);
		if (tileOverlap < 0) throw new IllegalArgumentException("Tile overlap must be >= 0, got " + tileOverlap);
		if (tileSize > 0 && tileSize <= 2 * tileOverlap)
			throw new IllegalArgumentException("Tile size " + tileSize + " must exceed twice the overlap " + tileOverlap);
		this.workSize = workSize;
		this.tileSize = tileSize;
		this.tileOverlap = tileOverlap;
		this.displayMin = displayMin;
		this.displayMax = displayMax;
		this.precision = java.util.Objects.requireNonNull(precision, "precision");
		if (!(strength >= 0 && strength <= org.audiostyle.audio.SoundMix.MAX_STRENGTH))
			throw new IllegalArgumentException("Strength must be a number from 0 to " + (int) org.audiostyle.audio.SoundMix
				.MAX_STRENGTH + ", got " + strength);
		this.strength = strength;
	}

	public static StylizeSettings defaults() {
		return new StylizeSettings(DEFAULT_WORK_SIZE, AUTO, 32, Double.NaN, Double.NaN, Precision.AUTO, 1);
	}

	public StylizeSettings withWorkSize(int s) {
		return new StylizeSettings(s, tileSize, tileOverlap, displayMin, displayMax, precision, strength);
	}

	public StylizeSettings withNativeResolution() {
		return withWorkSize(NATIVE);
	}

	public StylizeSettings withTiling(int size, int overlap) {
		return new StylizeSettings(workSize, size, overlap, displayMin, displayMax, precision, strength);
	}

	public StylizeSettings withDisplayRange(double min, double max) {
		if (!(max > min)) throw new IllegalArgumentException("Display range needs max > min, got " + min + ".." + max);
		return new StylizeSettings(workSize, tileSize, tileOverlap, min, max, precision, strength);
	}

	public StylizeSettings withPrecision(Precision p) {
		return new StylizeSettings(workSize, tileSize, tileOverlap, displayMin, displayMax, p, strength);
	}

	/** The share of the model's change to apply (see {@link #strength}). */
	public StylizeSettings withStrength(double s) {
		return new StylizeSettings(workSize, tileSize, tileOverlap, displayMin, displayMax, precision, s);
	}

	/** Parses "native" or a positive number of pixels. */
	public static int parseWorkSize(String s) {
		if (s.trim().equalsIgnoreCase("native")) return NATIVE;
		try {
			int v = Integer.parseInt(s.trim());
			if (v < 4) throw new NumberFormatException();
			return v;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("Working size '" + s + "' must be 'native' or a number of pixels >= 4.");
		}
	}

	@Override
	public String toString() {
		return "workSize=" + (workSize == NATIVE ? "native" : workSize) + ", tile=" + (tileSize == AUTO ? "auto"
			: tileSize) + ", overlap=" + tileOverlap + ", precision=" + precision.id() + (strength == 1 ? "" : ", strength=" + strength) + (Double.isNaN(displayMin) ? "" : ", display=" + displayMin +
				".." + displayMax);
	}
}
