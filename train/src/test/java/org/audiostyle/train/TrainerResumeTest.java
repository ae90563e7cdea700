package org.audiostyle.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.audiostyle.train.data.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;

public class TrainerResumeTest {

	@TempDir
	Path dir;

	private static Map<String, float[]> weights(Trainer t) {
		Map<String, float[]> m = new LinkedHashMap<>();
		for (ParameterGroup g : new ParameterGroup[] { t.networks().generatorParams(), t.networks().audioParams(), t
			.discriminator().params() })
			for (Map.Entry<String, NDArray> e : g.all().entrySet())
				m.put(g.name() + "/" + e.getKey(), e.getValue().toFloatArray());
		return m;
	}

	/** 6 steps straight vs 3 steps, checkpoint, a new trainer that loads it, 3 more: the same weights. */
	@Test
	public void resumedRunEqualsUninterruptedRun() throws IOException {
		// 2 pre-training steps (their own, larger batches), then GAN steps: the resume is at step 3
		assertResumesExactly(twoPretrainingSteps(4));
	}

	/**
	 * The audio augmentations draw from the trainer's data stream, which the checkpoint keeps: a resumed run still
	 * equals an uninterrupted one. And the switch acts: the audio encoder learns other weights with it on.
	 */
	@Test
	public void resumeIsExactWithRecordingSimulationWhichChangesWhatTheEncoderLearns() throws IOException {
		TrainConfig config = twoPretrainingSteps(4);
		config.recordingSimulation = true;
		config.specAugment = true;
		Map<String, float[]> on = assertResumesExactly(config);
		config.recordingSimulation = false;
		Map<String, float[]> off = trainToEnd(config);
		int differ = 0, audio = 0;
		for (String k : on.keySet())
			if (k.startsWith("A/")) {
				audio++;
				if (!Arrays.equals(on.get(k), off.get(k))) differ++;
			}
		assertTrue(audio > 0 && differ > audio / 2, differ + " of " + audio + " audio-encoder tensors differ");
	}

	/** The statistics audio network trains (every learnable audio tensor moves) and resumes exactly. */
	@Test
	public void statisticsAudioNetworkLearnsAndResumesExactly() throws IOException {
		TrainConfig config = twoPretrainingSteps(4);
		config.recordingSimulation = true;
		Map<String, float[]> end = assertLearnsAndResumesExactly(config, org.audiostyle.nn.NetworkConfig.AudioNetwork
			.STATISTICS, "A/statsNorm.weight", "A/hidden.weight", "A/hidden.bias", "A/proj.weight");
		assertTrue(end.keySet().stream().noneMatch(k -> k.startsWith("A/AudioLayer")), end.keySet().toString());
	}

	/** The hybrid audio network trains both branches and resumes exactly. */
	@Test
	public void hybridAudioNetworkTrainsBothBranchesAndResumesExactly() throws IOException {
		assertLearnsAndResumesExactly(twoPretrainingSteps(4), org.audiostyle.nn.NetworkConfig.AudioNetwork.HYBRID,
			"A/AudioInconv.0.weight", "A/proj.weight", "A/hidden.weight", "A/statsProj.weight", "A/statsNorm.weight");
	}

	/**
	 * The colour-grid generator trains (its splat, local, global, FiLM and coefficient layers all move) and resumes
	 * exactly; a branch from a ResNet run's pre-training may swap in the grid generator and equals a fresh grid run.
	 */
	@Test
	public void colourGridGeneratorLearnsResumesAndBranchesFromResnetPretraining() throws IOException {
		TrainConfig config = twoPretrainingSteps(4);
		config.network = org.audiostyle.model.ModelManifest.Network.of(org.audiostyle.nn.NetworkConfig.tiny()
			.withGenerator(org.audiostyle.nn.NetworkConfig.Generator.GRID));
		TrainingData data = TinyData.create(3, 36);
		Map<String, float[]> start;
		try (Trainer t = new Trainer(config, data)) {
			start = weights(t);
		}
		Map<String, float[]> end = assertResumesExactly(config);
		for (String k : new String[] { "G/splat.1.weight", "G/local.5.weight", "G/global.weight", "G/film.0.weight",
			"G/coefficients_weight", "G/coefficients_bias" })
			assertTrue(end.containsKey(k) && !Arrays.equals(start.get(k), end.get(k)), k + " did not learn");
		TrainConfig resnet = twoPretrainingSteps(4);
		Path atPretrainEnd = dir.resolve("resnet-pretrained.ckpt");
		try (Trainer t = new Trainer(resnet, data)) {
			t.trainStep();
			t.trainStep();
			t.saveCheckpoint(atPretrainEnd);
		}
		Map<String, float[]> branched;
		try (Trainer t = new Trainer(config, data)) {
			assertTrue(!t.branchFrom(atPretrainEnd), "a pre-training checkpoint is a branch, not a fine-tune");
			while (!t.finished())
				t.trainStep();
			branched = weights(t);
		}
		for (String k : end.keySet())
			assertArrayEquals(end.get(k), branched.get(k), 1e-6f, k);
	}

	/**
	 * Trains {@code config} with the tiny network on {@code network}, checks the run resumes exactly and that each
	 * tensor in {@code learning} moved; returns the final weights.
	 */
	private Map<String, float[]> assertLearnsAndResumesExactly(TrainConfig config,
		org.audiostyle.nn.NetworkConfig.AudioNetwork network, String... learning) throws IOException
	{
		config.network = org.audiostyle.model.ModelManifest.Network.of(org.audiostyle.nn.NetworkConfig.tiny()
			.withAudioNetwork(network));
		Map<String, float[]> start;
		try (Trainer t = new Trainer(config, TinyData.create(3, 36))) {
			start = weights(t);
		}
		Map<String, float[]> end = assertResumesExactly(config);
		for (String k : learning)
			assertTrue(end.containsKey(k) && !Arrays.equals(start.get(k), end.get(k)), k + " did not learn");
		return end;
	}

	/**
	 * With the audio encoder frozen for the GAN phase, its weights and batch-norm statistics at the end equal those
	 * at the end of pre-training, while the generator still learns; without the switch the GAN steps move it.
	 */
	@Test
	public void frozenAudioEncoderKeepsItsPretrainedWeightsThroughTheGanSteps() throws IOException {
		TrainConfig config = twoPretrainingSteps(3);
		config.recordingSimulation = true;
		TrainingData data = TinyData.create(3, 36);
		for (boolean frozen : new boolean[] { true, false }) {
			config.freezeAudioEncoder = frozen;
			try (Trainer t = new Trainer(config, data)) {
				while (t.step() < config.pretrainSteps)
					t.trainStep();
				Map<String, float[]> pretrained = weights(t);
				while (!t.finished())
					t.trainStep();
				Map<String, float[]> end = weights(t);
				int audio = 0, audioMoved = 0, generatorMoved = 0;
				for (String k : end.keySet()) {
					boolean moved = !Arrays.equals(pretrained.get(k), end.get(k));
					if (k.startsWith("A/")) {
						audio++;
						if (moved) audioMoved++;
					} else if (k.startsWith("G/") && moved) generatorMoved++;
				}
				assertTrue(audio > 0 && generatorMoved > 0, "generator tensors that learned: " + generatorMoved);
				if (frozen) assertEquals(0, audioMoved, audioMoved + " of " + audio + " audio tensors moved");
				else assertTrue(audioMoved > audio / 2, "only " + audioMoved + " of " + audio + " audio tensors moved");
			}
		}
	}

	/**
	 * The mixed-sound term draws its shares from the checkpointed data stream: a run with it resumes exactly. It is
	 * computed (finite, logged) in GAN steps, and it changes what the generator learns (against a run with a negligible
	 * weight, which draws the same shares from the data stream, so a changed stream cannot pass for the term's effect).
	 */
	@Test
	public void mixedSoundsResumesExactlyAndActsOnTheGenerator() throws IOException {
		TrainConfig config = frozenAfterPretraining();
		config.mixedSounds = 1;
		Map<String, float[]> on = assertResumesExactly(config);
		try (Trainer t = new Trainer(config, TinyData.create(3, 36))) {
			StepLosses first = t.trainStep();
			assertTrue(Double.isNaN(first.mixedSounds), "pre-training has no mixed-sound term");
			t.trainStep();
			StepLosses gan = t.trainStep();
			assertTrue(Double.isFinite(gan.mixedSounds) && gan.mixedSounds > 0, "mixed-sound loss " + gan.mixedSounds);
		}
		config.mixedSounds = 1e-30; // the same shares drawn, so the same batches: only the term's weight differs
		assertTrue(tensorsThatDiffer(on, trainToEnd(config), "G/") > 0, "the generator learned the same with and " +
			"without the term");
	}

	/**
	 * Conditioning augmentation: a run with embedding noise resumes to the same weights (its noise comes from the
	 * checkpointed stream) and its generator learns differently from the same run with negligible noise (1e-30 of the
	 * RMS: the same draws from the data stream, so the same batches, and a sum that rounds back to the embedding).
	 */
	@Test
	public void embeddingNoiseResumesExactlyAndActsOnTheGenerator() throws IOException {
		TrainConfig config = frozenAfterPretraining();
		config.embeddingNoise = 0.5;
		Map<String, float[]> on = assertResumesExactly(config);
		config.embeddingNoise = 1e-30;
		Map<String, float[]> off = trainToEnd(config);
		assertTrue(tensorsThatDiffer(on, off, "G/") > 0, "the generator learned the same with and without noise");
		assertEquals(0, tensorsThatDiffer(on, off, "A/"), "the frozen audio encoder changed with embedding noise");
	}

	/** How many of the tensors whose names start with {@code prefix} differ between two runs' weights. */
	private static long tensorsThatDiffer(Map<String, float[]> a, Map<String, float[]> b, String prefix) {
		return a.keySet().stream().filter(k -> k.startsWith(prefix) && !Arrays.equals(a.get(k), b.get(k))).count();
	}

	/** Four tiny steps (two of pre-training) with the audio encoder frozen for the GAN ones. */
	private static TrainConfig frozenAfterPretraining() {
		TrainConfig config = twoPretrainingSteps(4);
		config.freezeAudioEncoder = true;
		return config;
	}

	/** A tiny run of {@code steps} steps, the first two pre-training ones with their own batch of 3. */
	private static TrainConfig twoPretrainingSteps(int steps) {
		TrainConfig config = TinyData.config(steps, 2);
		config.pretrainBatch = 3;
		return config;
	}

	/** The weights after running {@code config} to its end on the tiny data. */
	private static Map<String, float[]> trainToEnd(TrainConfig config) {
		try (Trainer t = new Trainer(config, TinyData.create(3, 36))) {
			while (!t.finished())
				t.trainStep();
			return weights(t);
		}
	}

	/** Runs {@code config} straight and with a checkpoint and resume at step 3; returns the straight run's weights. */
	private Map<String, float[]> assertResumesExactly(TrainConfig config) throws IOException {
		TrainingData data = TinyData.create(3, 36);
		Map<String, float[]> straight;
		try (Trainer t = new Trainer(config, data)) {
			while (!t.finished())
				t.trainStep();
			assertEquals(6, t.step());
			straight = weights(t);
		}
		Path ck = dir.resolve("step-3.ckpt");
		try (Trainer t = new Trainer(config, data)) {
			for (int i = 0; i < 3; i++)
				t.trainStep();
			t.saveCheckpoint(ck);
		}
		Map<String, float[]> resumed;
		try (Trainer t = new Trainer(config, data)) {
			t.loadCheckpoint(ck);
			assertEquals(3, t.step());
			while (!t.finished())
				t.trainStep();
			resumed = weights(t);
		}
		assertEquals(straight.keySet(), resumed.keySet());
		double worst = 0;
		String where = "";
		for (String k : straight.keySet()) {
			float[] a = straight.get(k), b = resumed.get(k);
			for (int i = 0; i < a.length; i++)
				if (Math.abs(a[i] - b[i]) > worst) {
					worst = Math.abs(a[i] - b[i]);
					where = k;
				}
		}
		assertTrue(worst <= 1e-6, "largest difference " + worst + " in " + where);
		return straight;
	}

	/**
	 * A branch from the end of one run's pre-training with GAN-phase settings changed equals a fresh run with those
	 * settings; a checkpoint after the first GAN step is fine-tuned (its weights, a new schedule); another setting
	 * changed is refused.
	 */
	@Test
	public void branchFromPretrainingEqualsAFreshRun() throws IOException {
		TrainingData data = TinyData.create(3, 36);
		TrainConfig parent = TinyData.config(3, 2);
		parent.colourMoments = 1;
		TrainConfig child = TinyData.config(4, 2);
		child.colourMoments = 0;
		child.avGenerator = 0.25;
		child.matchingAware = false;
		Map<String, float[]> fresh;
		try (Trainer t = new Trainer(child, data)) {
			while (!t.finished())
				t.trainStep();
			fresh = weights(t);
		}
		Path atPretrainEnd = dir.resolve("step-2.ckpt"), afterGan = dir.resolve("step-3.ckpt");
		Map<String, float[]> parentAfterGan;
		try (Trainer t = new Trainer(parent, data)) {
			t.trainStep();
			t.trainStep();
			t.saveCheckpoint(atPretrainEnd);
			t.trainStep();
			t.saveCheckpoint(afterGan);
			parentAfterGan = weights(t);
		}
		Map<String, float[]> branched;
		try (Trainer t = new Trainer(child, data)) {
			t.branchFrom(atPretrainEnd);
			assertEquals(2, t.step());
			while (!t.finished())
				t.trainStep();
			branched = weights(t);
		}
		for (String k : fresh.keySet())
			assertArrayEquals(fresh.get(k), branched.get(k), 1e-6f, k);
		TrainConfig fineTune = TinyData.config(4, 2);
		fineTune.sceneStatistics = 1;
		fineTune.specAugment = true;
		try (Trainer t = new Trainer(fineTune, data)) {
			IOException e = assertThrows(IOException.class, () -> t.branchFrom(atPretrainEnd));
			assertTrue(e.getMessage().contains("specAugment"), "masking acts in pre-training: " + e.getMessage());
		}
		try (Trainer t = new Trainer(fineTune, data)) {
			assertTrue(t.branchFrom(afterGan), "a GAN-phase checkpoint is fine-tuned");
			assertEquals(2, t.step(), "this run's GAN schedule starts from its beginning");
			assertEquals(fineTune.lr, t.currentLearningRate(), 1e-12);
			Map<String, float[]> taken = weights(t);
			for (String k : parentAfterGan.keySet())
				assertArrayEquals(parentAfterGan.get(k), taken.get(k), 0f, k);
			int steps = 0;
			while (!t.finished()) {
				StepLosses l = t.trainStep();
				assertTrue(Double.isFinite(l.sceneStatistics) && l.sceneStatistics > 0, "scene term: " + l
					.sceneStatistics);
				steps++;
			}
			assertEquals(4, steps, "all of the new schedule's GAN steps");
		}
		TrainConfig otherBatch = TinyData.config(4, 2);
		otherBatch.batch = 3;
		try (Trainer t = new Trainer(otherBatch, data)) {
			IOException e = assertThrows(IOException.class, () -> t.branchFrom(atPretrainEnd));
			assertTrue(e.getMessage().contains("batch"), e.getMessage());
		}
	}

	/** Every step frees what it creates: the long-lived manager holds as many arrays after step 3 as after step 6. */
	@Test
	public void stepsDoNotLeakArrays() {
		try (Trainer t = new Trainer(TinyData.config(5, 1), TinyData.create(2, 36))) {
			for (int i = 0; i < 3; i++)
				t.trainStep();
			int before = t.liveArrays();
			java.util.List<String> a = t.liveArrayShapes();
			for (int i = 0; i < 3; i++)
				t.trainStep();
			java.util.List<String> b = t.liveArrayShapes();
			for (String x : a)
				b.remove(x);
			assertEquals(before, t.liveArrays(), "new arrays: " + b);
		}
	}

	@Test
	public void checkpointOfAnotherRecipeIsRefused() throws IOException {
		TrainingData data = TinyData.create(2, 36);
		Path ck = dir.resolve("a.ckpt");
		try (Trainer t = new Trainer(TinyData.config(2, 0), data)) {
			t.trainStep();
			t.saveCheckpoint(ck);
		}
		TrainConfig other = TinyData.config(2, 0);
		other.projection = false;
		try (Trainer t = new Trainer(other, data)) {
			IOException e = assertThrows(IOException.class, () -> t.loadCheckpoint(ck));
			assertTrue(e.getMessage().contains("projection"), e.getMessage());
		}
	}
}
