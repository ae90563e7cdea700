package org.audiostyle.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import javax.imageio.ImageIO;

import org.audiostyle.image.PlanarImage;
import org.junit.jupiter.api.Test;

class SceneRendererTest {

	@Test
	void renderingIsDeterministic() {
		PlanarImage a = SceneRenderer.render(SceneRendererScene.odd());
		PlanarImage b = SceneRenderer.render(SceneRendererScene.odd());
		assertArrayEquals(a.data, b.data);
		// and not trivial: many distinct colours, all in range
		long distinct = java.util.stream.IntStream.range(0, a.planeSize()).map(i -> Float.floatToIntBits(a.data[i]))
			.distinct().count();
		assertTrue(distinct > 1000, "only " + distinct + " distinct red values");
		for (float v : a.data)
			assertTrue(v >= 0 && v <= 1);
	}

	@Test
	void committedTestImagesMatchTheRenderer() throws IOException {
		Path dir = testImagesFolder();
		Map<String, BufferedImage> expected = SceneRenderer.testImages();
		for (Map.Entry<String, BufferedImage> e : expected.entrySet()) {
			Path f = dir.resolve(e.getKey());
			assertTrue(Files.exists(f), f + " missing: run SceneRenderer.main (see test-images/README.md)");
			BufferedImage got = ImageIO.read(f.toFile());
			assertNotNull(got, f.toString());
			Raster want = e.getValue().getRaster(), have = got.getRaster();
			assertEquals(want.getWidth(), have.getWidth(), f.toString());
			assertEquals(want.getHeight(), have.getHeight(), f.toString());
			assertEquals(want.getNumBands(), have.getNumBands(), f.toString());
			assertEquals(want.getSampleModel().getSampleSize(0), have.getSampleModel().getSampleSize(0), f.toString());
			int w = want.getWidth(), h = want.getHeight();
			for (int b = 0; b < want.getNumBands(); b++)
				assertArrayEquals(want.getSamples(0, 0, w, h, b, (int[]) null), have.getSamples(0, 0, w, h, b,
					(int[]) null), f + " band " + b + " differs from the renderer: regenerate (test-images/README.md)");
		}
	}

	@Test
	void grey16UsesSixteenBitPrecision() {
		BufferedImage g = SceneRenderer.testImage("grey16.png");
		int[] v = g.getRaster().getSamples(0, 0, g.getWidth(), g.getHeight(), 0, (int[]) null);
		int min = Integer.MAX_VALUE, max = 0, notMultipleOf256 = 0;
		for (int x : v) {
			min = Math.min(min, x);
			max = Math.max(max, x);
			if (x % 256 != 0) notMultipleOf256++;
		}
		assertTrue(min >= 1000 && max <= 60000 && max - min > 20000, min + ".." + max);
		assertTrue(notMultipleOf256 > v.length / 2);
	}

	/** test-images/ at the repository root, found from the module folder the tests run in. */
	static Path testImagesFolder() {
		for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent())
			if (Files.isDirectory(p.resolve("test-images"))) return p.resolve("test-images");
		throw new IllegalStateException("No test-images folder above " + Paths.get("").toAbsolutePath());
	}
}
