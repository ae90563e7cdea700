package org.audiostyle.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.WindowManager;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.audiostyle.plugin.Fixtures;
import org.audiostyle.runtime.DeviceChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ext. functions through ImageJ 1.x's real macro interpreter, headless: registration with call() (run() cannot
 * work in plain headless ImageJ), the settings, and a clear macro error for each kind of bad argument. These need no
 * model; MacroEngineTest runs the restyles.
 */
class MacroExtensionsTest {

	@TempDir
	static Path dir;

	private static String rain;

	@BeforeAll
	static void sound() throws Exception {
		rain = Fixtures.wav(dir, "rain.wav", 1, 300, 1).getAbsolutePath();
	}

	@BeforeEach
	@AfterEach
	void fresh() {
		MacroState.INSTANCE.reset();
		WindowManager.closeAllWindows();
	}

	@Test
	void settersChangeTheSharedState() {
		assertNull(Macros.run(Macros.REGISTER + "Ext.setWindow(\"2.5\"); Ext.setWorkSize(256); Ext.setFeather(3);" +
			" Ext.setDevice(\"CPU\");", ""));
		MacroState s = MacroState.INSTANCE;
		assertEquals("2.5", s.window);
		assertEquals(256, s.worksize);
		assertEquals(3.0, s.feather);
		assertEquals(DeviceChoice.CPU, s.device());
		File model = dir.toFile(); // any existing path is accepted here; loading checks it
		assertNull(Macros.run(Macros.REGISTER + "Ext.setModel(\"" + model + "\");", ""));
		assertEquals(model, s.model());
		assertNull(Macros.run(Macros.REGISTER + "Ext.setModel(\"\");", ""), "empty = bundled");
		assertNull(s.model());
	}

	@Test
	void badSettingsStopTheMacroWithTheReason() {
		assertError("Ext.setWindow(\"middle\");", "'window': Window 'middle' is not 'loudest', 'start' or a time");
		assertError("Ext.setWorkSize(2);", "'worksize' must be 0 (native resolution) or a number of pixels >= 4");
		assertError("Ext.setWorkSize(100.5);", "'worksize' must be a whole number, got 100.5");
		assertError("Ext.setFeather(-1);", "'feather' must be a finite number >= 0");
		assertError("Ext.setDevice(\"tpu\");", "'device': Unknown device 'tpu'");
		assertError("Ext.setModel(\"/no/such/model.zip\");", "Model not found: /no/such/model.zip");
	}

	@Test
	void badRestyleArgumentsStopBeforeAnyModelLoads() {
		assertError("Ext.stylize(\"\", \"" + rain + "\", 1);", "No image is open");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.stylize(\"sea\", \"" + rain + "\", 1);",
			"No open image is titled 'sea'");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.stylize(\"beach\", \"/no/rain.wav\", 1);",
			"Sound file not found: /no/rain.wav ('sound')");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.stylize(\"\", \"" + rain + "\", -1);",
			"'strength' must be between 0 and 4, got -1.");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.mix(\"\", \"" + rain + "\", \"\", 0.5, 1);",
			"No sound file given for 'sound2'");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.mix(\"\", \"" + rain + "\", \"" + rain +
			"\", 2, 1);", "'mix' must be between 0 and 1, got 2.");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.sweep(\"\", \"" + rain + "\", \"\", 0, 1," +
			" 2.5);", "'frames' must be a whole number, got 2.5");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.sweep(\"\", \"" + rain + "\", \"\", 0, 1, 0);",
			"'frames' must be between 1 and 1000, got 0");
		assertError("newImage(\"beach\", \"8-bit ramp\", 32, 24, 1); Ext.movie(\"\", \"" + rain + "\", 0, 1, 0);",
			"'fps' must be > 0");
		assertError("Ext.stylizeFile(\"/no/in.tif\", \"/tmp/out.tif\", \"" + rain + "\", 1);",
			"Input image not found: /no/in.tif");
	}

	@Test
	void stylizeFileRefusesFormatsThatLoseTheResult() throws Exception {
		Path in = dir.resolve("in.tif");
		IJ.saveAsTiff(IJ.createImage("in", "8-bit ramp", 8, 8, 1), in.toString());
		assertError("Ext.stylizeFile(\"" + in + "\", \"" + dir.resolve("out.bmp") + "\", \"" + rain + "\", 1);",
			"must end with .tif, .png or .jpg");
		assertError("Ext.stylizeFile(\"" + in + "\", \"/no/folder/out.tif\", \"" + rain + "\", 1);",
			"The folder of the output /no/folder/out.tif does not exist");
	}

	@Test
	void anErrorAbortsTheMacroThroughIJRunMacro() {
		// The path -batch and Fiji take: the macro is aborted, nothing after the bad call runs.
		Path marker = dir.resolve("after.txt");
		String r = IJ.runMacro(Macros.REGISTER + "Ext.setWindow(\"nonsense\"); File.saveString(\"ran\", \"" + marker +
			"\");");
		assertEquals("[aborted]", r);
		assertTrue(!Files.exists(marker), "the line after the error must not run");
		assertTrue(MacroErrors.last().contains("'window'"), MacroErrors.last());
	}

	@Test
	void batchMacroWithoutArgumentsPrintsUsageAndStops() throws Exception {
		assertNull(Macros.run(Macros.shipped("batch_stylize.ijm"), ""));
		assertNull(Macros.run(Macros.shipped("batch_stylize.ijm"), "input=/no/such/folder output=" + dir +
			" sound=" + rain));
	}

	private static void assertError(String code, String expected) {
		String err = Macros.run(Macros.REGISTER + code, "");
		assertTrue(err != null && err.contains(expected), "expected an error containing <" + expected + "> for " +
			code + " but got <" + err + ">");
		WindowManager.closeAllWindows();
	}
}
