package org.audiostyle.stylize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;

/**
 * The one engine entry point: (image, sound) to restyled image. API SKELETON: the implementation lands with the
 * engine issue. Thread-confined: use one Stylizer per thread.
 */
public final class Stylizer implements AutoCloseable {

	public Stylizer(StyleModel model, DeviceChoice device) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** The audio embedding of a mix (what the generator is conditioned on). */
	public float[] embed(SoundMix mix) throws java.io.IOException {
		throw new UnsupportedOperationException("skeleton");
	}

	/**
	 * Restyles a 2-D image: any RealType (grey; replicated to RGB; float scaled by the display range) or ARGBType.
	 * Returns an RGB image of the same width and height.
	 */
	public Img<ARGBType> stylize(RandomAccessibleInterval<?> image, SoundMix mix, StylizeSettings settings,
		Progress progress) throws java.io.IOException
	{
		throw new UnsupportedOperationException("skeleton");
	}

	/** As above, with an embedding computed once by {@link #embed} (stacks, sweeps, movies). */
	public Img<ARGBType> stylize(RandomAccessibleInterval<?> image, float[] embedding, StylizeSettings settings,
		Progress progress)
	{
		throw new UnsupportedOperationException("skeleton");
	}

	/** Human-readable device in use, e.g. "cpu()" or "gpu(0)". */
	public String device() {
		throw new UnsupportedOperationException("skeleton");
	}

	@Override
	public void close() {}
}
