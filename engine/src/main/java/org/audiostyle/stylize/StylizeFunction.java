package org.audiostyle.stylize;

import java.io.IOException;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.PlanarImage;

/** The model under evaluation: an RGB image in [0, 1] and a sound mix to an image of the same size. */
@FunctionalInterface
public interface StylizeFunction {

	PlanarImage stylize(PlanarImage image, SoundMix sound) throws IOException;
}
