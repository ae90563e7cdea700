package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.SoundMix;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The sound a verb listens to: one or more files, mix weights, strength and window. */
final class SoundOptions {

	@Option(names = "--sound", paramLabel = "FILE", required = true,
		description = "Sound file (WAV, AIFF, AU, MP3, OGG, FLAC). Repeat to mix several.")
	List<Path> sounds = new ArrayList<>();

	@Option(names = "--weights", paramLabel = "W1,W2,...", split = ",",
		description = "Mix weights, one per --sound (default: equal weights summing to 1).")
	double[] weights;

	@Option(names = "--strength", paramLabel = "S", defaultValue = "1.0",
		description = "How much of the model's change to apply, 0 to 4: 0 = the input unchanged, 1 = the full " +
			"restyle, 2 = twice the change. Default: ${DEFAULT-VALUE}.")
	double strength;

	@Option(names = "--mix", paramLabel = "waveform|embedding",
		description = "How several sounds are combined: sum their waveforms (the paper's way) or average each " +
			"sound's embedding by the weights' shares (blends evenly). Default: embedding.")
	String mixMode;

	@Option(names = "--window", paramLabel = "loudest|start|SECONDS", defaultValue = "loudest",
		description = "Which 3 s of each file to hear. Default: ${DEFAULT-VALUE}.")
	String window;

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	/** The mix the options describe; a bad value fails naming its option (exit code 2) before any file is read. */
	SoundMix mix() throws NoSuchFileException {
		AudioWindow w = CliErrors.forOption(spec, "--window", () -> AudioWindow.parse(window));
		List<Sound> list = new ArrayList<>();
		for (Path p : sounds)
			list.add(Sound.file(p, w));
		SoundMix mix = weights == null ? SoundMix.equal(list) : CliErrors.forOption(spec, "--weights", () -> SoundMix
			.of(list, weights));
		SoundMix heard = CliErrors.forOption(spec, "--strength", () -> mix.withStrength(strength));
		MixMode mode = mixMode == null ? SoundMix.DEFAULT_MODE : CliErrors.forOption(spec, "--mix", () -> MixMode
			.parse(mixMode));
		SoundMix levelled = heard;
		heard = CliErrors.forOption(spec, "--weights", () -> levelled.withMode(mode)); // embedding: shares, not all 0
		for (Path p : sounds)
			if (!Files.isRegularFile(p)) throw new NoSuchFileException(p + " (sound file)");
		return heard;
	}
}
