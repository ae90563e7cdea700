package org.audiostyle.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The few C library calls the engine makes through JNA (which DJL already ships): setting an environment variable
 * libtorch reads ({@link NativeMemory}), advising the heap's pages ({@link HeapHugePages}) and moving file descriptor
 * 2 ({@link NativeLogs}). (malloc and free are not here: looked up in libc.so.6 they are glibc's own, not those of an
 * allocator the launcher preloads.)
 *
 * <p>Loaded once, by its file name on Linux ({@code libc.so.6}): asked for plain "c", JNA first tries {@code
 * libc.so}, which on Debian is a linker script (with libc6-dev) or absent, and then searches its library folders for
 * a versioned file. (JNA's list of those folders is what runs {@code ldconfig -p} in a child process, once per JVM;
 * the launcher names the folders instead, see docs/end-to-end-speed.md.) Kept for the process's lifetime, so JNA's
 * cleaner never closes it.
 */
interface LibC extends Library {

	int setenv(String name, String value, int overwrite);

	int open(String path, int flags);

	int dup(int fd);

	int dup2(int from, int to);

	int close(int fd);

	/** Advice on a range of pages ({@link HeapHugePages}); the address is page-aligned. */
	int madvise(com.sun.jna.Pointer start, long length, int advice);

	/** The C library, loaded on first use; throws what JNA throws where it cannot be loaded. */
	static LibC get() {
		return Holder.INSTANCE;
	}

	/** Lazy holder: JNA is touched only when a caller asks. */
	final class Holder {

		static final LibC INSTANCE = load();

		private Holder() {}

		private static LibC load() {
			if (Platform.isLinux()) {
				try {
					return Native.load("libc.so.6", LibC.class); // glibc's soname
				}
				catch (UnsatisfiedLinkError e) {
					// another C library (musl): JNA's own search below
				}
			}
			return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
		}
	}
}
