package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line in-process, on the bundled test images and sample sounds, with a tiny random model. */
class CliTest {

	static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
	static final Path MEADOW = ROOT.resolve("test-images/odd-333x257.png");
	static final Path RAIN = ROOT.resolve("sample-sounds/rain.wav");

	@TempDir
	static Path dir;
	static Path model;

	@BeforeAll
	static void makeModel() {
		model = dir.resolve("tiny.model");
		assertEquals(0, run("init-model", "--config", "tiny", "--seed", "3", "--out", model.toString()));
	}

	static int run(String... args) {
		CommandLine cl = AudioStyleCli.commandLine();
		cl.setErr(new PrintWriter(new StringWriter()));
		return cl.execute(args);
	}

	/** Runs the CLI in-process, capturing what it prints on stdout; fails the test unless the exit code is 0. */
	static String runForStdout(String... args) {
		java.io.PrintStream old = System.out;
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
		int code;
		try {
			code = run(args);
		}
		finally {
			System.setOut(old);
		}
		String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertEquals(0, code, () -> String.join(" ", args) + " failed; stdout: " + printed);
		return printed;
	}

	@Test
	void stylizeWritesAPngOfTheInputSize() throws Exception {
		Path out = dir.resolve("out.png");
		assertEquals(0, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(), "--model", model
			.toString(), "--out", out.toString()));
		BufferedImage img = ImageIO.read(out.toFile());
		assertEquals(333, img.getWidth());
		assertEquals(257, img.getHeight());
		// Refuses to overwrite without --overwrite, and leaves the file alone.
		long before = Files.size(out);
		assertEquals(CliErrors.BAD_INPUT, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(),
			"--model", model.toString(), "--out", out.toString()));
		assertEquals(before, Files.size(out));
		assertEquals(0, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(), "--sound", ROOT
			.resolve("sample-sounds/birdsong.wav").toString(), "--weights", "0.7,0.3", "--strength", "0.5",
			"--work-size", "native", "--model", model.toString(), "--out", out.toString(), "--overwrite"));
	}

	@Test
	void sheetHasARowPerSoundMixOrStrengthAndAColumnPerImage() throws Exception {
		Path out = dir.resolve("sheet.png");
		String birds = ROOT.resolve("sample-sounds/birdsong.wav").toString();
		assertEquals(0, run("sheet", "--image", MEADOW.toString(), "--image", ROOT.resolve("test-images/hills.png")
			.toString(), "--row", RAIN.toString(), "--row", RAIN + "*0.7+" + birds + "*0.3", "--row", RAIN + "@2",
			"--cell", "48", "--model", model.toString(), "--out", out.toString()));
		BufferedImage img = ImageIO.read(out.toFile());
		// label column + 2 images wide, input row + 3 sound rows high: more rows than columns of cells
		assertTrue(img.getHeight() > 4 * 48 && img.getWidth() > 2 * 48, img.getWidth() + "x" + img.getHeight());
		assertEquals(CliErrors.BAD_INPUT, run("sheet", "--image", MEADOW.toString(), "--row", RAIN.toString(),
			"--model", model.toString(), "--out", out.toString()), "no overwrite without --overwrite");
		Path never = dir.resolve("never-sheet.png");
		assertEquals(CliErrors.BAD_INPUT, run("sheet", "--image", MEADOW.toString(), "--row", RAIN + "*0.7+" + birds,
			"--model", model.toString(), "--out", never.toString()), "weights on some sounds of a mix only");
		assertEquals(CliErrors.BAD_INPUT, run("sheet", "--image", MEADOW.toString(), "--row", RAIN + "@loud",
			"--model", model.toString(), "--out", never.toString()));
		assertFalse(Files.exists(never));
	}

	@Test
	void sheetRowLabelsDropFoldersAndExtensions() {
		assertEquals("rain", SheetCommand.label("/x/y/rain.wav"));
		assertEquals("rain*0.7+fire*0.3@2", SheetCommand.label("a/rain.wav*0.7+b/fire.mp3*0.3@2"));
	}

	@Test
	void badInputFailsClearlyAndWritesNothing() {
		Path out = dir.resolve("never.png");
		assertEquals(CliErrors.BAD_INPUT, run("stylize", "--image", dir.resolve("missing.png").toString(), "--sound",
			RAIN.toString(), "--model", model.toString(), "--out", out.toString()));
		assertEquals(CliErrors.BAD_INPUT, run("stylize", "--image", MEADOW.toString(), "--sound", MEADOW.toString(),
			"--model", model.toString(), "--out", out.toString()));
		assertEquals(CliErrors.BAD_INPUT, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(),
			"--model", dir.resolve("nomodel").toString(), "--out", out.toString()));
		assertFalse(Files.exists(out));
	}

	@Test
	void batchContinuesPastBadRows() throws Exception {
		Path csv = dir.resolve("rows.csv");
		Files.writeString(csv, "image,sound,strength,output\n" + MEADOW + "," + RAIN + ",1.0,a.png\n" + MEADOW +
			",missing.wav,1.0,b.png\n" + MEADOW + "," + RAIN + ",loud,c.png\n" + ROOT.resolve("test-images/tiny-3x2.png") +
			"," + RAIN + "\n");
		Path out = dir.resolve("batch");
		assertEquals(CliErrors.SOME_ROWS_FAILED, run("batch", "--csv", csv.toString(), "--out", out.toString(),
			"--model", model.toString()));
		assertTrue(Files.exists(out.resolve("a.png")));
		assertTrue(Files.exists(out.resolve("tiny-3x2_rain.png")));
		assertFalse(Files.exists(out.resolve("b.png")));
		assertFalse(Files.exists(out.resolve("c.png")));
	}

	@Test
	void importedCheckpointsStylize() throws Exception {
		Path res = ROOT.resolve("engine/src/test/resources/pth");
		Path imported = dir.resolve("imported.zip");
		assertEquals(0, run("import", "--generator", res.resolve("tiny_net_G.pth").toString(), "--audio", res
			.resolve("tiny_net_Audio.pth").toString(), "--out", imported.toString()));
		assertEquals(0, run("info", "--model", imported.toString()));
		Path out = dir.resolve("imported.png");
		assertEquals(0, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(), "--model", imported
			.toString(), "--work-size", "256", "--out", out.toString()));
		assertTrue(Files.size(out) > 0);
		// The import records its bf16 check, and --precision auto then agrees with fp32 within 2/255 on any CPU: bf16
		// where the check passed (its limit), fp32 where it failed or could not run.
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(imported.toFile())) {
			String manifest = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
			assertTrue(manifest.contains("\"precisionCheck\""), manifest);
		}
		Path auto = dir.resolve("imported-auto.png"), fp32 = dir.resolve("imported-fp32.png");
		for (Path p : new Path[] { auto, fp32 })
			assertEquals(0, run("stylize", "--image", MEADOW.toString(), "--sound", RAIN.toString(), "--model", imported
				.toString(), "--work-size", "native", "--precision", p == auto ? "auto" : "fp32", "--out", p
					.toString()));
		java.awt.image.BufferedImage a = javax.imageio.ImageIO.read(auto.toFile()), b = javax.imageio.ImageIO.read(fp32
			.toFile());
		int worst = 0;
		for (int y = 0; y < a.getHeight(); y++)
			for (int x = 0; x < a.getWidth(); x++)
				for (int shift = 0; shift <= 16; shift += 8)
					worst = Math.max(worst, Math.abs((a.getRGB(x, y) >> shift & 255) - (b.getRGB(x, y) >> shift & 255)));
		assertTrue(worst <= 2, "auto against fp32: largest difference " + worst + "/255");
		assertEquals(CliErrors.BAD_INPUT, run("import", "--generator", res.resolve("malicious_os_system.pth")
			.toString(), "--audio", res.resolve("tiny_net_Audio.pth").toString(), "--out", dir.resolve("bad.zip")
				.toString()));
		assertFalse(Files.exists(dir.resolve("bad.zip")));
	}

	@Test
	void usageErrors() {
		assertEquals(2, run("stylize", "--image"));
		assertEquals(2, run("no-such-verb"));
		Path report = dir.resolve("never-report");
		assertEquals(CliErrors.BAD_INPUT, run("evaluate", "--images", dir.toString(), "--sounds", dir.toString(),
			"--cooccurrence", dir.resolve("c.csv").toString(), "--out", report.toString(), "--sounds-per-class", "0"));
		assertFalse(Files.exists(report));
		assertEquals(CliErrors.BAD_INPUT, run("train", "--data", dir.toString(), "--out", dir.resolve("run")
			.toString(), "--resume", "--branch-from", dir.resolve("x.ckpt").toString()));
		assertEquals(CliErrors.BAD_INPUT, run("train", "--data", dir.toString(), "--out", dir.resolve("run")
			.toString(), "--branch-from", dir.resolve("missing.ckpt").toString()));
		assertFalse(Files.exists(dir.resolve("run")));
	}
}
