package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ImageProcessor;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.task.event.TaskEvent;

/**
 * The three commands end to end, headless, through a real SciJava context and the real engine with a saved tiny
 * random model, on the ImagePlus inputs Fiji hands a command. Skipped while the engine is an API skeleton.
 */
class StylizeCommandTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static File model, rain, birds, recording;

	@BeforeAll
	static void start() throws Exception {
		Fixtures.assumeEngine();
		context = new Context();
		model = Fixtures.savedTinyModel(dir, 7);
		rain = Fixtures.wav(dir, "rain.wav", 3.5, 300, 1);
		birds = Fixtures.wav(dir, "birds.wav", 2.0, 2500, 2);
		recording = Fixtures.wav(dir, "walk.wav", 6.0, 600, 3);
	}

	@AfterAll
	static void stop() {
		if (context != null) context.dispose();
	}

	@Test
	void everyImageTypeGivesANewRgbImageWithProvenance() throws Exception {
		for (int bits : new int[] { 8, 16, 32, 24 }) {
			ImagePlus in = Fixtures.image("beach.tif", bits, 24, 18, 1, 1, 1);
			Calibration cal = in.getCalibration();
			cal.pixelWidth = 0.5;
			cal.pixelHeight = 0.25;
			cal.setUnit("um");
			in.setProperty("Info", "acquired at the beach");
			Object before = copy(in.getProcessor().getPixels());
			ImagePlus out = stylize("image", in, "sound", rain);
			String what = bits + "-bit";
			assertEquals(24, out.getWidth(), what);
			assertEquals(18, out.getHeight(), what);
			assertEquals(ImagePlus.COLOR_RGB, out.getType(), what);
			assertEquals("beach-rain", out.getTitle(), what);
			assertEquals(0.5, out.getCalibration().pixelWidth, what);
			assertEquals(0.25, out.getCalibration().pixelHeight, what);
			assertEquals("\u00b5m", out.getCalibration().getUnit(), what);
			assertTrue(Arrays.deepEquals(new Object[] { before }, new Object[] { in.getProcessor().getPixels() }),
				"the input is never modified (" + what + ")");
			Map<String, String> p = Provenance.parse(out.getInfoProperty());
			assertEquals(Restyle.STYLIZE, p.get("command"), what);
			assertEquals("rain.wav", p.get("sound"));
			assertEquals(Provenance.sha256(rain.toPath()), p.get("sound.sha256"));
			assertEquals(model.getAbsolutePath(), p.get("model"));
			assertNotNull(p.get("model.id"));
			assertEquals("cpu()", p.get("device"));
			assertEquals("1.0", p.get("strength"));
			assertEquals("0 (native)", p.get("worksize"));
			assertEquals("beach.tif", p.get("input"));
			assertTrue(out.getInfoProperty().endsWith("acquired at the beach"), "input's Info kept");
		}
	}

	@Test
	void hyperstackPlanesKeepTheirOrder() throws Exception {
		ImagePlus in = Fixtures.image("cells", 8, 20, 16, 2, 2, 2);
		ImagePlus out = stylize("image", in, "sound", rain);
		assertArrayEquals(new int[] { 20, 16, 2, 2, 2 }, out.getDimensions());
		assertTrue(out.isHyperStack());
		ImageStack s = out.getStack();
		for (int n = 1; n <= 8; n++)
			assertEquals(in.getStack().getSliceLabel(n), s.getSliceLabel(n));
		// Plane n of the result is plane n of the input restyled on its own (the model is deterministic).
		for (int n : new int[] { 1, 6, 8 }) {
			ImagePlus one = new ImagePlus("one", in.getStack().getProcessor(n));
			ImagePlus alone = stylize("image", one, "sound", rain);
			assertArrayEquals((int[]) alone.getProcessor().getPixels(), (int[]) s.getPixels(n), "plane " + n);
		}
		assertFalse(Arrays.equals((int[]) s.getPixels(1), (int[]) s.getPixels(8)), "different inputs, different" +
			" planes");
	}

	@Test
	void selectionOnlyChangesItsInside() throws Exception {
		ImagePlus in = Fixtures.image("beach", 8, 48, 32, 1, 1, 1);
		ImagePlus whole = stylize("image", in, "sound", rain, "feather", 0.0);
		in.setRoi(new Roi(16, 8, 20, 16));
		ImagePlus part = stylize("image", in, "sound", rain, "feather", 1.0);
		ImageProcessor o = part.getProcessor(), w = whole.getProcessor(), i = in.getProcessor();
		for (int[] xy : new int[][] { { 2, 2 }, { 45, 30 }, { 5, 20 } }) {
			int g = i.get(xy[0], xy[1]);
			assertEquals(g << 16 | g << 8 | g, o.get(xy[0], xy[1]) & 0xffffff, "outside unchanged at " + xy[0] + "," +
				xy[1]);
		}
		for (int[] xy : new int[][] { { 26, 16 }, { 20, 12 }, { 31, 20 } })
			assertEquals(w.get(xy[0], xy[1]) & 0xffffff, o.get(xy[0], xy[1]) & 0xffffff, "restyled inside at " +
				xy[0] + "," + xy[1]);
		assertTrue(Provenance.parse(part.getInfoProperty()).get("selection").startsWith("Rectangle 16,8 20x16"));
		assertNotNull(part.getRoi(), "the selection is carried over to the result");
	}

	@Test
	void cancellingMidStackLeavesNoImage() throws Exception {
		ImagePlus in = Fixtures.image("stack", 8, 24, 18, 1, 6, 1);
		AtomicInteger cancelledAt = new AtomicInteger(-1);
		// What a task monitor's cancel button does: cancel the task once the first plane is done.
		Object listener = new Object() {

			@EventHandler
			public void onTask(TaskEvent e) {
				if (Restyle.STYLIZE.equals(e.getTask().getName()) && e.getTask().getProgressValue() >= 1000 / 6 &&
					!e.getTask().isCanceled())
				{
					cancelledAt.set((int) e.getTask().getProgressValue());
					e.getTask().cancel("test pressed cancel");
				}
			}
		};
		java.util.List<org.scijava.event.EventSubscriber<?>> subscribed = context.service(EventService.class).subscribe(
			listener);
		try {
			CommandModule m = CommandRunner.run(context, StylizeWithSound.class, CommandRunner.inputs("image", in,
				"sound", rain, "model", model));
			assertTrue(cancelledAt.get() > 0, "the test cancelled during the run");
			assertTrue(m.isCanceled());
			assertTrue(m.getCancelReason().contains("test pressed cancel"), m.getCancelReason());
			assertNull(m.getOutput("result"), "no half-made stack");
		}
		finally {
			context.service(EventService.class).unsubscribe(subscribed);
		}
	}

	@Test
	void strengthSweepLabelsEachFrame() throws Exception {
		ImagePlus in = Fixtures.image("beach", 24, 20, 16, 1, 3, 1);
		in.setSlice(2);
		ImagePlus out = run(SoundSweep.class, "image", in, "sound", rain, "vary", "strength", "from", 0.0, "to", 2.0,
			"frames", 3);
		assertArrayEquals(new int[] { 20, 16, 1, 1, 3 }, out.getDimensions());
		assertEquals("beach-rain strength sweep", out.getTitle());
		assertEquals("strength=0.000", out.getStack().getSliceLabel(1));
		assertEquals("strength=1.000", out.getStack().getSliceLabel(2));
		assertEquals("strength=2.000", out.getStack().getSliceLabel(3));
		assertFalse(Arrays.equals((int[]) out.getStack().getPixels(1), (int[]) out.getStack().getPixels(3)),
			"strength changes the picture");
		Map<String, String> p = Provenance.parse(out.getInfoProperty());
		assertEquals("c1 z2 t1", p.get("plane"));
		assertEquals("3", p.get("frames"));
	}

	@Test
	void mixSweepGoesFromOneSoundToTheOther() throws Exception {
		ImagePlus in = Fixtures.image("beach", 8, 20, 16, 1, 1, 1);
		ImagePlus out = run(SoundSweep.class, "image", in, "sound", rain, "sound2", birds, "vary", "mix", "from", 0.0,
			"to", 1.0, "frames", 2);
		assertEquals("beach-rain+birds mix sweep", out.getTitle());
		assertEquals("mix=1.000", out.getStack().getSliceLabel(2));
		ImagePlus onlyBirds = stylize("image", in, "sound", birds);
		assertArrayEquals((int[]) onlyBirds.getProcessor().getPixels(), (int[]) out.getStack().getPixels(2),
			"mix 1 is the second sound alone");
	}

	@Test
	void mixModeChoosesHowTwoSoundsCombine() throws Exception {
		ImagePlus in = Fixtures.image("beach", 8, 20, 16, 1, 1, 1);
		ImagePlus blended = stylize("image", in, "sound", rain, "sound2", birds, "mix", 0.5, "mixmode", "embedding");
		ImagePlus summed = stylize("image", in, "sound", rain, "sound2", birds, "mix", 0.5, "mixmode", "waveform");
		assertFalse(Arrays.equals((int[]) blended.getProcessor().getPixels(), (int[]) summed.getProcessor()
			.getPixels()), "summing the recordings is not blending what the model hears of each");
		assertEquals("embedding", Provenance.parse(blended.getInfoProperty()).get("mixmode"));
		assertEquals("waveform", Provenance.parse(summed.getInfoProperty()).get("mixmode"));
	}

	@Test
	void movieFollowsTheRecording() throws Exception {
		ImagePlus in = Fixtures.image("street", 8, 20, 16, 1, 1, 1);
		ImagePlus out = run(SoundToMovie.class, "image", in, "sound", recording, "fps", 2.0, "smoothing", 0.5, "frames",
			0);
		// 6 s of sound, a 3 s window every 0.5 s: starts 0, 0.5, ..., 3.0.
		assertEquals(7, out.getNFrames());
		assertEquals("t=0.00 s", out.getStack().getSliceLabel(1));
		assertEquals("t=3.00 s", out.getStack().getSliceLabel(7));
		assertEquals(2.0, out.getCalibration().fps);
		assertEquals(0.5, out.getCalibration().frameInterval);
		assertEquals("street-walk movie", out.getTitle());
		assertEquals("6.000 s", Provenance.parse(out.getInfoProperty()).get("sound.duration"));
	}

	@Test
	void gpuWithoutAGpuSaysSo() throws Exception {
		CommandModule m = CommandRunner.run(context, StylizeWithSound.class, CommandRunner.inputs("image", Fixtures
			.image("b", 8, 8, 8, 1, 1, 1), "sound", rain, "model", model, "device", "gpu"));
		if (!m.isCanceled()) return; // a machine with a CUDA GPU: nothing to report
		assertTrue(m.getCancelReason().contains("Could not start the model on device 'gpu'"), m.getCancelReason());
		assertNull(m.getOutput("result"));
	}

	private static ImagePlus stylize(Object... keyValues) throws Exception {
		return run(StylizeWithSound.class, keyValues);
	}

	private static ImagePlus run(Class<? extends org.scijava.command.Command> c, Object... keyValues)
		throws Exception
	{
		Map<String, Object> in = CommandRunner.inputs(keyValues);
		if (in.get("model") == null) in.put("model", model);
		CommandModule m = CommandRunner.run(context, c, in);
		assertFalse(m.isCanceled(), () -> c.getSimpleName() + " failed: " + m.getCancelReason());
		ImagePlus out = (ImagePlus) m.getOutput("result");
		assertNotNull(out);
		return out;
	}

	private static Object copy(Object pixels) {
		if (pixels instanceof byte[]) return ((byte[]) pixels).clone();
		if (pixels instanceof short[]) return ((short[]) pixels).clone();
		if (pixels instanceof float[]) return ((float[]) pixels).clone();
		return ((int[]) pixels).clone();
	}
}
