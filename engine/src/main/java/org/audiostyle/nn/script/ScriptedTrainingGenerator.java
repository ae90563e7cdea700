package org.audiostyle.nn.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.AutogradMethods;
import ai.djl.pytorch.jni.IValue;

import org.audiostyle.nn.FilmModulation;
import org.audiostyle.nn.ResnetGenerator;

/**
 * The generator's training passes ({@link GeneratorTrainingScript}) over a {@link ResnetGenerator}'s own weight
 * arrays, differentiable: called inside a {@code GradientCollector}, the results back-propagate to the generator's
 * float32 parameters (and, through FiLM, to the embedding), whatever the precision the script computes in. Same
 * contract as {@link ResnetGenerator#forward} (without size padding: H and W must be multiples of 4) and
 * {@link ResnetGenerator#encode}. Results are attached to the image's manager.
 */
public final class ScriptedTrainingGenerator implements AutoCloseable {

	private final ResnetGenerator generator;
	private final GeneratorTrainingScript script;
	private final PtSymbolBlock module;
	private final List<Parameter> weights;

	public ScriptedTrainingGenerator(ResnetGenerator generator, ScriptPrecision precision, int[] encodeLayers,
		NDManager manager) {
		this.generator = generator;
		this.script = new GeneratorTrainingScript(generator.config(), precision, encodeLayers);
		this.weights = GeneratorModule.weights(generator, script.weightKeys(), script.upsampleFilters(),
			"training script");
		this.module = GeneratorModule.load(GeneratorTrainingScript.CLASS, script.source(), manager,
			"generator training script");
	}

	public ScriptPrecision precision() {
		return script.precision();
	}

	/** The layers {@link #encode} returns. */
	public int[] encodeLayers() {
		return script.encodeLayers();
	}

	/** Stylizes N x 3 x H x W images (H, W multiples of 4, [-1, 1]) with N x E embeddings. */
	public NDArray generate(NDArray image, NDArray embedding) {
		Shape s = image.getShape();
		if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) % 4 != 0 || s.get(3) % 4 != 0)
			throw new IllegalArgumentException("The training script takes N x 3 x H x W images with H and W multiples " +
				"of 4, got " + s);
		if (embedding.getShape().dimension() != 2 || embedding.getShape().get(0) != s.get(0) ||
			embedding.getShape().get(1) != generator.config().embeddingDim)
			throw new IllegalArgumentException("The generator needs a " + s.get(0) + " x " + generator.config()
				.embeddingDim + " embedding, got " + embedding.getShape());
		NDManager m = image.getManager();
		List<PtNDArray> film = new ArrayList<>();
		FilmModulation f = generator.film();
		for (int i = 0; f != null && i < f.count(); i++) {
			NDArray[] sm = f.modulation(i, embedding);
			film.add((PtNDArray) sm[0].add(1f));
			film.add((PtNDArray) sm[1]);
		}
		return run("generate", m, IValue.from((PtNDArray) image), weightList(), IValue.listFrom(film.toArray(
			new PtNDArray[0])), IValue.from((PtNDArray) embedding))[0];
	}

	/** The outputs of model_down at {@link #encodeLayers()}, in that order. */
	public NDList encode(NDArray image) {
		return new NDList(run("encode", image.getManager(), IValue.from((PtNDArray) image), weightList()));
	}

	/** {@link #encode}, checking that {@code layers} are the script's. */
	public NDList encode(NDArray image, int[] layers) {
		if (!Arrays.equals(layers, script.encodeLayers()))
			throw new IllegalArgumentException("This training script encodes layers " + Arrays.toString(script
				.encodeLayers()) + ", not " + Arrays.toString(layers));
		return encode(image);
	}

	private IValue weightList() {
		PtNDArray[] a = new PtNDArray[weights.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = (PtNDArray) weights.get(i).getArray();
		return IValue.listFrom(a);
	}

	private PtNDArray[] run(String method, NDManager scope, IValue... in) {
		try (IValue out = AutogradMethods.run(module, method, in)) {
			return out.isTensor() ? new PtNDArray[] { out.toTensor((PtNDManager) scope) } :
				out.toTensorArray((PtNDManager) scope);
		}
		finally {
			for (IValue v : in)
				v.close();
		}
	}

	@Override
	public void close() {
		module.close();
	}
}
