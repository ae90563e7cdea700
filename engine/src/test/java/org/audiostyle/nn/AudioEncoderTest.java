package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audio encoder shapes, modes and initialisation; the paper configuration end to end. */
class AudioEncoderTest extends ManagedArraysTest {

	@Test
	void embedsThreeSecondsAndExposesTheSpectrogram() {
		AudioEncoder a = new AudioEncoder(NetworkConfig.tiny());
		a.initialize(manager, 1);
		NDArray waves = TestData.twoSounds(manager);
		assertEquals(new Shape(2, 1, 257, 301), a.spectrogram(waves).getShape());
		NDArray e = a.embed(waves);
		assertEquals(new Shape(2, 32), e.getShape());
		// Each sound's embedding does not depend on its batch neighbour in evaluation mode.
		NDArray alone = a.embed(waves.get("0:1"));
		assertTrue(TestData.maxAbsDiff(alone, e.get("0:1")) < 1e-4);
		// Training mode normalises with batch statistics, so it gives a different result.
		NDArray trained = a.setTraining(true).embed(waves);
		a.setTraining(false);
		assertTrue(TestData.maxAbsDiff(trained, e) > 1e-3);
	}

	@Test
	void logInputFeedsTheStemTheLogOfTheMagnitudes() {
		AudioEncoder linear = new AudioEncoder(NetworkConfig.tiny());
		AudioEncoder log = new AudioEncoder(NetworkConfig.tiny().withAudioInput(NetworkConfig.AudioInput.LOG));
		linear.initialize(manager, 3);
		log.initialize(manager, 3);
		NDArray spec = linear.spectrogram(TestData.twoSounds(manager));
		NDArray byHand = linear.embedSpectrogram(spec.add(NetworkConfig.LOG_FLOOR).log(), false);
		assertTrue(TestData.maxAbsDiff(byHand, log.embedSpectrogram(spec, false)) < 1e-5);
		assertTrue(TestData.maxAbsDiff(byHand, log.embed(TestData.twoSounds(manager))) < 1e-4);
		// the same weights on linear magnitudes give another embedding, so the setting is not ignored
		assertTrue(TestData.maxAbsDiff(byHand, linear.embedSpectrogram(spec, false)) > 1e-2);
		// silence stays finite
		NDArray silent = log.embedSpectrogram(spec.zerosLike(), false);
		for (float v : silent.toFloatArray())
			assertTrue(Float.isFinite(v));
	}

	@Test
	void paperNetworksInitialiseLikeTheOfficialCodeAndRun() {
		try (NDManager m = manager.newSubManager()) {
			NetworkConfig c = NetworkConfig.paper();
			AudioEncoder a = new AudioEncoder(c);
			a.initialize(m, 7);
			Map<String, Parameter> sd = a.stateDict();
			// torchvision ResNet init: kaiming normal, fan_out = 128 * 3 * 3.
			assertEquals(Math.sqrt(2.0 / (128 * 9)), rms(sd.get("AudioLayer2.0.conv1.weight")), 0.002);
			// PyTorch default init of the new stem: U(-1/sqrt(49), 1/sqrt(49)), RMS = bound / sqrt(3).
			assertEquals(1 / 7.0 / Math.sqrt(3), rms(sd.get("AudioInconv.0.weight")), 0.005);
			assertEquals(1 / Math.sqrt(512) / Math.sqrt(3), rms(sd.get("proj.weight")), 0.001);
			assertTrue(rms(sd.get("proj.bias")) > 0);
			assertArrayEquals(ones(64), sd.get("AudioInconv.1.weight").getArray().toFloatArray());
			assertArrayEquals(ones(512), sd.get("AudioLayer4.1.bn2.running_var").getArray().toFloatArray());
			assertEquals(0.0, rms(sd.get("AudioLayer4.1.bn2.bias")));
			NDArray e = a.embed(m.create(TestData.sound(0), new Shape(1, 48000)));
			assertEquals(new Shape(1, 256), e.getShape());

			ResnetGenerator g = new ResnetGenerator(c);
			g.initialize(m, 8);
			NDArray out = g.forward(TestData.image(m, 1, 16, 16, 1), e, null);
			assertEquals(new Shape(1, 3, 16, 16), out.getShape());
		}
	}

	private static double rms(Parameter p) {
		float[] v = p.getArray().toFloatArray();
		double ss = 0;
		for (float f : v)
			ss += f * f;
		return Math.sqrt(ss / v.length);
	}

	private static float[] ones(int n) {
		float[] v = new float[n];
		java.util.Arrays.fill(v, 1f);
		return v;
	}
}
