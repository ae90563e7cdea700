package org.audiostyle.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Puts the C heap that libtorch's start-up fills on transparent huge pages, where a caching allocator (the launcher's
 * tcmalloc) serves it and the kernel gives huge pages only to regions that ask for them (THP mode {@code madvise}).
 *
 * <p>Why: {@code libtorch_cpu.so} registers its operators in static initialisers that run inside its {@code dlopen},
 * on the critical path of a one-image run, and they allocate tens of MB in small pieces. Each fresh 4 KB page is a
 * page fault, costly on a virtual machine: with tcmalloc, a C program that only loads the library took 15,500-16,000
 * faults and 0.42-0.54 s, and 3,100-3,800 faults and 0.26-0.45 s with its heap on huge pages
 * (docs/end-to-end-speed.md, section 9). tcmalloc takes its memory from the system in large pieces and keeps what is
 * freed: a block of {@link #SIZE} bytes allocated, advised with {@code MADV_HUGEPAGE} and freed at once stays in its
 * page heap, and the small allocations that follow are carved out of it. Only the pages touched become resident (a
 * huge page at a time), so the process's peak memory did not grow in the runs measured.
 *
 * <p>Glibc's malloc returns such a block to the system on free, which would make this a no-op; it is therefore done
 * only when tcmalloc is preloaded.
 */
final class HeapHugePages {

	/**
	 * What is advised. Whole 12 MP runs faulted the same (13,500-14,500 times, against 40,800 without) with 256, 512
	 * and 1024 MB; 128 MB left 14,300-17,400: libtorch's start-up, the model's weights and the network's buffers fit.
	 */
	static final long SIZE = 256L << 20;

	/** {@code MADV_HUGEPAGE} in Linux's asm-generic/mman-common.h (its value on x86-64 and arm64). */
	static final int MADV_HUGEPAGE = 14;

	private static final Path MODE = Paths.get("/sys/kernel/mm/transparent_hugepage/enabled");
	private static final Path PAGE_SIZE = Paths.get("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");

	private HeapHugePages() {}

	/** The process's own malloc and free (an interposed allocator's, where one is preloaded), not libc.so.6's. */
	interface ProcessHeap extends Library {

		Pointer malloc(long size);

		void free(Pointer block);
	}

	/**
	 * Advises the heap when tcmalloc is preloaded and the kernel gives huge pages on request only; returns what was
	 * done, for {@link NativeMemory#describe()}, or null when nothing was (not applicable). Never throws.
	 */
	static String reserveForCachingAllocator(String preload) {
		if (!"tcmalloc".equals(NativeMemory.preloadedAllocator(preload))) return null;
		String mode = thpMode(MODE);
		if (!"madvise".equals(mode)) return null; // "always": the heap gets huge pages anyway; "never": it cannot
		long hugePage = hugePageSize(PAGE_SIZE);
		if (2 * hugePage > SIZE) return null; // 512 MB huge pages (arm64 with 64 KB pages): none would fit
		try {
			ProcessHeap heap = Native.load((String) null, ProcessHeap.class); // dlopen(NULL): the interposed malloc
			Pointer block = heap.malloc(SIZE);
			if (block == null) return "heap on 4 KB pages (malloc of " + (SIZE >> 20) + " MB failed)";
			boolean advised;
			try {
				advised = advise(Pointer.nativeValue(block), SIZE, hugePage);
			}
			finally {
				heap.free(block); // kept by tcmalloc for the allocations that follow
			}
			return advised ? "libtorch's start-up heap on huge pages (" + (SIZE >> 20) + " MB advised)" :
				"heap on 4 KB pages (madvise refused)";
		}
		catch (RuntimeException | LinkageError e) {
			return "heap on 4 KB pages (" + e.getClass().getSimpleName() + ")";
		}
	}

	/**
	 * Advises the whole huge pages inside {@code [address, address + size)}; true when the kernel accepted it (false
	 * also when the range holds no whole huge page).
	 */
	static boolean advise(long address, long size, long hugePage) {
		long[] range = alignedInside(address, size, hugePage);
		if (range[1] <= range[0]) return false;
		return LibC.get().madvise(new Pointer(range[0]), range[1] - range[0], MADV_HUGEPAGE) == 0;
	}

	/**
	 * The largest range of whole {@code alignment}-sized blocks inside {@code [address, address + size)}, as {start,
	 * end}; end ≤ start when there is none. {@code alignment} is a power of two.
	 */
	static long[] alignedInside(long address, long size, long alignment) {
		long start = (address + alignment - 1) & -alignment;
		long end = (address + size) & -alignment;
		return new long[] {start, end};
	}

	/** The bracketed word of the kernel's THP mode file ("always [madvise] never"), or null where unreadable. */
	static String thpMode(Path file) {
		try {
			String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
			int open = text.indexOf('['), close = text.indexOf(']', open + 1);
			return open >= 0 && close > open ? text.substring(open + 1, close) : null;
		}
		catch (IOException | SecurityException e) {
			return null;
		}
	}

	/** The kernel's huge page size in bytes (2 MB on x86-64; 512 MB on arm64 with 64 KB pages), 2 MB if unknown. */
	static long hugePageSize(Path file) {
		try {
			long bytes = Long.parseLong(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim());
			return bytes > 0 && Long.bitCount(bytes) == 1 ? bytes : 2L << 20;
		}
		catch (IOException | SecurityException | NumberFormatException e) {
			return 2L << 20;
		}
	}
}
