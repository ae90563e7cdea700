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
