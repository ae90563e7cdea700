package org.audiostyle.plugin;

import ij.ImagePlus;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.task.Task;
import org.scijava.task.TaskService;
import org.scijava.ui.DialogPrompt;
import org.scijava.ui.UIService;

/**
 * What the three menu commands share: checking inputs before anything slow, loading the model once, progress and
 * cancel through the TaskService and StatusService, and errors as one clear message (a dialog only when there is a
 * screen; headless it goes to the log and the command is cancelled with it as the reason). A cancelled or failed run
 * sets no output.
 *
 * <p>The engine settings (model, working size, device, feather) and the result are declared again in each command on
 * purpose: SciJava lists a superclass's parameters before the subclass's, which would put them at the top of every
 * dialog and macro recording, ahead of the image and the sound (tried; see {@code CommandDiscoveryTest}).
 */
public abstract class AudioStyleCommand extends ContextCommand {

	/** Progress units of the task: fine enough for a smooth bar. */
	private static final int STEPS = 1000;

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter
	private TaskService tasks;

	@Parameter
	private UIService ui;

	/** The request built from this command's parameters. */
	protected abstract RestyleRequest request();

	/** The command's name for tasks and messages. */
	protected abstract String name();

	/** Runs the operation with a loaded model. */
	protected abstract ImagePlus execute(EngineSession session, RestyleRequest request, RunMonitor monitor)
		throws AudioStyleException, IOException;

	/** Extra checks of this command's own parameters, before the model is loaded. */
	protected void check(RestyleRequest request) throws AudioStyleException {}

	protected abstract void setResult(ImagePlus result);

	/** The model parameter (null or empty = bundled) and device name of the subclass. */
	protected abstract java.io.File model();

	protected abstract String device();

	@Override
	public final void run() {
		setResult(null);
		Task task = tasks.createTask(name());
		task.setProgressMaximum(STEPS);
		task.start();
		RunMonitor monitor = new RunMonitor() {

			@Override
			public void progress(double fraction, String message) {
				int v = (int) Math.round(Math.max(0, Math.min(1, fraction)) * STEPS);
				task.setStatusMessage(message);
				task.setProgressValue(v);
				status.showStatus(v, STEPS, "Audio Style: " + message);
			}

			@Override
			public boolean cancelled() {
				return task.isCanceled() || isCanceled() || Thread.currentThread().isInterrupted();
			}
		};
		try {
			RestyleRequest r = request();
			Restyle.check(r);
			check(r);
			org.audiostyle.runtime.DeviceChoice device = Inputs.device(device());
			if (monitor.cancelled()) throw new CancellationException();
			ImagePlus out;
			try (EngineSession session = EngineSession.open(model(), device, status::showStatus)) {
				out = execute(session, r, monitor);
			}
			if (monitor.cancelled()) throw new CancellationException();
			setResult(out);
			status.showStatus("Audio Style: made " + out.getTitle());
		}
		catch (CancellationException e) {
			setResult(null);
			String reason = task.getCancelReason() != null ? task.getCancelReason() : "cancelled by the user";
			if (!isCanceled()) cancel(name() + " was cancelled (" + reason + "); no image was made.");
			status.showStatus("Audio Style: cancelled");
		}
		catch (AudioStyleException e) {
			fail(e.getMessage(), e.getCause());
		}
		catch (IOException | RuntimeException e) {
			fail(name() + " failed: " + e, e);
		}
		finally {
			task.finish();
		}
	}

	private void fail(String message, Throwable cause) {
		setResult(null);
		if (cause != null) log.error(message, cause);
		else log.error(message);
		cancel(message);
		status.showStatus("Audio Style: failed");
		if (!ui.isHeadless()) ui.showDialog(message, "Audio Style", DialogPrompt.MessageType.ERROR_MESSAGE);
	}
}
