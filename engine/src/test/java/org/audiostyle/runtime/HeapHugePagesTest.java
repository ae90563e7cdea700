package org.audiostyle.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapHugePagesTest {

	private static final long MB = 1L << 20;

	@Test
	void theAdvisedRangeIsTheWholeHugePagesInsideTheBlock() {
		assertArrayEquals(new long[] {2 * MB, 6 * MB}, HeapHugePages.alignedInside(2 * MB, 4 * MB, 2 * MB));
		assertArrayEquals(new long[] {4 * MB, 6 * MB}, HeapHugePages.alignedInside(2 * MB + 16, 4 * MB, 2 * MB));
		long[] none = HeapHugePages.alignedInside(3 * MB, 2 * MB, 2 * MB); // 3..5 MB holds no whole 2 MB page
		assertTrue(none[1] <= none[0], none[0] + ".." + none[1]);
	}

	@Test
	void theModeIsTheBracketedWordAndUnknownWhereUnreadable(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("enabled");
		Files.write(file, "always [madvise] never\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals("madvise", HeapHugePages.thpMode(file));
		Files.write(file, "[always] madvise never\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals("always", HeapHugePages.thpMode(file));
		assertNull(HeapHugePages.thpMode(dir.resolve("absent")));
		Files.write(file, "2097152\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals(2 * MB, HeapHugePages.hugePageSize(file));
		Files.write(file, "3000\n".getBytes(StandardCharsets.US_ASCII));
		assertEquals(2 * MB, HeapHugePages.hugePageSize(file), "not a power of two: the x86-64 size");
	}

	@Test
	void withoutTcmallocNothingIsDone() {
		assertNull(HeapHugePages.reserveForCachingAllocator(null));
		assertNull(HeapHugePages.reserveForCachingAllocator("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"));
	}

	/** The kernel records the advice on exactly the whole huge pages of a real block (its smaps "hg" flag). */
	@Test
	void theKernelMarksTheBlocksWholeHugePages() throws IOException {
		assumeTrue(Platform.isLinux(), "Linux only");
		String mode = HeapHugePages.thpMode(Paths.get("/sys/kernel/mm/transparent_hugepage/enabled"));
		assumeTrue(mode != null, "this kernel has no transparent huge pages");
		Memory block = new Memory(8 * MB); // glibc maps a block this large on its own
		try {
			long address = Pointer.nativeValue(block);
			assertTrue(HeapHugePages.advise(address, block.size(), 2 * MB));
			long[] range = HeapHugePages.alignedInside(address, block.size(), 2 * MB);
			assertTrue(flagsAt(range[0]).contains("hg"), "first advised page: " + flagsAt(range[0]));
			assertTrue(flagsAt(range[1] - 1).contains("hg"), "last advised page: " + flagsAt(range[1] - 1));
			if (range[0] > address) // the part before the first whole huge page is left as it was
				assertTrue(!flagsAt(range[0] - 1).contains("hg"), "before the range: " + flagsAt(range[0] - 1));
		}
		finally {
			block.close();
		}
	}

	/** The VmFlags line of the mapping that holds {@code address}, from /proc/self/smaps. */
	private static String flagsAt(long address) throws IOException {
		List<String> lines = Files.readAllLines(Paths.get("/proc/self/smaps"), StandardCharsets.US_ASCII);
		boolean inside = false;
		for (String line : lines) {
			int dash = line.indexOf('-');
			int space = line.indexOf(' ');
			if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
				long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
				long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
				inside = Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
			}
			else if (inside && line.startsWith("VmFlags:")) return line;
		}
		return "(no mapping)";
	}
}
