package org.audiostyle.spark;

import java.io.Serializable;
import java.nio.file.Paths;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.batch.RowRunner;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.StylizeSettings;

/**
 * What every executor needs to stylize rows the way the driver was asked to: the model, device, working size,
 * tiling, sound window and what to do with existing outputs. Plain strings and numbers, so it ships to executors
 * as is; parsed there by the engine's own parsers (the driver parses once first, so bad values fail before Spark
 * starts work).
 */
final class JobSettings implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Model package on storage every executor sees, or null for the bundled model. */
	String model;
	String device = "auto";
	String workSize = "256";
	int tile = 0;
	int overlap = 32;
	String window = "loudest";
	RowRunner.Existing existing = RowRunner.Existing.REFUSE;

	/** Checks every value by parsing it; throws IllegalArgumentException naming the option. */
	void validate() {
		check("--device", this::deviceChoice);
		check("--window", this::audioWindow);
		check("--work-size/--tile/--overlap", this::stylizeSettings);
	}

	private static void check(String option, Runnable parse) {
		try {
			parse.run();
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
		}
	}

	StyleModel loadModel() throws ModelException {
		return model == null ? StyleModel.bundledDefault() : StyleModel.load(Paths.get(model));
	}

	DeviceChoice deviceChoice() {
		return DeviceChoice.parse(device);
	}

	AudioWindow audioWindow() {
		return AudioWindow.parse(window);
	}

	/** As the command line's engine options: tiling only when asked for. */
	StylizeSettings stylizeSettings() {
		StylizeSettings s = StylizeSettings.defaults().withWorkSize(StylizeSettings.parseWorkSize(workSize));
		return tile != 0 || overlap != 32 ? s.withTiling(tile, overlap) : s;
	}

	/** Equal keys can share one executor's model and Stylizer. */
	String key() {
		return model + "|" + device + "|" + workSize + "|" + tile + "|" + overlap + "|" + window + "|" + existing;
	}
}
