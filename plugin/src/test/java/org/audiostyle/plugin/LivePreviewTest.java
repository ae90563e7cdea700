package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * The dialog's live preview, driven as SciJava's input harvester drives it (a real Context; module inputs set, then
 * {@link Module#preview()}; {@link Module#cancel()} when the dialog is cancelled).
 */
class LivePreviewTest {

	@TempDir
	Path dir;

	private Context context;

	@BeforeEach
	void start() {
		context = new Context();
	}

	@AfterEach
	void stop() {
		context.dispose();
	}

	@Test
	void previewFollowsTheValuesOnAReducedCopyAndCancelLeavesTheImageUntouched() throws Exception {
		Fixtures.assumeEngine();
		ImagePlus imp = Fixtures.image("photo", 24, 300, 200, 1, 1, 1);
		int[] before = ((int[]) imp.getProcessor().getPixels()).clone();
		File model = Fixtures.savedTinyModel(dir, 3);
		File low = Fixtures.wav(dir, "low.wav", 3, 200, 1);
		File high = Fixtures.wav(dir, "high.wav", 3, 3000, 2);

		CommandInfo info = context.service(CommandService.class).getCommand(StylizeWithSound.class);
		Module m = context.service(ModuleService.class).createModule(info);
		StylizeWithSound command = (StylizeWithSound) ((CommandModule) m).getCommand();
		CommandRunner.inputs("image", imp, "sound", low, "model", model).forEach(m::setInput);
		m.preview();
		ImagePlus window = command.livePreview().window();
		assertNotNull(window, "no preview after the first update");
		assertEquals(LivePreview.SIZE, Math.max(window.getWidth(), window.getHeight()), "reduced working size");
		assertEquals(LivePreview.SIZE * 2 / 3, window.getHeight());
		int[] full = pixels(window);

		m.setInput("strength", 0.0);
		m.preview();
		int[] none = pixels(window);
		assertFalse(Arrays.equals(full, none), "strength 0 did not change the preview");
		m.setInput("strength", 1.0);
		m.preview();
		assertArrayEquals(full, pixels(window), "back at strength 1, the same preview");

		m.setInput("sound", high);
		m.preview();
		int[] other = pixels(window);
		assertFalse(Arrays.equals(full, other), "another sound did not change the preview");

		m.setInput("sound2", low);
		m.setInput("mix", 1.0);
		m.preview();
		int[] mixedToLow = pixels(window);
		m.setInput("mix", 0.0);
		m.preview();
		assertFalse(Arrays.equals(mixedToLow, pixels(window)), "the mix did not change the preview");

		m.setInput("window", "start");
		m.preview();
		assertTrue(command.livePreview().lastNanos > 0);
		m.setInput("window", "not a time");
		m.preview(); // a value that cannot work yet: logged, the last preview stays
		assertNotNull(command.livePreview().window());

		assertArrayEquals(before, (int[]) imp.getProcessor().getPixels(), "the preview changed the image");
		m.cancel();
		assertNull(command.livePreview(), "cancel leaves the preview open");
		assertNull(window.getWindow(), "the preview window is still shown");
		assertArrayEquals(before, (int[]) imp.getProcessor().getPixels(), "cancel changed the image");
	}

	@Test
	void aHeadlessRunMakesNoPreview() throws Exception {
		Fixtures.assumeEngine();
		ImagePlus imp = Fixtures.image("grey", 8, 40, 30, 1, 1, 1);
		CommandModule m = CommandRunner.run(context, StylizeWithSound.class, CommandRunner.inputs("image", imp,
			"sound", Fixtures.wav(dir, "rain.wav", 3, 300, 1), "model", Fixtures.savedTinyModel(dir, 3)));
		assertNotNull(m.getOutput("result"));
		assertNull(((StylizeWithSound) m.getCommand()).livePreview());
	}

	private static int[] pixels(ImagePlus imp) {
		return ((int[]) imp.getProcessor().getPixels()).clone();
	}
}
