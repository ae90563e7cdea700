package org.audiostyle.plugin.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.audiostyle.plugin.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Fiji drop-in zip ({@code mvn package} makes target/audiostyle-fiji-VERSION.zip): its layout and jar list, and
 * a real run. A plain ImageJ 1.x folder gets what Fiji itself ships (this module's provided dependencies, in
 * jars/), the zip is unpacked over it, and ImageJ is started the way Fiji's launcher does (ij.jar and jars/ on the
 * class path, plugins/ scanned by ImageJ) under a virtual X server to run the zip's batch macro: it must write the
 * restyled image. libtorch comes the documented offline way (its jar copied into jars/), as the test cannot download. Needs the zip, so it runs in {@code mvn verify}; the run needs xvfb-run and skips without it.
 */
class FijiZipIT {

	@TempDir
	Path dir;

	static Path zip() throws IOException {
		Path target = Paths.get("target");
		try (DirectoryStream<Path> s = Files.newDirectoryStream(target, "audiostyle-fiji-*.zip")) {
			for (Path p : s)
				return p;
		}
		throw new AssertionError("No target/audiostyle-fiji-*.zip: run mvn package (or verify) in plugin/");
	}

	@Test
	void zipHoldsThePluginTheLibrariesFijiLacksAndTheExamples() throws IOException {
		Set<String> entries = entries(zip());
		Set<String> jars = entries.stream().filter(e -> e.startsWith("jars/")).map(e -> e.substring(5)).collect(
			Collectors.toCollection(TreeSet::new));
		// the same artifacts the Maven install copies (fiji-install-expected.txt), nothing else
		List<String> expected = new ArrayList<>();
		for (String line : Files.readAllLines(Paths.get("src", "test", "resources", "fiji-install-expected.txt")))
			if (!line.startsWith("#") && !line.isBlank() && line.endsWith(" jars"))
				expected.add(line.substring(line.indexOf(':') + 1, line.indexOf(' ')));
		assertEquals(expected.size(), jars.size(), "jars/ in the zip: " + jars + ", expected artifacts " + expected);
		for (String artifact : expected)
			assertTrue(jars.stream().anyMatch(j -> j.startsWith(artifact + "-")), artifact + " missing from " + jars);
		for (String j : jars)
			assertTrue(!j.matches("(ij|imglib2|scijava-common|gson|jna|commons-|slf4j|pytorch-native).*"), j +
				" is shipped by Fiji (or is libtorch) and must not be in the zip");
		assertTrue(entries.stream().anyMatch(e -> e.matches("plugins/Audio_Style-.*\\.jar")), entries.toString());
		assertTrue(entries.contains("macros/batch_stylize.ijm"), entries.toString());
		assertTrue(entries.contains("scripts/Plugins/Audio Style/Examples/Stylize_Pipeline.groovy"), entries
			.toString());
		assertTrue(entries.contains("scripts/Plugins/Audio Style/Examples/Sound_Movie.py"), entries.toString());
	}

	@Test
	void batchMacroFromTheZipRunsInAPlainImageJFolder() throws Exception {
		Fixtures.assumeEngine();
		XvfbImageJ.inFreshFolder("audiostyle-fiji-zip", this::run);
	}

	private void run(Path ij, Path xvfbRun) throws Exception {
		Path jars = Files.createDirectories(ij.resolve("jars"));
		Files.createDirectories(ij.resolve("plugins"));
		Path ijJar = null;
		for (String line : Files.readAllLines(Paths.get("target", "fiji-provided-dependencies.txt"))) {
			int at = line.indexOf(File.separator);
			if (at < 0) continue; // the header, or a line without a file
			Path jar = Paths.get(line.substring(at).replaceAll("\\s.*$", ""));
			if (!Files.isRegularFile(jar)) continue;
			if (jar.getFileName().toString().startsWith("ij-")) ijJar = jar;
			else Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
		}
		assertTrue(ijJar != null, "ij.jar not among the provided dependencies");
		unzip(zip(), ij);
		// The documented offline install (no download possible here): libtorch's jar copied into jars/ by hand.
		String cpTest = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		for (String entry : cpTest.split(File.pathSeparator))
			if (Paths.get(entry).getFileName().toString().startsWith("pytorch-native-cpu"))
				Files.createSymbolicLink(jars.resolve(Paths.get(entry).getFileName()), Paths.get(entry));

		File model = Fixtures.savedTinyModel(dir, 3);
		File rain = Fixtures.wav(dir, "rain.wav", 3, 300, 1);
		Path in = Files.createDirectories(dir.resolve("in"));
		Path out = dir.resolve("out");
		new FileSaver(Fixtures.image("grey", 8, 30, 20, 1, 1, 1)).saveAsTiff(in.resolve("grey.tif").toString());

		String args = "input=[" + in + "] output=[" + out + "] sound=[" + rain + "] model=[" + model +
			"] worksize=0 device=cpu";
		String cp = ijJar + File.pathSeparator + jars + File.separator + "*";
		String output = XvfbImageJ.runBatchMacro(xvfbRun, ij, dir.resolve("home"), ij.resolve("macros").resolve(
			"batch_stylize.ijm"), args, dir.resolve("imagej.log"), List.of("-cp", cp, "ij.ImageJ"));
		assertTrue(output.contains("Audio Style batch: restyled 1 image(s)"), output);
		ImagePlus grey = IJ.openImage(out.resolve("grey-styled.tif").toString());
		assertTrue(grey != null, output);
		assertEquals(ImagePlus.COLOR_RGB, grey.getType());
		assertEquals(30, grey.getWidth());
	}

	private static Set<String> entries(Path zip) throws IOException {
		Set<String> names = new TreeSet<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;)
				if (!e.isDirectory()) names.add(e.getName());
		}
		return names;
	}

	private static void unzip(Path zip, Path into) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				Path target = into.resolve(e.getName()).normalize();
				assertTrue(target.startsWith(into), "zip entry outside the folder: " + e.getName());
				if (e.isDirectory()) Files.createDirectories(target);
				else {
					Files.createDirectories(target.getParent());
					Files.copy(z, target);
				}
			}
		}
	}


}
