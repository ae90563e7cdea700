package org.audiostyle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;

import org.junit.jupiter.api.Test;

class LibCTest {

	/** The C library loads (by its soname on Linux), once, and its calls work: a descriptor duplicated and closed. */
	@Test
	void theCLibraryLoadsOnceAndItsCallsWork() {
		assumeTrue(Platform.isLinux() || Platform.isMac(), "JNA's C library calls are used on Linux and macOS only");
		LibC c = LibC.get();
		assertSame(c, LibC.get());
		int fd = c.dup(2);
		assertTrue(fd > 2, "dup(2) gave " + fd);
		assertEquals(0, c.close(fd));
		assertEquals(0, c.setenv("AUDIOSTYLE_LIBC_TEST", "1", 1));
	}
}
