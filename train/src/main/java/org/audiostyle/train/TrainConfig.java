package org.audiostyle.train;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.audiostyle.model.ModelManifest.Network;
import org.audiostyle.nn.NetworkConfig;

/**
 * Everything that decides a training run, serialisable to JSON (stored in every checkpoint, so a resumed run cannot
 * silently change its recipe). Start from a recipe and override fields:
 *
 * <pre>
 * { "recipe": "paper", "network": "small", "crop": 128, "batch": 4, "steps": 3000 }
 * { "recipe": "sound-aware", "network": { "preset": "small", "conditioning": "concat" }, "projection": false }
 * </pre>
 *
 * Recipes: {@code paper} is the paper's objective alone (GAN + PatchNCE + identity NCE, D on raw spectrogram +
 * image); {@code sound-aware} adds the label-free "make the sound matter" terms (matching-aware D, projection D,
 * audio-visual contrastive loss with contrastive pre-training of the audio encoder), log-scaled spectrogram for D and
 * random 3 s audio windows. Each addition is its own switch for ablations.
 */
public final class TrainConfig {

	public static final String PAPER = "paper";
	public static final String SOUND_AWARE = "sound-aware";

	/** The recipe these values started from ("paper" or "sound-aware"). */
	public String recipe = SOUND_AWARE;
	/** Network shape, serialised as in a model package's model.json. */
	public Network network = Network.of(NetworkConfig.small());

	/** Training crop side (the paper: 256; multiples of 4, at least 32). */
	public int crop = 128;
	/** Side images are resized to before cropping; 0 = crop * 286 / 256 as the paper's 286 -> 256. */
	public int load = 0;
	public int batch = 4;
	/** Optimisation steps after pre-training. */
	public long steps = 3000;
	/** Fraction of {@link #steps} with linearly decaying learning rate at the end (the paper: 20 of 50 epochs). */
	public double decayFraction = 0.4;
	public double lr = 2e-4;
	public double beta1 = 0.5;
	public double beta2 = 0.999;

	public double lambdaGan = 1;
	public double lambdaNce = 1;
	/** Identity NCE on the paired image (CUT mode); when on, G loss = GAN + 0.5 (NCE_X + NCE_Y). */
	public boolean nceIdentity = true;
	public int ncePatches = PatchNce.PATCHES;
	public double nceTau = PatchNce.TAU;
	/** model_down layers for PatchNCE; null = the paper's {0,4,8,12,16} (capped for small networks). */
	public int[] nceLayers = null;
	public int nceHeadWidth = 256;

	/** Discriminator base width (the paper: 64). */
	public int discriminatorWidth = 64;
	/** "linear" (the paper) or "log". */
	public String spectrogramScale = "log";
	/** A real image with a wrong (in-batch shifted) sound counts as fake for D. */
	public boolean matchingAware = true;
	/** Projection term of D on a fixed spectral descriptor of the sound. */
	public boolean projection = true;
	/** Weight of the generator's audio-visual contrastive term (0 = off). */
	public double avGenerator = 0.5;
	/** Weight of the critic's contrastive loss on real pairs (0 = off; needed for avGenerator). */
	public double avCritic = 1;
	public double avTau = 0.1;
	public int criticWidth = 32;
	public int criticDim = 128;
	/** Weight of the paired colour-moment loss on the generator (0 = off; see ColourMoments). */
	public double colourMoments = 0;
	/** Weight of the paired scene-statistics loss (layout and texture energy; 0 = off; see SceneStatistics). */
	public double sceneStatistics = 0;
	/**
	 * Weight of the mixed-sound loss (0 = off; see MixedSounds): each GAN step also renders the content images with a
	 * random blend of two clips' embeddings and asks for the same blend of their paired images' statistics.
	 */
	public double mixedSounds = 0;
	/**
	 * Conditioning augmentation (0 = off): in GAN steps the generator sees each audio embedding plus Gaussian noise of
	 * this many times the embedding's own root-mean-square per component, while the discriminator and the audio-visual
	 * term still judge against the clean sound. Why: with a frozen encoder the generator sees only the training clips'
	 * embeddings and learned a style for each point; a new recording of a known class lands between them (measured on
	 * v9: validation crickets heard as crickets, cosine 0.61-0.72 to the class mean, yet painted foggy in 26 of 30
	 * images while training crickets were painted night), so the generator must answer a neighbourhood, not a point.
	 */
	public double embeddingNoise = 0;
	/** Steps of contrastive pre-training of the audio encoder (with the critic) before the GAN steps. */
	public long pretrainSteps = 300;
	/**
	 * Batch size of the pre-training steps (0 = {@link #batch}). Pre-training only runs the audio encoder and the
	 * small critic, so a larger batch is cheap, and in-batch InfoNCE needs it: with 4 pairs the critic barely beats
	 * chance (measured: loss 1.0-1.4 against log 4 = 1.39 after 150 steps).
	 */
	public int pretrainBatch = 0;
	/** SpecAugment-style masking of the audio encoder's spectrograms (see SpectrogramMasking). */
	public boolean specAugment = false;
	/**
	 * Each clip of the audio encoder's input as if recorded elsewhere: random equaliser, pitch shift, reverberation
	 * and faint background (see RecordingSimulation); before the masking when both are on.
	 */
	public boolean recordingSimulation = false;
	/**
	 * The audio encoder stops learning when the GAN steps begin: the generator learns on the embedding that
	 * pre-training made to tell classes apart, instead of pulling it towards whatever helps the generator (measured
	 * in v5: after its GAN phase the encoder heard sample birdsong as crickets and rain as sea waves, where its
	 * pre-trained self heard all seven sample sounds right).
	 */
	public boolean freezeAudioEncoder = false;
	/**
	 * How the generator's training passes run: "scripted" (one TorchScript module, float32, the same numbers as the
	 * eager layers to float rounding, faster) or "eager" (DJL's layers). An execution detail: a run may switch on
	 * resume.
	 */
	public String generatorPasses = "scripted";
	/** Random 3 s window of each clip per draw (else its first 3 s). */
	public boolean randomAudioWindow = true;
	public boolean flip = true;

	public long seed = 1;
	/** Sample grid every N steps (0 = never). */
	public int sampleEvery = 250;
	/** Checkpoint every N steps (0 = only at the end). */
	public int checkpointEvery = 250;
	/** Checkpoints kept on disk (oldest deleted). */
	public int keepCheckpoints = 2;

	/** The paper's recipe at this project's CPU scale. */
	public static TrainConfig paper() {
		TrainConfig c = new TrainConfig();
		c.recipe = PAPER;
		c.spectrogramScale = "linear";
		c.matchingAware = false;
		c.projection = false;
		c.avGenerator = 0;
		c.avCritic = 0;
		c.pretrainSteps = 0;
		c.randomAudioWindow = false;
		return c;
	}

	/** The paper's objective plus every label-free "make the sound matter" term. */
	public static TrainConfig soundAware() {
		return new TrainConfig();
	}

	public static TrainConfig recipe(String name) {
		switch (name.trim().toLowerCase(Locale.ROOT)) {
			case PAPER:
				return paper();
			case SOUND_AWARE:
				return soundAware();
			default:
				throw new IllegalArgumentException("Unknown recipe '" + name + "': use 'paper' or 'sound-aware'.");
		}
	}

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

	public String toJson() {
		return GSON.toJson(this);
	}

	/**
	 * Reads a configuration: the fields of its "recipe" (default sound-aware), overridden by the fields given.
	 * "network" may be a preset name ("small") or an object (optionally with "preset" and overrides). Unknown fields
	 * are an error, so a typo cannot silently fall back to a default.
	 */
	public static TrainConfig fromJson(String json) {
		JsonObject given;
		try {
			given = JsonParser.parseString(json).getAsJsonObject();
		}
		catch (JsonParseException | IllegalStateException e) {
			throw new IllegalArgumentException("Training configuration is not a JSON object: " + e.getMessage(), e);
		}
		String recipe = given.has("recipe") ? given.get("recipe").getAsString() : SOUND_AWARE;
		JsonObject merged = GSON.toJsonTree(recipe(recipe)).getAsJsonObject();
		for (Map.Entry<String, JsonElement> e : given.entrySet()) {
			if (!merged.has(e.getKey()))
				throw new IllegalArgumentException("Unknown training setting '" + e.getKey() + "'. Known: " + merged
					.keySet());
			if (e.getKey().equals("network")) merged.add("network", network(e.getValue()));
			else merged.add(e.getKey(), e.getValue());
		}
		TrainConfig c = GSON.fromJson(merged, TrainConfig.class);
		c.recipe = recipe.trim().toLowerCase(Locale.ROOT);
		c.validate();
		return c;
	}

	/** Network settings a configuration may give: every field of the serialised form, set or not. */
	private static final List<String> NETWORK_SETTINGS = Arrays.stream(Network.class.getFields()).filter(f -> !Modifier
		.isStatic(f.getModifiers())).map(Field::getName).collect(Collectors.toList());

	private static JsonElement network(JsonElement v) {
		if (v.isJsonPrimitive()) return GSON.toJsonTree(Network.of(NetworkConfig.named(v.getAsString())));
		JsonObject o = v.getAsJsonObject();
		JsonObject base = GSON.toJsonTree(Network.of(NetworkConfig.named(o.has("preset") ? o.get("preset")
			.getAsString() : "small"))).getAsJsonObject();
		for (Map.Entry<String, JsonElement> e : o.entrySet()) {
			if (e.getKey().equals("preset")) continue;
			if (!NETWORK_SETTINGS.contains(e.getKey())) throw new IllegalArgumentException("Unknown network setting '" +
				e.getKey() + "'. Known: preset, " + String.join(", ", NETWORK_SETTINGS));
			base.add(e.getKey(), e.getValue());
		}
		return base;
	}

	public static TrainConfig read(Path file) throws IOException {
		try {
			return fromJson(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}

	/** Throws IllegalArgumentException naming the first bad setting. */
	public TrainConfig validate() {
		network.toConfig();
		check(crop >= 32 && crop % 4 == 0, "crop must be a multiple of 4 and at least 32, got " + crop);
		check(generatorPasses.equals("scripted") || generatorPasses.equals("eager"), "generatorPasses must be " +
			"\"scripted\" or \"eager\", got \"" + generatorPasses + "\"");
		check(load == 0 || load >= crop, "load must be 0 (automatic) or at least crop, got " + load);
		check(batch >= 1, "batch must be at least 1 (2 or more for the matching-aware and contrastive terms)");
		check(steps >= 0 && pretrainSteps >= 0, "steps and pretrainSteps must be >= 0");
		check(pretrainBatch == 0 || pretrainBatch >= 2, "pretrainBatch must be 0 (same as batch) or >= 2");
		check(decayFraction >= 0 && decayFraction <= 1, "decayFraction must be in [0, 1]");
		check(lr > 0 && beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "lr must be > 0 and betas in [0, 1)");
		check(ncePatches >= 1 && nceTau > 0 && nceHeadWidth >= 1, "PatchNCE settings must be positive");
		check(colourMoments >= 0, "colourMoments must be >= 0, got " + colourMoments);
		check(sceneStatistics >= 0, "sceneStatistics must be >= 0, got " + sceneStatistics);
		check(mixedSounds >= 0, "mixedSounds must be >= 0, got " + mixedSounds);
		check(embeddingNoise >= 0, "embeddingNoise must be >= 0, got " + embeddingNoise);
		check(batch >= 2 || mixedSounds == 0, "mixedSounds blends two sounds of a batch: use batch >= 2");
		check(discriminatorWidth >= 1, "discriminatorWidth must be >= 1");
		spectrogramScale();
		check(avGenerator >= 0 && avCritic >= 0 && avTau > 0, "contrastive weights must be >= 0 and avTau > 0");
		check(avGenerator == 0 || avCritic > 0, "avGenerator needs avCritic > 0: the critic must learn from real pairs");
		check(pretrainSteps == 0 || avCritic > 0, "pretrainSteps needs avCritic > 0 (pre-training is the critic's " +
			"contrastive loss)");
		check(batch >= 2 || !(matchingAware || avGenerator > 0 || avCritic > 0),
			"matchingAware and the contrastive terms compare sounds within a batch: use batch >= 2");
		check(sampleEvery >= 0 && checkpointEvery >= 0 && keepCheckpoints >= 1, "intervals must be >= 0 and " +
			"keepCheckpoints >= 1");
		return this;
	}

	private static void check(boolean ok, String message) {
		if (!ok) throw new IllegalArgumentException("Invalid training setting: " + message);
	}

	public NetworkConfig networkConfig() {
		return network.toConfig();
	}

	public SpectrogramScale spectrogramScale() {
		for (SpectrogramScale s : SpectrogramScale.values())
			if (s.id().equalsIgnoreCase(spectrogramScale)) return s;
		throw new IllegalArgumentException("spectrogramScale must be 'linear' or 'log', got '" + spectrogramScale + "'");
	}

	public int loadSize() {
		return load > 0 ? load : (int) Math.round(crop * 286.0 / 256.0);
	}

	/** The batch size of a pre-training step. */
	public int effectivePretrainBatch() {
		return pretrainBatch > 0 ? pretrainBatch : batch;
	}

	public boolean usesCritic() {
		return avCritic > 0;
	}

	public long totalSteps() {
		return pretrainSteps + steps;
	}

	public LearningRateSchedule schedule() {
		long decay = Math.round(steps * decayFraction);
		return new LearningRateSchedule(lr, steps - decay, decay);
	}
}
