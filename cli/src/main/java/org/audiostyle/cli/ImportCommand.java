package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.ndarray.NDManager;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.pth.CheckpointImporter;
import org.audiostyle.pth.ImportResult;
import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.stylize.Bf16Check;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostyle import}: the authors' PyTorch checkpoints to a model package, with no Python needed. */
@Command(name = "import", mixinStandardHelpOptions = true,
	description = "Import the paper's released PyTorch checkpoints (latest_net_G.pth + latest_net_Audio.pth) " +
		"into a model package. Every key and shape is checked; nothing in the files is executed.")
final class ImportCommand implements Callable<Integer> {

	@Option(names = "--generator", paramLabel = "FILE.pth", required = true, description = "Generator state dict.")
	Path generator;

	@Option(names = "--audio", paramLabel = "FILE.pth", required = true, description = "Audio network state dict.")
	Path audio;

	@Option(names = "--out", paramLabel = "PATH", required = true, description = "Model package folder or .zip.")
	Path out;

	@Option(names = "--name", description = "Model name (default: the output's file name).")
	String name;

	@Option(names = "--allow-partial", description = "Import even when keys are missing (they keep random values).")
	boolean allowPartial;

	@Option(names = "--overwrite", description = "Replace --out if it exists.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		ImportResult r = CheckpointImporter.importCheckpoints(generator, audio, allowPartial);
		System.err.println(r.report());
		String n = name != null ? name : stem(out);
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("source", "imported");
		provenance.put("generatorCheckpoint", generator.getFileName().toString());
		provenance.put("audioCheckpoint", audio.getFileName().toString());
		provenance.put("complete", r.isComplete());
		provenance.put("notes", r.notes());
		DjlRuntime.call(() -> {
			try (NDManager m = DjlRuntime.engine().newBaseManager()) {
				ResnetGenerator g = r.createGenerator(m);
				AudioEncoder a = r.createAudioEncoder(m);
				try (StyleModel model = StyleModel.fromNetworks(g, a, r.config(), n, "Imported from the authors' " +
					"PyTorch checkpoints; trained on 256x256 frames (use a working size near 256).", provenance))
				{
					model.manifest().trainedImageSize = 256;
					System.err.println("bf16 check: " + Bf16Check.record(model).summary());
					model.save(out, overwrite);
					System.err.println("wrote " + out + ": " + model.id() + " (" + r.config() + ")");
				}
			}
			return null;
		});
		return 0;
	}

	private static String stem(Path p) {
		String s = p.getFileName().toString();
		return s.endsWith(".zip") ? s.substring(0, s.length() - 4) : s;
	}
}
