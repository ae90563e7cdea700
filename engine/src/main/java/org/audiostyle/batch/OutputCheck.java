package org.audiostyle.batch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Whether an output left by an earlier run is finished: it decodes completely and, when the input's size can be read,
 * has that size (stylizing keeps the size). Outputs are written atomically, so a partial file should not exist, but a
 * copy from elsewhere or a damaged disk can leave one; such an output is made again.
 */
final class OutputCheck {

	private OutputCheck() {}

	static boolean isComplete(Path output, Path input) {
		BufferedImage out;
		try {
			out = ImageIO.read(output.toFile());
		}
		catch (IOException | RuntimeException e) {
			return false;
		}
		if (out == null) return false;
		int[] in = headerSize(input);
		return in == null || in[0] == out.getWidth() && in[1] == out.getHeight();
	}

	/** Width and height from the image's header (no decoding), or null when it cannot be read. */
	private static int[] headerSize(Path image) {
		try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
			if (in == null) return null;
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) return null;
			ImageReader r = readers.next();
			try {
				r.setInput(in, true, true);
				return new int[] { r.getWidth(0), r.getHeight(0) };
			}
			finally {
				r.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
