package org.audiostyle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

/**
 * Mistakes are caught before the model loads and end the command with one message that names the parameter and
 * says what to do, no output and no dialog (headless).
 */
class CommandErrorsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static File rain;
	private static ImagePlus image;

	@BeforeAll
	static void start() throws Exception {
		context = new Context();
		rain = Fixtures.wav(dir, "rain.wav", 1.0, 300, 1);
		image = Fixtures.image("beach", 8, 16, 12, 1, 1, 1);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void missingSoundFile() throws Exception {
		assertFails(StylizeWithSound.class, "Sound file not found: ", "image", image, "sound", new File(dir.toFile(),
			"nope.wav"));
	}

	@Test
	void soundThatIsAFolder() throws Exception {
		assertFails(StylizeWithSound.class, "'sound' must be a sound file", "image", image, "sound", dir.toFile());
	}

	@Test
	void missingSecondSound() throws Exception {
		assertFails(StylizeWithSound.class, "('sound2')", "image", image, "sound", rain, "sound2", new File(dir
			.toFile(), "birds.wav"));
	}

	@Test
	void mixOutOfRange() throws Exception {
		assertFails(StylizeWithSound.class, "'mix' must be between 0 and 1, got 1.5", "image", image, "sound", rain,
			"mix", 1.5);
	}

	@Test
	void missingModel() throws Exception {
		assertFails(StylizeWithSound.class, "Model not found: ", "image", image, "sound", rain, "model", new File(dir
			.toFile(), "no-model.zip"));
	}

	@Test
	void badWindow() throws Exception {
		assertFails(StylizeWithSound.class, "'window': Window 'middle' is not 'loudest', 'start'", "image", image,
			"sound", rain, "window", "middle");
	}

	@Test
	void badDevice() throws Exception {
		assertFails(StylizeWithSound.class, "'device': Unknown device 'tpu'", "image", image, "sound", rain, "device",
			"tpu");
	}

	@Test
	void tinyWorkSize() throws Exception {
		assertFails(StylizeWithSound.class, "'worksize' must be 0 (native resolution) or", "image", image, "sound", rain,
			"worksize", 2);
	}

	@Test
	void indexedColourImage() throws Exception {
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			r[i] = (byte) (i * 37);
			g[i] = (byte) (255 - i);
			b[i] = (byte) (i * 11);
		}
		ByteProcessor bp = new ByteProcessor(8, 8);
		bp.setColorModel(new java.awt.image.IndexColorModel(8, 256, r, g, b));
		// What ImageJ makes of a palette GIF; setType is protected, hence the subclass.
		ImagePlus indexed = new ImagePlus("indexed", bp) {

			{
				setType(COLOR_256);
			}
		};
		assertEquals(ImagePlus.COLOR_256, indexed.getType());
		assertFails(StylizeWithSound.class, "Image > Type > RGB Color", "image", indexed, "sound", rain);
	}

	@Test
	void mixSweepWithoutSecondSound() throws Exception {
		assertFails(SoundSweep.class, "A mix sweep needs a second sound ('sound2')", "image", image, "sound", rain,
			"vary", "mix");
	}

	@Test
	void sweepWithNoFrames() throws Exception {
		assertFails(SoundSweep.class, "'frames' must be between 1 and 1000, got 0", "image", image, "sound", rain,
			"frames", 0);
	}

	@Test
	void movieWithZeroFrameRate() throws Exception {
		assertFails(SoundToMovie.class, "'fps' must be > 0", "image", image, "sound", rain, "fps", 0.0);
	}

	private static void assertFails(Class<? extends Command> command, String expected, Object... keyValues)
		throws Exception
	{
		CommandModule m = CommandRunner.run(context, command, CommandRunner.inputs(keyValues));
		assertTrue(m.isCanceled(), command.getSimpleName() + " should have stopped");
		String reason = m.getCancelReason();
		assertTrue(reason != null && reason.contains(expected), "expected a message containing <" + expected +
			"> but got <" + reason + ">");
		assertNull(m.getOutput("result"), "a failed run must not make an image");
	}
}
