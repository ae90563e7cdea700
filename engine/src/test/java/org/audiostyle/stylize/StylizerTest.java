package org.audiostyle.stylize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CancellationException;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ArgbDetailTransfer;
import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.runtime.DeviceChoice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stylizer end to end with a tiny random FiLM model and generated audio. */
class StylizerTest {

	static StyleModel model;
	static Stylizer stylizer;
	static float[] noiseEmbedding, toneEmbedding;

	@BeforeAll
	static void setUp() throws Exception {
		model = StyleModel.random(NetworkConfig.tiny(), 11);
		stylizer = new Stylizer(model, DeviceChoice.CPU);
		noiseEmbedding = stylizer.embed(SoundMix.of(Sound.samples(TestSignals.noise(16000, 3), 16000, "noise")));
		toneEmbedding = stylizer.embed(SoundMix.of(Sound.samples(TestSignals.tone(22050, 2, 880), 22050, "tone")));
	}

	@AfterAll
	static void tearDown() {
		stylizer.close();
		model.close();
	}

	@Test
	void anySizeComesBackTheSameSize() {
		StylizeSettings native_ = StylizeSettings.defaults().withNativeResolution();
		for (int[] wh : new int[][] { { 1, 1 }, { 3, 2 }, { 333, 257 }, { 2000, 31 }, { 31, 2000 } }) {
			PlanarImage out = stylizer.stylize(TestSignals.scene(wh[0], wh[1], 1), noiseEmbedding, native_,
				Progress.NONE);
			assertEquals(wh[0], out.width);
			assertEquals(wh[1], out.height);
			for (float v : out.data)
				assertTrue(v >= 0 && v <= 1, "output in range");
		}
	}

	/**
	 * A colour-grid model restyles any size, at the working size or native, through the ARGB path too; strength 0 is
	 * the input; the sound changes the colours; and a flat photo stays flat (the grid network sees the photo, never
	 * draws on it).
	 */
	@Test
	void colourGridModelRecoloursAnySizeWithoutDrawing() throws Exception {
		try (StyleModel grid = StyleModel.random(NetworkConfig.tiny().withGenerator(NetworkConfig.Generator.GRID), 5);
			Stylizer s = new Stylizer(grid, DeviceChoice.CPU))
		{
			// random weights start at the identity: give the coefficient layer values, as training would
			java.util.Random r = new java.util.Random(2);
			for (java.util.Map.Entry<String, ai.djl.nn.Parameter> e : grid.generatorBlock().stateDict().entrySet())
				if (e.getKey().startsWith("coefficients")) {
					float[] v = new float[Math.toIntExact(e.getValue().getShape().size())];
					for (int i = 0; i < v.length; i++)
						v[i] = (float) (0.2 * r.nextGaussian());
					e.getValue().getArray().set(v);
				}
			float[] noise = s.embed(SoundMix.of(Sound.samples(TestSignals.noise(16000, 3), 16000, "noise")));
			float[] tone = s.embed(SoundMix.of(Sound.samples(TestSignals.tone(22050, 2, 880), 22050, "tone")));
			for (StylizeSettings settings : new StylizeSettings[] { StylizeSettings.defaults(), StylizeSettings
				.defaults().withNativeResolution() })
				for (int[] wh : new int[][] { { 1, 1 }, { 333, 257 }, { 2000, 31 } }) {
					PlanarImage in = TestSignals.scene(wh[0], wh[1], 1);
					PlanarImage out = s.stylize(in, noise, settings, Progress.NONE);
					assertEquals(wh[0], out.width);
					assertEquals(wh[1], out.height);
					assertArrayEquals(in.data, s.stylize(in, noise, settings.withStrength(0), Progress.NONE).data);
				}
			PlanarImage in = TestSignals.scene(300, 200, 3);
			PlanarImage a = s.stylize(in, noise, StylizeSettings.defaults(), Progress.NONE);
			PlanarImage b = s.stylize(in, tone, StylizeSettings.defaults(), Progress.NONE);
			double diff = 0;
			for (int i = 0; i < a.data.length; i++)
				diff += Math.abs(a.data[i] - b.data[i]);
			assertTrue(diff / a.data.length > 1e-4, "the sound changes the colours: " + diff / a.data.length);
			PlanarImage flat = new PlanarImage(500, 400).fill(0, 0.3f).fill(1, 0.6f).fill(2, 0.4f);
			PlanarImage out = s.stylize(flat, noise, StylizeSettings.defaults(), Progress.NONE);
			for (int c = 0; c < 3; c++) {
				float min = 1, max = 0;
				for (int i = 0; i < flat.planeSize(); i++) {
					min = Math.min(min, out.data[out.offset(c) + i]);
					max = Math.max(max, out.data[out.offset(c) + i]);
				}
				assertTrue(max - min < 1e-4f, "a flat photo stays flat: channel " + c + " spans " + (max - min));
			}
			net.imglib2.img.Img<net.imglib2.type.numeric.ARGBType> argb = s.stylize(net.imglib2.img.array.ArrayImgs
				.argbs(new int[3000 * 200], 3000, 200), noise, StylizeSettings.defaults(), Progress.NONE);
			assertEquals(3000, argb.dimension(0));
		}
	}

	@Test
	void pixelTypes() {
		StylizeSettings s = StylizeSettings.defaults();
		Img<UnsignedByteType> grey8 = ArrayImgs.unsignedBytes(40, 30);
		Img<UnsignedShortType> grey16 = ArrayImgs.unsignedShorts(40, 30);
		Img<FloatType> grey32 = ArrayImgs.floats(40, 30);
		Img<ARGBType> rgb = ArrayImgs.argbs(40, 30);
		int i = 0;
		for (var c = grey16.cursor(); c.hasNext(); i++)
			c.next().set(i * 37 % 65536);
		for (var c = grey32.cursor(); c.hasNext(); i++)
			c.next().set((float) Math.sin(i));
		for (Img<?> img : new Img<?>[] { grey8, grey16, grey32, rgb }) {
			Img<ARGBType> out = stylizer.stylize(img, noiseEmbedding, s, Progress.NONE);
			assertEquals(40, out.dimension(0));
			assertEquals(30, out.dimension(1));
		}
		// Grey in, grey replicated: the three input channels are equal, so only the network makes colour.
		Img<ARGBType> fromFloat = stylizer.stylize(grey32, noiseEmbedding, s.withDisplayRange(-1, 1), Progress.NONE);
		assertEquals(40 * 30, fromFloat.size());
	}

	/**
	 * stylizeConsuming gives stylize's pixels; for a packed 8-bit photo above the working size it writes them over the
	 * photo itself (no second full-resolution array), for anything else it leaves the input alone.
	 */
	@Test
	void consumingAPhotoGivesTheSamePixelsInItsOwnArray() throws Exception {
		SoundMix mix = SoundMix.of(Sound.samples(TestSignals.noise(16000, 3), 16000, "noise"));
		StylizeSettings s = StylizeSettings.defaults().withWorkSize(64);
		Img<ARGBType> photo = ImageConversion.toArgb(TestSignals.scene(150, 90, 4));
		int[] before = ArgbDetailTransfer.pixels(photo).clone();
		int[] want = ArgbDetailTransfer.pixels(stylizer.stylize(photo, mix, s, Progress.NONE));
		assertArrayEquals(before, ArgbDetailTransfer.pixels(photo), "stylize leaves its input alone");
		Img<ARGBType> got = stylizer.stylizeConsuming(photo, mix, s, Progress.NONE);
		assertSame(ArgbDetailTransfer.pixels(photo), ArgbDetailTransfer.pixels(got), "the photo's own array");
		assertArrayEquals(want, ArgbDetailTransfer.pixels(got));
		// below the working size (no reduce/restore): a new image, the input unchanged
		Img<ARGBType> small = ImageConversion.toArgb(TestSignals.scene(40, 30, 4));
		int[] smallBefore = ArgbDetailTransfer.pixels(small).clone();
		assertNotSame(ArgbDetailTransfer.pixels(small), ArgbDetailTransfer.pixels(stylizer.stylizeConsuming(small, mix,
			s, Progress.NONE)));
		assertArrayEquals(smallBefore, ArgbDetailTransfer.pixels(small));
	}

	/**
	 * Reducing ahead of the model (what the CLI does while the model loads) gives stylize's pixels; reduced for one
	 * working size and stylized at another, the photo is reduced again for the other; images the packed-int path does
	 * not take (below the working size, native) pass through unreduced.
	 */
	@Test
	void reducingAheadGivesTheSamePixels() throws Exception {
		SoundMix mix = SoundMix.of(Sound.samples(TestSignals.noise(16000, 3), 16000, "noise"));
		float[] e = stylizer.embed(mix);
		StylizeSettings s64 = StylizeSettings.defaults().withWorkSize(64), s48 = StylizeSettings.defaults()
			.withWorkSize(48);
		for (StylizeSettings at : new StylizeSettings[] { s64, s48, StylizeSettings.defaults().withWorkSize(
			StylizeSettings.NATIVE) })
		{
			Img<ARGBType> photo = ImageConversion.toArgb(TestSignals.scene(150, 90, 4));
			int[] want = ArgbDetailTransfer.pixels(stylizer.stylize(photo, e, at, Progress.NONE));
			Stylizer.Input ahead = Stylizer.reduceAhead(photo, s64, StageTimes.NONE);
			assertArrayEquals(want, ArgbDetailTransfer.pixels(stylizer.stylizeConsuming(ahead, e, at, Progress.NONE)),
				"reduced at 64, stylized at " + at.workSize);
		}
		Img<ARGBType> small = ImageConversion.toArgb(TestSignals.scene(40, 30, 4));
		int[] want = ArgbDetailTransfer.pixels(stylizer.stylize(small, e, s64, Progress.NONE));
		assertArrayEquals(want, ArgbDetailTransfer.pixels(stylizer.stylizeConsuming(Stylizer.reduceAhead(small, s64,
			StageTimes.NONE), e, s64, Progress.NONE)));
	}

	/**
	 * Tiles share the whole-image norm statistics, so tiled and untiled outputs agree. Tolerance: mean absolute
	 * difference below 0.5/255 and every pixel within 8/255 (the remaining difference is the zero/reflect padding
	 * at tile borders inside the receptive field, softened by the blend).
	 */
	@Test
	void tiledAgreesWithUntiled() {
		PlanarImage in = TestSignals.scene(200, 152, 3);
		StylizeSettings whole = StylizeSettings.defaults().withNativeResolution();
		StylizeSettings tiled = whole.withTiling(96, 32);
		PlanarImage a = stylizer.stylize(in, toneEmbedding, whole, Progress.NONE);
		PlanarImage b = stylizer.stylize(in, toneEmbedding, tiled, Progress.NONE);
		double sum = 0, max = 0;
		for (int k = 0; k < a.data.length; k++) {
			double d = Math.abs(a.data[k] - b.data[k]);
			sum += d;
			max = Math.max(max, d);
		}
		double mean = sum / a.data.length;
		assertTrue(mean < 0.5 / 255, "mean |tiled - untiled| = " + mean * 255 + "/255");
		assertTrue(max < 8.0 / 255, "max |tiled - untiled| = " + max * 255 + "/255");
		// Naive tiling (each tile its own statistics) would be far worse; the shared statistics are what matters.
	}

	/**
	 * The strength dial scales the model's change: 0 gives the input back, 0.5 lands halfway (before clipping), and
	 * the distance from the input rises with the strength, at the working size and after the change is brought back
	 * to full resolution. The sound's embedding does not depend on it.
	 */
	@Test
	void strengthScalesTheChangeFromTheInput() throws Exception {
		Sound noise = Sound.samples(TestSignals.noise(16000, 3), 16000, "noise");
		assertArrayEquals(noiseEmbedding, stylizer.embed(SoundMix.of(noise).withStrength(0.25)), 0f);
		PlanarImage in = TestSignals.scene(48, 40, 3);
		StylizeSettings at = StylizeSettings.defaults().withNativeResolution();
		PlanarImage full = stylizer.stylize(in, noiseEmbedding, at, Progress.NONE);
		PlanarImage half = stylizer.stylize(in, noiseEmbedding, at.withStrength(0.5), Progress.NONE);
		for (int i = 0; i < in.data.length; i++)
			assertEquals((in.data[i] + full.data[i]) / 2, half.data[i], 1e-5, "sample " + i);
		assertArrayEquals(in.data, stylizer.stylize(in, noiseEmbedding, at.withStrength(0), Progress.NONE).data, 0f);
		PlanarImage big = TestSignals.scene(300, 200, 4); // above the working size: the reduced path
		double last = -1;
		for (double strength : new double[] { 0, 0.25, 0.5, 1, 2 }) {
			PlanarImage out = stylizer.stylize(big, noiseEmbedding, StylizeSettings.defaults().withWorkSize(64)
				.withStrength(strength), Progress.NONE);
			double d = 0;
			for (int i = 0; i < big.data.length; i++)
				d += Math.abs(out.data[i] - big.data[i]);
			if (strength == 0) assertEquals(0, d, 1e-3, "strength 0 is the input");
			assertTrue(d > last, "strength " + strength + ": distance " + d + " after " + last);
			last = d;
		}
		assertThrows(IllegalArgumentException.class, () -> StylizeSettings.defaults().withStrength(-0.1));
		assertThrows(IllegalArgumentException.class, () -> StylizeSettings.defaults().withStrength(
			SoundMix.MAX_STRENGTH + 1));
		assertEquals(0.3, Stylizer.withStrengthOf(SoundMix.of(noise).withStrength(0.6), StylizeSettings.defaults()
			.withStrength(0.5)).strength, 1e-12, "a mix's strength and the settings' multiply");
		assertEquals(SoundMix.MAX_STRENGTH, Stylizer.withStrengthOf(SoundMix.of(noise).withStrength(3), StylizeSettings
			.defaults().withStrength(3)).strength, 1e-12, "a product above the maximum is capped, not rejected");
	}

	/**
	 * Embedding mixing is the share-weighted mean of each sound's own embedding (weights as shares), so a cross-fade
	 * moves the embedding in a straight line; waveform mixing encodes the sum once.
	 */
	@Test
	void embeddingMixIsTheWeightedMeanOfTheSoundsEmbeddings() throws Exception {
		Sound noise = Sound.samples(TestSignals.noise(16000, 3), 16000, "noise");
		Sound tone = Sound.samples(TestSignals.tone(22050, 2, 880), 22050, "tone");
		float[] a = stylizer.embed(SoundMix.of(noise).withStrength(2));
		float[] b = stylizer.embed(SoundMix.of(tone).withStrength(2));
		SoundMix quarter = SoundMix.of(java.util.List.of(noise, tone), new double[] { 0.3, 0.1 }).withStrength(2);
		float[] e = stylizer.embed(quarter.withMode(MixMode.EMBEDDING));
		for (int k = 0; k < e.length; k++)
			assertEquals(0.75 * a[k] + 0.25 * b[k], e[k], 1e-5, "component " + k);
		float[] w = stylizer.embed(quarter.withMode(MixMode.WAVEFORM));
		double diff = 0;
		for (int k = 0; k < e.length; k++)
			diff += Math.abs(w[k] - e[k]);
		assertTrue(diff > 1e-3, "waveform mixing is another embedding");
		float[] alone = stylizer.embed(SoundMix.crossfade(noise, tone, 0).withStrength(2).withMode(MixMode.EMBEDDING));
		assertArrayEquals(a, alone, 1e-6f, "weight 0: the second sound is not heard");
		assertThrows(IllegalArgumentException.class, () -> SoundMix.of(java.util.List.of(noise, tone), new double[] {
			0, 0 }).withMode(MixMode.EMBEDDING));
	}

	/**
	 * FiLM conditioning acts everywhere and at every size: interior pixels change by a similar amount at 256^2 and
	 * 1024^2. The paper's concatenation reaches the interior only through the norm statistics, so its change there
	 * is far smaller (asserted below: under a quarter of FiLM's at 1024^2; FiLM measured 1.7/255 at 256^2).
	 */
	@Test
	void soundChangesInteriorPixelsAtEverySize() throws Exception {
		StylizeSettings s = StylizeSettings.defaults().withNativeResolution();
		double small = interiorChange(stylizer, noiseEmbedding, toneEmbedding, TestSignals.scene(256, 256, 5), s);
		double large = interiorChange(stylizer, noiseEmbedding, toneEmbedding, TestSignals.scene(1024, 1024, 5), s);
		assertTrue(small > 1.0 / 255, "256^2: two sounds change interior pixels by " + small * 255 + "/255");
		assertTrue(large > 1.0 / 255, "1024^2: two sounds change interior pixels by " + large * 255 + "/255");
		assertTrue(large / small > 0.5 && large / small < 2, "similar at both sizes: " + small * 255 + " vs " +
			large * 255);
		try (StyleModel concat = StyleModel.random(NetworkConfig.tiny().withConditioning(
			NetworkConfig.Conditioning.CONCAT), 11); Stylizer c = new Stylizer(concat, DeviceChoice.CPU))
		{
			float[] a = c.embed(SoundMix.of(Sound.samples(TestSignals.noise(16000, 3), 16000, "noise")));
			float[] b = c.embed(SoundMix.of(Sound.samples(TestSignals.tone(22050, 2, 880), 22050, "tone")));
			double concatLarge = interiorChange(c, a, b, TestSignals.scene(1024, 1024, 5), s);
			assertTrue(concatLarge < large / 4, "concat interior change " + concatLarge * 255 + "/255 vs FiLM " +
				large * 255 + "/255");
		}
	}

	private static double interiorChange(Stylizer st, float[] e1, float[] e2, PlanarImage in, StylizeSettings s) {
		PlanarImage a = st.stylize(in, e1, s, Progress.NONE);
		PlanarImage b = st.stylize(in, e2, s, Progress.NONE);
		int m = in.width / 4;
		double sum = 0;
		int n = 0;
		for (int c = 0; c < 3; c++)
			for (int y = m; y < in.height - m; y++)
				for (int x = m; x < in.width - m; x++, n++)
					sum += Math.abs(a.get(c, x, y) - b.get(c, x, y));
		return sum / n;
	}

	/** Below the input size the change is computed small and added back: fine input detail survives. */
	@Test
	void workingSizeKeepsFineDetail() {
		int w = 1200, h = 900;
		PlanarImage in = new PlanarImage(w, h);
		Random r = new Random(2);
		for (int k = 0; k < in.data.length; k++)
			in.data[k] = 0.3f + 0.4f * ((((k % w) + (k / w)) & 1) == 0 ? 1 : 0) * r.nextFloat();
		PlanarImage out = stylizer.stylize(in, noiseEmbedding, StylizeSettings.defaults().withWorkSize(256),
			Progress.NONE);
		assertEquals(w, out.width);
		assertTrue(highFrequencyEnergy(out) > 0.8 * highFrequencyEnergy(in),
			"pixel-scale detail kept: " + highFrequencyEnergy(out) + " vs input " + highFrequencyEnergy(in));
	}

	private static double highFrequencyEnergy(PlanarImage p) {
		double e = 0;
		for (int y = 0; y < p.height; y++)
			for (int x = 1; x < p.width; x++) {
				double d = p.get(1, x, y) - p.get(1, x - 1, y);
				e += d * d;
			}
		return e;
	}

	@Test
	void cancellationStopsBeforeWork() {
		Progress cancelled = new Progress() {

			@Override
			public void update(long done, long total, String stage) {}

			@Override
			public boolean cancelled() {
				return true;
			}
		};
		assertThrows(CancellationException.class, () -> stylizer.stylize(TestSignals.scene(64, 64, 1), noiseEmbedding,
			StylizeSettings.defaults(), cancelled));
	}

	@Test
	void progressCountsTiles() {
		long[] last = new long[2];
		stylizer.stylize(TestSignals.scene(180, 100, 1), noiseEmbedding, StylizeSettings.defaults()
			.withNativeResolution().withTiling(64, 16), (done, total, stage) -> {
				last[0] = done;
				last[1] = total;
			});
		assertTrue(last[1] > 2, "several tiles + the statistics pass");
		assertEquals(last[1], last[0]);
	}

	@Test
	void wrongEmbeddingIsRejected() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stylizer.stylize(TestSignals
			.scene(8, 8, 1), new float[3], StylizeSettings.defaults(), Progress.NONE));
		assertTrue(e.getMessage().contains("embedding"));
	}
}
