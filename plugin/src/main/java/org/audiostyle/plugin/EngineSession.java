package org.audiostyle.plugin;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

/**
 * One loaded model and its Stylizer, used for every plane of a run (the model is loaded once). Every call into the
 * engine goes through {@link PluginLoader}, so DJL and the audio decoders see the plugin's jars. Not for concurrent
 * use: callers that share a session (the macro functions) hold its lock.
 */
public final class EngineSession implements AutoCloseable {

	private final StyleModel model;
	private final Stylizer stylizer;
	private final String modelSource;
	private final String device;

	private EngineSession(StyleModel model, Stylizer stylizer, String modelSource, String device) {
		this.model = model;
		this.stylizer = stylizer;
		this.modelSource = modelSource;
		this.device = device;
	}

	/**
	 * Starts PyTorch (see {@link TorchStartup}), loads the model (null or an empty path: the bundled one) and creates
	 * the Stylizer on the chosen device. Status lines go to {@code status}.
	 */
	public static EngineSession open(File modelPath, DeviceChoice device, Consumer<String> status)
		throws AudioStyleException
	{
		File path = Inputs.model(modelPath);
		TorchStartup.ensureLoaded(status);
		status.accept("Audio Style: loading " + (path == null ? "the bundled model" : "model " + path.getName()) +
			"...");
		StyleModel model;
		try {
			model = PluginLoader.call(() -> path == null ? StyleModel.bundledDefault() : StyleModel.load(path
				.toPath()));
		}
		catch (ModelException e) {
			throw new AudioStyleException(e.getMessage(), e);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new AudioStyleException("Could not load the model " + (path == null ? "bundled with Audio Style"
				: path) + ": " + e.getMessage(), e);
		}
		Stylizer stylizer;
		try {
			stylizer = PluginLoader.call(() -> new Stylizer(model, device));
		}
		catch (IllegalStateException e) {
			// The engine's own words (e.g. "gpu was requested but DJL sees no CUDA GPU...").
			model.close();
			throw new AudioStyleException("Could not start the model on device '" + device.name().toLowerCase() +
				"': " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			model.close();
			throw e;
		}
		catch (Exception e) {
			model.close();
			throw new AudioStyleException("Could not start the model on device '" + device.name().toLowerCase() +
				"': " + e.getMessage(), e);
		}
		String used = PluginLoader.get(stylizer::device);
		EngineSession session = new EngineSession(model, stylizer, path == null ? "bundled" : path.getAbsolutePath(),
			used);
		status.accept("Audio Style: model " + session.modelId() + " on " + used);
		return session;
	}

	/** The audio embedding of a mix; an unreadable sound becomes an {@link AudioStyleException} naming it. */
	public float[] embed(SoundMix mix) throws AudioStyleException {
		try {
			return PluginLoader.call(() -> stylizer.embed(mix));
		}
		catch (IOException e) {
			throw new AudioStyleException("Could not read the sound " + mix + ": " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new AudioStyleException("Could not embed the sound " + mix + ": " + e.getMessage(), e);
		}
	}

	public RandomAccessibleInterval<ARGBType> stylize(RandomAccessibleInterval<?> plane, float[] embedding,
		StylizeSettings settings, Progress progress)
	{
		return PluginLoader.get(() -> stylizer.stylize(plane, embedding, settings, progress));
	}

	/** The planar core (RGB in [0, 1], same size out), for the live preview. */
	public org.audiostyle.image.PlanarImage stylize(org.audiostyle.image.PlanarImage image, float[] embedding,
		StylizeSettings settings)
	{
		return PluginLoader.get(() -> stylizer.stylize(image, embedding, settings, Progress.NONE));
	}

	public String modelId() {
		return PluginLoader.get(model::id);
	}

	/** "bundled" or the model's absolute path. */
	public String modelSource() {
		return modelSource;
	}

	/** The device in use, as the engine names it (e.g. "cpu()"). */
	public String device() {
		return device;
	}

	@Override
	public void close() {
		PluginLoader.get(() -> {
			stylizer.close();
			model.close();
			return null;
		});
	}
}
