package org.audiostyle.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.audiostyle.eval.SoundRecognition;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Stylizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audiostyle recognise}: which class of real recordings does the model hear in each sound? Checks synthetic or
 * unusual sounds before stylizing with them.
 */
@Command(name = "recognise", mixinStandardHelpOptions = true,
	description = "For each sound, the class of reference recordings whose mean audio embedding is nearest (cosine), " +
		"with the runners-up: does the model hear the sound like real recordings of its class?")
final class RecogniseCommand implements Callable<Integer> {

	@Option(names = "--reference", paramLabel = "DIR", required = true,
		description = "Real recordings by class: DIR/<class>/*.wav (e.g. the training sounds).")
	Path reference;

	@Parameters(paramLabel = "SOUND", arity = "1..*", description = "Sound files, or folders of them.")
	List<Path> sounds = new ArrayList<>();

	@Mixin
	EngineOptions engine;

	@Override
	public Integer call() throws Exception {
		List<Path> files = new ArrayList<>();
		for (Path p : sounds) {
			if (Files.isDirectory(p)) try (var s = Files.list(p)) {
				s.filter(org.audiostyle.train.data.ClassFolderSource::isSound).sorted().forEach(files::add);
			}
			else if (Files.isRegularFile(p)) files.add(p);
			else throw new NoSuchFileException(p + " (sound file or folder)");
		}
		if (!Files.isDirectory(reference)) throw new NoSuchFileException(reference + " (--reference folder)");
		try (StyleModel model = engine.loadModel(); Stylizer stylizer = new Stylizer(model, engine.deviceChoice())) {
			SoundRecognition r = SoundRecognition.fromFolders(stylizer::embed, reference);
			System.out.println("| sound | heard as | cosine | runners-up |");
			System.out.println("|---|---|---|---|");
			for (Path f : files) {
				SoundRecognition.Verdict v = r.recognise(f);
				System.out.println(RankedRow.of(v.sound, v.cosineByClass));
			}
		}
		return 0;
	}
}
