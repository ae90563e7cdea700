package org.audiostyle.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The statistics audio network's features on sounds whose statistics are known, and the network around them. */
class SpectrumStatisticsTest extends ManagedArraysTest {

	private final StftMagnitude stft = new StftMagnitude();
	private final SpectrumStatistics stats = new SpectrumStatistics();

	private float[] features(float[] wave) {
		NDArray spec = stft.apply(manager.create(wave, new Shape(1, wave.length)), new ForwardContext(false));
		return stats.apply(spec.expandDims(1), new ForwardContext(false)).toFloatArray();
	}

	private static float[] tone(double hz, double amplitude) {
		float[] w = new float[48000];
		for (int i = 0; i < w.length; i++)
			w[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 16000.0));
		return w;
	}

	/** White noise whose amplitude follows 1 + depth * sin(2 pi hz t). */
	private static float[] noise(double modulationHz, double depth) {
		Random r = new Random(5);
		float[] w = new float[48000];
		for (int i = 0; i < w.length; i++)
			w[i] = (float) (0.3 * r.nextGaussian() * (1 + depth * Math.sin(2 * Math.PI * modulationHz * i / 16000.0)));
		return w;
	}

	@Test
	void aToneIsLoudestInTheMelBandHoldingItsFrequency() {
		stft.initialize(manager, 1);
		stats.initialize(manager, 1);
		float[] f = features(tone(1000, 0.5));
		assertEquals(SpectrumStatistics.FEATURES, f.length);
		int loudest = 0;
		for (int b = 1; b < SpectrumStatistics.MEL_BANDS; b++)
			if (f[b] > f[loudest]) loudest = b;
		double lo = SpectrumStatistics.hzToMel(SpectrumStatistics.MIN_HZ), hi = SpectrumStatistics.hzToMel(
			SpectrumStatistics.MAX_HZ);
		double centre = SpectrumStatistics.melToHz(lo + (hi - lo) * (loudest + 1) / (SpectrumStatistics.MEL_BANDS + 1));
		assertEquals(1000, centre, 60, "band " + loudest);
		// a steady tone hardly changes from frame to frame
		assertTrue(f[2 * SpectrumStatistics.MEL_BANDS + loudest] < 0.05, "change " + f[2 * SpectrumStatistics.MEL_BANDS
			+ loudest]);
	}

	@Test
	void gainMovesOnlyTheMeanAndModulationShowsTheRhythm() {
		stft.initialize(manager, 1);
		stats.initialize(manager, 1);
		float[] steady = features(noise(4, 0));
		float[] half = new float[48000];
		float[] n = noise(4, 0);
		for (int i = 0; i < n.length; i++)
			half[i] = 0.5f * n[i];
		float[] quieter = features(half);
		int bands = SpectrumStatistics.MEL_BANDS;
		for (int b = 4; b < bands; b++) {
			assertEquals(steady[b] + 2 * Math.log(0.5), quieter[b], 1e-3, "mean of band " + b);
			assertEquals(steady[bands + b], quieter[bands + b], 1e-3, "spread of band " + b);
			assertEquals(steady[2 * bands + b], quieter[2 * bands + b], 1e-3, "change of band " + b);
		}
		// 4 Hz over 301 frames of 10 ms is DFT bin 12, the 12th modulation feature
		float[] pulsing = features(noise(4, 0.9));
		int at = 3 * bands + 11;
		assertTrue(pulsing[at] > steady[at] + 2, "4 Hz modulation " + pulsing[at] + " vs steady " + steady[at]);
		assertTrue(pulsing[at] > pulsing[at + 6] + 1, "a peak at 4 Hz, not everywhere: " + pulsing[at + 6]);
	}

	@Test
	void silenceGivesFiniteFeaturesAndABadShapeIsNamed() {
		stft.initialize(manager, 1);
		stats.initialize(manager, 1);
		for (float v : features(new float[48000]))
			assertFalse(Float.isNaN(v) || Float.isInfinite(v));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stats.apply(manager.zeros(
			new Shape(1, 1, 100, 50)), new ForwardContext(false)));
		assertTrue(e.getMessage().contains("257"), e.getMessage());
	}

	@Test
	void theStatisticsEncoderHasNoResnetAndRefusesLogInput() {
		NetworkConfig c = NetworkConfig.tiny().withAudioNetwork(NetworkConfig.AudioNetwork.STATISTICS);
		AudioEncoder a = new AudioEncoder(c);
		a.initialize(manager, 2);
		NDArray e = a.embed(TestData.twoSounds(manager));
		assertEquals(new Shape(2, c.embeddingDim), e.getShape());
		assertTrue(TestData.maxAbsDiff(e.get("0"), e.get("1")) > 1e-3, "two different sounds, two embeddings");
		assertTrue(a.stateDict().containsKey("statistics.mel") && a.stateDict().containsKey("hidden.weight"));
		assertTrue(a.stateDict().keySet().stream().noneMatch(k -> k.startsWith("AudioLayer")), a.stateDict().keySet()
			.toString());
		IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> c.withAudioInput(
			NetworkConfig.AudioInput.LOG));
		assertTrue(x.getMessage().contains("resnet"), x.getMessage());
	}

	@Test
	void theHybridEncoderSumsAResnetAndAStatisticsBranch() {
		NetworkConfig c = NetworkConfig.tiny().withAudioNetwork(NetworkConfig.AudioNetwork.HYBRID).withAudioInput(
			NetworkConfig.AudioInput.LOG);
		AudioEncoder a = new AudioEncoder(c);
		a.initialize(manager, 2);
		NDArray spec = a.spectrogram(TestData.twoSounds(manager));
		ai.djl.ndarray.NDList branches = a.branches(spec, false);
		assertEquals(2, branches.size());
		for (NDArray b : branches)
			assertEquals(new Shape(2, c.embeddingDim), b.getShape());
		assertTrue(TestData.maxAbsDiff(branches.get(0), branches.get(1)) > 1e-3, "two branches, two answers");
		NDArray e = a.embedSpectrogram(spec, false);
		assertTrue(TestData.maxAbsDiff(e, branches.get(0).add(branches.get(1))) < 1e-6, "the embedding is their sum");
		// the ResNet under the paper's names, the statistics network with its own output layer
		for (String k : new String[] { "AudioInconv.0.weight", "AudioLayer4.1.conv2.weight", "proj.weight",
			"statistics.mel", "statsNorm.running_mean", "hidden.weight", "statsProj.weight" })
			assertTrue(a.stateDict().containsKey(k), k + " missing from " + a.stateDict().keySet());
		assertEquals(NetworkConfig.AudioNetwork.HYBRID, NetworkConfig.AudioNetwork.parse("Hybrid"));
		AudioEncoder paper = new AudioEncoder(NetworkConfig.tiny());
		paper.initialize(manager, 2);
		assertEquals(1, paper.branches(spec, false).size(), "the paper's encoder has one branch");
	}
}
