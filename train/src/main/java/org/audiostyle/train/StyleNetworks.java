package org.audiostyle.train;

import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.ColourGridGenerator;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.TorchBlock;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedTrainingGenerator;

/**
 * The generator and audio encoder being trained (the networks a model package keeps), with their arrays exposed as
 * {@link ParameterGroup}s "G" and "A" so the optimiser and checkpoints treat them like the training-only networks.
 */
public final class StyleNetworks {

	private final NetworkConfig config;
	/** A {@link ResnetGenerator} or a {@link ColourGridGenerator}, as {@link NetworkConfig#generator} says. */
	private final TorchBlock generator;
	private final AudioEncoder audio;
	private final ParameterGroup generatorParams;
	private final ParameterGroup audioParams;
	private final NDManager manager;
	private ScriptedTrainingGenerator scripted;

	/** Builds both networks and initialises them from {@code seed}, in a sub-manager of {@code parent}. */
	public StyleNetworks(NetworkConfig config, NDManager parent, long seed) {
		this.config = config;
		this.manager = parent.newSubManager();
		this.generator = StyleModel.newGenerator(config);
		this.audio = new AudioEncoder(config);
		generator.initialize(manager, seed);
		audio.initialize(manager, seed + 1);
		this.generatorParams = group("G", generator.stateDict());
		this.audioParams = group("A", audio.stateDict());
	}

	private static ParameterGroup group(String name, Map<String, Parameter> state) {
		ParameterGroup g = new ParameterGroup(name);
		for (Map.Entry<String, Parameter> e : state.entrySet()) {
			NDArray a = e.getValue().getArray();
			if (e.getValue().requiresGradient()) g.addParameter(e.getKey(), a);
			else g.addBuffer(e.getKey(), a);
		}
		return g;
	}

	public NetworkConfig config() {
		return config;
	}

	/** The image network being trained, whichever it is. */
	public TorchBlock generator() {
		return generator;
	}

	/** The colour-grid generator, or null when the run trains the ResNet. */
	public ColourGridGenerator colourGrid() {
		return generator instanceof ColourGridGenerator ? (ColourGridGenerator) generator : null;
	}

	/** The ResNet generator; an error for a colour-grid run (callers that need the ResNet's layers). */
	public ResnetGenerator resnet() {
		if (!(generator instanceof ResnetGenerator))
			throw new UnsupportedOperationException("This run trains the colour-grid generator, not the ResNet.");
		return (ResnetGenerator) generator;
	}

	public AudioEncoder audio() {
		return audio;
	}

	public ParameterGroup generatorParams() {
		return generatorParams;
	}

	public ParameterGroup audioParams() {
		return audioParams;
	}

	/** N x 48,000 waveforms to N x 1 x 257 x 301 magnitudes (no parameters, no gradient needed). */
	public NDArray spectrogram(NDArray waveforms) {
		return audio.spectrogram(waveforms);
	}

	/** Embeddings from spectrograms; {@code training}: batch norm uses and updates batch statistics. */
	public NDArray embed(NDArray spectrogram, boolean training) {
		return audio.embedSpectrogram(spectrogram, training);
	}

	public NDArray generate(NDArray image, NDArray embedding) {
		if (colourGrid() != null) return colourGrid().forward(image, embedding);
		Shape s = image.getShape();
		if (scripted != null && s.get(2) % 4 == 0 && s.get(3) % 4 == 0) return scripted.generate(image, embedding);
		return resnet().forward(image, embedding, null);
	}

	public List<NDArray> encode(NDArray image, int[] layers) {
		if (colourGrid() != null) return colourGrid().encode(image, layers);
		if (scripted != null && java.util.Arrays.equals(layers, scripted.encodeLayers())) return scripted.encode(image);
		return resnet().encode(image, layers);
	}

	/**
	 * From now on, {@link #generate} (for sizes that are multiples of 4) and {@link #encode} (of {@code encodeLayers})
	 * run as one float32 TorchScript module each ({@link ScriptedTrainingGenerator}) instead of the eager layers: the
	 * same numbers to float rounding, with gradients, in less time.
	 */
	public void useScriptedPasses(int[] encodeLayers) {
		if (scripted != null) scripted.close();
		if (colourGrid() != null) return; // the grid network is small: its eager layers are all it needs
		scripted = new ScriptedTrainingGenerator(resnet(), ScriptPrecision.FP32, encodeLayers, manager);
	}

	/**
	 * The paper's PatchNCE layers {0, 4, 8, 12, 16} of model_down, with layers past the last residual block replaced
	 * by the last one (a network with fewer than 5 blocks; e.g. 2 blocks give {0, 4, 8, 12, 13}).
	 */
	public static int[] defaultNceLayers(NetworkConfig config) {
		if (config.generator == NetworkConfig.Generator.GRID) return ColourGridGenerator.NCE_LAYERS.clone();
		int last = 11 + config.residualBlocks;
		int[] l = ResnetGenerator.NCE_LAYERS.clone();
		for (int i = 0; i < l.length; i++)
			l[i] = Math.min(l[i], last);
		return java.util.Arrays.stream(l).distinct().toArray();
	}
}
