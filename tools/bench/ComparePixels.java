import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * The largest per-sample difference (0..255) between two 8-bit RGB images of one size, and how many samples differ.
 * Usage: java ComparePixels.java A.png B.png
 */
public class ComparePixels {

	public static void main(String[] args) throws Exception {
		BufferedImage a = ImageIO.read(new File(args[0])), b = ImageIO.read(new File(args[1]));
		int w = a.getWidth(), h = a.getHeight();
		if (w != b.getWidth() || h != b.getHeight()) {
			System.out.printf("%s vs %s: sizes differ%n", args[0], args[1]);
			System.exit(1);
		}
		int[] p = a.getRGB(0, 0, w, h, null, 0, w), q = b.getRGB(0, 0, w, h, null, 0, w);
		int max = 0;
		long differ = 0;
		for (int i = 0; i < p.length; i++)
			for (int s = 0; s < 24; s += 8) {
				int d = Math.abs((p[i] >> s & 255) - (q[i] >> s & 255));
				if (d > 0) differ++;
				max = Math.max(max, d);
			}
		System.out.printf("%s vs %s: max difference %d/255, %d of %d samples differ%n", args[0], args[1], max, differ,
			3L * p.length);
	}
}
