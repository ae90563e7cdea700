import java.io.File;

import javax.imageio.ImageIO;

/** Re-saves an image as PNG (the stress batch's PNG inputs). Usage: java ToPng.java IN OUT.png */
public class ToPng {

	public static void main(String[] args) throws Exception {
		if (!ImageIO.write(ImageIO.read(new File(args[0])), "png", new File(args[1])))
			throw new IllegalStateException("no PNG writer");
	}
}
