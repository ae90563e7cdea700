package org.audiostyle.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.audiostyle.image.PlanarImage;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedGenerator;
import org.audiostyle.runtime.DjlRuntime;

/**
 * {@code audiostyle bench --profile TRACE.json}: where the time of one generator pass goes. Runs the pass under
 * PyTorch's profiler (a Chrome trace, viewable in chrome://tracing or Perfetto) and prints the self time of each
 * operator kind, largest first: convolutions, norms, padding, upsampling, copies.
 */
final class BenchProfile {

	private BenchProfile() {
	}

	static void run(StyleModel model, PlanarImage scene, float[] embedding, ScriptPrecision precision, boolean eager,
		Path trace) throws IOException {
		DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager();
				ScriptedGenerator g = new ScriptedGenerator(model.generator(), precision, m)) {
				NDArray img = m.create(scene.toNetworkRange(), new Shape(1, 3, scene.height, scene.width));
				NDArray emb = m.create(embedding, new Shape(1, embedding.length));
				for (int i = 0; i < 2; i++) // warm-up: the script's executor specialises on the second call
					(eager ? model.generator().infer(m, img, emb, null) : g.infer(m, img, emb, null)).close();
				JniUtils.startProfile(false, true, false);
				long t0 = System.nanoTime();
				(eager ? model.generator().infer(m, img, emb, null) : g.infer(m, img, emb, null)).close();
				double seconds = (System.nanoTime() - t0) / 1e9;
				JniUtils.stopProfile(trace.toAbsolutePath().toString());
				System.out.printf("%s pass %dx%d, %s: %.3f s; trace written to %s%n", eager ? "eager" : "compiled",
					scene.width, scene.height, eager ? "fp32" : precision.id(), seconds, trace);
			}
			return null;
		});
		print(selfTimes(trace), 14);
	}

	/** Microseconds of self time (own duration minus that of ops nested in it) by operator name. */
	static Map<String, double[]> selfTimes(Path trace) throws IOException {
		JsonElement root;
		try (Reader r = Files.newBufferedReader(trace)) {
			root = JsonParser.parseReader(r);
		}
		List<JsonObject> ops = new ArrayList<>();
		for (JsonElement e : root.isJsonObject() ? root.getAsJsonObject().getAsJsonArray("traceEvents") :
			root.getAsJsonArray()) {
			JsonObject o = e.getAsJsonObject();
			if (o.has("ph") && o.get("ph").getAsString().equals("X") && o.has("dur")) ops.add(o);
		}
		ops.sort(Comparator.comparing((JsonObject o) -> o.has("tid") ? o.get("tid").getAsString() : "")
			.thenComparingDouble(o -> o.get("ts").getAsDouble()).thenComparingDouble(o -> -o.get("dur").getAsDouble()));
		Map<String, double[]> self = new HashMap<>(); // name -> {self microseconds, calls}
		Deque<JsonObject> open = new ArrayDeque<>();
		for (JsonObject o : ops) {
			String tid = o.has("tid") ? o.get("tid").getAsString() : "";
			double ts = o.get("ts").getAsDouble(), dur = o.get("dur").getAsDouble();
			while (!open.isEmpty() && (!tid.equals(open.peek().has("tid") ? open.peek().get("tid").getAsString() : "") ||
				open.peek().get("ts").getAsDouble() + open.peek().get("dur").getAsDouble() <= ts))
				open.pop();
			if (!open.isEmpty()) self.computeIfAbsent(open.peek().get("name").getAsString(), k -> new double[2])[0] -= dur;
			double[] s = self.computeIfAbsent(o.get("name").getAsString(), k -> new double[2]);
			s[0] += dur;
			s[1]++;
			open.push(o);
		}
		return self;
	}

	private static void print(Map<String, double[]> self, int top) {
		double total = self.values().stream().mapToDouble(v -> Math.max(0, v[0])).sum();
		System.out.println("self time by operator (the profiler's own overhead included):");
		self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(top)
			.forEach(e -> System.out.printf("  %9.1f ms %5.1f %% %5d calls  %s%n", e.getValue()[0] / 1e3,
				100 * e.getValue()[0] / total, (int) e.getValue()[1], e.getKey()));
	}
}
