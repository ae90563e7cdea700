package org.audiostyle.nn.script;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import org.audiostyle.nn.FilmModulation;
import org.audiostyle.nn.NormStatistics;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.SizePadding;

/**
 * The generator's inference pass as a compiled TorchScript module ({@link GeneratorScript}) over the weights of a
 * {@link ResnetGenerator}: same contract and numbers as {@link ResnetGenerator#infer} (to float32 rounding, or to
 * bfloat16 rounding in {@link ScriptPrecision#BF16}), but each layer is one native ATen operator, and intermediates are
 * freed by the TorchScript interpreter as soon as they are dead.
 * <p>
 * The weights are the generator's own arrays (not copies), so a reloaded or fine-tuned generator is seen at once;
 * FiLM's scale and shift are computed from the embedding by the eager layers (a few hundred numbers). Batch size 1.
 * Not for training: no gradients are taken here.
 */
public final class ScriptedGenerator implements AutoCloseable {

	private static final float EPS = 1e-5f;

	private final ResnetGenerator generator;
	private final GeneratorScript script;
	private final PtSymbolBlock module;
	private final List<Parameter> weights;

	/** Compiles the script for {@code generator}'s configuration; the module lives in {@code manager}. */
	public ScriptedGenerator(ResnetGenerator generator, ScriptPrecision precision, NDManager manager) {
		this.generator = generator;
		this.script = new GeneratorScript(generator.config(), precision);
		this.weights = GeneratorModule.weights(generator, script.weightKeys(), script.upsampleFilters(),
			"scripted pass");
		this.module = GeneratorModule.load(GeneratorScript.CLASS, script.source(), manager, "generator script");
		JniUtils.enableInferenceMode(module);
	}

	public ScriptPrecision precision() {
		return script.precision();
	}

	/**
	 * Stylizes {@code image} (1 x 3 x H x W in [-1, 1], any H, W >= 1) with {@code embedding} (1 x E). With
	 * {@code stats} in RECORD mode the norms' statistics are recorded (and the result is the pass with the image's
	 * own statistics); in APPLY mode the recorded ones are used. The result (float32) is attached to {@code manager}.
	 */
	public NDArray infer(NDManager manager, NDArray image, NDArray embedding, NormStatistics stats) {
		checkInputs(image, embedding);
		Shape s = image.getShape();
		try (NDManager scope = manager.newSubManager()) {
			SizePadding size = new SizePadding(s.get(2), s.get(3));
			NDArray padded = size.pad(image);
			List<IValue> args = arguments(padded, embedding, scope);
			NDArray out;
			if (stats != null && stats.mode() == NormStatistics.Mode.APPLY) {
				args.add(IValue.listFrom(appliedArrays(stats, embedding, scope)));
				out = run("forward_apply", args, scope)[0];
			} else {
				if (stats != null) {
					record(stats, run("forward_stats", args, scope));
					args = arguments(padded, embedding, scope);
				}
				out = run("forward", args, scope)[0];
			}
			NDArray result = size.crop(out);
			if (result != out) result = result.duplicate();
			result.attach(manager);
			return result;
		}
	}

	/**
	 * Records the norms' statistics of {@code image} into {@code stats} (RECORD mode) without making the picture:
	 * the pass stops after the last norm (what tiling needs before its tiles).
	 */
	public void record(NDArray image, NDArray embedding, NormStatistics stats) {
		if (stats.mode() != NormStatistics.Mode.RECORD)
			throw new IllegalArgumentException("Statistics must be in RECORD mode to be recorded");
		checkInputs(image, embedding);
		try (NDManager scope = image.getManager().newSubManager()) {
			SizePadding size = new SizePadding(image.getShape().get(2), image.getShape().get(3));
			record(stats, run("forward_stats", arguments(size.pad(image), embedding, scope), scope));
		}
	}

	/** Runs a script method; the arguments are released afterwards, the result tensors belong to {@code scope}. */
	private PtNDArray[] run(String method, List<IValue> args, NDManager scope) {
		IValue[] in = args.toArray(new IValue[0]);
		try (IValue out = IValueUtils.runMethod(module, method, in)) {
			return out.isTensor() ? new PtNDArray[] { out.toTensor((PtNDManager) scope) } :
				out.toTensorArray((PtNDManager) scope);
		}
		finally {
			for (IValue v : in)
				v.close();
		}
	}

	private void checkInputs(NDArray image, NDArray embedding) {
		Shape s = image.getShape();
		if (s.dimension() != 4 || s.get(0) != 1 || s.get(1) != 3)
			throw new IllegalArgumentException("The scripted generator takes one 1 x 3 x H x W image, got " + s);
		if (embedding.getShape().dimension() != 2 || embedding.getShape().get(0) != 1 ||
			embedding.getShape().get(1) != generator.config().embeddingDim)
			throw new IllegalArgumentException("The generator needs a 1 x " + generator.config().embeddingDim +
				" embedding, got " + embedding.getShape());
	}

	/** (x, w, film, emb): the arguments all methods share. */
	private List<IValue> arguments(NDArray padded, NDArray embedding, NDManager scope) {
		List<IValue> args = new ArrayList<>();
		args.add(IValue.from((PtNDArray) padded));
		args.add(IValue.listFrom(weightArrays()));
		args.add(IValue.listFrom(filmArrays(embedding, scope)));
		args.add(IValue.from((PtNDArray) embedding));
		return args;
	}

	private PtNDArray[] weightArrays() {
		PtNDArray[] a = new PtNDArray[weights.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = (PtNDArray) weights.get(i).getArray();
		return a;
	}

	/** [1 + scale, shift] per modulated norm as C-vectors (FiLM), or none (CONCAT). */
	private PtNDArray[] filmArrays(NDArray embedding, NDManager scope) {
		FilmModulation film = generator.film();
		if (film == null) return new PtNDArray[0];
		PtNDArray[] a = new PtNDArray[2 * film.count()];
		for (int i = 0; i < film.count(); i++) {
			NDArray[] m = film.modulation(i, embedding);
			a[2 * i] = (PtNDArray) m[0].add(1f).flatten();
			a[2 * i + 1] = (PtNDArray) m[1].flatten();
			for (NDArray x : new NDArray[] { m[0], m[1], a[2 * i], a[2 * i + 1] })
				x.attach(scope);
		}
		return a;
	}

	/** [scale, shift] per norm from APPLY-mode statistics with FiLM folded in: y = x * scale + shift. */
	private PtNDArray[] appliedArrays(NormStatistics stats, NDArray embedding, NDManager scope) {
		List<String> keys = script.normKeys();
		PtNDArray[] film = filmArrays(embedding, scope);
		PtNDArray[] a = new PtNDArray[2 * keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			float[] mean = stats.mean(keys.get(i)), variance = stats.variance(keys.get(i));
			int f = script.normFilm().get(i);
			float[] g = f < 0 ? null : film[2 * f].toFloatArray(), b = f < 0 ? null : film[2 * f + 1].toFloatArray();
			float[] scale = new float[mean.length], shift = new float[mean.length];
			for (int c = 0; c < mean.length; c++) {
				double s = (g == null ? 1 : g[c]) / Math.sqrt(variance[c] + (double) EPS);
				scale[c] = (float) s;
				shift[c] = (float) ((b == null ? 0 : b[c]) - mean[c] * s);
			}
			Shape shape = new Shape(1, mean.length, 1, 1);
			a[2 * i] = (PtNDArray) scope.create(scale, shape);
			a[2 * i + 1] = (PtNDArray) scope.create(shift, shape);
		}
		return a;
	}

	/** Stores [mean, 1/std] pairs as the mean and biased variance the eager norms record. */
	private void record(NormStatistics stats, NDArray[] meanInvStd) {
		List<String> keys = script.normKeys();
		for (int i = 0; i < keys.size(); i++) {
			float[] mean = meanInvStd[2 * i].toFloatArray();
			float[] invStd = meanInvStd[2 * i + 1].toFloatArray();
			float[] variance = new float[invStd.length];
			for (int c = 0; c < variance.length; c++)
				variance[c] = (float) Math.max(0, 1.0 / ((double) invStd[c] * invStd[c]) - EPS);
			stats.record(keys.get(i), mean, variance);
		}
	}

	@Override
	public void close() {
		module.close();
	}
}
