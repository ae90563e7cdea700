package org.audiostyle.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.ColourGridGenerator;
import org.audiostyle.nn.TorchBlock;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.StateDict;
import org.audiostyle.runtime.DjlRuntime;

/**
 * A loaded model package: manifest plus generator and audio-encoder weights, living on one device.
 *
 * <p>A package is a folder or a .zip holding {@code model.json} ({@link ModelManifest}), {@code generator.params}
 * and {@code audio.params} ({@link WeightsFile}). Loading checks everything: format version, audio settings, every
 * tensor's key and shape, SHA-256 of each weights file, finite values.
 */
public final class StyleModel implements AutoCloseable {

	/** Class-path folder of the bundled default model. */
	public static final String BUNDLED = "/org/audiostyle/models/default";

	private final ModelManifest manifest;
	private final NetworkConfig config;
	private final NDManager manager;
	/** The image network: a {@link ResnetGenerator} or a {@link ColourGridGenerator}, as the config says. */
	private final TorchBlock generator;
	private final AudioEncoder audio;
	private final byte[] generatorBytes, audioBytes;
	/** Retrieval conditioning, or null (the generator gets the encoder's embedding as it is). */
	private final SoundMemory memory;
	private final String id;

	private StyleModel(ModelManifest manifest, NDManager manager, TorchBlock generator, AudioEncoder audio,
		byte[] generatorBytes, byte[] audioBytes, SoundMemory memory, String id)
	{
		this.manifest = manifest;
		this.config = manifest.networkConfig();
		this.manager = manager;
		this.generator = generator;
		this.audio = audio;
		this.generatorBytes = generatorBytes;
		this.audioBytes = audioBytes;
		this.memory = memory;
		this.id = id;
	}

	/** A short stable id: the name plus the first 12 hex digits of the SHA-256 of the weights (and memory). */
	private static String id(ModelManifest manifest, byte[] generatorBytes, byte[] audioBytes, SoundMemory memory) {
		return manifest.name + "-" + (memory == null ? sha256(generatorBytes, audioBytes) : sha256(generatorBytes,
			audioBytes, memory.toJson())).substring(0, 12);
	}

	/** Loads a model folder or .zip onto the CPU. */
	public static StyleModel load(Path path) throws ModelException {
		return load(PackageFiles.open(path), Device.cpu());
	}

	/** The model bundled with Audio Style; a seeded random model (and a warning) while none is bundled. */
	public static StyleModel bundledDefault() throws ModelException {
		PackageFiles files = PackageFiles.resources(BUNDLED, new String[] { SoundMemory.FILE_NAME },
			ModelManifest.FILE_NAME, "generator.params", "audio.params");
		if (files != null) return load(files, Device.cpu());
		StyleModel m = random(NetworkConfig.small(), 1, "untrained-demo",
			"Seeded random weights: no trained default model is bundled in this build yet.");
		return m;
	}

	/** True when {@link #bundledDefault()} is a trained model rather than the random stand-in. */
	public static boolean hasBundledModel() {
		return StyleModel.class.getResource(BUNDLED + "/" + ModelManifest.FILE_NAME) != null;
	}

	/** A seeded random-weight model of any configuration (tests, demos). Same seed, same weights. */
	public static StyleModel random(NetworkConfig config, long seed) {
		return random(config, seed, "random-" + seed, "Seeded random weights (seed " + seed + ").");
	}

	private static StyleModel random(NetworkConfig config, long seed, String name, String description) {
		return DjlRuntime.run(() -> {
			NDManager m = DjlRuntime.engine().newBaseManager(Device.cpu());
			try {
				TorchBlock g = newGenerator(config);
				AudioEncoder a = new AudioEncoder(config);
				g.initialize(m, seed);
				a.initialize(m, seed * 31 + 7);
				ModelManifest man = ModelManifest.create(name, description, config);
				man.provenance.put("source", "random");
				man.provenance.put("seed", seed);
				man.provenance.put("created", Instant.now().toString());
				byte[] gb = WeightsFile.encode(StateDict.of(g));
				byte[] ab = WeightsFile.encode(StateDict.of(a));
				man.sha256.put("generator", sha256(gb));
				man.sha256.put("audio", sha256(ab));
				return new StyleModel(man, m, g, a, gb, ab, null, id(man, gb, ab, null));
			}
			catch (RuntimeException e) {
				m.close();
				throw e;
			}
		});
	}

	/**
	 * Wraps networks built elsewhere (training, checkpoint import) as a model; their current weights are copied.
	 */
	public static StyleModel fromNetworks(TorchBlock generator, AudioEncoder audio, NetworkConfig config,
		String name, String description, Map<String, Object> provenance) throws ModelException
	{
		ModelManifest man = ModelManifest.create(name, description, config);
		man.provenance.putAll(provenance);
		byte[] gb = WeightsFile.encode(StateDict.of(generator));
		byte[] ab = WeightsFile.encode(StateDict.of(audio));
		man.sha256.put("generator", sha256(gb));
		man.sha256.put("audio", sha256(ab));
		return build(man, gb, ab, null, Device.cpu(), man.name);
	}

	private static StyleModel load(PackageFiles files, Device device) throws ModelException {
		String where = files.where();
		ModelManifest man = ModelManifest.parse(new String(files.read(ModelManifest.FILE_NAME),
			StandardCharsets.UTF_8), where);
		byte[] gb = files.read(man.weights.get("generator"));
		byte[] ab = files.read(man.weights.get("audio"));
		checkHash(man, "generator", gb, where);
		checkHash(man, "audio", ab, where);
		SoundMemory memory = null;
		String memoryFile = man.weights.get(SoundMemory.ROLE);
		if (memoryFile != null) {
			byte[] mb = files.read(memoryFile);
			checkHash(man, SoundMemory.ROLE, mb, where);
			memory = SoundMemory.parse(mb, where, man.networkConfig().embeddingDim);
		}
		return build(man, gb, ab, memory, device, where);
	}

	private static void checkHash(ModelManifest man, String key, byte[] data, String where) throws ModelException {
		String want = man.sha256.get(key);
		if (want != null && !want.equalsIgnoreCase(sha256(data)))
			throw new ModelException(where + ": " + man.weights.get(key) + " does not match the SHA-256 recorded in " +
				"model.json: the file is damaged or was replaced. Copy the model package again.");
	}

	private static StyleModel build(ModelManifest man, byte[] gb, byte[] ab, SoundMemory memory, Device device,
		String where)
		throws ModelException
	{
		try {
			return DjlRuntime.call(() -> {
				NetworkConfig config = man.networkConfig();
				// what needs no engine first: a caller that started libtorch in the background (the CLI) has it
				// done while libtorch loads, and only the arrays' making waits for the engine
				TorchBlock g = newGenerator(config);
				AudioEncoder a = new AudioEncoder(config);
				WeightsFile.Checked gw = WeightsFile.check(gb, StateDict.of(g), where, man.weights.get("generator"));
				WeightsFile.Checked aw = WeightsFile.check(ab, StateDict.of(a), where, man.weights.get("audio"));
				String id = id(man, gb, ab, memory);
				NDManager m = DjlRuntime.engine().newBaseManager(device);
				try {
					// the file's tensors become the parameters' arrays (no random initial values drawn first)
					gw.install(m);
					aw.install(m);
					return new StyleModel(man, m, g, a, gb, ab, memory, id);
				}
				catch (Exception e) {
					m.close();
					throw e;
				}
			});
		}
		catch (ModelException | RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new ModelException(where + ": cannot load the model: " + e.getMessage(), e);
		}
	}

	/** This model on another device (the weights are copied; this one stays usable). */
	public StyleModel onDevice(Device device) throws ModelException {
		if (device.equals(manager.getDevice())) return this;
		return build(manifest, generatorBytes, audioBytes, memory, device, manifest.name);
	}

	/** Retrieval conditioning of this model, or null when it has none. */
	public SoundMemory memory() {
		return memory;
	}

	/**
	 * This model with another sound memory (null: none), on the same device; the package written by {@link #save}
	 * then holds it as {@value SoundMemory#FILE_NAME}, and the model's id changes with it.
	 */
	public StyleModel withMemory(SoundMemory memory) throws ModelException {
		if (memory != null && memory.dimension() != config.embeddingDim) throw new IllegalArgumentException("A sound " +
			"memory of " + memory.dimension() + "-long embeddings for a model whose are " + config.embeddingDim);
		ModelManifest man = ModelManifest.parse(manifest.toJson(), manifest.name);
		man.weights.remove(SoundMemory.ROLE);
		man.sha256.remove(SoundMemory.ROLE);
		if (memory != null) {
			man.weights.put(SoundMemory.ROLE, SoundMemory.FILE_NAME);
			man.sha256.put(SoundMemory.ROLE, sha256(memory.toJson()));
		}
		return build(man, generatorBytes, audioBytes, memory, manager.getDevice(), manifest.name);
	}

	public NetworkConfig config() {
		return config;
	}

	public ModelManifest manifest() {
		return manifest;
	}

	/** A short stable id: the name plus the first 12 hex digits of the weights' SHA-256. */
	public String id() {
		return id;
	}

	public String name() {
		return manifest.name;
	}

	public boolean isRandom() {
		return "random".equals(manifest.provenance.get("source"));
	}

	/** The image network of {@link NetworkConfig#generator}: a new {@link ResnetGenerator} or {@link ColourGridGenerator}. */
	public static TorchBlock newGenerator(NetworkConfig config) {
		return config.generator == NetworkConfig.Generator.GRID ? new ColourGridGenerator(config) :
			new ResnetGenerator(config);
	}

	/**
	 * The paper's ResNet generator of this model; a model whose generator is the colour grid has none (see {@link
	 * #colourGrid()}): callers that need the ResNet (its compiled pass, the PyTorch comparison) say so.
	 */
	public ResnetGenerator generator() {
		if (!(generator instanceof ResnetGenerator))
			throw new UnsupportedOperationException("The model " + manifest.name + " has the colour-grid generator, " +
				"not the ResNet this needs.");
		return (ResnetGenerator) generator;
	}

	/** The colour-grid generator, or null when the model has the ResNet. */
	public ColourGridGenerator colourGrid() {
		return generator instanceof ColourGridGenerator ? (ColourGridGenerator) generator : null;
	}

	/** The image network, whichever it is (weights, parameter counts). */
	public TorchBlock generatorBlock() {
		return generator;
	}

	public AudioEncoder audioEncoder() {
		return audio;
	}

	public Device device() {
		return manager.getDevice();
	}

	/** The manager owning the weights; use it as the parent of per-call managers. */
	public NDManager manager() {
		return manager;
	}

	/**
	 * Writes the package: a folder, or a .zip when the path ends with ".zip". Written beside the target and moved into
	 * place, so a failure never leaves a half-written model.
	 */
	public void save(Path path, boolean overwrite) throws ModelException {
		Path target = path.toAbsolutePath();
		if (Files.exists(target) && !overwrite)
			throw new ModelException(target + " already exists; choose another path or allow overwriting.");
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(ModelManifest.FILE_NAME, manifest.toJson().getBytes(StandardCharsets.UTF_8));
		files.put(manifest.weights.get("generator"), generatorBytes);
		files.put(manifest.weights.get("audio"), audioBytes);
		if (memory != null) files.put(manifest.weights.get(SoundMemory.ROLE), memory.toJson());
		Path parent = target.getParent();
		Path tmp = null;
		try {
			Files.createDirectories(parent);
			if (target.getFileName().toString().toLowerCase().endsWith(".zip")) {
				tmp = Files.createTempFile(parent, ".tmp-", ".zip");
				try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
					for (Map.Entry<String, byte[]> e : files.entrySet()) {
						z.putNextEntry(new ZipEntry(e.getKey()));
						z.write(e.getValue());
						z.closeEntry();
					}
				}
			}
			else {
				tmp = Files.createTempDirectory(parent, ".tmp-model-");
				for (Map.Entry<String, byte[]> e : files.entrySet())
					Files.write(tmp.resolve(e.getKey()), e.getValue());
			}
			if (Files.exists(target)) deleteRecursively(target);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target);
			}
			tmp = null;
		}
		catch (IOException e) {
			throw new ModelException("Cannot write model " + target + ": " + e.getMessage(), e);
		}
		finally {
			if (tmp != null) try {
				deleteRecursively(tmp);
			}
			catch (IOException ignored) {}
		}
	}

	/** Bytes of both weights files plus manifest, e.g. for zipping into a resource. */
	public byte[] weightsBytes(String which) {
		return ("generator".equals(which) ? generatorBytes : audioBytes).clone();
	}

	private static void deleteRecursively(Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (var s = Files.walk(p)) {
			for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(q);
		}
	}

	static String sha256(byte[]... parts) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			for (byte[] p : parts)
				d.update(p);
			StringBuilder b = new StringBuilder();
			for (byte x : d.digest())
				b.append(String.format("%02x", x));
			return b.toString();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		manager.close();
	}

	@Override
	public String toString() {
		return id + " (" + config + ")";
	}
}
