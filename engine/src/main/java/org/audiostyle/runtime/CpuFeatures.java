package org.audiostyle.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the CPU can do for the bfloat16 path, read from the kernel's flag list ({@code /proc/cpuinfo} on Linux).
 * Elsewhere, or when the file cannot be read, no flag is known and the float32 path is chosen.
 */
public final class CpuFeatures {

	private static final Set<String> FLAGS = read(Paths.get("/proc/cpuinfo"));

	private CpuFeatures() {
	}

	/** True when the CPU has native bf16 arithmetic (AVX512-BF16 or AMX-BF16), which oneDNN uses for bf16 work. */
	public static boolean hasBf16() {
		return hasBf16(FLAGS);
	}

	/** The flags that make bf16 worthwhile that this CPU has, e.g. "avx512_bf16 amx_bf16", or "none". */
	public static String bf16Flags() {
		StringBuilder s = new StringBuilder();
		for (String f : List.of("avx512_bf16", "amx_bf16", "amx_tile"))
			if (FLAGS.contains(f)) s.append(s.length() == 0 ? "" : " ").append(f);
		return s.length() == 0 ? "none" : s.toString();
	}

	static boolean hasBf16(Set<String> flags) {
		return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
	}

	static Set<String> read(Path cpuinfo) {
		try {
			for (String line : Files.readAllLines(cpuinfo))
				if (line.startsWith("flags")) {
					int colon = line.indexOf(':');
					return new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
				}
		}
		catch (IOException | RuntimeException e) {
			// not Linux, or not readable: no flags known
		}
		return Collections.emptySet();
	}
}
