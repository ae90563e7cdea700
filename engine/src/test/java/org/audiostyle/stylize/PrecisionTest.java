package org.audiostyle.stylize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.djl.Device;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.runtime.DeviceChoice;
import org.junit.jupiter.api.Test;

/** The bf16 pass against the fp32 pass with the bundled model on the project's test images; choosing a precision. */
class PrecisionTest {

	@Test
	void bf16OutputIsWithinTwoLevelsOnAverageOfFp32OnTheTestImages() throws Exception {
		List<Path> images;
		try (Stream<Path> s = Files.list(Paths.get("..", "test-images"))) {
			images = s.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
		}
		assertTrue(images.size() >= 4, "test images not found: " + images);
		try (StyleModel model = StyleModel.bundledDefault(); Stylizer stylizer = new Stylizer(model, DeviceChoice.CPU)) {
			float[] rain = stylizer.embed(SoundMix.of(Sound.file(Paths.get("..", "sample-sounds", "rain.wav"))));
			for (Path p : images) {
				Img<?> in = ImageFiles.read(p);
				StylizeSettings s = StylizeSettings.defaults();
				Img<ARGBType> fp32 = stylizer.stylize(in, rain, s.withPrecision(Precision.FP32), Progress.NONE);
				Img<ARGBType> bf16 = stylizer.stylize(in, rain, s.withPrecision(Precision.BF16), Progress.NONE);
				double[] d = levels(fp32, bf16);
				System.out.printf("bf16 vs fp32, %s: mean %.3f, max %.0f (8-bit levels)%n", p.getFileName(), d[0], d[1]);
				assertTrue(d[0] <= 2 && d[1] <= 8, p + ": mean " + d[0] + ", max " + d[1]);
			}
		}
	}

	/** Mean and max absolute difference over all RGB samples. */
	private static double[] levels(Img<ARGBType> a, Img<ARGBType> b) {
		var ca = Views.flatIterable(a).cursor();
		var cb = Views.flatIterable(b).cursor();
		double sum = 0, max = 0;
		long n = 0;
		while (ca.hasNext()) {
			int x = ca.next().get(), y = cb.next().get();
			for (int shift = 0; shift <= 16; shift += 8) {
				int d = Math.abs(((x >> shift) & 0xff) - ((y >> shift) & 0xff));
				sum += d;
				max = Math.max(max, d);
				n++;
			}
		}
		return new double[] { sum / n, max };
	}

	@Test
	void parsesAndResolves() {
		assertEquals(Precision.BF16, Precision.parse(" BF16 "));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp16"));
		assertTrue(e.getMessage().contains("auto, fp32, bf16"), e.getMessage());
		assertEquals(ScriptPrecision.FP32, Precision.FP32.resolve(Device.cpu()).precision);
		assertEquals(ScriptPrecision.BF16, Precision.BF16.resolve(Device.cpu()).precision);
		assertEquals(ScriptPrecision.FP32, Precision.AUTO.resolve(Device.gpu()).precision);
		assertTrue(Precision.AUTO.resolve(Device.cpu()).reason.startsWith("bf16") ||
			Precision.AUTO.resolve(Device.cpu()).reason.startsWith("fp32"));
	}
}
