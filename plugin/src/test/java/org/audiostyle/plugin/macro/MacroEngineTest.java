package org.audiostyle.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.io.FileSaver;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.audiostyle.plugin.Fixtures;
import org.audiostyle.plugin.Provenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restyles through the Ext. functions and the shipped batch macro, in ImageJ 1.x's real interpreter, headless, with
 * a saved tiny random model. Skipped while the engine is an API skeleton.
 */
class MacroEngineTest {

	@TempDir
	static Path dir;

	private static File model, rain, birds;

	@BeforeAll
	static void data() throws Exception {
		Fixtures.assumeEngine();
		model = Fixtures.savedTinyModel(dir, 11);
		rain = Fixtures.wav(dir, "rain.wav", 3, 300, 1);
		birds = Fixtures.wav(dir, "birds.wav", 2, 2500, 2);
	}

	@AfterEach
	void fresh() {
		MacroState.INSTANCE.reset();
		WindowManager.closeAllWindows();
	}

	@Test
	void stylizeMixAndSweepMakeNewImages() throws Exception {
		Path report = dir.resolve("report.txt");
		String code = Macros.REGISTER + "setBatchMode(true);\n" + //
			"Ext.setModel(\"" + model + "\"); Ext.setDevice(\"cpu\"); Ext.setWorkSize(0);\n" + //
			"before = nImages;\n" + //
			"newImage(\"beach\", \"8-bit ramp\", 32, 24, 1);\n" + //
			"Ext.stylize(\"beach\", \"" + rain + "\", 1);\n" + //
			"r = getTitle() + \"|\" + getTitle() + \"|\" + getWidth() + \"x\" + getHeight() + \"|\" + bitDepth();\n" + //
			"info = getMetadata(\"Info\");\n" + //
			"Ext.mix(\"beach\", \"" + rain + "\", \"" + birds + "\", 0.25, 1); m = getTitle();\n" + //
			"Ext.sweep(\"beach\", \"" + rain + "\", \"\", 0, 2, 3); s = getTitle();\n" + //
			"r = r + \"|\" + m + \"|\" + s + \"|\" + nSlices + \"|\" + getInfo(\"slice.label\");\n" + //
			"Ext.getDevice(device); Ext.getModelId(id);\n" + //
			"r = r + \"|\" + device + \"|\" + id + \"|\" + (nImages - before);\n" + //
			"File.saveString(r + \"\\n\" + info, \"" + report + "\");\n" + //
			"close(\"*\");\n";
		assertNull(Macros.run(code, ""));
		String[] lines = new String(Files.readAllBytes(report), StandardCharsets.UTF_8).split("\n", 2);
		String[] r = lines[0].split("\\|");
		assertEquals("beach-rain", r[0], "the new image is active");
		
		assertEquals("32x24", r[2]);
		assertEquals("24", r[3], "RGB");
		assertEquals("beach-rain+birds", r[4]);
		assertEquals("beach-rain strength sweep", r[5]);
		assertEquals("3", r[6]);
		assertEquals("strength=0.000", r[7], "first slice of the sweep is labelled");
		assertEquals("cpu()", r[8]);
		assertTrue(r[9].length() > 0, "model id");
		assertEquals("4", r[10], "the input and three new images");
		Map<String, String> p = Provenance.parse(lines[1]);
		assertEquals("rain.wav", p.get("sound"));
		assertEquals(model.getAbsolutePath(), p.get("model"));
		assertEquals(r[9], p.get("model.id"));
	}

	@Test
	void batchMacroRestylesAFolderHeadless() throws Exception {
		Path in = Files.createDirectories(dir.resolve("in"));
		Path out = dir.resolve("out with space");
		new FileSaver(Fixtures.image("grey", 8, 30, 20, 1, 1, 1)).saveAsTiff(in.resolve("grey.tif").toString());
		new FileSaver(Fixtures.image("colour", 24, 25, 25, 1, 1, 1)).saveAsPng(in.resolve("colour.png").toString());
		new FileSaver(Fixtures.image("deep", 16, 16, 12, 1, 3, 1)).saveAsTiff(in.resolve("deep.tif").toString());
		assertTrue(Files.exists(in.resolve("colour.png")));
		Files.write(in.resolve("notes.txt"), "not an image".getBytes());
		Files.createDirectories(in.resolve("subfolder"));
		String args = "input=[" + in + "] output=[" + out + "] sound=[" + rain + "] strength=0.8 model=[" + model +
			"] worksize=0 device=cpu";
		assertNull(Macros.run(Macros.shipped("batch_stylize.ijm"), args));
		String[] made = out.toFile().list();
		java.util.Arrays.sort(made);
		assertArrayEquals(new String[] { "colour-styled.tif", "deep-styled.tif", "grey-styled.tif" }, made);
		ImagePlus deep = IJ.openImage(out.resolve("deep-styled.tif").toString());
		assertEquals(ImagePlus.COLOR_RGB, deep.getType());
		assertArrayEquals(new int[] { 16, 12, 1, 3, 1 }, deep.getDimensions());
		Map<String, String> p = Provenance.parse(deep.getInfoProperty());
		assertEquals("0.8", p.get("strength"), "provenance survives the TIFF");
		assertEquals("deep.tif", p.get("input"));
		ImagePlus colour = IJ.openImage(out.resolve("colour-styled.tif").toString());
		assertEquals(25, colour.getWidth());
	}
}
