package org.audiostyle.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row numbering of a jobs CSV and the shard split over it (no model needed). */
class JobsCsvTest {

	@TempDir
	Path dir;

	@Test
	void rowsCountFromZeroWithoutHeaderCommentsAndBlankLinesButWithMalformedOnes() throws Exception {
		Path csv = dir.resolve("jobs.csv");
		Files.writeString(csv, "image,sound\n# comment\na.png,rain.wav\n\nb.png\nc.png,\"fire.wav\",0.5,named.png\n" +
			"d.png,wind.wav,-1\n");
		List<BatchRow> rows = JobsCsv.read(csv, dir.resolve("out"));
		assertEquals(4, rows.size());
		for (int k = 0; k < rows.size(); k++)
			assertEquals(k, rows.get(k).index);
		assertEquals(List.of(3, 5, 6, 7), List.of(rows.get(0).line, rows.get(1).line, rows.get(2).line, rows.get(3)
			.line));
		assertEquals(dir.resolve("out/a_rain.png"), rows.get(0).output());
		assertEquals(dir.resolve("rain.wav"), rows.get(0).sound(), "relative to the CSV's folder");
		assertTrue(rows.get(1).isMalformed() && rows.get(1).problem().contains("image,sound"), rows.get(1).problem());
		assertEquals(dir.resolve("out/named.png"), rows.get(2).output());
		assertEquals(0.5, rows.get(2).strength);
		assertTrue(rows.get(3).isMalformed() && rows.get(3).problem().contains("'-1'"), rows.get(3).problem());
	}

	@Test
	void quotedFieldsWithCommasQuotesAndLineBreaksBomAndCrlf() throws Exception {
		Path csv = dir.resolve("jobs.csv");
		Files.writeString(csv, "\uFEFFimage,sound,strength,output\r\n" +
			"\"my, photo.png\",\"rain \"\"heavy\"\".wav\",0.5,\"out, 1.png\"\r\n" +
			"  \"spaced.png\" , wind.wav \r\n" +
			"# a comment, with \"a quote\r\n" +
			"\"two\r\nlines.png\",fire.wav,,x.png\r\n" +
			"last.png,crickets.wav");
		List<BatchRow> rows = JobsCsv.read(csv, dir.resolve("out"));
		assertEquals(4, rows.size(), rows::toString);
		assertEquals(dir.resolve("my, photo.png"), rows.get(0).image());
		assertEquals(dir.resolve("rain \"heavy\".wav"), rows.get(0).sound());
		assertEquals(0.5, rows.get(0).strength);
		assertEquals(dir.resolve("out/out, 1.png"), rows.get(0).output());
		assertEquals(dir.resolve("spaced.png"), rows.get(1).image(), "spaces around fields are not part of them");
		assertEquals(dir.resolve("out/spaced_wind.png"), rows.get(1).output());
		assertEquals(dir.resolve("two\r\nlines.png"), rows.get(2).image(), "a line break inside quotes is kept");
		assertEquals(1.0, rows.get(2).strength, "an empty strength is the default");
		assertEquals(List.of(2, 3, 5, 7), List.of(rows.get(0).line, rows.get(1).line, rows.get(2).line, rows.get(3)
			.line), "rows are reported by the line they start on");
	}

	@Test
	void anUnclosedQuoteFailsTheFileNamingItAndTheFix() throws Exception {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, "a.png,rain.wav\n\"b.png,rain.wav\nc.png,rain.wav\n");
		java.io.IOException e = assertThrows(java.io.IOException.class, () -> JobsCsv.read(csv, dir));
		assertTrue(e.getMessage().startsWith(csv + " is not valid CSV") && e.getMessage().contains("quote"), e
			.getMessage());
	}

	@Test
	void aReportReadsBackAsTheJobsItRan() throws Exception {
		Path csv = dir.resolve("jobs.csv"), out = dir.resolve("out");
		Files.writeString(csv, "image,sound,strength,output\n\"a, b.png\",\"say \"\"rain\"\".wav\",0.25," +
			"\"sub/x, \"\"1\"\".png\"\nplain.png,wind.wav\n# skipped\nonly-one-column\n" +
			"c.png,fire.wav,0.1234567890123\n");
		List<BatchRow> jobs = JobsCsv.read(csv, out);
		assertEquals(4, jobs.size());
		List<RowResult> results = new ArrayList<>();
		for (BatchRow r : jobs)
			results.add(r.isMalformed() ? RowResult.failed(r, new IllegalArgumentException(r.problem()))
				: new RowResult(r, RowResult.Status.OK, 1.5, null));
		results.set(3, RowResult.failed(jobs.get(3), new IllegalStateException("broke, \"badly\"\non two lines")));
		Path report = out.resolve("batch-report.csv");
		Files.createDirectories(out);
		BatchReport.write(report, results, Exception::getMessage);
		List<String> lines = Files.readAllLines(report);
		assertEquals(BatchReport.HEADER, lines.get(0));
		assertEquals(5, lines.size(), "one line per row");
		List<BatchRow> again = JobsCsv.read(report, out);
		assertEquals(jobs.size(), again.size());
		for (int k = 0; k < jobs.size(); k++) {
			BatchRow a = jobs.get(k), b = again.get(k);
			assertEquals(a.isMalformed(), b.isMalformed(), "row " + k);
			if (a.isMalformed()) continue;
			assertEquals(a.image().toAbsolutePath(), b.image(), "row " + k);
			assertEquals(a.sound().toAbsolutePath(), b.sound(), "row " + k);
			assertEquals(a.strength, b.strength, "row " + k);
			assertEquals(a.output().toAbsolutePath(), b.output(), "row " + k);
		}
	}

	@Test
	void everyRowIsInExactlyOneShard() {
		for (int n = 1; n <= 7; n++) {
			List<Shard> shards = new ArrayList<>();
			for (int i = 0; i < n; i++)
				shards.add(Shard.parse("--shard", i + "/" + n));
			for (long k = 0; k < 50; k++) {
				BatchRow row = BatchRow.malformed(k, 1, "x");
				assertEquals(1, shards.stream().filter(s -> s.contains(row)).count(), "row " + k + " of " + n);
				assertTrue(shards.get((int) (k % n)).contains(row));
			}
		}
		assertTrue(Shard.parse("--shard", " 2 / 3 ").toString().equals("2/3"));
		assertFalse(Shard.parse("--shard", "0/2").isAll());
	}

	@Test
	void badShardsNameTheOptionAndTheFix() {
		for (String bad : new String[] { "0/0", "3/2", "-1/2", "abc", "1/2/3", "", "1.5/2" }) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse("--part", bad),
				bad);
			assertTrue(e.getMessage().startsWith("--part '" + bad + "'") && e.getMessage().contains("e.g. --part 0/4"),
				e.getMessage());
		}
	}
}
