package org.audiostyle.nn;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What training relies on: gradients reach every trainable parameter, and parameters save and load exactly. */
class TrainingSupportTest extends ManagedArraysTest {

	/**
	 * Backward through generator and audio encoder (batch 2, BN in training mode). Conv biases that feed an
	 * instance norm (all generator conv biases except the last one) get a gradient of zero up to rounding: the norm
	 * subtracts the per-channel mean, so a constant bias cannot change the output. That is a property of the
	 * paper's architecture, not a broken graph; they are only required to have a (tiny) gradient array.
	 */
	@Test
	void gradientsReachEveryTrainableParameter() {
		for (NetworkConfig c : new NetworkConfig[] { NetworkConfig.tiny(),
			NetworkConfig.tiny().withConditioning(NetworkConfig.Conditioning.CONCAT) }) {
			try (NDManager m = manager.newSubManager()) {
				ResnetGenerator g = new ResnetGenerator(c);
				g.initialize(m, 1);
				AudioEncoder audio = new AudioEncoder(c).setTraining(true);
				audio.initialize(m, 2);
				NDArray img = TestData.image(m, 2, 24, 24, 3);
				NDArray target = TestData.image(m, 2, 24, 24, 4);
				NDArray waves = TestData.twoSounds(m);
				try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
					NDArray out = g.forward(img, audio.embed(waves), null);
					NDArray loss = out.sub(target).abs().mean();
					gc.backward(loss);
				}
				checkGradients(c, "generator", g.stateDict());
				checkGradients(c, "audio", audio.stateDict());
				// Running statistics were updated by the training-mode pass.
				float[] rv = audio.stateDict().get("AudioInconv.1.running_mean").getArray().toFloatArray();
				assertTrue(Math.abs(rv[0]) > 0, "BN running mean updated");
			}
		}
	}

	private static void checkGradients(NetworkConfig c, String what, Map<String, Parameter> sd) {
		int trainable = 0;
		for (Map.Entry<String, Parameter> e : sd.entrySet()) {
			Parameter p = e.getValue();
			if (!p.requiresGradient()) {
				assertTrue(!p.getArray().hasGradient(), "buffer " + e.getKey() + " must not require gradients");
				continue;
			}
			trainable++;
			NDArray grad = p.getArray().getGradient();
			double sum = grad.abs().sum().getFloat();
			boolean biasBeforeNorm = what.equals("generator") && e.getKey().endsWith(".bias") &&
				!e.getKey().equals("model_up.9.bias") && !e.getKey().startsWith("film.");
			if (!biasBeforeNorm)
				assertTrue(sum > 0, c.conditioning + " " + what + ": no gradient on " + e.getKey());
		}
		assertTrue(trainable > 0);
	}

	@Test
	void savedParametersLoadIntoAFreshNetworkAndGiveIdenticalOutputs() throws IOException, MalformedModelException {
		NetworkConfig c = NetworkConfig.tiny();
		ResnetGenerator g = new ResnetGenerator(c);
		g.initialize(manager, 11);
		AudioEncoder audio = new AudioEncoder(c);
		audio.initialize(manager, 12);
		// Make the BN running statistics non-trivial before saving.
		audio.setTraining(true).embed(TestData.twoSounds(manager));
		audio.setTraining(false);

		ResnetGenerator g2 = new ResnetGenerator(c);
		g2.initialize(manager, 99);
		AudioEncoder audio2 = new AudioEncoder(c);
		audio2.initialize(manager, 98);
		g2.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(save(g))));
		audio2.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(save(audio))));

		NDArray waves = TestData.twoSounds(manager);
		NDArray e1 = audio.embed(waves);
		NDArray e2 = audio2.embed(waves);
		assertArrayEquals(e1.toFloatArray(), e2.toFloatArray());
		NDArray img = TestData.image(manager, 2, 20, 28, 5);
		assertArrayEquals(g.forward(img, e1, null).toFloatArray(), g2.forward(img, e2, null).toFloatArray());
		for (Map.Entry<String, Parameter> e : g2.stateDict().entrySet())
			assertEquals(e.getValue().requiresGradient(), e.getValue().getArray().hasGradient(), e.getKey());

		// A different configuration refuses the stored values.
		ResnetGenerator other = new ResnetGenerator(NetworkConfig.tiny().withConditioning(
			NetworkConfig.Conditioning.CONCAT));
		other.initialize(manager, 1);
		byte[] bytes = save(g);
		assertThrows(MalformedModelException.class,
			() -> other.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes))));
	}

	@Test
	void stateDictCopyOverwritesValuesInPlace() {
		ResnetGenerator g = new ResnetGenerator(NetworkConfig.tiny());
		g.initialize(manager, 1);
		Parameter p = StateDict.of(g).get("model_up.9.bias");
		NDArray before = p.getArray();
		StateDict.copy(p, new float[] { 1, 2, 3 });
		assertTrue(before == p.getArray());
		assertArrayEquals(new float[] { 1, 2, 3 }, p.getArray().toFloatArray());
		assertThrows(IllegalArgumentException.class, () -> StateDict.copy(p, new float[2]));
	}

	@Test
	void parameterCountCountsOnlyTrainableValues() {
		ResnetGenerator g = new ResnetGenerator(NetworkConfig.tiny());
		long n = 0;
		for (Parameter p : g.stateDict().values())
			if (!p.getName().equals("filt")) n += p.getShape().size();
		assertEquals(n, g.parameterCount());
		assertEquals(g.parameterCount(), g.getParameters().values().stream()
			.filter(Parameter::requiresGradient).mapToLong(p -> p.getShape().size()).sum());
	}

	@Test
	void djlBlockForwardAndTrainerStepWork() {
		NetworkConfig c = NetworkConfig.tiny();
		try (Model model = Model.newInstance("g")) {
			ResnetGenerator g = new ResnetGenerator(c);
			g.initialize(model.getNDManager(), 3);
			model.setBlock(g);
			NDManager m = model.getNDManager();
			NDArray img = TestData.image(m, 2, 16, 16, 1);
			NDArray e = m.randomNormal(new Shape(2, c.embeddingDim));
			NDArray direct = g.forward(img, e, null);
			NDArray viaDjl = g.forward(new ParameterStore(m, false), new NDList(img, e), false).singletonOrThrow();
			assertEquals(0.0, TestData.maxAbsDiff(direct, viaDjl));
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss())
				.optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(2e-4f)).optBeta1(0.5f).build());
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(new Shape(2, 3, 16, 16), new Shape(2, c.embeddingDim));
				float before = StateDict.of(g).get("model_up.9.weight").getArray().getFloat(0, 0, 0, 0);
				try (GradientCollector gc = trainer.newGradientCollector()) {
					NDArray out = trainer.forward(new NDList(img, e)).singletonOrThrow();
					gc.backward(out.sub(TestData.image(m, 2, 16, 16, 2)).abs().mean());
				}
				trainer.step();
				float after = StateDict.of(g).get("model_up.9.weight").getArray().getFloat(0, 0, 0, 0);
				assertTrue(before != after, "Adam step changed the weights");
			}
		}
	}

	private static byte[] save(TorchBlock b) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			b.saveParameters(out);
		}
		return bytes.toByteArray();
	}
}
