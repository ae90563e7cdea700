package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code audiostyle batch --shard I/N --resume}: the split, the union of shards, resuming, bad shard values. */
class BatchShardTest {

	static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

	@TempDir
	static Path dir;
	static Path model, csv;

	/** Seven rows (one malformed) over small images and three sounds, with and without output names. */
	@BeforeAll
	static void setUp() throws Exception {
		model = dir.resolve("tiny.model");
		try (StyleModel m = StyleModel.random(NetworkConfig.named("tiny"), 5)) {
			m.save(model, false);
		}
		String img = ROOT.resolve("test-images") + "/", snd = ROOT.resolve("sample-sounds") + "/";
		csv = dir.resolve("jobs.csv");
		Files.writeString(csv, "image,sound,strength,output\n" + img + "tiny-3x2.png," + snd + "rain.wav\n" + img +
			"odd-333x257.png," + snd + "fire.wav,0.5\n" + "# a comment is not a row\n" + img + "grey16.png," + snd +
			"wind.wav,1,grey-wind.png\n" + img + "odd-333x257.png," + snd + "rain.wav,2,odd-loud.png\n" + img +
			"tiny-3x2.png,only-two-columns-is-fine-but,x,bad.png\n" + "\n" + img + "odd-333x257.png," + snd +
			"wind.wav\n" + img + "tiny-3x2.png," + snd + "fire.wav,,tiny-fire.png\n");
	}

	/** Runs the CLI in-process; returns exit code and stderr. */
	static Object[] run(String... args) {
		StringWriter err = new StringWriter();
		CommandLine cl = AudioStyleCli.commandLine();
		cl.setErr(new PrintWriter(err, true));
		return new Object[] { cl.execute(args), err.toString() };
	}

	/** Runs batch over the jobs CSV into {@code out}; fails the test with stderr when the exit code differs. */
	static void batch(int expected, Path out, String... more) {
		List<String> a = new ArrayList<>(List.of("batch", "--csv", csv.toString(), "--out", out.toString(), "--model",
			model.toString(), "--work-size", "64"));
		a.addAll(List.of(more));
		Object[] r = run(a.toArray(new String[0]));
		assertEquals(expected, r[0], () -> String.join(" ", more) + ": " + r[1]);
	}

	@Test
	void threeShardsTogetherEqualOneUnshardedRunByteForByte() throws Exception {
		Path whole = dir.resolve("whole"), sharded = dir.resolve("sharded");
		batch(CliErrors.SOME_ROWS_FAILED, whole); // row 4 has a bad strength
		for (int i = 0; i < 3; i++)
			batch(i == 1 ? CliErrors.SOME_ROWS_FAILED : 0, sharded, "--shard", i + "/3");
		Set<String> images = pngs(whole);
		assertEquals(Set.of("tiny-3x2_rain.png", "odd-333x257_fire.png", "grey-wind.png", "odd-loud.png",
			"odd-333x257_wind.png", "tiny-fire.png"), images);
		assertEquals(images, pngs(sharded));
		for (String f : images)
			assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(sharded.resolve(f)), f);
		// Each shard's report lists exactly its rows (k mod 3 = I, counted from 0 without header or comments).
		for (int i = 0; i < 3; i++) {
			List<String> lines = Files.readAllLines(sharded.resolve("batch-report-shard-" + i + "-of-3.csv"));
			assertEquals("row,line,status,seconds,output,error,image,sound,strength", lines.get(0));
			List<Integer> rows = new ArrayList<>();
			for (String l : lines.subList(1, lines.size()))
				rows.add(Integer.parseInt(l.substring(0, l.indexOf(','))));
			assertEquals(i == 0 ? List.of(0, 3, 6) : i == 1 ? List.of(1, 4) : List.of(2, 5), rows, "shard " + i);
		}
		List<String> report = Files.readAllLines(whole.resolve("batch-report.csv"));
		assertEquals(8, report.size());
		assertTrue(report.get(5).startsWith("4,7,failed,") && report.get(5).contains("strength 'x'"), report.get(5));
		assertTrue(report.get(7).startsWith("6,10,ok,") && report.get(7).contains("tiny-fire.png,"), report.get(7));
	}

	@Test
	void resumeKeepsFinishedOutputsAndRedoesMissingOrDamagedOnes() throws Exception {
		Path out = dir.resolve("resume"), reference = dir.resolve("reference");
		batch(CliErrors.SOME_ROWS_FAILED, reference);
		batch(CliErrors.SOME_ROWS_FAILED, out);
		batch(CliErrors.SOME_ROWS_FAILED, out); // without --resume, existing outputs fail their rows
		assertEquals(7, Files.readString(out.resolve("batch-report.csv")).split(",failed,").length - 1);
		// A finished output that resume must keep: replaced by another valid image of the input's size.
		BufferedImage kept = new BufferedImage(333, 257, BufferedImage.TYPE_INT_RGB);
		Files.delete(out.resolve("odd-loud.png"));
		ImageIO.write(kept, "png", out.resolve("odd-loud.png").toFile());
		byte[] keptBytes = Files.readAllBytes(out.resolve("odd-loud.png"));
		// Missing, truncated, and decodable but of the wrong size: all made again.
		Files.delete(out.resolve("grey-wind.png"));
		byte[] fire = Files.readAllBytes(out.resolve("odd-333x257_fire.png"));
		Files.write(out.resolve("odd-333x257_fire.png"), java.util.Arrays.copyOf(fire, fire.length / 2));
		Files.copy(out.resolve("tiny-3x2_rain.png"), out.resolve("odd-333x257_wind.png"),
			java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		batch(CliErrors.SOME_ROWS_FAILED, out, "--resume"); // only the malformed row fails
		assertArrayEquals(keptBytes, Files.readAllBytes(out.resolve("odd-loud.png")), "kept, not redone");
		for (String f : List.of("grey-wind.png", "odd-333x257_fire.png", "odd-333x257_wind.png", "tiny-3x2_rain.png"))
			assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
		String report = Files.readString(out.resolve("batch-report.csv"));
		assertTrue(report.contains("3,6,skipped,") && report.contains("0,2,skipped,"), report);
		assertTrue(report.contains("2,5,ok,") && report.contains("1,3,ok,") && report.contains("5,9,ok,"), report);
		try (Stream<Path> s = Files.list(out)) {
			assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
		}
	}

	@Test
	void badShardValuesFailWithOneLineNamingTheOption() {
		for (String bad : List.of("0/0", "3/2", "-1/2", "abc", "1/", "2")) {
			Object[] r = run("batch", "--csv", csv.toString(), "--out", dir.resolve("never").toString(), "--shard",
				bad);
			assertEquals(CliErrors.BAD_INPUT, r[0], bad);
			String err = ((String) r[1]).strip();
			assertFalse(err.contains("\n"), "one line: " + err);
			assertTrue(err.contains("--shard '" + bad + "'") && err.contains("0 <= I < N"), err);
		}
		assertFalse(Files.exists(dir.resolve("never")), "nothing written");
	}

	private static Set<String> pngs(Path root) throws Exception {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.toString().endsWith(".png")).map(p -> root.relativize(p).toString()).collect(
				Collectors.toCollection(TreeSet::new));
		}
	}
}
