import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A photo-sized JPEG for the end-to-end benchmark: a test image enlarged (bicubic) to W x H, with Gaussian noise of
 * 3 levels per channel (like sensor grain, so it compresses like a photo rather than a smooth enlargement), saved at
 * quality 0.92. Usage: java MakeTestPhoto.java IN.png OUT.jpg W H
 */
public class MakeTestPhoto {

	public static void main(String[] args) throws Exception {
		BufferedImage src = ImageIO.read(new File(args[0]));
		int w = Integer.parseInt(args[2]), h = Integer.parseInt(args[3]);
		BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = big.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.drawImage(src, 0, 0, w, h, null);
		g.dispose();
		Random r = new Random(1);
		int[] px = ((DataBufferInt) big.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < px.length; i++) {
			int v = px[i], out = 0;
			for (int s = 0; s < 24; s += 8) {
				int c = (v >> s & 255) + (int) Math.round(r.nextGaussian() * 3);
				out |= Math.max(0, Math.min(255, c)) << s;
			}
			px[i] = out;
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam p = writer.getDefaultWriteParam();
		p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		p.setCompressionQuality(0.92f);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[1]))) {
			writer.setOutput(out);
			writer.write(null, new IIOImage(big, null, null), p);
		}
		writer.dispose();
	}
}
