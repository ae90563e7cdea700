package org.audiostyle.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.audiostyle.nn.NetworkConfig;

/**
 * The small JSON file of a model package ({@value #FILE_NAME}): what networks to build, how the audio was prepared
 * when the weights were made, and where the weights came from.
 */
public final class ModelManifest {

	public static final String FILE_NAME = "model.json";
	public static final String FORMAT = "audiostyle-model";
	public static final int FORMAT_VERSION = 1;

	public String format = FORMAT;
	public int formatVersion = FORMAT_VERSION;
	public String name;
	public String description;
	public Network network;
	public Audio audio = new Audio();
	/** Long side, in pixels, the model was trained at: the stylizer's default working size follows it. */
	public int trainedImageSize = 256;
	public Map<String, String> weights = new LinkedHashMap<>();
	/** SHA-256 (hex) of each weights file, checked on load. */
	public Map<String, String> sha256 = new LinkedHashMap<>();
	public Map<String, Object> provenance = new LinkedHashMap<>();

	/** Serialised form of {@link NetworkConfig}, in model packages and in training configurations. */
	public static final class Network {

		public int ngf, residualBlocks, audioWidth, embeddingDim;
		public String conditioning;
		/** "log", or absent for the paper's linear magnitudes (so packages and checkpoints without it read as before). */
		public String audioInput;
		/** "statistics", or absent for the paper's ResNet. */
		public String audioNetwork;
		/** "grid", or absent for the paper's ResNet generator. */
		public String generator;

		public static Network of(NetworkConfig c) {
			Network n = new Network();
			n.ngf = c.ngf;
			n.residualBlocks = c.residualBlocks;
			n.audioWidth = c.audioWidth;
			n.embeddingDim = c.embeddingDim;
			n.conditioning = c.conditioning.id();
			n.audioInput = c.audioInput == NetworkConfig.AudioInput.LINEAR ? null : c.audioInput.id();
			n.audioNetwork = c.audioNetwork == NetworkConfig.AudioNetwork.RESNET ? null : c.audioNetwork.id();
			n.generator = c.generator == NetworkConfig.Generator.RESNET ? null : c.generator.id();
			return n;
		}

		public NetworkConfig toConfig() {
			return new NetworkConfig(ngf, residualBlocks, audioWidth, embeddingDim, NetworkConfig.Conditioning.parse(
				conditioning == null ? "" : conditioning), NetworkConfig.AudioInput.parse(audioInput),
				NetworkConfig.AudioNetwork.parse(audioNetwork), NetworkConfig.Generator.parse(generator));
		}
	}

	/** The audio front end the weights expect; checked on load so a mismatched package fails early. */
	public static final class Audio {

		public int sampleRate = 16000;
		public int samples = 48000;
		public int nFft = 512;
		public int winLength = 400;
		public int hopLength = 160;
		public double peakDivisor = 1.1;

		boolean matchesFrontEnd() {
			return sampleRate == 16000 && samples == 48000 && nFft == 512 && winLength == 400 && hopLength == 160 &&
				peakDivisor == 1.1;
		}

		@Override
		public String toString() {
			return sampleRate + " Hz, " + samples + " samples, n_fft " + nFft + ", win " + winLength + ", hop " +
				hopLength + ", peak/" + peakDivisor;
		}
	}

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	static ModelManifest create(String name, String description, NetworkConfig config) {
		ModelManifest m = new ModelManifest();
		m.name = name;
		m.description = description;
		m.network = Network.of(config);
		m.weights.put("generator", "generator.params");
		m.weights.put("audio", "audio.params");
		return m;
	}

	public NetworkConfig networkConfig() {
		return network.toConfig();
	}

	public String toJson() {
		return GSON.toJson(this);
	}

	/** Parses and validates; {@code where} names the package in error messages. */
	static ModelManifest parse(String json, String where) throws ModelException {
		ModelManifest m;
		try {
			m = GSON.fromJson(json, ModelManifest.class);
		}
		catch (JsonParseException e) {
			throw new ModelException(where + ": " + FILE_NAME + " is not valid JSON (" + e.getMessage() + ").");
		}
		if (m == null) throw new ModelException(where + ": " + FILE_NAME + " is empty.");
		if (!FORMAT.equals(m.format))
			throw new ModelException(where + ": " + FILE_NAME + " has format '" + m.format + "', expected '" + FORMAT +
				"'. Is this an Audio Style model package?");
		if (m.formatVersion != FORMAT_VERSION)
			throw new ModelException(where + ": model format version " + m.formatVersion + " is not supported; this " +
				"Audio Style reads version " + FORMAT_VERSION + (m.formatVersion > FORMAT_VERSION
					? ". Update Audio Style to use this model." : ". Re-export the model with this version."));
		if (m.network == null) throw new ModelException(where + ": " + FILE_NAME + " has no 'network' section.");
		try {
			m.network.toConfig();
		}
		catch (IllegalArgumentException e) {
			throw new ModelException(where + ": " + FILE_NAME + " has an invalid 'network' section: " + e.getMessage());
		}
		if (m.audio == null || !m.audio.matchesFrontEnd())
			throw new ModelException(where + ": the model expects audio prepared as " + m.audio + ", but this Audio " +
				"Style prepares 16000 Hz, 48000 samples, n_fft 512, win 400, hop 160, peak/1.1.");
		for (String k : new String[] { "generator", "audio" })
			if (m.weights == null || m.weights.get(k) == null)
				throw new ModelException(where + ": " + FILE_NAME + " does not name the '" + k + "' weights file.");
		if (m.trainedImageSize < 4) m.trainedImageSize = 256;
		return m;
	}
}
