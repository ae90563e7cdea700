package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.script.ScriptModule;
import org.scijava.script.ScriptService;

/**
 * The shipped Groovy and Jython pipelines run through ScriptService with the real engines, call the commands and
 * write their files. Skipped while the engine is an API skeleton.
 */
class ScriptPipelinesTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static ScriptService scripts;
	private static File model, image, rain, walk;

	@BeforeAll
	static void start() throws Exception {
		Fixtures.assumeEngine();
		context = new Context();
		scripts = Scripting.scriptService(context);
		model = Fixtures.savedTinyModel(dir, 5);
		rain = Fixtures.wav(dir, "rain.wav", 3, 300, 1);
		walk = Fixtures.wav(dir, "walk.wav", 4.5, 700, 4);
		image = dir.resolve("beach.tif").toFile();
		new FileSaver(Fixtures.image("beach", 8, 28, 20, 1, 1, 1)).saveAsTiff(image.getPath());
	}

	@AfterAll
	static void stop() {
		if (context != null) context.dispose();
	}

	@Test
	void groovyPipelineSavesTheRestyleAndTheSweep() throws Exception {
		File out = dir.resolve("groovy-out").toFile();
		Map<String, Object> in = new HashMap<>();
		in.put("input", image);
		in.put("sound", rain);
		in.put("strength", 1.5);
		in.put("frames", 3);
		in.put("output", out);
		in.put("model", model);
		in.put("worksize", 0);
		in.put("device", "cpu");
		ScriptModule m = scripts.run(Scripting.shipped("stylize_pipeline.groovy"), true, in).get();
		String summary = (String) m.getOutput("summary");
		assertTrue(summary != null, "the script failed before its end (see the log above)");
		assertTrue(summary.contains("beach-rain.tif") && summary.contains("beach-rain strength sweep.tif"), summary);
		ImagePlus sweep = IJ.openImage(new File(out, "beach-rain strength sweep.tif").getPath());
		assertEquals(3, sweep.getStackSize());
		assertEquals("strength=1.500", sweep.getStack().getSliceLabel(3));
		ImagePlus styled = IJ.openImage(new File(out, "beach-rain.tif").getPath());
		assertEquals(ImagePlus.COLOR_RGB, styled.getType());
		assertEquals("1.5", Provenance.parse(styled.getInfoProperty()).get("strength"));
	}

	@Test
	void jythonPipelineMakesAMovieAndItsCsv() throws Exception {
		File out = dir.resolve("jython-out").toFile();
		Map<String, Object> in = new HashMap<>();
		in.put("input", image);
		in.put("sound", walk);
		in.put("fps", 2.0);
		in.put("smoothing", 0.5);
		in.put("frames", 0);
		in.put("output", out);
		in.put("model", model);
		in.put("worksize", 0);
		in.put("device", "cpu");
		ScriptModule m = scripts.run(Scripting.shipped("sound_movie.py"), true, in).get();
		String summary = (String) m.getOutput("summary");
		assertTrue(summary != null, "the script failed before its end (see the log above)");
		assertTrue(summary.startsWith("Audio Style movie: 4 frames at 2 fps"), summary);
		ImagePlus movie = IJ.openImage(new File(out, "beach-walk movie.tif").getPath());
		assertArrayEquals(new int[] { 28, 20, 1, 1, 4 }, movie.getDimensions());
		assertEquals(2.0, movie.getCalibration().fps);
		List<String> csv = Files.readAllLines(new File(out, "beach-walk movie.csv").toPath());
		assertEquals("frame,label,mean_red,mean_green,mean_blue", csv.get(0));
		assertEquals(5, csv.size());
		assertTrue(csv.get(4).startsWith("4,t=1.50 s,"), csv.get(4));
	}
}
