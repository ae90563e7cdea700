package org.audiostyle.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults only a real process shows: two writers of one file, SIGKILL mid-run, a small heap against hostile input. */
class ProcessFaultTest {

	@TempDir
	static Path dir;
	static Path model, image, sound;

	@BeforeAll
	static void inputs() throws IOException {
		model = dir.resolve("tiny.model");
		assertEquals(0, CliRun.of("init-model", "--config", "tiny", "--seed", "5", "--out", model.toString()).exitCode);
		image = HostileImages.write(HostileImages.rgb(320, 240, 7), "png", dir.resolve("photo.png"));
		sound = HostileSounds.tone(dir.resolve("tone.wav"));
	}

	private static String[] stylize(Path image, Path out, String... more) {
		List<String> a = new java.util.ArrayList<>(List.of("stylize", "--image", image.toString(), "--sound", sound
			.toString(), "--model", model.toString(), "--out", out.toString()));
		a.addAll(List.of(more));
		return a.toArray(new String[0]);
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void twoProcessesWritingTheSameOutputLeaveOneValidFile() throws Exception {
		Path folder = Files.createDirectory(dir.resolve("race"));
		Path out = folder.resolve("same.png");
		ChildJvm a = ChildJvm.start(folder, "a", "512m", stylize(image, out));
		ChildJvm b = ChildJvm.start(folder, "b", "512m", stylize(image, out));
		int ea = a.waitFor(), eb = b.waitFor();
		String both = a.output() + b.output();
		assertEquals(List.of(0, 2), Stream.of(ea, eb).sorted().collect(Collectors.toList()), "one wins, the " +
			"other is told the file exists\n" + both);
		assertTrue(both.contains("already exists"), both);
		// a quiet terminal: libtorch's start-up and NNPACK warnings (written to fd 2 by native code) are kept off it
		for (String line : both.split("\n"))
			assertTrue(line.startsWith("wrote ") || line.startsWith("error: "), "only the result lines\n" + both);
		assertEquals(List.of("a.log", "b.log", "same.png"), files(folder), "no temporary file left");
		BufferedImage img = ImageIO.read(out.toFile());
		assertNotNull(img);
		assertEquals(320, img.getWidth());
		assertEquals(240, img.getHeight());
		assertTrue(a.crashReports().isEmpty());
	}

	@Test
	void sigkillDuringAStylizeLeavesNothingAtTheOutputPath() throws Exception {
		Path folder = Files.createDirectory(dir.resolve("killed"));
		Path out = folder.resolve("never.png");
		// a large picture at native resolution in small tiles: seconds of network work, with a progress bar
		Path big = HostileImages.write(HostileImages.rgb(1024, 768, 8), "png", folder.resolve("big.png"));
		ChildJvm c = ChildJvm.start(folder, "c", "512m", stylize(big, out, "--work-size",
			"native", "--tile", "96", "--overlap", "8"));
		while (c.process.isAlive() && !c.output().contains("stylize")) // the progress bar: the network is running
			Thread.sleep(20);
		c.process.destroyForcibly().waitFor();
		assertFalse(Files.exists(out), "nothing at the output path\n" + c.output());
		assertTrue(files(folder).stream().noneMatch(f -> f.equals("never.png")));
	}

	@Test
	void runningOutOfHeapEndsWithOneLineAndExitCode1() throws Exception {
		Path folder = Files.createDirectory(dir.resolve("no-heap"));
		Path big = HostileImages.write(HostileImages.rgb(3000, 2000, 9), "png", folder.resolve("big.png"));
		ChildJvm c = ChildJvm.start(folder, "oom", "48m", stylize(big, folder.resolve("x.png")));
		assertEquals(1, c.waitFor(), c.output());
		String[] lines = c.output().strip().split("\n");
		assertEquals(1, lines.length, c.output());
		assertTrue(lines[0].startsWith("error: out of memory") && lines[0].contains("-Xmx"), c.output());
		assertFalse(Files.exists(folder.resolve("x.png")));
	}

	@Test
	void aSmallHeapMeetsHostileInputWithAClearError() throws Exception {
		Path folder = Files.createDirectory(dir.resolve("small-heap"));
		Path huge = HostileImages.lyingPngHeader(100000, 100000, folder.resolve("huge.png"));
		Path bomb = HostileModels.zipWith(model, Map.of("model.json", 200L << 20), folder.resolve("bomb.zip"));
		ChildJvm png = ChildJvm.start(folder, "png", "64m", "stylize", "--image", huge.toString(), "--sound", sound
			.toString(), "--model", model.toString(), "--out", folder.resolve("x.png").toString());
		assertEquals(2, png.waitFor(), png.output());
		assertTrue(png.output().startsWith("error: ") && png.output().contains("100000x100000"), png.output());
		ChildJvm zip = ChildJvm.start(folder, "zip", "64m", "stylize", "--image", image.toString(), "--sound", sound
			.toString(), "--model", bomb.toString(), "--out", folder.resolve("x.png").toString());
		assertEquals(2, zip.waitFor(), zip.output());
		assertTrue(zip.output().contains("larger than 1 MB"), zip.output());
		assertFalse(Files.exists(folder.resolve("x.png")));
	}
}
