package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.audiostyle.audio.AudioInfo.DurationSource;
import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duration and format without decoding, where the format allows. */
class AudioInfoTest {

	@TempDir
	Path dir;

	@Test
	void wavHeader() throws IOException {
		Path f = TestAudio.wav(dir.resolve("s.wav"), 44100, Layout.S24, new float[88200], new float[88200]);
		AudioInfo i = AudioInfo.read(f);
		assertEquals("WAV", i.format());
		assertEquals(44100, i.sampleRate());
		assertEquals(2, i.channels());
		assertEquals(24, i.bitsPerSample());
		assertEquals(2.0, i.durationSeconds(), 1e-9);
		assertEquals(DurationSource.HEADER, i.durationSource());
	}

	@Test
	void auOfUnknownLengthIsCounted() throws IOException {
		Path f = TestAudio.javaSound(dir.resolve("stream.au"), javax.sound.sampled.AudioFileFormat.Type.AU, 8000, 16,
			false, TestAudio.tone(440, 1.5, 8000, 0.5));
		byte[] b = java.nio.file.Files.readAllBytes(f);
		for (int i = 8; i < 12; i++)
			b[i] = (byte) 0xff; // "data size unknown", as written by programs that stream AU
		java.nio.file.Files.write(f, b);
		AudioInfo i = AudioInfo.read(f);
		assertEquals(1.5, i.durationSeconds(), 1e-9);
		assertEquals(DurationSource.DECODED, i.durationSource());
		assertEquals(440, TestAudio.dominantHz(WindowReader.read(f, AudioWindow.loudest()), 16000, 16384), 2);
	}

	@Test
	void compressedFormats() throws IOException {
		check("tone440_44k1_mono.mp3", "MP3", 44100, 1, 1.07, 0.05);
		check("tone440l_660r_22k05_stereo.mp3", "MP3", 22050, 2, 1.07, 0.05);
		check("tone440l_660r_44k1_stereo.ogg", "OGG Vorbis", 44100, 2, 1.0, 0.02);
		AudioInfo flac = check("tone440_22k05_mono.flac", "FLAC", 22050, 1, 1.0, 1e-9);
		assertEquals(DurationSource.HEADER, flac.durationSource());
		assertEquals(24, check("tone440_32k_24bit.flac", "FLAC", 32000, 1, 1.0, 1e-9).bitsPerSample());
	}

	private static AudioInfo check(String fixture, String format, float rate, int channels, double seconds,
		double tolerance) throws IOException
	{
		AudioInfo i = AudioInfo.read(DecodeFormatsTest.fixture(fixture));
		System.out.println("AudioInfoTest: " + i);
		assertEquals(format, i.format());
		assertEquals(rate, i.sampleRate());
		assertEquals(channels, i.channels());
		assertEquals(seconds, i.durationSeconds(), tolerance, fixture);
		return i;
	}
}
