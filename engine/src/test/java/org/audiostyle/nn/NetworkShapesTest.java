package org.audiostyle.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter counts, state-dict keys and shapes of the paper's networks (built without allocating any weights). */
class NetworkShapesTest {

	@Test
	void paperGeneratorHasTheOfficialParameterCount() {
		assertEquals(12_493_699L, new ResnetGenerator(NetworkConfig.paper()).parameterCount());
	}

	@Test
	void paperAudioEncoderHasTheOfficialParameterCount() {
		assertEquals(11_301_568L, new AudioEncoder(NetworkConfig.paper()).parameterCount());
	}

	@Test
	void paperGeneratorKeysAndShapesMatchTheOfficialStateDict() {
		Map<String, Shape> expected = new LinkedHashMap<>();
		expected.put("model_down.1.weight", new Shape(64, 3, 7, 7));
		expected.put("model_down.1.bias", new Shape(64));
		expected.put("model_down.4.weight", new Shape(128, 64, 3, 3));
		expected.put("model_down.4.bias", new Shape(128));
		expected.put("model_down.7.filt", new Shape(128, 1, 3, 3));
		expected.put("model_down.8.weight", new Shape(256, 128, 3, 3));
		expected.put("model_down.8.bias", new Shape(256));
		expected.put("model_down.11.filt", new Shape(256, 1, 3, 3));
		for (int b = 12; b <= 20; b++)
			for (int c : new int[] { 1, 5 }) {
				expected.put("model_down." + b + ".conv_block." + c + ".weight", new Shape(256, 256, 3, 3));
				expected.put("model_down." + b + ".conv_block." + c + ".bias", new Shape(256));
			}
		expected.put("model_up.0.filt", new Shape(512, 1, 4, 4));
		expected.put("model_up.1.weight", new Shape(256, 512, 3, 3));
		expected.put("model_up.1.bias", new Shape(256));
		expected.put("model_up.4.filt", new Shape(256, 1, 4, 4));
		expected.put("model_up.5.weight", new Shape(128, 256, 3, 3));
		expected.put("model_up.5.bias", new Shape(128));
		expected.put("model_up.9.weight", new Shape(3, 128, 7, 7));
		expected.put("model_up.9.bias", new Shape(3));
		assertKeys(expected, StateDict.of(new ResnetGenerator(NetworkConfig.paper())));
	}

	@Test
	void paperAudioKeysAndShapesMatchTheOfficialStateDict() {
		Map<String, Shape> expected = new LinkedHashMap<>();
		expected.put("AudioInconv.0.weight", new Shape(64, 1, 7, 7));
		bn(expected, "AudioInconv.1", 64);
		int in = 64;
		for (int l = 1; l <= 4; l++) {
			int planes = 64 << (l - 1);
			for (int b = 0; b < 2; b++) {
				String p = "AudioLayer" + l + "." + b + ".";
				int blockIn = b == 0 ? in : planes;
				expected.put(p + "conv1.weight", new Shape(planes, blockIn, 3, 3));
				bn(expected, p + "bn1", planes);
				expected.put(p + "conv2.weight", new Shape(planes, planes, 3, 3));
				bn(expected, p + "bn2", planes);
				if (b == 0 && l > 1) {
					expected.put(p + "downsample.0.weight", new Shape(planes, blockIn, 1, 1));
					bn(expected, p + "downsample.1", planes);
				}
			}
			in = planes;
		}
		expected.put("stft.wsin", new Shape(257, 1, 512));
		expected.put("stft.wcos", new Shape(257, 1, 512));
		expected.put("stft.window_mask", new Shape(1, 512, 1));
		expected.put("proj.weight", new Shape(256, 512));
		expected.put("proj.bias", new Shape(256));
		LinkedHashMap<String, Parameter> actual = StateDict.of(new AudioEncoder(NetworkConfig.paper()));
		assertKeys(expected, actual);
		for (Map.Entry<String, Parameter> e : actual.entrySet()) {
			boolean buffer = e.getKey().contains("running_") || e.getKey().startsWith("stft.");
			assertEquals(!buffer, e.getValue().requiresGradient(), e.getKey());
		}
	}

	@Test
	void filmGeneratorDropsTheConcatenationAndAddsFilmLinears() {
		NetworkConfig c = NetworkConfig.paper().withConditioning(NetworkConfig.Conditioning.FILM);
		LinkedHashMap<String, Parameter> sd = StateDict.of(new ResnetGenerator(c));
		assertEquals(new Shape(256, 1, 4, 4), sd.get("model_up.0.filt").getShape());
		assertEquals(new Shape(256, 256, 3, 3), sd.get("model_up.1.weight").getShape());
		assertEquals(new Shape(512, 256), sd.get("film.0.weight").getShape());
		assertEquals(new Shape(256, 256), sd.get("film.1.weight").getShape());
		assertEquals(new Shape(256), sd.get("film.1.bias").getShape());
		assertFalse(sd.get("model_up.0.filt").requiresGradient());
		assertTrue(sd.get("film.0.weight").requiresGradient());
	}

	private static void bn(Map<String, Shape> m, String prefix, int c) {
		for (String s : new String[] { "weight", "bias", "running_mean", "running_var" })
			m.put(prefix + "." + s, new Shape(c));
	}

	private static void assertKeys(Map<String, Shape> expected, LinkedHashMap<String, Parameter> actual) {
		List<String> actualShapes = new ArrayList<>();
		for (Map.Entry<String, Parameter> e : actual.entrySet())
			actualShapes.add(e.getKey() + " " + e.getValue().getShape());
		List<String> expectedShapes = new ArrayList<>();
		for (Map.Entry<String, Shape> e : expected.entrySet())
			expectedShapes.add(e.getKey() + " " + e.getValue());
		assertEquals(expectedShapes, actualShapes);
	}
}
