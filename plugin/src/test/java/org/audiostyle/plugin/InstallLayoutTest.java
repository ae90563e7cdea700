package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What a Fiji install copies: the plugin jar into plugins/ (it has a plugins.config) and exactly the extra jars it
 * needs into jars/. The list Maven computes for populate-app (target/fiji-install-dependencies.txt, written by the
 * build) must equal the expected layout; scripts/check-fiji-install.sh checks a real install against the same file.
 */
class InstallLayoutTest {

	/** Fiji ships these; a copy of ours next to Fiji's would be a duplicate (or a version clash). */
	private static final Set<String> FIJI_SHIPS = Set.of("net.imagej:ij", "org.scijava:scijava-common",
		"org.scijava:parsington", "net.imglib2:imglib2", "com.google.code.gson:gson", "net.java.dev.jna:jna",
		"org.apache.commons:commons-compress", "org.apache.commons:commons-lang3", "commons-io:commons-io",
		"commons-codec:commons-codec", "org.slf4j:slf4j-api");

	@Test
	void computedJarListIsTheExpectedLayout() throws IOException {
		Set<String> computed = computed();
		Set<String> expected = new TreeSet<>();
		for (String[] e : expected())
			if (e[1].equals("jars")) expected.add(e[0]);
		assertEquals(expected, computed);
		for (String a : computed) {
			assertFalse(FIJI_SHIPS.contains(a), a + " is shipped by Fiji: exclude it from the engine dependency");
			assertFalse(a.contains("pytorch-native") || a.contains("picocli") || a.contains("progressbar") || a
				.contains("jline") || a.contains("slf4j-simple") || a.contains("junit") || a.contains("groovy") || a
					.contains("jython"), a + " must not be installed into Fiji");
		}
	}

	@Test
	void pluginJarGoesToPluginsWithItsMenuEntries() throws Exception {
		assertTrue(expected().stream().anyMatch(e -> e[0].equals("org.audiostyle:Audio_Style") && e[1].equals(
			"plugins")));
		// populate-app puts a jar with a plugins.config into plugins/; each entry must name a real ImageJ 1.x PlugIn.
		List<String> entries = new ArrayList<>();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("plugins.config")) {
			assertTrue(in != null, "plugins.config is missing from the plugin jar");
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.trim().isEmpty() || line.startsWith("#")) continue;
				Matcher m = Pattern.compile("^(Plugins>[^,]+), \"([^\"]+)\", ([\\w.]+)$").matcher(line.trim());
				assertTrue(m.matches(), "bad plugins.config line: " + line);
				Class<?> c = Class.forName(m.group(3));
				assertTrue(ij.plugin.PlugIn.class.isAssignableFrom(c), c + " is not an ImageJ 1.x PlugIn");
				entries.add(m.group(1) + " > " + m.group(2));
			}
		}
		assertEquals(List.of("Plugins>Audio Style > Audio Style Macro Extensions"), entries);
	}

	/** group:artifact of every compile/runtime dependency, from the build's dependency:list output. */
	private static Set<String> computed() throws IOException {
		Path list = Paths.get("target", "fiji-install-dependencies.txt");
		assertTrue(Files.exists(list), list.toAbsolutePath() + " is missing: run the tests through Maven");
		Set<String> s = new TreeSet<>();
		Pattern p = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar(?::[\\w.-]+)?:[\\w.-]+:(compile|runtime)\\b.*");
		for (String line : Files.readAllLines(list)) {
			Matcher m = p.matcher(line);
			if (m.matches()) s.add(m.group(1) + ":" + m.group(2));
		}
		return s;
	}

	private static List<String[]> expected() throws IOException {
		List<String[]> e = new ArrayList<>();
		try (InputStream in = InstallLayoutTest.class.getResourceAsStream("/fiji-install-expected.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				if (!line.trim().isEmpty() && !line.startsWith("#")) e.add(line.trim().split("\\s+"));
		}
		return e;
	}
}
