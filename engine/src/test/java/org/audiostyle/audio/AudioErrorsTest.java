package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.audiostyle.audio.AudioFormatException.Reason;
import org.audiostyle.audio.TestAudio.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure names the file and says what is wrong, through every entry point. */
class AudioErrorsTest {

	@TempDir
	Path dir;

	private static AudioFormatException fails(Path file, Reason reason) {
		AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFrontEnd.prepare(Sound.file(file)));
		assertEquals(reason, e.reason(), e.getMessage());
		assertEquals(file, e.file());
		assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
		for (AudioWindow w : new AudioWindow[] { AudioWindow.start(), AudioWindow.at(1) })
			assertEquals(reason, assertThrows(AudioFormatException.class, () -> WindowReader.read(file, w)).reason());
		// AudioInfo reads headers only: damage inside the samples is found by decoding
		if (reason != Reason.CORRUPT)
			assertEquals(reason, assertThrows(AudioFormatException.class, () -> AudioInfo.read(file)).reason());
		assertEquals(reason, assertThrows(AudioFormatException.class, () -> {
			try (WindowStream s = WindowReader.windows(file, 1)) {
				s.read();
			}
		}).reason());
		return e;
	}

	@Test
	void missingFile() {
		AudioFormatException e = fails(dir.resolve("no-such-rain.wav"), Reason.NOT_FOUND);
		assertTrue(e.getMessage().contains("not found"), e.getMessage());
	}

	@Test
	void folder() throws IOException {
		fails(Files.createDirectory(dir.resolve("sounds.wav")), Reason.UNREADABLE);
	}

	@Test
	void emptyFile() throws IOException {
		AudioFormatException e = fails(Files.createFile(dir.resolve("empty.wav")), Reason.EMPTY_FILE);
		assertTrue(e.getMessage().contains("0 bytes"), e.getMessage());
	}

	@Test
	void textFileRenamedToWav() throws IOException {
		Path f = Files.write(dir.resolve("notes.wav"), "Hello, these are my field notes.\n".repeat(50).getBytes(
			StandardCharsets.UTF_8));
		AudioFormatException e = fails(f, Reason.UNSUPPORTED_FORMAT);
		assertTrue(e.getMessage().contains("Hello, these"), "shows what the file starts with: " + e.getMessage());
		assertTrue(e.getMessage().contains("WAV") && e.getMessage().contains("MP3") && e.getMessage().contains("FLAC"),
			"lists the supported formats: " + e.getMessage());
		assertTrue(e.getMessage().contains("ffmpeg"), "says how to convert: " + e.getMessage());
	}

	@Test
	void wavWithNoSamples() throws IOException {
		AudioFormatException e = fails(TestAudio.wav(dir.resolve("zero.wav"), 16000, Layout.S16, new float[0]),
			Reason.NO_AUDIO);
		assertTrue(e.getMessage().contains("no samples"), e.getMessage());
	}

	@Test
	void wavWithAnUnsupportedCodec() throws IOException {
		// an IMA ADPCM header (format tag 0x11): a WAV, but not one we decode
		Path f = TestAudio.wav(dir.resolve("adpcm.wav"), 16000, Layout.S16, new float[1000]);
		byte[] b = Files.readAllBytes(f);
		b[20] = 0x11;
		Files.write(f, b);
		AudioFormatException e = fails(f, Reason.UNSUPPORTED_FORMAT);
		assertTrue(e.getMessage().contains("WAV"), e.getMessage());
	}

	@Test
	void floatWavWithNaN() throws IOException {
		float[] x = TestAudio.tone(440, 2, 16000, 0.5);
		x[24000] = Float.NaN;
		AudioFormatException e = fails(TestAudio.wav(dir.resolve("nan.wav"), 16000, Layout.F32, x), Reason.CORRUPT);
		assertTrue(e.getMessage().contains("1.50 s"), e.getMessage());
	}

	@Test
	void inMemoryNaNIsRefused() {
		float[] x = new float[100];
		x[7] = Float.POSITIVE_INFINITY;
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AudioFrontEnd.prepare(Sound
			.samples(x, 16000, "probe")));
		assertTrue(e.getMessage().contains("probe") && e.getMessage().contains("7"), e.getMessage());
	}

	@Test
	void oggOpusIsNamed() throws IOException {
		byte[] page = new byte[200];
		System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, page, 0, 4);
		System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, page, 28, 8);
		AudioFormatException e = fails(Files.write(dir.resolve("voice.ogg"), page), Reason.UNSUPPORTED_FORMAT);
		assertTrue(e.getMessage().contains("Opus"), e.getMessage());
	}

	@Test
	void truncatedMp3StillGivesWhatIsThere() throws IOException {
		byte[] mp3 = Files.readAllBytes(DecodeFormatsTest.fixture("tone440_44k1_mono.mp3"));
		Path f = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(mp3, mp3.length / 2));
		float[] y = WindowReader.readAll(f);
		assertEquals(0.53, y.length / 16000.0, 0.1);
		assertEquals(440, TestAudio.dominantHz(y, 16000, 8192), 2.5);
	}

	@Test
	void mp3HeaderFollowedByGarbage() throws IOException {
		byte[] mp3 = Files.readAllBytes(DecodeFormatsTest.fixture("tone440_44k1_mono.mp3"));
		byte[] bad = new byte[mp3.length];
		System.arraycopy(mp3, 0, bad, 0, 4);
		for (int i = 4; i < bad.length; i++)
			bad[i] = (byte) (i * 31 + 7);
		Path f = Files.write(dir.resolve("bad.mp3"), bad);
		// either the decoder gives up (CORRUPT / UNSUPPORTED) or it yields noise; it must never hang or throw raw errors
		try {
			WindowReader.read(f, AudioWindow.start());
		}
		catch (AudioFormatException e) {
			assertTrue(e.getMessage().contains("bad.mp3"), e.getMessage());
		}
	}
}
