package org.audiostyle.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.audiostyle.cli.AudioStyleCli;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The Spark job in a real local[2] session on the project's test images and sample sounds with a tiny random
 * model: its outputs equal the command line's batch outputs byte for byte; failed rows are recorded, not fatal.
 */
class StylizeJobTest {

	static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
	static final Path IMAGES = ROOT.resolve("test-images"), SOUNDS = ROOT.resolve("sample-sounds");

	@TempDir
	static Path dir;
	static Path model, csv;
	static String modelId;
	static SparkSession spark;

	@BeforeAll
	static void setUp() throws Exception {
		spark = SparkSession.builder().master("local[2]").appName("StylizeJobTest").config("spark.ui.enabled", "false")
			.config("spark.sql.shuffle.partitions", "2").getOrCreate();
		model = dir.resolve("tiny.model");
		try (StyleModel m = StyleModel.random(NetworkConfig.named("tiny"), 7)) {
			m.save(model, false);
			modelId = m.id();
		}
		csv = dir.resolve("jobs.csv");
		Files.writeString(csv, "image,sound,strength,output\n" + IMAGES.resolve("odd-333x257.png") + "," + SOUNDS
			.resolve("rain.wav") + "\n" + IMAGES.resolve("tiny-3x2.png") + "," + SOUNDS.resolve("fire.wav") +
			",0.5\n" + IMAGES.resolve("grey16.png") + "," + SOUNDS.resolve("wind.wav") + ",1,grey-wind.png\n" + IMAGES
				.resolve("tiny-3x2.png") + "," + dir.resolve("missing.wav") + "\n" + IMAGES.resolve("odd-333x257.png") +
			"," + SOUNDS.resolve("birdsong.wav") + ",2\n");
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	@Test
	void csvJobEqualsTheCommandLineBatchByteForByteAndRecordsProvenance() throws Exception {
		Path cli = dir.resolve("cli"), job = dir.resolve("job");
		CommandLine cl = AudioStyleCli.commandLine();
		cl.setErr(new PrintWriter(new StringWriter()));
		assertEquals(3, cl.execute("batch", "--csv", csv.toString(), "--out", cli.toString(), "--model", model
			.toString(), "--work-size", "64"), "one row has a missing sound");

		StylizeJob.Summary s = StylizeJob.run(spark, "--csv", csv.toString(), "--out", job.toString(), "--model", model
			.toString(), "--work-size", "64", "--partitions", "2");
		assertEquals(4, s.ok, s.toString());
		assertEquals(1, s.failed, s.toString());
		Set<String> images = pngs(cli);
		assertEquals(Set.of("odd-333x257_rain.png", "tiny-3x2_fire.png", "grey-wind.png", "odd-333x257_birdsong.png"),
			images);
		assertEquals(images, pngs(job));
		for (String f : images)
			assertArrayEquals(Files.readAllBytes(cli.resolve(f)), Files.readAllBytes(job.resolve(f)), f);

		List<Row> table = spark.read().parquet(job.resolve("results").toString()).orderBy("row").collectAsList();
		assertEquals(5, table.size());
		for (Row r : table) {
			assertEquals(r.getLong(r.fieldIndex("row")) == 3 ? "failed" : "ok", r.getString(r.fieldIndex("status")));
			assertEquals(modelId, r.getString(r.fieldIndex("modelId")));
		}
		Row failed = table.get(3);
		assertTrue(failed.getString(failed.fieldIndex("error")).contains("missing.wav"), failed.toString());
		assertEquals("", failed.getString(failed.fieldIndex("soundSha256")));
		Row rain = table.get(0);
		assertEquals(sha256(SOUNDS.resolve("rain.wav")), rain.getString(rain.fieldIndex("soundSha256")));
		assertEquals(job.resolve("odd-333x257_rain.png").toString(), rain.getString(rain.fieldIndex("output")));
		try (Stream<Path> files = Files.list(job)) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
		}
	}

	@Test
	void folderListingRunsEveryImageWithEverySoundAndResumes() throws Exception {
		Path in = Files.createDirectories(dir.resolve("folder")), out = dir.resolve("folder-out");
		Files.copy(IMAGES.resolve("tiny-3x2.png"), in.resolve("b.png"));
		Files.copy(IMAGES.resolve("grey16.png"), in.resolve("a.png"));
		Files.writeString(in.resolve("notes.txt"), "not an image");
		String[] args = { "--images", in.toString(), "--sound", SOUNDS.resolve("rain.wav").toString(), "--sound",
			SOUNDS.resolve("waves.wav").toString(), "--out", out.toString(), "--model", model.toString(), "--work-size",
			"64", "--format", "csv" };
		assertEquals(4, StylizeJob.run(spark, args).ok);
		assertEquals(Set.of("a_rain.png", "a_waves.png", "b_rain.png", "b_waves.png"), pngs(out));
		List<String> csvRows = spark.read().option("header", "true").csv(out.resolve("results").toString()).orderBy(
			"row").select("output").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
		assertEquals(List.of("a_rain.png", "a_waves.png", "b_rain.png", "b_waves.png"), csvRows.stream().map(p -> Paths
			.get(p).getFileName().toString()).collect(Collectors.toList()), "row k = image k / 2, sound k % 2");

		IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> StylizeJob.run(spark,
			args));
		assertTrue(again.getMessage().contains("--resume"), again.getMessage());
		String[] resume = Stream.concat(Stream.of(args), Stream.of("--resume")).toArray(String[]::new);
		StylizeJob.Summary s = StylizeJob.run(spark, resume);
		assertEquals(4, s.skipped, s.toString());
		assertEquals(0, s.ok + s.failed, s.toString());
	}

	@Test
	void badArgumentsFailBeforeSparkWorks() {
		for (String[] bad : List.of(new String[] { "--out", "x" }, new String[] { "--csv", "a.csv", "--images", "d",
			"--out", "x" }, new String[] { "--images", "d", "--out", "x" }, new String[] { "--csv", "a.csv", "--out",
				"x", "--format", "xml" }, new String[] { "--csv", "a.csv", "--out", "x", "--partitions", "0" },
			new String[] { "--csv", "a.csv", "--out", "x", "--work-size", "big" }, new String[] { "--csv", "a.csv",
				"--out", "x", "--resume", "--overwrite" }, new String[] { "--csv" })) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobArgs.parse(bad), String
				.join(" ", bad));
			assertTrue(e.getMessage().contains("--"), e.getMessage());
		}
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	private static Set<String> pngs(Path root) throws Exception {
		try (Stream<Path> s = Files.list(root)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).collect(Collectors
				.toCollection(TreeSet::new));
		}
	}
}
