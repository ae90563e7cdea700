package org.audiostyle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audiostyle init-model}: a seeded random-weight model package of any configuration. */
@Command(name = "init-model", mixinStandardHelpOptions = true,
	description = "Write a model package with seeded random weights (for tests, or as a training start).")
final class InitModelCommand implements Callable<Integer> {

	@Option(names = "--config", paramLabel = "paper|small|tiny", defaultValue = "small",
		description = "Network configuration preset. Default: ${DEFAULT-VALUE}.")
	String config;

	@Option(names = "--conditioning", paramLabel = "film|concat",
		description = "Override the preset's audio conditioning.")
	String conditioning;

	@Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
	long seed;

	@Option(names = "--out", paramLabel = "PATH", required = true, description = "Package folder, or a .zip.")
	Path out;

	@Option(names = "--overwrite", description = "Replace --out if it exists.")
	boolean overwrite;

	@Override
	public Integer call() throws Exception {
		NetworkConfig c = NetworkConfig.named(config);
		if (conditioning != null) c = c.withConditioning(NetworkConfig.Conditioning.parse(conditioning));
		try (StyleModel m = StyleModel.random(c, seed)) {
			m.save(out, overwrite);
			System.err.println("wrote " + out + ": " + m.id() + " (" + c + ")");
		}
		return 0;
	}
}
