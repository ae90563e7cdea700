package org.audiostyle.stylize;

import org.audiostyle.image.PlanarImage;

/**
 * The strength dial: {@code input + strength * (restyled - input)}, clipped to [0, 1]. Linear in the strength, so the
 * picture moves away from the input steadily as the strength rises, and 0 gives the input back exactly.
 */
public final class StrengthBlend {

	private StrengthBlend() {}

	/** A new image (or {@code restyled} itself at strength 1); neither argument is changed. */
	public static PlanarImage apply(PlanarImage input, PlanarImage restyled, double strength) {
		if (strength == 1) return restyled;
		if (input.width != restyled.width || input.height != restyled.height)
			throw new IllegalArgumentException("Input " + input.width + "x" + input.height + " and restyled " +
				restyled.width + "x" + restyled.height + " differ in size.");
		PlanarImage out = restyled.copy();
		float s = (float) strength;
		for (int i = 0; i < out.data.length; i++)
			out.data[i] = Math.min(1f, Math.max(0f, input.data[i] + s * (restyled.data[i] - input.data[i])));
		return out;
	}
}
