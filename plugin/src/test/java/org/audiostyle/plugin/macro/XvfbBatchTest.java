package org.audiostyle.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.audiostyle.plugin.Fixtures;
import org.audiostyle.plugin.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped batch macro with plain ImageJ 1.x (ij.jar's own launcher, not Fiji), under a virtual X server, with
 * the plugin installed the ImageJ way: Audio_Style.jar in plugins/ and its libraries in plugins/jars/. This is the
 * full run docs/fiji.md documents; it needs xvfb-run (Debian: apt-get install xvfb xauth) and skips without it.
 */
class XvfbBatchTest {

	@TempDir
	Path dir;

	@Test
	void batchMacroRunsInPlainImageJUnderXvfb() throws Exception {
		Fixtures.assumeEngine();
		XvfbImageJ.inFreshFolder("audiostyle-imagej", this::run);
	}

	private void run(Path ij, Path xvfbRun) throws Exception {
		Path plugins = Files.createDirectories(ij.resolve("plugins"));
		Path jars = Files.createDirectories(plugins.resolve("jars"));
		Path ijJar = install(plugins, jars);

		File model = Fixtures.savedTinyModel(dir, 3);
		File rain = Fixtures.wav(dir, "rain.wav", 3, 300, 1);
		Path in = Files.createDirectories(dir.resolve("in"));
		Path out = dir.resolve("out");
		new FileSaver(Fixtures.image("grey", 8, 30, 20, 1, 1, 1)).saveAsTiff(in.resolve("grey.tif").toString());
		new FileSaver(Fixtures.image("deep", 16, 16, 12, 1, 2, 1)).saveAsTiff(in.resolve("deep.tif").toString());

		Path macro = Paths.get("..", "macros", "batch_stylize.ijm").toAbsolutePath().normalize();
		String args = "input=[" + in + "] output=[" + out + "] sound=[" + rain + "] model=[" + model +
			"] worksize=0 device=cpu";
		String output = XvfbImageJ.runBatchMacro(xvfbRun, ij, dir.resolve("home"), macro, args, dir.resolve(
			"imagej.log"), List.of("-jar", ijJar.toString()));
		assertTrue(output.contains("Audio Style batch: restyled 2 image(s)"), output);

		ImagePlus deep = IJ.openImage(out.resolve("deep-styled.tif").toString());
		assertArrayEquals(new int[] { 16, 12, 1, 2, 1 }, deep.getDimensions(), output);
		assertEquals(ImagePlus.COLOR_RGB, deep.getType());
		assertEquals("deep.tif", Provenance.parse(deep.getInfoProperty()).get("input"));
		assertTrue(Files.exists(out.resolve("grey-styled.tif")), output);
	}

	/**
	 * Lays the plugin out as in an ImageJ folder: this module's classes as plugins/Audio_Style.jar (with its
	 * plugins.config) and every runtime library as plugins/jars/ (links, not copies). Returns ij.jar.
	 */
	private static Path install(Path plugins, Path jars) throws IOException {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path ijJar = null;
		for (String entry : cp.split(File.pathSeparator)) {
			Path e = Paths.get(entry);
			String name = e.getFileName().toString();
			String s = e.toString().replace('\\', '/');
			if (s.contains("/net/imagej/ij/")) ijJar = e;
			else if (s.endsWith("/plugin/target/classes")) jar(e, plugins.resolve("Audio_Style.jar"));
			else if (s.endsWith("/test-classes") || name.matches(
				"(junit|opentest4j|apiguardian|groovy|jython|surefire|jacoco).*")) continue;
			else if (Files.isDirectory(e)) jar(e, jars.resolve(e.getParent().getParent().getFileName() + ".jar"));
			else if (Files.isRegularFile(e)) Files.createSymbolicLink(jars.resolve(name), e.toAbsolutePath());
		}
		assertTrue(ijJar != null && Files.exists(plugins.resolve("Audio_Style.jar")), "class path: " + cp);
		return ijJar;
	}

	private static void jar(Path classes, Path target) throws IOException {
		try (OutputStream os = Files.newOutputStream(target); JarOutputStream jar = new JarOutputStream(os);
			Stream<Path> files = Files.walk(classes))
		{
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, jar);
				jar.closeEntry();
			}
		}
	}


}
