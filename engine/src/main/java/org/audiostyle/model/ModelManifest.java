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
	/**
	 * The bf16 pass checked against the fp32 pass on fixed synthetic inputs when the package was written (export,
	 * import, {@code audiostyle check-precision}); absent in older packages, which run fp32 under
	 * {@code --precision auto}.
	 */
	public PrecisionCheck precisionCheck;

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

	/**
	 * Outcome of the bf16-against-fp32 check of a package's generator. {@code --precision auto} takes bf16 only for
	 * {@link #PASSED}, and only while {@link #generatorSha256} is the package's generator (a record copied onto other
	 * weights does not count).
	 */
	public static final class PrecisionCheck {

		public static final String PASSED = "passed", FAILED = "failed", UNCHECKED = "unchecked";

		/** {@link #PASSED}, {@link #FAILED} or {@link #UNCHECKED} (the check could not run; {@link #note} says why). */
		public String bf16;
		/** Largest and mean absolute difference over all RGB samples, in 8-bit levels (1/255); null when unchecked. */
		public Double maxLevels, meanLevels;
		/** The limits the differences were held to, in 8-bit levels. */
		public double maxLimit, meanLimit;
		/** What was run, e.g. "synthetic-v1: 2 images x 3 sounds, native size". */
		public String inputs;
		/** The CPU's bf16 flags on the machine that ran the check. */
		public String cpu;
		/** The generator weights checked (SHA-256 hex). */
		public String generatorSha256;
		/** When and by what the check was made. */
		public String checkedAt, checkedBy;
		/** Why the check could not run, for {@link #UNCHECKED}. */
		public String note;

		/** True when this record passed and belongs to the generator with {@code sha256}. */
		public boolean passedFor(String sha256) {
			return PASSED.equals(bf16) && generatorSha256 != null && generatorSha256.equalsIgnoreCase(sha256);
		}

		/** One line for {@code info} and the precision reason, e.g. "max 1/255, mean 0.08/255". */
		public String summary() {
			if (UNCHECKED.equals(bf16)) return "unchecked (" + note + ")";
			return String.format(java.util.Locale.ROOT, "%s: max %.0f/255 (limit %.0f), mean %.2f/255 (limit %.2f) on %s",
				bf16, maxLevels, maxLimit, meanLevels, meanLimit, inputs);
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
