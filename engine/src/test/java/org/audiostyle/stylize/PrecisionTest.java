package org.audiostyle.stylize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.nn.Parameter;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.view.Views;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.model.ModelManifest;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.StateDict;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.runtime.CpuFeatures;
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
		assertEquals(ScriptPrecision.FP32, Precision.FP32.resolve(Device.cpu(), passed("abc"), "abc").precision);
		assertEquals(ScriptPrecision.BF16, Precision.BF16.resolve(Device.cpu(), null, "abc").precision);
		assertEquals(ScriptPrecision.FP32, Precision.AUTO.resolve(Device.gpu(), passed("abc"), "abc").precision);
	}

	@Test
	void autoTakesBf16OnlyForAPackageWhoseCheckPassedOnItsOwnWeights() {
		ScriptPrecision bf16IfCpuCan = CpuFeatures.hasBf16() ? ScriptPrecision.BF16 : ScriptPrecision.FP32;
		assertEquals(bf16IfCpuCan, Precision.AUTO.resolve(Device.cpu(), passed("abc"), "ABC").precision);
		Precision.Choice none = Precision.AUTO.resolve(Device.cpu(), null, "abc");
		assertEquals(ScriptPrecision.FP32, none.precision);
		if (CpuFeatures.hasBf16()) assertTrue(none.reason.contains("records no check"), none.reason);
		Precision.Choice other = Precision.AUTO.resolve(Device.cpu(), passed("abc"), "def");
		assertEquals(ScriptPrecision.FP32, other.precision, "a record made on other weights does not count");
		ModelManifest.PrecisionCheck failed = passed("abc");
		failed.bf16 = ModelManifest.PrecisionCheck.FAILED;
		failed.maxLevels = 61.0;
		Precision.Choice f = Precision.AUTO.resolve(Device.cpu(), failed, "abc");
		assertEquals(ScriptPrecision.FP32, f.precision);
		if (CpuFeatures.hasBf16()) assertTrue(f.reason.contains("failed: max 61/255"), f.reason);
		ModelManifest.PrecisionCheck unchecked = passed("abc");
		unchecked.bf16 = ModelManifest.PrecisionCheck.UNCHECKED;
		assertEquals(ScriptPrecision.FP32, Precision.AUTO.resolve(Device.cpu(), unchecked, "abc").precision);
	}

	@Test
	void aModelWhoseBf16PassIsFarOffFailsTheCheckAndRunsFp32UnderAuto() throws Exception {
		// Huge dynamic range: every convolution that feeds an instance norm gets a bias of 1000. The norm removes it
		// exactly in fp32, but bf16 (8 significant bits) keeps values near 1000 only to the nearest 4, far coarser
		// than the signal riding on them.
		try (StyleModel random = StyleModel.random(NetworkConfig.tiny(), 5)) {
			for (Map.Entry<String, Parameter> p : StateDict.of(random.generator()).entrySet())
				if (p.getKey().matches("model_(down|up)\\.\\d+\\.bias") && !p.getKey().equals("model_up.9.bias")) {
					float[] v = p.getValue().getArray().toFloatArray();
					for (int i = 0; i < v.length; i++) v[i] += 1000;
					StateDict.copy(p.getValue(), v);
				}
			try (StyleModel farOff = StyleModel.fromNetworks(random.generator(), random.audioEncoder(), random.config(),
				"far-off", "bf16 far off fp32", Map.of()))
			{
				ModelManifest.PrecisionCheck r = Bf16Check.measure(farOff);
				System.out.println("far-off model: " + r.summary());
				assertEquals(ModelManifest.PrecisionCheck.FAILED, r.bf16, r.summary());
				assertTrue(r.maxLevels > 2, r.summary());
				farOff.manifest().precisionCheck = r;
				try (Stylizer s = new Stylizer(farOff, DeviceChoice.CPU)) {
					assertEquals(ScriptPrecision.FP32, s.precisionChoice(Precision.AUTO).precision);
					assertTrue(s.passDescription(Precision.AUTO).contains("fp32 (auto"), s.passDescription(Precision
						.AUTO));
				}
			}
		}
	}

	@Test
	void theBundledModelRecordsAPassedCheckOnItsOwnWeights() throws Exception {
		try (StyleModel model = StyleModel.bundledDefault()) {
			ModelManifest.PrecisionCheck r = model.manifest().precisionCheck;
			assertTrue(r != null && r.passedFor(model.manifest().sha256.get("generator")), "the bundled model.json " +
				"needs a passed bf16 check (audiostyle check-precision --model " +
				"engine/src/main/resources/org/audiostyle/models/default): " + (r == null ? "none" : r.summary()));
			assertTrue(r.maxLevels <= Bf16Check.MAX_LEVELS && r.meanLevels <= Bf16Check.MEAN_LEVELS, r.summary());
		}
	}

	@Test
	void aRecordSurvivesTheManifestRoundTrip() throws Exception {
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny(), 2)) {
			ModelManifest.PrecisionCheck r = Bf16Check.unchecked(m, "test");
			m.manifest().precisionCheck = r;
			Path dir = Files.createTempDirectory("precision-record");
			m.save(dir.resolve("pkg"), false);
			try (StyleModel back = StyleModel.load(dir.resolve("pkg"))) {
				assertEquals(ModelManifest.PrecisionCheck.UNCHECKED, back.manifest().precisionCheck.bf16);
				assertEquals(m.manifest().sha256.get("generator"), back.manifest().precisionCheck.generatorSha256);
			}
		}
	}

	private static ModelManifest.PrecisionCheck passed(String sha) {
		ModelManifest.PrecisionCheck r = new ModelManifest.PrecisionCheck();
		r.bf16 = ModelManifest.PrecisionCheck.PASSED;
		r.maxLevels = 1.0;
		r.meanLevels = 0.1;
		r.maxLimit = 2;
		r.meanLimit = 0.5;
		r.inputs = "test";
		r.generatorSha256 = sha;
		return r;
	}
}
