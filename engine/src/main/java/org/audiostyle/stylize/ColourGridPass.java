package org.audiostyle.stylize;

import ai.djl.ndarray.NDManager;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.nn.ColourGridGenerator;
import org.audiostyle.nn.GridSlicing;
import org.audiostyle.runtime.DjlRuntime;

/**
 * How a {@link ColourGridGenerator} restyles a photo of any size: its grid network sees the photo reduced to a working
 * size (sides rounded to whole grid cells), and the colour matrices are applied at every pixel of the full-resolution
 * photo. No tiles and no detail transfer: the output is the input's own pixels recoloured, so edges stay where they
 * are at any size. Shared by {@link Stylizer} and the training checkpoints' stylizer.
 */
public final class ColourGridPass {

	private ColourGridPass() {
	}

	/**
	 * @param workSize the long side the grid network sees ({@link StylizeSettings#NATIVE}: the photo's own size)
	 * @param strength 0 = the input, 1 = the full change
	 */
	public static PlanarImage apply(ColourGridGenerator generator, NDManager manager, PlanarImage input,
		float[] embedding, int workSize, double strength)
	{
		int w = input.width, h = input.height;
		if (strength == 0) return input.copy();
		int[] low = workSize == StylizeSettings.NATIVE ? new int[] { w, h } : Resampling.workingSize(w, h, workSize);
		int lw = GridSlicing.lowResolution(low[0]), lh = GridSlicing.lowResolution(low[1]);
		PlanarImage small = lw == w && lh == h ? input : Resampling.resize(input, lw, lh);
		float[] grid = DjlRuntime.run(() -> generator.gridValues(manager, small.toNetworkRange(), lh, lw, embedding));
		PlanarImage out = new PlanarImage(w, h);
		GridSlicing.apply(input.data, out.data, w, h, grid, lh / ColourGridGenerator.CELL, lw / ColourGridGenerator.CELL,
			(float) strength);
		return out;
	}
}
