package org.audiostyle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InBackgroundTest {

	/** Counts its closes. */
	private static final class Resource implements AutoCloseable {

		final AtomicInteger closes = new AtomicInteger();

		@Override
		public void close() {
			closes.incrementAndGet();
		}
	}

	@Test
	void aTakenResultIsTheCallersToClose() throws Exception {
		Resource r = new Resource();
		try (InBackground<Resource> b = new InBackground<>("test", () -> r)) {
			assertSame(r, b.get());
		}
		assertEquals(0, r.closes.get());
	}

	@Test
	void aResultNobodyTookIsClosed() throws Exception {
		Resource r = new Resource();
		try (InBackground<Resource> b = new InBackground<>("test", () -> r)) {
			// the caller fails before it takes the result
		}
		assertEquals(1, r.closes.get());
	}

	@Test
	void whatMakingItThrewIsThrownAsItWas() throws Exception {
		FileNotFoundException thrown = new FileNotFoundException("model.json");
		try (InBackground<Resource> b = new InBackground<>("test", () -> {
			throw thrown;
		}))
		{
			assertSame(thrown, assertThrows(FileNotFoundException.class, b::get));
		}
		OutOfMemoryError oom = new OutOfMemoryError("test");
		try (InBackground<Resource> b = new InBackground<>("test", () -> {
			throw oom;
		}))
		{
			assertSame(oom, assertThrows(OutOfMemoryError.class, b::get));
		}
	}
}
