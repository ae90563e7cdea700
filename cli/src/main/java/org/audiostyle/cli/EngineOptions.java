package org.audiostyle.cli;

import java.nio.file.Path;

import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Precision;
import org.audiostyle.stylize.StylizeSettings;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by the verbs that run the networks: model, device, working size, tiling. */
final class EngineOptions {

	@Option(names = "--model", paramLabel = "PATH",
		description = "Model package (folder or .zip). Default: the bundled model.")
	Path model;

	@Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
		description = "Where to run: the GPU when DJL sees one (auto), or forced. Default: ${DEFAULT-VALUE}.")
	String device;

	@Option(names = "--work-size", paramLabel = "PIXELS|native", defaultValue = "256",
		description = "Long side the network sees; the change is brought back to full resolution. 'native' runs " +
			"on every pixel (tiled). Default: ${DEFAULT-VALUE}.")
	String workSize;

	@Option(names = "--precision", paramLabel = "auto|fp32|bf16", defaultValue = "auto",
		description = "Number format of the network pass: auto takes bf16 where the CPU has native bf16 " +
			"arithmetic and the model package records a passed bf16-vs-fp32 check (see `info`), else fp32; or " +
			"forced. Default: ${DEFAULT-VALUE}.")
	String precision;

	@Option(names = "--tile", paramLabel = "PIXELS", defaultValue = "0",
		description = "Tile side for large images (0 = automatic from the model's memory needs).")
	int tile;

	@Option(names = "--overlap", paramLabel = "PIXELS", defaultValue = "32",
		description = "Overlap between tiles, blended smoothly. Default: ${DEFAULT-VALUE}.")
	int overlap;

	StyleModel loadModel() throws ModelException {
		if (model != null) return StyleModel.load(model);
		StyleModel m = StyleModel.bundledDefault();
		if (!StyleModel.hasBundledModel())
			System.err.println("note: no trained default model is bundled in this build; using seeded random " +
				"weights (" + m.id() + "). Pass --model to use a trained one.");
		else if (m.manifest().provenance.containsKey("status"))
			System.err.println("note: the bundled model " + m.id() + " is marked '" + m.manifest().provenance.get(
				"status") + "': it does not yet meet the project's quality targets (see its MODEL_CARD.md). Pass " +
				"--model to use another.");
		return m;
	}

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	/** The settings; a bad value fails naming its option (exit code 2). */
	StylizeSettings settings() {
		StylizeSettings s = StylizeSettings.defaults().withWorkSize(CliErrors.forOption(spec, "--work-size",
			() -> StylizeSettings.parseWorkSize(workSize)))
			.withPrecision(CliErrors.forOption(spec, "--precision", () -> Precision.parse(precision)));
		if (tile != 0 || overlap != 32) {
			StylizeSettings untiled = s;
			s = CliErrors.forOption(spec, "--tile/--overlap", () -> untiled.withTiling(tile, overlap));
		}
		return s;
	}

	DeviceChoice deviceChoice() {
		return CliErrors.forOption(spec, "--device", () -> DeviceChoice.parse(device));
	}
}
