package org.audiostyle.plugin.macro;

import ij.IJ;

import java.io.File;

import org.audiostyle.plugin.AudioStyleException;
import org.audiostyle.plugin.EngineSession;
import org.audiostyle.plugin.Inputs;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.StylizeSettings;

/**
 * The settings the macro functions share (model, device, working size, sound window, feather) and the loaded
 * model, kept between calls so a batch loop loads it once. Changing the model or device drops the loaded one. One
 * per JVM; callers synchronise on it.
 */
final class MacroState {

	static final MacroState INSTANCE = new MacroState();

	private File model;
	private DeviceChoice device = DeviceChoice.AUTO;
	int worksize = StylizeSettings.DEFAULT_WORK_SIZE;
	String window = "loudest";
	double feather = 8;
	private EngineSession session;

	private MacroState() {}

	/** "" = the bundled model. */
	void setModel(String path) throws AudioStyleException {
		File f = path == null || path.trim().isEmpty() ? null : new File(path.trim());
		Inputs.model(f);
		model = f;
		drop();
	}

	void setDevice(String name) throws AudioStyleException {
		device = Inputs.device(name);
		drop();
	}

	/** The loaded model, loading it (and starting PyTorch) on first use. */
	EngineSession session() throws AudioStyleException {
		if (session == null) session = EngineSession.open(model, device, IJ::showStatus);
		return session;
	}

	/** Back to the defaults (a new Fiji session's state). */
	void reset() {
		drop();
		model = null;
		device = DeviceChoice.AUTO;
		worksize = StylizeSettings.DEFAULT_WORK_SIZE;
		window = "loudest";
		feather = 8;
	}

	DeviceChoice device() {
		return device;
	}

	File model() {
		return model;
	}

	private void drop() {
		if (session != null) session.close();
		session = null;
	}
}
