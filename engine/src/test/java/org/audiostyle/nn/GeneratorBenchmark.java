package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Manual benchmark (not a unit test): time and peak RSS of one generator pass. Run in a fresh JVM per measurement,
 * e.g. {@code java -cp ... org.audiostyle.nn.GeneratorBenchmark small 1024 infer}. Modes: infer (low memory),
 * forward (plain).
 */
public final class GeneratorBenchmark {

	public static void main(String[] args) throws IOException {
		NetworkConfig c = NetworkConfig.named(args[0]);
		int size = Integer.parseInt(args[1]);
		boolean lowMemory = args[2].equals("infer");
		try (NDManager m = NDManager.newBaseManager()) {
			ResnetGenerator g = new ResnetGenerator(c);
			g.initialize(m, 1);
			NDArray e = m.randomNormal(new ai.djl.ndarray.types.Shape(1, c.embeddingDim));
			// Warm-up on a small image so one-off costs do not count.
			g.infer(m, TestData.image(m, 1, 64, 64, 1), e, null).close();
			long rssBefore = rssKb("VmRSS");
			NDArray img = TestData.image(m, 1, size, size, 2);
			for (int rep = 0; rep < 2; rep++) {
				long t0 = System.nanoTime();
				try (NDManager call = m.newSubManager()) {
					if (!lowMemory) img.tempAttach(call); // plain forward: every intermediate lands in call
					NDArray out = lowMemory ? g.infer(call, img, e, null) : g.forward(img, e, null);
					out.toFloatArray();
				}
				System.out.printf("%s %dx%d %s: %.2f s%n", args[0], size, size, args[2], (System.nanoTime() - t0) / 1e9);
			}
			System.out.printf("RSS before %d MB, peak %d MB%n", rssBefore / 1024, rssKb("VmHWM") / 1024);
		}
	}

	private static long rssKb(String field) throws IOException {
		for (String line : Files.readAllLines(Paths.get("/proc/self/status")))
			if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
		return -1;
	}
}
