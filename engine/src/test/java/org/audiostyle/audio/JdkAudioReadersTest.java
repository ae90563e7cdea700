package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;

import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkAudioReadersTest {

	/** Only the JDK's readers are asked first: none of the class path's MP3, Ogg or FLAC readers is among them. */
	@Test
	void theReadersAreTheJdksOwn() {
		assertFalse(JdkAudioReaders.readers().isEmpty());
		for (AudioFileReader r : JdkAudioReaders.readers())
			assertEquals(AudioSystem.class.getModule(), r.getClass().getModule(), r.getClass().getName());
	}

	/** A WAV gives the same format and bytes as AudioSystem's own lookup, which asks every reader. */
	@Test
	void aWavOpensAsAudioSystemOpensIt(@TempDir Path dir) throws IOException, UnsupportedAudioFileException {
		Path wav = TestAudio.wav(dir.resolve("t.wav"), 22050, Layout.S16, TestAudio.tone(440, 0.2, 22050, 0.5));
		try (AudioInputStream ours = JdkAudioReaders.open(wav.toFile());
			AudioInputStream theirs = AudioSystem.getAudioInputStream(wav.toFile()))
		{
			assertTrue(ours.getFormat().matches(theirs.getFormat()), ours.getFormat() + " vs " + theirs.getFormat());
			assertEquals(theirs.getFrameLength(), ours.getFrameLength());
			assertArrayEquals(theirs.readAllBytes(), ours.readAllBytes());
		}
	}

	/** A format the JDK cannot read still opens, through the class path's readers. */
	@Test
	void aFormatTheJdkCannotReadFallsBackToEveryReader() throws IOException, UnsupportedAudioFileException {
		Path flac = DecodeFormatsTest.fixture("tone440_22k05_mono.flac");
		try (AudioInputStream s = JdkAudioReaders.open(flac.toFile())) {
			assertEquals(22050f, s.getFormat().getSampleRate());
		}
	}
}
