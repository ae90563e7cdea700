package org.audiostyle.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.StateDict;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedTrainingGenerator;

/**
 * The generator's share of a training step (generate, encode the result at the PatchNCE layers, back-propagate a
 * loss on both) with the eager layers and with the training script in float32 and in the two bfloat16 layouts,
 * alternately in one process, on a trained model's weights: seconds per pass and how far each precision's gradients
 * are from float32's. {@code java ... org.audiostyle.train.GeneratorPassBenchmark [MODEL] [batch] [crop] [rounds]}
 * (default: the bundled model, 4, 128, 7).
 */
public final class GeneratorPassBenchmark {

	private GeneratorPassBenchmark() {}

	public static void main(String[] args) throws Exception {
		int batch = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int crop = args.length > 2 ? Integer.parseInt(args[2]) : 128;
		int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
		try (StyleModel model = args.length > 0 && !args[0].equals("default") ? StyleModel.load(Path.of(args[0])) :
			StyleModel.bundledDefault()) {
			ResnetGenerator g = model.generator();
			int[] layers = StyleNetworks.defaultNceLayers(model.config());
			Map<String, Parameter> state = StateDict.of(g);
			for (Parameter p : state.values())
				if (p.requiresGradient()) p.getArray().setRequiresGradient(true);
			NDManager m = model.manager();
			Map<String, ScriptedTrainingGenerator> passes = new LinkedHashMap<>();
			passes.put("eager", null);
			for (ScriptPrecision p : ScriptPrecision.values())
				passes.put(p.id(), new ScriptedTrainingGenerator(g, p, layers, m));
			Map<String, List<Double>> times = new LinkedHashMap<>();
			Map<String, Map<String, float[]>> gradients = new LinkedHashMap<>();
			for (int r = 0; r < rounds; r++)
				for (Map.Entry<String, ScriptedTrainingGenerator> e : passes.entrySet()) {
					long t0 = System.nanoTime();
					Map<String, float[]> grads = pass(g, e.getValue(), layers, state, m, batch, crop, model.config()
						.embeddingDim);
					if (r > 0) times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) /
						1e9); // round 0 warms up
					gradients.put(e.getKey(), grads);
				}
			double reference = median(times.get("eager"));
			System.out.printf(Locale.ROOT, "%s, batch %d x %d^2, medians of %d (generate + encode + backward):%n", model
				.config(), batch, crop, rounds - 1);
			Map<String, float[]> fp32 = gradients.get("fp32");
			for (String name : passes.keySet()) {
				double t = median(times.get(name));
				// weights only: a bias just before an instance norm has a gradient of zero but for rounding
				List<Double> errors = new ArrayList<>();
				double diff = 0, norm = 0;
				for (String key : fp32.keySet()) {
					float[] a = fp32.get(key), b = gradients.get(name).get(key);
					if (key.endsWith(".weight")) errors.add(relative(a, b));
					for (int i = 0; i < a.length; i++) {
						diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
						norm += a[i] * (double) a[i];
					}
				}
				double first = relative(fp32.get("model_down.1.weight"), gradients.get(name).get("model_down.1.weight"));
				double last = relative(fp32.get("model_up.9.weight"), gradients.get(name).get("model_up.9.weight"));
				System.out.printf(Locale.ROOT, "  %-9s %.3f s (%.2fx eager)  gradient error vs fp32: all %.3g, median " +
					"weight %.3g, first convolution %.3g, last %.3g%n", name, t, reference / t, Math.sqrt(diff / norm),
					median(errors), first, last);
			}
			for (ScriptedTrainingGenerator s : passes.values())
				if (s != null) s.close();
		}
	}

	/** One pass; returns every parameter's gradient (and clears it). */
	private static Map<String, float[]> pass(ResnetGenerator g, ScriptedTrainingGenerator s, int[] layers,
		Map<String, Parameter> state, NDManager parent, int batch, int crop, int embeddingDim) {
		try (NDManager m = parent.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
			NDArray image = fixed(m, new Shape(batch, 3, crop, crop), 1).tanh();
			NDArray embedding = fixed(m, new Shape(batch, embeddingDim), 2);
			NDArray out = s == null ? g.forward(image, embedding, null) : s.generate(image, embedding);
			List<NDArray> features = s == null ? g.encode(out, layers) : s.encode(out, layers);
			// a fixed random projection: a loss whose gradient the instance norms do not cancel
			NDArray loss = out.mul(fixed(m, out.getShape(), 3)).mean();
			for (int k = 0; k < features.size(); k++)
				loss = loss.add(features.get(k).mul(fixed(m, features.get(k).getShape(), 4 + k)).mean());
			gc.backward(loss);
		}
		Map<String, float[]> grads = new LinkedHashMap<>();
		for (Map.Entry<String, Parameter> e : state.entrySet())
			if (e.getValue().requiresGradient()) {
				NDArray grad = e.getValue().getArray().getGradient();
				grads.put(e.getKey(), grad.toFloatArray());
				grad.subi(grad);
			}
		return grads;
	}

	private static NDArray fixed(NDManager m, Shape shape, long seed) {
		Random r = new Random(seed);
		float[] v = new float[Math.toIntExact(shape.size())];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		return m.create(v, shape);
	}

	private static double relative(float[] a, float[] b) {
		double d = 0, n = 0;
		for (int i = 0; i < a.length; i++) {
			d += (a[i] - b[i]) * (double) (a[i] - b[i]);
			n += a[i] * (double) a[i];
		}
		return n == 0 ? 0 : Math.sqrt(d / n);
	}

	private static double median(List<Double> v) {
		List<Double> s = new ArrayList<>(v);
		s.sort(null);
		return s.get(s.size() / 2);
	}
}
