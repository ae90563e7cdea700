package org.audiostyle.nn;

import java.util.Locale;
import java.util.Objects;

/**
 * Widths, depths and the kind of audio conditioning of a generator + audio-encoder pair. Stored in every model
 * package, so a model always rebuilds the exact networks its weights were made for.
 */
public final class NetworkConfig {

	/** How the 256-d audio embedding enters the generator. */
	public enum Conditioning {
		/**
		 * The paper's path: the embedding is tiled to H/4 x W/4 and concatenated to the bottleneck. Needed for the
		 * official checkpoints; its effect depends on the image size (see docs/usage.md, "Conditioning").
		 */
		CONCAT,
		/**
		 * Per-channel scale and shift computed from the embedding, applied after the decoder's instance norms. Acts on
		 * every pixel at every size; the default for models this project trains.
		 */
		FILM;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Conditioning parse(String s) {
			return byId(values(), s, "conditioning");
		}
	}

	/** What the audio encoder's stem convolution sees of the STFT magnitudes. */
	public enum AudioInput {
		/** The paper's input: raw linear magnitudes. Needed for the official checkpoints. */
		LINEAR,
		/**
		 * Natural log of (magnitude + {@link NetworkConfig#LOG_FLOOR}). Peak-normalised clips reach magnitudes of ~100
		 * at tonal peaks and ~0.01 in quiet bins, so on linear magnitudes the stem sees a few loud bins and little of
		 * the rest of the spectrum; on the log scale a microphone's or a distance's gain is an additive offset per bin.
		 */
		LOG;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** null (packages and checkpoints from before this setting) is {@link #LINEAR}. */
		public static AudioInput parse(String s) {
			return s == null ? LINEAR : byId(values(), s, "audio input");
		}
	}

	/** Which network turns the spectrogram into the embedding. */
	public enum AudioNetwork {
		/** The paper's ResNet-18 on the spectrogram ({@code AudioInconv}, {@code AudioLayer1..4}, {@code proj}). */
		RESNET,
		/**
		 * {@link SpectrumStatistics} of the whole clip, batch-normalised, then a two-layer perceptron (8 x audioWidth
		 * hidden units) to the embedding ({@code statistics}, {@code statsNorm}, {@code hidden}, {@code proj}).
		 */
		STATISTICS,
		/**
		 * Both side by side, their outputs summed: the paper's ResNet ({@code proj}) plus the statistics network with
		 * its own output layer ({@code statsProj}). Pre-training asks each branch alone, as well as the sum, to match
		 * the picture, so each stays a whole encoder: the ResNet hears texture it was trained on, the fixed statistics
		 * carry over to recordings from other sources.
		 */
		HYBRID;

		/** Whether the network has the paper's ResNet branch. */
		public boolean hasResnet() {
			return this != STATISTICS;
		}

		/** Whether the network has the statistics branch. */
		public boolean hasStatistics() {
			return this != RESNET;
		}

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** null (packages and checkpoints from before this setting) is {@link #RESNET}. */
		public static AudioNetwork parse(String s) {
			return s == null ? RESNET : byId(values(), s, "audio network");
		}
	}

	/** What the image network predicts. */
	public enum Generator {
		/** The paper's ResNet generator: new pixels at the working size ({@link ResnetGenerator}). */
		RESNET,
		/**
		 * A colour transform: a low-resolution bilateral grid of 3 x 4 affine colour matrices, sliced at each pixel of
		 * the full-resolution photo by its position and luminance ({@link ColourGridGenerator}). It cannot draw
		 * texture, halos or edges the photo does not have, and full-resolution output costs one pass over the pixels.
		 */
		GRID;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** null (packages and checkpoints from before this setting) is {@link #RESNET}. */
		public static Generator parse(String s) {
			return s == null ? RESNET : byId(values(), s, "generator");
		}
	}

	/** The value whose lower-case name is {@code s} (any case), or an error naming the setting and its values. */
	private static <E extends Enum<E>> E byId(E[] values, String s, String setting) {
		StringBuilder names = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			String id = values[i].name().toLowerCase(Locale.ROOT);
			if (id.equalsIgnoreCase(s.trim())) return values[i];
			names.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append('\'').append(id).append('\'');
		}
		throw new IllegalArgumentException("Unknown " + setting + " '" + s + "': use " + names + ".");
	}

	/** Added to the magnitudes before {@link AudioInput#LOG}'s log: 60 dB below a magnitude of 1, keeps silence finite. */
	public static final float LOG_FLOOR = 1e-3f;

	/** Generator base width (the paper: 64). Encoder widths are ngf, 2 ngf, 4 ngf. */
	public final int ngf;
	/** Residual blocks at the bottleneck (the paper: 9). */
	public final int residualBlocks;
	/** ResNet-18 base width of the audio encoder (the paper: 64; layers use 1x, 2x, 4x, 8x). */
	public final int audioWidth;
	/** Audio embedding size (the paper: 256). */
	public final int embeddingDim;
	public final Conditioning conditioning;
	public final AudioInput audioInput;
	public final AudioNetwork audioNetwork;
	public final Generator generator;

	public NetworkConfig(int ngf, int residualBlocks, int audioWidth, int embeddingDim, Conditioning conditioning) {
		this(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, AudioInput.LINEAR, AudioNetwork.RESNET);
	}

	public NetworkConfig(int ngf, int residualBlocks, int audioWidth, int embeddingDim, Conditioning conditioning,
		AudioInput audioInput, AudioNetwork audioNetwork)
	{
		this(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, audioInput, audioNetwork, Generator.RESNET);
	}

	public NetworkConfig(int ngf, int residualBlocks, int audioWidth, int embeddingDim, Conditioning conditioning,
		AudioInput audioInput, AudioNetwork audioNetwork, Generator generator)
	{
		if (ngf < 1 || residualBlocks < 0 || audioWidth < 1 || embeddingDim < 1)
			throw new IllegalArgumentException("Invalid network configuration: " + describe(ngf, residualBlocks,
				audioWidth, embeddingDim, conditioning));
		this.ngf = ngf;
		this.residualBlocks = residualBlocks;
		this.audioWidth = audioWidth;
		this.embeddingDim = embeddingDim;
		this.conditioning = Objects.requireNonNull(conditioning);
		this.audioInput = Objects.requireNonNull(audioInput);
		this.audioNetwork = Objects.requireNonNull(audioNetwork);
		this.generator = Objects.requireNonNull(generator);
		if (generator == Generator.GRID && conditioning != Conditioning.FILM)
			throw new IllegalArgumentException("The grid generator is conditioned by FiLM; set \"conditioning\": " +
				"\"film\" (concat is the paper's ResNet generator's).");
		if (!audioNetwork.hasResnet() && audioInput != AudioInput.LINEAR)
			throw new IllegalArgumentException("audioInput '" + audioInput.id() + "' is for the resnet audio network; " +
				"the statistics network takes the log of the mel power itself.");
	}

	/** The configuration of the released checkpoints: 12,493,699 generator and 11,301,568 audio parameters. */
	public static NetworkConfig paper() {
		return new NetworkConfig(64, 9, 64, 256, Conditioning.CONCAT);
	}

	/** The configuration this project trains its default model with on 2 CPU cores. */
	public static NetworkConfig small() {
		return new NetworkConfig(32, 6, 32, 256, Conditioning.FILM);
	}

	/** A very small configuration for fast tests. */
	public static NetworkConfig tiny() {
		return new NetworkConfig(8, 2, 8, 32, Conditioning.FILM);
	}

	/** Named presets: paper, small, tiny. */
	public static NetworkConfig named(String name) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "paper":
				return paper();
			case "small":
				return small();
			case "tiny":
				return tiny();
			default:
				throw new IllegalArgumentException("Unknown configuration '" + name + "': use paper, small or tiny.");
		}
	}

	public NetworkConfig withConditioning(Conditioning c) {
		return new NetworkConfig(ngf, residualBlocks, audioWidth, embeddingDim, c, audioInput, audioNetwork, generator);
	}

	public NetworkConfig withAudioInput(AudioInput a) {
		return new NetworkConfig(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, a, audioNetwork,
			generator);
	}

	public NetworkConfig withAudioNetwork(AudioNetwork a) {
		return new NetworkConfig(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, audioInput, a, generator);
	}

	public NetworkConfig withGenerator(Generator g) {
		return new NetworkConfig(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, audioInput, audioNetwork,
			g);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof NetworkConfig)) return false;
		NetworkConfig c = (NetworkConfig) o;
		return ngf == c.ngf && residualBlocks == c.residualBlocks && audioWidth == c.audioWidth &&
			embeddingDim == c.embeddingDim && conditioning == c.conditioning && audioInput == c.audioInput &&
			audioNetwork == c.audioNetwork && generator == c.generator;
	}

	@Override
	public int hashCode() {
		return Objects.hash(ngf, residualBlocks, audioWidth, embeddingDim, conditioning, audioInput, audioNetwork,
			generator);
	}

	@Override
	public String toString() {
		return describe(ngf, residualBlocks, audioWidth, embeddingDim, conditioning) + (audioInput == AudioInput.LINEAR ?
			"" : ", audioInput=" + audioInput.id()) + (audioNetwork == AudioNetwork.RESNET ? "" : ", audioNetwork=" +
			audioNetwork.id()) + (generator == Generator.RESNET ? "" : ", generator=" + generator.id());
	}

	private static String describe(int ngf, int blocks, int audioWidth, int emb, Conditioning c) {
		return "ngf=" + ngf + ", residualBlocks=" + blocks + ", audioWidth=" + audioWidth + ", embeddingDim=" + emb +
			", conditioning=" + (c == null ? "?" : c.id());
	}
}
