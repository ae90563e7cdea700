package org.audiostyle.runtime;

import com.sun.jna.Platform;

/**
 * Makes libtorch's large buffers cheap to allocate. Every layer output is a fresh buffer of tens to hundreds of MB;
 * with glibc's malloc each one is a new mmap whose 4 KB pages are faulted in (and zeroed) on first touch, which on
 * virtual machines costs more than the arithmetic: a 64 MB bf16 copy took 300 ms instead of 8 ms on the
 * development VM. libtorch backs such buffers with transparent huge pages when {@code THP_MEM_ALLOC_ENABLE=1} is in
 * its environment (read when it first allocates), which cuts the page faults 512-fold; this class sets it in the
 * running process (through the C library, so that libtorch's getenv sees it) before the engine starts. A caching
 * allocator preloaded by the launcher (tcmalloc, see {@code ./audiostyle}) avoids the faults altogether.
 * <p>
 * Off with {@code -Daudiostyle.hugePages=false} (both this and {@link HeapHugePages}); a value already in the
 * environment is left alone.
 */
public final class NativeMemory {

	static final String VARIABLE = "THP_MEM_ALLOC_ENABLE";

	private static volatile String state;

	private NativeMemory() {
	}

	/**
	 * Sets the variable once, on Linux, before libtorch is loaded, and puts the heap its start-up fills on huge pages
	 * ({@link HeapHugePages}). Never fails: it is only an optimisation.
	 */
	public static synchronized void prepare() {
		if (state != null) return;
		if (!Platform.isLinux()) {
			state = "glibc malloc (not Linux)";
			return;
		}
		if (!Boolean.parseBoolean(System.getProperty("audiostyle.hugePages", "true"))) {
			state = "4 KB pages (-Daudiostyle.hugePages=false)";
			return;
		}
		String tensors = System.getenv(VARIABLE) != null ? VARIABLE + "=" + System.getenv(VARIABLE) +
			" (from the environment)" : largeTensorsOnHugePages();
		String heap = HeapHugePages.reserveForCachingAllocator(System.getenv("LD_PRELOAD"));
		state = heap == null ? tensors : tensors + "; " + heap;
	}

	private static String largeTensorsOnHugePages() {
		try {
			return LibC.get().setenv(VARIABLE, "1", 0) == 0 ? "transparent huge pages for large tensors (" + VARIABLE +
				"=1)" : "4 KB pages (setenv failed)";
		}
		catch (RuntimeException | LinkageError e) {
			return "4 KB pages (" + e.getClass().getSimpleName() + ")";
		}
	}

	/** What was done, for {@code audiostyle info} and the benchmarks; includes a preloaded allocator. */
	public static String describe() {
		prepare();
		String allocator = preloadedAllocator(System.getenv("LD_PRELOAD"));
		return (allocator == null ? "" : allocator + " (preloaded), ") + state;
	}

	/** The caching allocator an {@code LD_PRELOAD} value names, "tcmalloc" or "jemalloc"; null for none. */
	static String preloadedAllocator(String preload) {
		if (preload == null) return null;
		return preload.contains("tcmalloc") ? "tcmalloc" : preload.contains("jemalloc") ? "jemalloc" : null;
	}
}
