package org.audiostyle.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.GeneratorFlops;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.StateDict;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedGenerator;
import org.audiostyle.runtime.DjlRuntime;

/**
 * {@code audiostyle bench --vs-pytorch}: the generator forward in this engine and in PyTorch eager (Python, the same
 * network and weights, {@code tools/bench/torch_generator.py}), run alternately in one time window so that both see
 * the same machine state. Per case: DJL eager layers (the engine before the compiled pass), the compiled pass in
 * fp32 and bf16, and PyTorch eager fp32; medians, ratios, achieved GFLOP/s, SGEMM GFLOP/s measured in the same run,
 * and the largest difference between the engine's and PyTorch's outputs. The last line is
 * {@code djl/pytorch fp32 ratio R}: compiled fp32 median over PyTorch median, the worst case.
 */
final class BenchVsPytorch {

	private final int reps;
	private final boolean withEager;
	/** Batch of the generator training-step comparison (0: none), and its crop side. */
	int trainBatch = 4, trainCrop = 128;
	/** DJL / PyTorch median of the generator training step, after {@link #run} (NaN if not measured). */
	double worstTrain = Double.NaN;
	private final String python;
	private int threads = 1;
	private final Path worker;

	BenchVsPytorch(int reps, boolean withEager, String python, Path worker) {
		this.reps = reps;
		this.withEager = withEager;
		this.python = python;
		this.worker = worker;
	}

	/** Runs the cases; returns the worst compiled-fp32 / PyTorch ratio. */
	double run(List<Case> cases) throws Exception {
		int threads = DjlRuntime.run(() -> {
			DjlRuntime.engine(); // loads the native library
			return ai.djl.pytorch.jni.JniUtils.getNumThreads();
		});
		double sgemm = DjlRuntime.run(BenchVsPytorch::sgemmGflops);
		System.out.println("native memory: " + org.audiostyle.runtime.NativeMemory.describe() + " (both engines)");
		System.out.printf("threads %d (both engines); SGEMM %.1f GFLOP/s (2048^3, DJL matMul, fp32)%n", threads, sgemm);
		ProcessBuilder pb = new ProcessBuilder(python, worker.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
		// The same allocator set-up on both sides (LD_PRELOAD is inherited; the huge-page switch was set in-process).
		if (org.audiostyle.runtime.NativeMemory.describe().contains("THP_MEM_ALLOC_ENABLE=1"))
			pb.environment().put("THP_MEM_ALLOC_ENABLE", "1");
		Process p = pb.start();
		double worst = 0;
		try (PrintWriter toPy = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
			BufferedReader fromPy = new BufferedReader(new InputStreamReader(p.getInputStream(),
				StandardCharsets.UTF_8))) {
			for (Case c : cases)
				worst = Math.max(worst, runCase(c, threads, sgemm, toPy, fromPy));
			if (trainBatch > 0) worstTrain = trainStep(cases.get(0), toPy, fromPy);
			toPy.println("quit");
		}
		finally {
			p.waitFor();
		}
		return worst;
	}

	private double runCase(Case c, int threads, double sgemm, PrintWriter toPy, BufferedReader fromPy)
		throws Exception {
		Path dir = Files.createTempDirectory("audiostyle-vs-pytorch");
		try (StyleModel model = c.model()) {
			NetworkConfig cfg = model.config();
			float[] image = image(c.size, c.size);
			float[] embedding = new float[cfg.embeddingDim];
			Random r = new Random(3);
			for (int i = 0; i < embedding.length; i++)
				embedding[i] = (float) r.nextGaussian();
			export(model, threads, c.size, image, embedding, dir);
			this.threads = threads;
			ask(toPy, fromPy, "load " + dir, "ready");
			double gflop = GeneratorFlops.of(cfg, c.size, c.size) / 1e9;
			System.out.printf("%n%s: %s, %dx%d, %.1f GFLOP per pass%n", c.name, cfg, c.size, c.size, gflop);
			return DjlRuntime.run(() -> {
				try (NDManager m = model.manager().newSubManager();
					ScriptedGenerator fp32 = new ScriptedGenerator(model.generator(), ScriptPrecision.FP32, m);
					ScriptedGenerator bf16 = new ScriptedGenerator(model.generator(), ScriptPrecision.BF16, m)) {
					NDArray img = m.create(image, new Shape(1, 3, c.size, c.size));
					NDArray emb = m.create(embedding, new Shape(1, embedding.length));
					float[] ours = fp32.infer(m, img, emb, null).toFloatArray(); // also the warm-up
					bf16.infer(m, img, emb, null).close();
					if (withEager) model.generator().infer(m, img, emb, null).close();
					Path theirsFile = dir.resolve("out.f32");
					ask(toPy, fromPy, "save " + theirsFile, "saved");
					float[] theirs = readFloats(theirsFile);
					List<String> names = new ArrayList<>();
					List<DoubleSupplier> runs = new ArrayList<>();
					if (withEager) {
						names.add("DJL eager layers fp32 (before)");
						runs.add(() -> time(() -> model.generator().infer(m, img, emb, null).close()));
					}
					names.add("DJL compiled fp32");
					runs.add(() -> time(() -> fp32.infer(m, img, emb, null).close()));
					names.add("DJL compiled bf16");
					runs.add(() -> time(() -> bf16.infer(m, img, emb, null).close()));
					names.add("PyTorch eager fp32");
					runs.add(() -> Double.parseDouble(ask(toPy, fromPy, "run", "time").substring(5)));
					double[][] t = new double[runs.size()][reps];
					for (int rep = 0; rep < reps; rep++) {
						StringBuilder line = new StringBuilder("rep " + (rep + 1) + ":");
						for (int k = 0; k < runs.size(); k++) {
							pause();
							t[k][rep] = runs.get(k).getAsDouble();
							line.append(String.format(" %.3f", t[k][rep]));
						}
						System.out.println(line + " s");
					}
					double torch = median(t[runs.size() - 1]);
					for (int k = 0; k < runs.size(); k++) {
						double med = median(t[k]);
						System.out.printf("  %-32s median %8.3f s  %6.1f GFLOP/s (%4.0f %% of SGEMM)  x%.2f of PyTorch%n",
							names.get(k), med, gflop / med, 100 * gflop / med / sgemm, med / torch);
					}
					double f32 = median(t[names.indexOf("DJL compiled fp32")]);
					double b16 = median(t[names.indexOf("DJL compiled bf16")]);
					System.out.printf("  output difference DJL compiled fp32 vs PyTorch: max abs %.2e (values in [-1, 1])%n",
						maxAbsDiff(ours, theirs));
					if (withEager) System.out.printf("  compiled fp32 speed-up over DJL eager layers: %.2fx%n",
						median(t[0]) / f32);
					System.out.printf("  bf16/fp32 speed-up %.2fx%n", f32 / b16);
					System.out.printf("  djl/pytorch fp32 ratio for this case %.3f%n", f32 / torch);
					return f32 / torch;
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		finally {
			try (var files = Files.list(dir)) {
				for (Path f : (Iterable<Path>) files::iterator)
					Files.deleteIfExists(f);
			}
			Files.deleteIfExists(dir);
		}
	}

	/**
	 * The generator's part of a training step at the default recipe's shapes (batch 4, 128 x 128 crops): forward
	 * through the eager DJL layers (the ones training uses, with autograd), L1 loss to a target, backward; against the
	 * same in PyTorch eager (train mode, gradients cleared each step). Returns DJL median / PyTorch median.
	 */
	private double trainStep(Case c, PrintWriter toPy, BufferedReader fromPy) throws Exception {
		Path dir = Files.createTempDirectory("audiostyle-vs-pytorch-train");
		try (StyleModel model = c.model()) {
			NetworkConfig cfg = model.config();
			int n = trainBatch, s = trainCrop, e = cfg.embeddingDim;
			Random r = new Random(5);
			float[] x = new float[n * 3 * s * s], t = new float[x.length], emb = new float[n * e];
			for (int i = 0; i < x.length; i++) {
				x[i] = (float) Math.max(-1, Math.min(1, 0.5 * Math.sin(i * 0.001) + 0.2 * r.nextGaussian()));
				t[i] = (float) Math.max(-1, Math.min(1, 0.5 * Math.cos(i * 0.0007) + 0.2 * r.nextGaussian()));
			}
			for (int i = 0; i < emb.length; i++)
				emb[i] = (float) r.nextGaussian();
			export(model, threads, s, image(s, s), new float[e], dir); // weights and config for the Python side
			JsonObject j = new JsonObject();
			j.addProperty("batch", n);
			j.addProperty("crop", s);
			j.addProperty("embeddingDim", e);
			Files.writeString(dir.resolve("train.json"), j.toString());
			writeFloats(dir.resolve("batch.f32"), x);
			writeFloats(dir.resolve("batch_embedding.f32"), emb);
			writeFloats(dir.resolve("batch_target.f32"), t);
			ask(toPy, fromPy, "load " + dir, "ready");
			ask(toPy, fromPy, "train " + dir, "ready");
			System.out.printf("%ngenerator training step (forward, L1 loss, backward), %s, batch %d x %dx%d:%n", cfg,
				n, s, s);
			return DjlRuntime.run(() -> {
				List<NDArray> params = new ArrayList<>();
				for (Parameter p : StateDict.of(model.generator()).values())
					if (p.requiresGradient()) {
						p.getArray().setRequiresGradient(true);
						params.add(p.getArray());
					}
				NDManager m = model.manager();
				DoubleSupplier djl = () -> time(() -> {
					try (NDManager step = m.newSubManager();
						ai.djl.training.GradientCollector gc = DjlRuntime.engine().newGradientCollector()) {
						NDArray in = step.create(x, new Shape(n, 3, s, s));
						NDArray target = step.create(t, new Shape(n, 3, s, s));
						NDArray loss = model.generator().forward(in, step.create(emb, new Shape(n, e)), null).sub(
							target).abs().mean();
						gc.backward(loss);
					}
					for (NDArray p : params)
						p.getGradient().set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
				});
				djl.getAsDouble(); // warm-up
				double[][] tt = new double[2][reps];
				for (int rep = 0; rep < reps; rep++) {
					pause();
					tt[0][rep] = djl.getAsDouble();
					pause();
					tt[1][rep] = Double.parseDouble(ask(toPy, fromPy, "step", "time").substring(5));
					System.out.printf("rep %d: %.3f %.3f s%n", rep + 1, tt[0][rep], tt[1][rep]);
				}
				double a = median(tt[0]), b = median(tt[1]);
				System.out.printf("  DJL eager layers + autograd   median %.3f s%n  PyTorch eager + autograd      " +
					"median %.3f s%n  djl/pytorch generator training step %.3f%n", a, b, a / b);
				return a / b;
			});
		}
		finally {
			try (var files = Files.list(dir)) {
				for (Path f : (Iterable<Path>) files::iterator)
					Files.deleteIfExists(f);
			}
			Files.deleteIfExists(dir);
		}
	}

	/** A benchmark case: a model and a square input side. */
	static final class Case {
		final String name;
		final int size;
		private final java.util.concurrent.Callable<StyleModel> model;

		Case(String name, int size, java.util.concurrent.Callable<StyleModel> model) {
			this.name = name;
			this.size = size;
			this.model = model;
		}

		StyleModel model() throws Exception {
			return model.call();
		}
	}

	/** config.json (network, threads, tensor index), weights.f32, image.f32, embedding.f32 for the Python side. */
	private static void export(StyleModel model, int threads, int size, float[] image, float[] embedding, Path dir)
		throws IOException {
		NetworkConfig cfg = model.config();
		JsonObject j = new JsonObject();
		j.addProperty("ngf", cfg.ngf);
		j.addProperty("residualBlocks", cfg.residualBlocks);
		j.addProperty("embeddingDim", cfg.embeddingDim);
		j.addProperty("conditioning", cfg.conditioning.id());
		j.addProperty("threads", threads);
		j.addProperty("height", size);
		j.addProperty("width", size);
		JsonArray tensors = new JsonArray();
		List<float[]> values = new ArrayList<>();
		DjlRuntime.run(() -> {
			for (Map.Entry<String, Parameter> e : StateDict.of(model.generator()).entrySet()) {
				JsonObject t = new JsonObject();
				t.addProperty("key", e.getKey());
				JsonArray shape = new JsonArray();
				for (long d : e.getValue().getShape().getShape())
					shape.add(d);
				t.add("shape", shape);
				tensors.add(t);
				values.add(e.getValue().getArray().toFloatArray());
			}
			return null;
		});
		j.add("tensors", tensors);
		Files.writeString(dir.resolve("config.json"), j.toString());
		writeFloats(dir.resolve("weights.f32"), values.toArray(new float[0][]));
		writeFloats(dir.resolve("image.f32"), image);
		writeFloats(dir.resolve("embedding.f32"), embedding);
	}

	private static void writeFloats(Path f, float[]... arrays) throws IOException {
		int n = 0;
		for (float[] a : arrays)
			n += a.length;
		ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
		for (float[] a : arrays)
			for (float v : a)
				b.putFloat(v);
		Files.write(f, b.array());
	}

	private static float[] readFloats(Path f) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
		float[] v = new float[b.remaining() / 4];
		b.asFloatBuffer().get(v);
		return v;
	}

	/** A smooth test picture in [-1, 1] with some texture, 1 x 3 x h x w. */
	private static float[] image(int h, int w) {
		float[] v = new float[3 * h * w];
		Random r = new Random(1);
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					v[(c * h + y) * w + x] = (float) Math.max(-1, Math.min(1, 0.6 * Math.sin(x * 0.013 + c) *
						Math.cos(y * 0.009) + 0.1 * r.nextGaussian()));
		return v;
	}

	private static String ask(PrintWriter out, BufferedReader in, String command, String expect) {
		out.println(command);
		try {
			String line = in.readLine();
			if (line == null || !line.startsWith(expect))
				throw new IllegalStateException("The PyTorch side answered '" + line + "' to '" + command + "' (see " +
					"its error output above; it needs Debian's python3-torch)");
			return line;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static double time(Runnable r) {
		long t0 = System.nanoTime();
		r.run();
		return (System.nanoTime() - t0) / 1e9;
	}

	/** Lets the other engine's worker threads stop spinning before the next timed run. */
	private static void pause() {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static double sgemmGflops() {
		try (NDManager m = DjlRuntime.engine().newBaseManager()) {
			int n = 2048;
			NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
			NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
			a.matMul(b).close();
			double[] t = new double[5];
			for (int i = 0; i < t.length; i++)
				t[i] = time(() -> a.matMul(b).close());
			return 2.0 * n * n * n / median(t) / 1e9;
		}
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static double maxAbsDiff(float[] a, float[] b) {
		if (a.length != b.length) throw new IllegalStateException("Outputs differ in size: " + a.length + " vs " +
			b.length);
		double d = 0;
		for (int i = 0; i < a.length; i++)
			d = Math.max(d, Math.abs(a[i] - b[i]));
		return d;
	}

	static Path defaultWorker() {
		return Paths.get("tools", "bench", "torch_generator.py");
	}

	static String defaultPython() {
		return Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
	}
}
