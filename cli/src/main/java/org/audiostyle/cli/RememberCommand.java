package org.audiostyle.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.model.SoundMemory;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.MixEmbedding;
import org.audiostyle.stylize.Stylizer;
import org.audiostyle.train.data.ClassFolderSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code audiostyle remember}: a copy of the model that conditions the generator on remembered sounds (see
 * {@link SoundMemory}): give it the sounds the model was trained on.
 */
@Command(name = "remember", mixinStandardHelpOptions = true,
	description = "Write a copy of the model that remembers the audio embeddings of a folder of sounds (the model's " +
		"training sounds) and conditions the generator on a blend of the remembered sounds most like each new one.")
final class RememberCommand implements Callable<Integer> {

	@Option(names = "--sounds", paramLabel = "DIR", required = true, description = "Sounds to remember, in any " +
		"sub-folders (e.g. the training data's sounds/ folder); folder names are not used.")
	Path sounds;

	@Option(names = "--k", defaultValue = "8", description = "How many of the most similar remembered sounds to " +
		"blend (default: ${DEFAULT-VALUE}).")
	int k;

	@Option(names = "--temperature", defaultValue = "0.1", description = "Softmax temperature on their cosine " +
		"similarities: small snaps to the nearest, large averages them (default: ${DEFAULT-VALUE}).")
	double temperature;

	@Option(names = "--out", paramLabel = "PATH", required = true, description = "New model package folder or .zip " +
		"(must not exist).")
	Path out;

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		if (!Files.isDirectory(sounds)) throw new IOException(sounds + " is not a folder: give --sounds the folder of " +
			"the model's training sounds.");
		List<Path> files;
		try (var s = Files.walk(sounds)) {
			files = s.filter(p -> Files.isRegularFile(p) && ClassFolderSource.isSound(p)).sorted().collect(Collectors
				.toList());
		}
		if (files.isEmpty()) throw new IOException("No sound files (.wav, .mp3, .ogg, .flac, .aif, .au) under " +
			sounds + ".");
		float[][] embeddings = new float[files.size()][];
		String[] names = new String[files.size()];
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
			for (int i = 0; i < files.size(); i++) {
				embeddings[i] = MixEmbedding.of(SoundMix.of(Sound.file(files.get(i))), stylizer::encode);
				names[i] = sounds.relativize(files.get(i)).toString();
			}
			try (StyleModel remembering = model.withMemory(new SoundMemory(embeddings, names, k, temperature))) {
				remembering.save(out, false);
			}
		}
		System.err.println("wrote " + out + " (" + files.size() + " sounds remembered, k " + k + ", temperature " +
			temperature + ")");
		return 0;
	}
}
