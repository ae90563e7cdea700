package org.audiostyle.image;

/**
 * Brings a change computed at low resolution back onto the full-resolution image while keeping the image's own fine
 * detail: O = clamp(I + up(o - i)), where I is the full-resolution input, i = down(I) the low-resolution input the
 * network saw, and o = G(i) its output. Only the <i>change</i> o - i is enlarged; it is smooth at the full-resolution
 * scale, the image is not, so a 4000 x 3000 photo restyled at 512 px comes back sharp instead of blurred.
 *
 * <p>When i already has I's size (native resolution), this is simply clamp(o).
 */
public final class DetailTransfer {

	private DetailTransfer() {}

	/** O = clamp(I + up(o - i)) with bicubic enlargement. */
	public static PlanarImage apply(PlanarImage fullInput, PlanarImage lowInput, PlanarImage lowOutput) {
		return apply(fullInput, lowInput, lowOutput, Resampling.Upscale.BICUBIC);
	}

	/** O = clamp(I + up(o - i)); {@code up} is the interpolation used to enlarge the change. */
	public static PlanarImage apply(PlanarImage fullInput, PlanarImage lowInput, PlanarImage lowOutput,
		Resampling.Upscale up)
	{
		if (lowInput.width != lowOutput.width || lowInput.height != lowOutput.height) throw new IllegalArgumentException(
			"Low-resolution input " + lowInput.width + "x" + lowInput.height + " and output " + lowOutput.width + "x" +
				lowOutput.height + " must have the same size");
		float[] a = lowInput.data, b = lowOutput.data;
		float[] diff = new float[a.length];
		for (int i = 0; i < diff.length; i++)
			diff[i] = b[i] - a[i];
		PlanarImage out = fullInput.copy();
		Resampling.resizeAdd(new PlanarImage(lowInput.width, lowInput.height, diff), out, up);
		return out.clamp();
	}
}
