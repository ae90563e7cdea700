package org.audiostyle.pth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.StateDict;
import org.audiostyle.nn.TorchBlock;

/**
 * A checked import of a generator + audio checkpoint pair ({@link CheckpointImporter}): the inferred configuration, the
 * tensors to load (keyed like {@link StateDict#of}), what was missing, unexpected or ignored, and methods that put the
 * values into networks.
 */
public final class ImportResult {

	private final NetworkConfig config;
	private final PthCheckpoint generatorFile;
	private final PthCheckpoint audioFile;
	private final LinkedHashMap<String, TensorData> generatorTensors;
	private final LinkedHashMap<String, TensorData> audioTensors;
	private final List<String> missingGenerator;
	private final List<String> missingAudio;
	private final List<String> unexpectedGenerator;
	private final List<String> unexpectedAudio;
	private final int ignoredCounters;
	private final List<String> notes;

	ImportResult(NetworkConfig config, PthCheckpoint generatorFile, PthCheckpoint audioFile,
		LinkedHashMap<String, TensorData> generatorTensors, LinkedHashMap<String, TensorData> audioTensors,
		List<String> missingGenerator, List<String> missingAudio, List<String> unexpectedGenerator,
		List<String> unexpectedAudio, int ignoredCounters, List<String> notes) {
		this.config = config;
		this.generatorFile = generatorFile;
		this.audioFile = audioFile;
		this.generatorTensors = generatorTensors;
		this.audioTensors = audioTensors;
		this.missingGenerator = Collections.unmodifiableList(missingGenerator);
		this.missingAudio = Collections.unmodifiableList(missingAudio);
		this.unexpectedGenerator = Collections.unmodifiableList(unexpectedGenerator);
		this.unexpectedAudio = Collections.unmodifiableList(unexpectedAudio);
		this.ignoredCounters = ignoredCounters;
		this.notes = Collections.unmodifiableList(notes);
	}

	/** The configuration inferred from the shapes (conditioning CONCAT). */
	public NetworkConfig config() {
		return config;
	}

	public PthCheckpoint generatorFile() {
		return generatorFile;
	}

	public PthCheckpoint audioFile() {
		return audioFile;
	}

	/** Generator tensors that will be loaded, keyed like {@code StateDict.of(generator)}. */
	public Map<String, TensorData> generatorTensors() {
		return Collections.unmodifiableMap(generatorTensors);
	}

	/** Audio-encoder tensors that will be loaded, keyed like {@code StateDict.of(audioEncoder)}. */
	public Map<String, TensorData> audioTensors() {
		return Collections.unmodifiableMap(audioTensors);
	}

	/** Generator keys the networks need but the file lacks (only non-empty for a partial import). */
	public List<String> missingGeneratorKeys() {
		return missingGenerator;
	}

	public List<String> missingAudioKeys() {
		return missingAudio;
	}

	/** Keys in the generator file that the networks do not use (only non-empty for a partial import). */
	public List<String> unexpectedGeneratorKeys() {
		return unexpectedGenerator;
	}

	public List<String> unexpectedAudioKeys() {
		return unexpectedAudio;
	}

	/** True when every key matched (nothing missing or unexpected). */
	public boolean isComplete() {
		return missingGenerator.isEmpty() && missingAudio.isEmpty() && unexpectedGenerator.isEmpty() &&
			unexpectedAudio.isEmpty();
	}

	/** Notes for the user: DataParallel prefixes removed, reduced precision widened, unusual fixed buffers. */
	public List<String> notes() {
		return notes;
	}

	/** A readable multi-line summary for the command line and logs. */
	public String report() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Generator: %s, %s, %d tensors", generatorFile.source(), generatorFile
			.format(), generatorFile.tensors().size()));
		lines.add(String.format(Locale.ROOT, "Audio:     %s, %s, %d tensors", audioFile.source(), audioFile.format(),
			audioFile.tensors().size()));
		lines.add("Configuration: " + config);
		lines.add(String.format(Locale.ROOT, "Loaded %d generator and %d audio tensors (%,d values).",
			generatorTensors.size(), audioTensors.size(), count(generatorTensors) + count(audioTensors)));
		if (ignoredCounters > 0)
			lines.add("Ignored " + ignoredCounters + " BatchNorm num_batches_tracked counters (PyTorch bookkeeping " +
				"that inference does not use).");
		addList(lines, "Missing generator keys (left at random values)", missingGenerator);
		addList(lines, "Missing audio keys (left at random values)", missingAudio);
		addList(lines, "Unexpected generator keys (not used)", unexpectedGenerator);
		addList(lines, "Unexpected audio keys (not used)", unexpectedAudio);
		lines.addAll(notes);
		return String.join(System.lineSeparator(), lines);
	}

	/**
	 * Copies the imported values into networks of {@link #config()} whose parameters already have arrays (e.g. after
	 * {@code initialize(manager, seed)}). Parameters a partial import lacks keep their values.
	 */
	public void applyTo(ResnetGenerator generator, AudioEncoder audioEncoder) {
		if (!generator.config().equals(config) || !audioEncoder.config().equals(config))
			throw new IllegalArgumentException("The networks are built for " + generator.config() + " / " +
				audioEncoder.config() + " but the checkpoints are " + config);
		copy(generatorTensors, generator);
		copy(audioTensors, audioEncoder);
	}

	/**
	 * A new generator with the imported weights, its arrays in {@code manager}. After a partial import the missing
	 * parameters get the networks' seeded random initialisation ({@link TorchBlock#DEFAULT_SEED}).
	 */
	public ResnetGenerator createGenerator(NDManager manager) {
		ResnetGenerator g = new ResnetGenerator(config);
		fill(generatorTensors, g, manager);
		return g;
	}

	/** A new audio encoder (inference mode) with the imported weights; see {@link #createGenerator}. */
	public AudioEncoder createAudioEncoder(NDManager manager) {
		AudioEncoder a = new AudioEncoder(config);
		fill(audioTensors, a, manager);
		return a;
	}

	/** Creates every array straight from the imported values; random initialisation only for what is missing. */
	private static void fill(Map<String, TensorData> tensors, TorchBlock network, NDManager manager) {
		LinkedHashMap<String, Parameter> params = StateDict.of(network);
		if (!tensors.keySet().containsAll(params.keySet())) {
			network.initialize(manager, TorchBlock.DEFAULT_SEED);
			copy(tensors, network);
			return;
		}
		for (Map.Entry<String, Parameter> e : params.entrySet())
			TorchBlock.replace(e.getValue(), manager.create(tensors.get(e.getKey()).values(), e.getValue()
				.getShape()));
	}

	private static void copy(Map<String, TensorData> tensors, Block network) {
		LinkedHashMap<String, Parameter> params = StateDict.of(network);
		for (Map.Entry<String, TensorData> e : tensors.entrySet())
			StateDict.copy(params.get(e.getKey()), e.getValue().values());
	}

	private static long count(Map<String, TensorData> tensors) {
		long n = 0;
		for (TensorData t : tensors.values())
			n += t.numel();
		return n;
	}

	private static void addList(List<String> lines, String title, List<String> keys) {
		if (!keys.isEmpty()) lines.add(title + " (" + keys.size() + "): " + CheckpointImporter.list(keys));
	}
}
