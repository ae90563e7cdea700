package org.audiostyle.plugin;

import ij.gui.Roi;
import ij.plugin.filter.GaussianBlur;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

/**
 * Limits a restyle to a selection: a weight per pixel (1 inside, 0 outside, a Gaussian ramp of width
 * {@code feather} across the edge) and the blend of the restyled plane over the original with it. The hard edge of
 * a restyle would show as a seam; the ramp hides it.
 */
public final class RoiFeather {

	private final float[] weight;
	private final int width, height;

	private RoiFeather(float[] weight, int width, int height) {
		this.weight = weight;
		this.width = width;
		this.height = height;
	}

	/** A mask for an area selection on a width x height plane; feather is the Gaussian sigma in pixels (0 = hard). */
	public static RoiFeather of(Roi roi, int width, int height, double feather) {
		if (roi == null || !roi.isArea())
			throw new IllegalArgumentException("Only area selections (rectangle, oval, polygon, freehand...) can limit" +
				" a restyle; got " + (roi == null ? "none" : roi.getTypeAsString()) + ".");
		if (!(feather >= 0)) throw new IllegalArgumentException("Feather must be >= 0 pixels, got " + feather);
		ByteProcessor mask = new ByteProcessor(width, height);
		mask.setValue(255);
		mask.fill(roi);
		FloatProcessor f = mask.convertToFloatProcessor();
		if (feather > 0) new GaussianBlur().blurGaussian(f, feather, feather, 0.002);
		float[] w = (float[]) f.getPixels();
		for (int i = 0; i < w.length; i++)
			w[i] = Math.max(0f, Math.min(1f, w[i] / 255f));
		return new RoiFeather(w, width, height);
	}

	/** Weight of the restyled image at (x, y), in [0, 1]. */
	public float weight(int x, int y) {
		return weight[y * width + x];
	}

	/** A new plane: restyled where the weight is 1, the original where it is 0, mixed in between. */
	public ColorProcessor blend(ColorProcessor original, ColorProcessor restyled) {
		if (original.getWidth() != width || restyled.getWidth() != width || original.getHeight() != height ||
			restyled.getHeight() != height) throw new IllegalArgumentException("Plane sizes differ from the mask's " +
				width + "x" + height + ".");
		int[] a = (int[]) original.getPixels(), b = (int[]) restyled.getPixels();
		int[] out = new int[a.length];
		for (int i = 0; i < out.length; i++) {
			float t = weight[i];
			if (t <= 0f) out[i] = a[i] | 0xff000000;
			else if (t >= 1f) out[i] = b[i] | 0xff000000;
			else out[i] = 0xff000000 | mixChannel(a[i], b[i], t, 16) << 16 | mixChannel(a[i], b[i], t, 8) << 8 |
				mixChannel(a[i], b[i], t, 0);
		}
		return new ColorProcessor(width, height, out);
	}

	private static int mixChannel(int a, int b, float t, int shift) {
		int ca = (a >> shift) & 0xff, cb = (b >> shift) & 0xff;
		return Math.round(ca + t * (cb - ca));
	}
}
