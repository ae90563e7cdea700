package org.audiostyle.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.audiostyle.audio.TestAudio;
import org.audiostyle.audio.TestAudio.Layout;

/** Sound files made by code for the hostile-input suite. Header fields of a canonical 44-byte WAV are patched. */
final class HostileSounds {

	/** Offsets in a canonical WAV header. */
	static final int FMT_SIZE = 16, CHANNELS = 22, RATE = 24, DATA_SIZE = 40;

	private HostileSounds() {}

	/** One second of a 440 Hz tone, 16-bit mono at 16 kHz. */
	static Path tone(Path file) throws IOException {
		return TestAudio.wav(file, 16000, Layout.S16, TestAudio.tone(440, 1, 16000, 0.5));
	}

	/** A copy of {@code wav} with a little-endian header field of {@code bytes} bytes at {@code offset} replaced. */
	static Path patched(Path wav, int offset, long value, int bytes, Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
		if (bytes == 2) b.putShort(offset, (short) value);
		else b.putInt(offset, (int) value);
		return Files.write(file, b.array());
	}

	/** The header and the first {@code dataBytes} bytes of samples of {@code wav}; the header still declares all. */
	static Path truncated(Path wav, int dataBytes, Path file) throws IOException {
		return Files.write(file, Arrays.copyOf(Files.readAllBytes(wav), 44 + dataBytes));
	}

	/** A 32-bit float WAV with NaN samples in its middle. */
	static Path withNaN(Path file) throws IOException {
		float[] x = TestAudio.tone(440, 1, 16000, 0.5);
		Arrays.fill(x, 8000, 8100, Float.NaN);
		return TestAudio.wav(file, 16000, Layout.F32, x);
	}

	/** {@code channels} channels of one second each. */
	static Path channels(int channels, Path file) throws IOException {
		float[][] c = new float[channels][];
		for (int i = 0; i < channels; i++)
			c[i] = TestAudio.tone(200 + 50 * i, 1, 16000, 0.3);
		return TestAudio.wav(file, 16000, Layout.S16, c);
	}

	static Path oneSample(Path file) throws IOException {
		return TestAudio.wav(file, 16000, Layout.S16, new float[] { 0.25f });
	}

	/** A text file with an audio file name. */
	static Path text(Path file) throws IOException {
		return Files.write(file, "Shopping list: bread, milk, a new microphone.\n".repeat(30).getBytes(
			StandardCharsets.UTF_8));
	}
}
