package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.audiostyle.train.PackageExporter;
import org.audiostyle.train.Training;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostyle export}: a model package from a training run's latest checkpoint, or from a given one. */
@Command(name = "export", mixinStandardHelpOptions = true,
	description = "Write a model package from a training run (its latest checkpoint) or a checkpoint file.")
final class ExportCommand implements Callable<Integer> {

	@Option(names = "--run", paramLabel = "RUN_DIR|FILE.ckpt", required = true, description = "Run or checkpoint.")
	Path run;

	@Option(names = "--out", paramLabel = "PATH", required = true, description = "Model package folder or .zip.")
	Path out;

	@Option(names = "--name", description = "Model name (default: the output's file name).")
	String name;

	@Option(names = "--average", paramLabel = "N", defaultValue = "1", description = "Average the weights of the N " +
		"newest checkpoints up to the chosen one (smooths GAN training's swings; default: ${DEFAULT-VALUE}, none).")
	int average;

	@Override
	public Integer call() throws Exception {
		Training.export(run, average, out, new PackageExporter(name, 0));
		System.err.println("wrote " + out);
		return 0;
	}
}
