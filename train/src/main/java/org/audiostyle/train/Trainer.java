package org.audiostyle.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.image.ContactSheet;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.train.data.TrainingData;

/**
 * The training loop: owns the networks being trained (generator + audio encoder), the training-only networks
 * (discriminator D, PatchNCE heads F, optional audio-visual critic C), their Adam optimisers, the random streams and
 * the step counter, and can write and restore all of them in a checkpoint.
 *
 * <p>One GAN step, as CUT's {@code optimize_parameters}: (1) keys of PatchNCE from the encoder on the real images (no
 * gradient: they are detached in the loss anyway); (2) embed the sounds, generate G(A, a) and, for identity NCE,
 * G(B, a) in one batch; update D on real vs generated (and real-with-wrong-sound, if matching-aware); (3) with D's
 * updated weights frozen, G's loss = GAN + 0.5 (NCE_X + NCE_Y) [+ audio-visual terms], update G + audio encoder, F
 * (and C from its real-pair loss). Steps before {@code pretrainSteps} only train the audio encoder and critic
 * contrastively on real pairs.
 *
 * <p>Every random choice comes from seeded Java generators whose states are checkpointed, so a run resumed from a
 * checkpoint continues exactly as the uninterrupted run would have (see {@code TrainerResumeTest}).
 */
public final class Trainer implements AutoCloseable {

	private final TrainConfig config;
	private final TrainingData data;
	private final NDManager root;
	private final StyleNetworks nets;
	private final PatchDiscriminator discriminator;
	private final PatchSampleHeads heads;
	private final PatchNce nce;
	private final AudioVisualCritic critic;
	private final Adam optG, optA, optD, optF, optC;
	private final SeededRandom dataRng;
	private final SeededRandom patchRng;
	private final LearningRateSchedule schedule;
	private final int[] nceLayers;
	private final SpectrogramScale scale;
	private long step;
	private double elapsedSeconds;
	private final Map<String, Double> profile = new LinkedHashMap<>();
	private boolean profiling;
	private long lap;

	/** A fresh run at step 0, every network initialised from {@code config.seed}. */
	public Trainer(TrainConfig config, TrainingData data) {
		this.config = config.validate();
		this.data = data;
		if (data.loadSize() < config.crop)
			throw new IllegalArgumentException("Training images were loaded at " + data.loadSize() + " px, smaller " +
				"than the crop " + config.crop + ".");
		this.root = org.audiostyle.runtime.DjlRuntime.engine().newBaseManager();
		long seed = config.seed;
		this.nets = new StyleNetworks(config.networkConfig(), root, seed);
		this.scale = config.spectrogramScale();
		this.discriminator = new PatchDiscriminator(root, 6, config.discriminatorWidth, config.projection ?
			DiscriminatorInput.descriptorLength() : 0, new SeededRandom(streamSeed(seed, 2)));
		this.heads = new PatchSampleHeads(root, config.nceHeadWidth, streamSeed(seed, 3));
		this.nce = new PatchNce(heads, config.ncePatches, (float) config.nceTau);
		this.critic = config.usesCritic() ? new AudioVisualCritic(root, config.criticWidth, config.networkConfig()
			.embeddingDim, config.criticDim, new SeededRandom(streamSeed(seed, 4))) : null;
		this.optG = new Adam(nets.generatorParams(), root, config.beta1, config.beta2, 1e-8);
		this.optA = new Adam(nets.audioParams(), root, config.beta1, config.beta2, 1e-8);
		this.optD = new Adam(discriminator.params(), root, config.beta1, config.beta2, 1e-8);
		this.optF = new Adam(heads.params(), root, config.beta1, config.beta2, 1e-8);
		this.optC = critic == null ? null : new Adam(critic.params(), root, config.beta1, config.beta2, 1e-8);
		this.dataRng = new SeededRandom(streamSeed(seed, 5));
		this.patchRng = new SeededRandom(streamSeed(seed, 6));
		this.schedule = config.schedule();
		this.nceLayers = config.nceLayers != null ? config.nceLayers.clone() : StyleNetworks.defaultNceLayers(config
			.networkConfig());
		if (config.generatorPasses.equals("scripted")) nets.useScriptedPasses(nceLayers);
	}

	/**
	 * The seed of the trainer's random stream {@code k} (2 discriminator init, 3 PatchNCE heads, 4 critic, 5 data,
	 * 6 patch sampling, 7 the evaluation split), derived from the run's seed.
	 */
	static long streamSeed(long seed, int k) {
		return seed * 1_000_003L + k;
	}

	public TrainConfig config() {
		return config;
	}

	public TrainingData data() {
		return data;
	}

	public StyleNetworks networks() {
		return nets;
	}

	public PatchDiscriminator discriminator() {
		return discriminator;
	}

	/** Every network's arrays: G, A, D, F and C when there is a critic (what a checkpoint holds, without Adam). */
	public List<ParameterGroup> parameterGroups() {
		return groups();
	}

	/**
	 * When on, each step records the seconds spent in its sections (forward/backward of each part, optimiser
	 * updates); read them with {@link #lastProfile()}. Off by default.
	 */
	public void setProfiling(boolean on) {
		profiling = on;
	}

	/** Section timings of the last step (empty unless profiling). */
	public Map<String, Double> lastProfile() {
		return new LinkedHashMap<>(profile);
	}

	private void mark(String section) {
		if (!profiling) return;
		long now = System.nanoTime();
		profile.merge(section, (now - lap) / 1e9, Double::sum);
		lap = now;
	}

	/** Arrays held by the trainer's long-lived manager (weights, moments, gradients): constant across steps. */
	int liveArrays() {
		return root.getManagedArrays().size();
	}

	/** Shapes of the arrays held by the long-lived manager (leak hunting in tests). */
	List<String> liveArrayShapes() {
		List<String> l = new ArrayList<>();
		for (NDArray a : root.getManagedArrays())
			l.add(a.getShape() + (a.getName() == null ? "" : " " + a.getName()));
		return l;
	}

	/** Steps done so far (pre-training included). */
	public long step() {
		return step;
	}

	public boolean finished() {
		return step >= config.totalSteps();
	}

	/** Training seconds accumulated over this run and the runs it resumed. */
	public double elapsedSeconds() {
		return elapsedSeconds;
	}

	/** The learning rate of the next step (the base rate during pre-training). */
	public double currentLearningRate() {
		return step < config.pretrainSteps ? config.lr : schedule.rate(step - config.pretrainSteps);
	}

	/** Runs one step and returns its losses. */
	public StepLosses trainStep() {
		long t0 = System.nanoTime();
		profile.clear();
		lap = t0;
		boolean pretraining = step < config.pretrainSteps;
		Batch b = Batch.draw(data, pretraining ? config.effectivePretrainBatch() : config.batch, config.crop,
			config.flip, config.randomAudioWindow, dataRng);
		double lr = currentLearningRate();
		mark("batch");
		StepLosses losses;
		try (NDManager m = root.newSubManager()) {
			Shape img = new Shape(b.size, 3, b.crop, b.crop);
			NDArray content = m.create(b.content, img);
			NDArray paired = m.create(b.paired, img);
			NDArray wav = m.create(b.waveforms, new Shape(b.size, AudioFrontEnd.WINDOW_SAMPLES));
			losses = pretraining ? pretrainStep(paired, wav, lr) : ganStep(content, paired, wav, lr);
		}
		step++;
		elapsedSeconds += (System.nanoTime() - t0) / 1e9;
		return losses;
	}

	private static GradientCollector collector() {
		return Engine.getInstance().newGradientCollector();
	}

	/**
	 * What the audio encoder learns from: the spectrogram, as if recorded elsewhere when
	 * {@link TrainConfig#recordingSimulation} is on, then masked when {@link TrainConfig#specAugment} is on.
	 */
	private NDArray encoderInput(NDArray spectrogram) {
		NDArray x = config.recordingSimulation ? RecordingSimulation.apply(spectrogram, dataRng) : spectrogram;
		return config.specAugment ? SpectrogramMasking.apply(x, dataRng) : x;
	}

	private StepLosses pretrainStep(NDArray paired, NDArray wav, double lr) {
		StepLosses l = new StepLosses("pretrain");
		NDArray spec = nets.spectrogram(wav);
		try (GradientCollector gc = collector()) {
			NDList branches = nets.audio().branches(encoderInput(spec), true);
			NDArray image = critic.embedImage(paired, false);
			NDArray emb = AudioEncoder.sum(branches);
			NDArray loss = InfoNce.symmetric(image, critic.embedAudio(emb, false), (float) config.avTau);
			NDArray objective = InfoNce.overBranches(loss, image, branches, e -> critic.embedAudio(e, false),
				(float) config.avTau);
			gc.backward(Ops.mul(objective, (float) config.avCritic));
			l.avCritic = loss.getFloat(); // the whole encoder's term, comparable between audio networks
		}
		optA.step(lr);
		optC.step(lr);
		return l;
	}

	private StepLosses ganStep(NDArray content, NDArray paired, NDArray wav, double lr) {
		StepLosses l = new StepLosses("gan");
		int n = Math.toIntExact(content.getShape().get(0));
		boolean identity = config.nceIdentity;
		NDArray spec = nets.spectrogram(wav);
		NDArray crop = DiscriminatorInput.crop(spec, scale);
		NDArray desc = discriminator.hasProjection() ? DiscriminatorInput.audioDescriptor(crop, scale) : null;
		NDArray realInput = DiscriminatorInput.build(crop, paired);
		mark("spectrogram + D inputs");
		NDArray sources = identity ? NDArrays.concat(new NDList(content, paired), 0) : content;
		PatchNce.Keys keys = nce.keys(nets.encode(sources, nceLayers), patchRng);
		mark("NCE keys (encoder on real, no grad)");

		NDArray emb, heard, generated, fake;
		// frozen: inference mode (batch-norm statistics kept) and outside every graph, so no gradient reaches it
		NDArray frozenEmb = config.freezeAudioEncoder ? nets.embed(encoderInput(spec), false).stopGradient() : null;
		try (GradientCollector gc = collector()) {
			emb = frozenEmb != null ? frozenEmb : nets.embed(encoderInput(spec), true);
		mark("audio embed");
			heard = config.embeddingNoise > 0 ? withNoise(emb) : emb;
			generated = nets.generate(sources, identity ? NDArrays.concat(new NDList(heard, heard), 0) : heard);
			fake = identity ? generated.get("0:" + n) : generated;
		mark("G forward");
			NDArray predReal = discriminator.forward(realInput, desc);
			NDArray predFake = discriminator.forward(DiscriminatorInput.build(crop, fake.stopGradient()), desc);
			NDArray lossD;
			if (config.matchingAware) {
				NDArray wrongCrop = roll(crop);
				NDArray predWrong = discriminator.forward(DiscriminatorInput.build(wrongCrop, paired), desc == null ?
					null : roll(desc));
				lossD = GanLoss.matchingAwareDiscriminator(predReal, predFake, predWrong);
			} else lossD = GanLoss.discriminator(predReal, predFake);
			gc.backward(lossD);
		mark("D forward + backward");
			l.d = lossD.getFloat();
		}
		optD.step(lr);
		mark("Adam D");

		try (GradientCollector gc = collector()) {
			NDArray gan = GanLoss.generator(discriminator.forward(DiscriminatorInput.build(crop, fake), desc, true));
		mark("D forward (frozen, G loss)");
			NDArray perImage = nce.perImageLoss(keys, nets.encode(generated, nceLayers));
		mark("NCE queries (encoder on generated)");
			NDArray nceX = perImage.get("0:" + n).mean();
			NDArray total = Ops.mul(gan, (float) config.lambdaGan);
			if (identity) {
				NDArray nceY = perImage.get(n + ":").mean();
				total = total.add(Ops.mul(nceX.add(nceY), (float) (0.5 * config.lambdaNce)));
				l.nceY = nceY.getFloat();
			} else total = total.add(Ops.mul(nceX, (float) config.lambdaNce));
			if (config.avGenerator > 0) {
				NDArray av = InfoNce.loss(critic.embedImage(fake, true), critic.embedAudio(emb, true).stopGradient(),
					(float) config.avTau);
				total = total.add(Ops.mul(av, (float) config.avGenerator));
				l.avGenerator = av.getFloat();
			}
			if (config.colourMoments > 0) {
				NDArray moments = ColourMoments.loss(fake, paired);
				total = total.add(Ops.mul(moments, (float) config.colourMoments));
				l.colourMoments = moments.getFloat();
			}
			if (config.sceneStatistics > 0) {
				NDArray scene = SceneStatistics.loss(fake, paired);
				total = total.add(Ops.mul(scene, (float) config.sceneStatistics));
				l.sceneStatistics = scene.getFloat();
			}
			if (config.mixedSounds > 0) {
				NDArray w = mixShares(content.getManager(), n);
				NDArray blended = MixedSounds.blend(heard, roll(heard), w.reshape(n, 1));
				NDArray mix = MixedSounds.loss(nets.generate(content, blended), paired, roll(paired), w);
				total = total.add(Ops.mul(mix, (float) config.mixedSounds));
				l.mixedSounds = mix.getFloat();
			}
			mark("NCE loss + audio-visual G term + colour moments + scene statistics + mixed sounds");
			if (critic != null) {
				NDArray real = InfoNce.symmetric(critic.embedImage(paired, false), critic.embedAudio(emb, false),
					(float) config.avTau);
				total = total.add(Ops.mul(real, (float) config.avCritic));
				l.avCritic = real.getFloat();
				mark("critic on real pairs");
			}
			gc.backward(total);
		mark("G loss backward (G, A, F, C)");
			l.gan = gan.getFloat();
			l.nceX = nceX.getFloat();
		}
		optG.step(lr);
		if (!config.freezeAudioEncoder) optA.step(lr);
		optF.step(lr);
		if (optC != null) optC.step(lr);
		mark("Adam G, A, F, C");
		return l;
	}

	/**
	 * The generator's view of the embeddings under {@link TrainConfig#embeddingNoise}: each row plus N(0, 1) noise
	 * scaled by the setting times that row's RMS (no gradient through the scale), drawn from the checkpointed data
	 * stream so a resumed run draws the same noise.
	 */
	private NDArray withNoise(NDArray emb) {
		int n = Math.toIntExact(emb.getShape().get(0)), e = Math.toIntExact(emb.getShape().get(1));
		float[] z = new float[n * e];
		for (int i = 0; i < z.length; i++)
			z[i] = (float) dataRng.nextGaussian();
		NDArray rms = emb.stopGradient().square().mean(new int[] {1}, true).sqrt();
		return emb.add(emb.getManager().create(z, new Shape(n, e)).mul(rms).mul((float) config.embeddingNoise));
	}

	/** Each item's share of its own sound in a two-sound blend, uniform in [0, 1], from the checkpointed data stream. */
	private NDArray mixShares(NDManager scope, int n) {
		float[] w = new float[n];
		for (int i = 0; i < n; i++)
			w[i] = (float) dataRng.nextDouble();
		return scope.create(w);
	}

	/** Batch rotated by one: item i gets item i+1's sound (a derangement for batch >= 2). */
	private static NDArray roll(NDArray x) {
		return NDArrays.concat(new NDList(x.get("1:"), x.get("0:1")), 0);
	}

	/**
	 * Stylizes each content image with each sound using the current weights (audio encoder in inference mode):
	 * result.get(sound).get(image). Images are centre crops at the training crop size; sounds use their first 3 s.
	 */
	public List<List<PlanarImage>> stylize(List<PlanarImage> contents, List<float[]> waveforms) {
		int c = config.crop;
		float[] img = new float[contents.size() * 3 * c * c];
		for (int i = 0; i < contents.size(); i++)
			Augmentation.centre(contents.get(i), c, img, i * 3 * c * c);
		List<List<PlanarImage>> rows = new ArrayList<>();
		try (NDManager m = root.newSubManager()) {
			NDArray images = m.create(img, new Shape(contents.size(), 3, c, c));
			for (float[] w : waveforms) {
				NDArray emb = nets.embed(nets.spectrogram(m.create(w, new Shape(1, w.length))), false);
				NDArray out = nets.generate(images, emb.repeat(0, contents.size()));
				float[] all = out.toFloatArray();
				List<PlanarImage> row = new ArrayList<>();
				for (int i = 0; i < contents.size(); i++) {
					float[] one = new float[3 * c * c];
					System.arraycopy(all, i * one.length, one, 0, one.length);
					row.add(PlanarImage.fromNetworkRange(c, c, one));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** A sample grid PNG: first row the inputs, then one row per sound. */
	public void writeSampleGrid(List<PlanarImage> contents, List<float[]> waveforms, List<String> soundNames, Path png)
		throws IOException
	{
		List<List<PlanarImage>> rows = new ArrayList<>();
		List<PlanarImage> inputs = new ArrayList<>();
		int c = config.crop;
		for (PlanarImage p : contents) {
			float[] a = new float[3 * c * c];
			Augmentation.centre(p, c, a, 0);
			inputs.add(PlanarImage.fromNetworkRange(c, c, a));
		}
		rows.add(inputs);
		rows.addAll(stylize(contents, waveforms));
		List<String> labels = new ArrayList<>();
		labels.add("input");
		labels.addAll(soundNames);
		ContactSheet.write(rows, labels, null, Math.max(c, 128), png);
	}

	// ---- checkpoints ----

	/** Writes every weight, optimiser state, random state and the step counter. */
	public void saveCheckpoint(Path file) throws IOException {
		NDList arrays = new NDList();
		for (ParameterGroup g : groups())
			for (Map.Entry<String, NDArray> e : g.all().entrySet()) {
				NDArray a = e.getValue().duplicate();
				a.setName(g.name() + "/" + e.getKey());
				arrays.add(a);
			}
		JsonObject opt = new JsonObject();
		for (Adam a : optimisers()) {
			for (NDArray s : a.state()) {
				s.setName("opt:" + a.group().name() + "/" + s.getName());
				arrays.add(s);
			}
			opt.addProperty(a.group().name(), a.stepCount());
		}
		JsonObject meta = new JsonObject();
		meta.addProperty("step", step);
		meta.addProperty("elapsedSeconds", elapsedSeconds);
		meta.add("config", JsonParser.parseString(config.toJson()));
		JsonObject rng = new JsonObject();
		rng.addProperty("data", dataRng.state());
		rng.addProperty("patch", patchRng.state());
		meta.add("rng", rng);
		meta.add("optimizerSteps", opt);
		try {
			new Checkpoint(meta, arrays).write(file);
		}
		finally {
			arrays.close();
		}
	}

	/**
	 * Restores a checkpoint written by a trainer with the same configuration (everything but the intervals must be
	 * equal, or the run would not be the same run).
	 */
	public void loadCheckpoint(Path file) throws IOException {
		load(file, Set.of(), false);
	}

	/**
	 * Resumes a checkpoint into a schedule of another length: only {@code steps} may differ (a longer or shorter GAN
	 * phase; the learning rate follows the new schedule from here on). Everything before the checkpoint is unchanged.
	 */
	public void loadCheckpointIntoNewSchedule(Path file) throws IOException {
		load(file, Set.of("steps"), false);
		if (step >= config.totalSteps()) throw new IOException("Checkpoint " + file + " is at step " + step +
			", not before the end of the new schedule (" + config.totalSteps() + " steps in all): pass a larger --steps.");
	}

	/** Settings a branch may change: they act on GAN steps only, so a shared pre-training is the same for both runs. */
	static final Set<String> BRANCHABLE = Set.of("steps", "decayFraction", "lambdaGan", "lambdaNce", "matchingAware",
		"avGenerator", "colourMoments", "sceneStatistics", "freezeAudioEncoder", "mixedSounds", "embeddingNoise");

	/**
	 * Starts this run from another run's checkpoint; only the {@link #BRANCHABLE} settings may differ.
	 * <ul>
	 * <li>A checkpoint taken before that run's first GAN step (during or at the end of its pre-training): an experiment
	 * on the GAN phase (say, a loss switched off) need not repeat the pre-training. The result equals a fresh run with
	 * this configuration.</li>
	 * <li>A checkpoint taken during the GAN phase: fine-tuning. Every weight and optimiser moment is taken over and
	 * this run's GAN schedule starts from its beginning (full learning rate, then its own decay), so a trained model
	 * can learn a new loss in a fraction of a full run.</li>
	 * </ul>
	 *
	 * @return true when the checkpoint was a GAN-phase one (fine-tuning)
	 */
	public boolean branchFrom(Path file) throws IOException {
		return load(file, BRANCHABLE, true);
	}

	/**
	 * What a fine-tune may change besides the {@link #BRANCHABLE} settings: ones that act on the audio encoder too, so
	 * a branch from pre-training with them changed would not equal a fresh run.
	 */
	static final Set<String> FINE_TUNABLE = Set.of("specAugment", "recordingSimulation");

	/**
	 * Replaces the exported networks' weights and buffers (generator "G" and audio encoder "A", batch-norm running
	 * statistics included) by their mean over the loaded checkpoint and {@code others} (checkpoints of the same run):
	 * Polyak averaging of the final stretch of a run, which smooths the checkpoint-to-checkpoint swings of GAN
	 * training. Training-only networks and optimiser state are left as loaded (an averaged trainer is for export).
	 */
	public void averageWith(List<Path> others) throws IOException {
		List<ParameterGroup> exported = List.of(nets.generatorParams(), nets.audioParams());
		Map<String, double[]> sums = new LinkedHashMap<>();
		for (ParameterGroup g : exported)
			for (Map.Entry<String, NDArray> e : g.all().entrySet())
				sums.put(g.name() + "/" + e.getKey(), toDoubles(e.getValue().toFloatArray()));
		for (Path file : others)
			try (NDManager m = root.newSubManager()) {
				Checkpoint ck = Checkpoint.read(file, m);
				// a run resumed into a longer or shorter schedule (--resume --steps) is still one run
				String mismatch = Trainer.differences(TrainConfig.fromJson(ck.meta.get("config").toString()), config,
					Set.of("steps"));
				if (mismatch != null) throw new IOException("Checkpoint " + file + " belongs to a run with other " +
					"settings (" + mismatch + "); only checkpoints of one run can be averaged.");
				Map<String, NDArray> byName = new LinkedHashMap<>();
				for (NDArray a : ck.arrays)
					byName.put(a.getName(), a);
				for (Map.Entry<String, double[]> e : sums.entrySet()) {
					NDArray src = byName.get(e.getKey());
					if (src == null) throw new IOException("Checkpoint " + file + " lacks " + e.getKey());
					float[] v = src.toFloatArray();
					double[] acc = e.getValue();
					if (v.length != acc.length) throw new IOException("Checkpoint " + file + ": " + e.getKey() +
						" has " + v.length + " values, expected " + acc.length);
					for (int i = 0; i < v.length; i++)
						acc[i] += v[i];
				}
			}
		int n = others.size() + 1;
		for (ParameterGroup g : exported)
			for (Map.Entry<String, NDArray> e : g.all().entrySet()) {
				double[] acc = sums.get(g.name() + "/" + e.getKey());
				float[] mean = new float[acc.length];
				for (int i = 0; i < acc.length; i++)
					mean[i] = (float) (acc[i] / n);
				e.getValue().set(mean);
			}
	}

	private static double[] toDoubles(float[] v) {
		double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++)
			d[i] = v[i];
		return d;
	}

	/** Restores a checkpoint whose run may differ from this one's configuration in {@code mayDiffer} only. */
	private boolean load(Path file, Set<String> mayDiffer, boolean branch) throws IOException {
		try (NDManager m = root.newSubManager()) {
			Checkpoint ck = Checkpoint.read(file, m);
			TrainConfig stored = TrainConfig.fromJson(ck.meta.get("config").toString());
			long at = ck.meta.get("step").getAsLong();
			boolean fineTune = branch && at > stored.pretrainSteps;
			if (fineTune) {
				mayDiffer = new java.util.HashSet<>(mayDiffer);
				mayDiffer.addAll(FINE_TUNABLE);
			}
			// Pre-training never touches the generator, so a branch from it may also swap the generator's kind: the
			// new one starts from its seeded initial weights, as in a fresh run.
			boolean newGenerator = branch && !fineTune && !config.networkConfig().generator.equals(stored
				.networkConfig().generator);
			if (newGenerator) {
				stored = TrainConfig.fromJson(stored.toJson());
				stored.network.generator = config.network.generator;
			}
			String mismatch = Trainer.differences(stored, config, mayDiffer);
			if (mismatch != null) throw new IOException("Checkpoint " + file + " belongs to a run with other settings (" +
				mismatch + "). " + (branch ? "A branch may change only " + new TreeSet<>(mayDiffer) + "." :
					"Resume with the run's own configuration (" + stored.recipe + "), or start a new run."));
			Map<String, NDArray> byName = new LinkedHashMap<>();
			for (NDArray a : ck.arrays)
				byName.put(a.getName(), a);
			if (!heads.initialized()) {
				List<Long> channels = new ArrayList<>();
				for (int i = 0; byName.containsKey("F/mlp_" + i + ".0.weight"); i++)
					channels.add(byName.get("F/mlp_" + i + ".0.weight").getShape().get(1));
				if (!channels.isEmpty()) heads.ensureHeads(channels.stream().mapToLong(Long::longValue).toArray());
			}
			for (ParameterGroup g : groups())
				for (Map.Entry<String, NDArray> e : g.all().entrySet()) {
					if (newGenerator && g == nets.generatorParams()) continue;
					NDArray src = byName.get(g.name() + "/" + e.getKey());
					if (src == null) throw new IOException("Checkpoint " + file + " lacks " + g.name() + "/" + e.getKey());
					if (!src.getShape().equals(e.getValue().getShape())) throw new IOException("Checkpoint " + file +
						": " + g.name() + "/" + e.getKey() + " has shape " + src.getShape() + ", expected " + e
							.getValue().getShape());
					e.getValue().set(src.toFloatArray());
				}
			JsonObject steps = ck.meta.getAsJsonObject("optimizerSteps");
			for (Adam a : optimisers()) {
				if (newGenerator && a == optG) continue;
				String prefix = "opt:" + a.group().name() + "/";
				NDList state = new NDList();
				for (NDArray arr : ck.arrays)
					if (arr.getName().startsWith(prefix)) {
						NDArray s = arr.duplicate();
						s.setName(arr.getName().substring(prefix.length()));
						state.add(s);
					}
				a.loadState(state, steps.get(a.group().name()).getAsLong());
				state.close();
			}
			JsonObject rng = ck.meta.getAsJsonObject("rng");
			dataRng.setState(rng.get("data").getAsLong());
			patchRng.setState(rng.get("patch").getAsLong());
			step = fineTune ? config.pretrainSteps : at; // fine-tuning: this run's GAN schedule from its start
			elapsedSeconds = ck.meta.get("elapsedSeconds").getAsDouble();
			return fineTune;
		}
	}

	/** Null when a and b describe the same run, else the first differing setting. */
	static String differences(TrainConfig a, TrainConfig b) {
		return differences(a, b, Set.of());
	}

	/** As {@link #differences(TrainConfig, TrainConfig)}, also ignoring the settings in {@code ignored}. */
	static String differences(TrainConfig a, TrainConfig b, Set<String> ignored) {
		JsonObject ja = JsonParser.parseString(a.toJson()).getAsJsonObject();
		JsonObject jb = JsonParser.parseString(b.toJson()).getAsJsonObject();
		Set<String> skip = new HashSet<>(ignored);
		skip.addAll(List.of("sampleEvery", "checkpointEvery", "keepCheckpoints", "generatorPasses"));
		for (String k : skip) {
			ja.remove(k);
			jb.remove(k);
		}
		for (String k : ja.keySet())
			if (!ja.get(k).equals(jb.get(k))) return k + ": " + ja.get(k) + " vs " + jb.get(k);
		return null;
	}

	private List<ParameterGroup> groups() {
		List<ParameterGroup> g = new ArrayList<>(List.of(nets.generatorParams(), nets.audioParams(), discriminator
			.params(), heads.params()));
		if (critic != null) g.add(critic.params());
		return g;
	}

	private List<Adam> optimisers() {
		List<Adam> o = new ArrayList<>(List.of(optG, optA, optD, optF));
		if (optC != null) o.add(optC);
		return o;
	}

	/** Exports the generator and audio encoder with the given exporter. */
	public void export(ModelExporter exporter, Map<String, String> info, Path destination) throws IOException {
		Files.createDirectories(destination.toAbsolutePath().getParent());
		exporter.export(nets.generator(), nets.audio(), info, destination);
	}

	@Override
	public void close() {
		root.close();
	}
}
