package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

public class SoundMixTest {

	private static Sound tone(String name) {
		return Sound.samples(new float[] { 0.1f, -0.1f }, 16000, name);
	}

	@Test
	public void modeIsKeptAndNamed() {
		SoundMix m = SoundMix.crossfade(tone("a"), tone("b"), 0.25).withStrength(2).withMode(MixMode.EMBEDDING);
		assertEquals(MixMode.EMBEDDING, m.mode());
		assertEquals(MixMode.EMBEDDING, m.withStrength(3).mode(), "strength keeps the mode");
		assertEquals(0.25, m.share(1), 1e-12);
		assertEquals(MixMode.WAVEFORM, MixMode.parse(" Waveform "));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MixMode.parse("average"));
		assertEquals("Unknown mix mode 'average': use waveform or embedding.", e.getMessage());
		assertTrue(m.toString().endsWith("(embedding mix)"), m.toString());
	}

	@Test
	public void equalWeightsSumToOne() {
		SoundMix m = SoundMix.equal(List.of(tone("a"), tone("b"), tone("c"), tone("d")));
		assertEquals(List.of(0.25, 0.25, 0.25, 0.25), m.weights());
		assertEquals(1.0, m.strength());
	}

	@Test
	public void equalMixOfNothingIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoundMix.equal(List.of()));
		assertEquals("A mix needs at least one sound.", e.getMessage());
	}
}
