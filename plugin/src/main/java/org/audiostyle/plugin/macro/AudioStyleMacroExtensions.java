package org.audiostyle.plugin.macro;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.io.FileSaver;
import ij.macro.ExtensionDescriptor;
import ij.macro.Functions;
import ij.macro.MacroExtension;
import ij.plugin.PlugIn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.audiostyle.io.AtomicFiles;
import org.audiostyle.plugin.AudioStyleException;
import org.audiostyle.plugin.Restyle;
import org.audiostyle.plugin.RestyleRequest;
import org.audiostyle.plugin.RunMonitor;

/**
 * Plugins › Audio Style › Audio Style Macro Extensions: adds {@code Ext.} functions to the running macro, as
 * Bio-Formats does. Register with {@code run("Audio Style Macro Extensions");} (Fiji, or ImageJ with a screen) or
 * {@code call("org.audiostyle.plugin.macro.AudioStyleMacroExtensions.register");} (works everywhere, also in plain
 * headless ImageJ, where run() cannot be used).
 *
 * <pre>
 * Ext.stylize(image, sound, strength)            new image (image: a title, or "" for the active one)
 * Ext.mix(image, sound1, sound2, weight, strength)  cross-fade: weight 0 = sound1 only, 1 = sound2 only
 * Ext.sweep(image, sound, sound2, from, to, frames) strength sweep (sound2 ""), or mix sweep from sound to sound2
 * Ext.movie(image, sound, fps, smoothing, frames)   time-lapse of a long recording (frames 0 = all)
 * Ext.stylizeFile(input, output, sound, strength)   reads, restyles and writes a file (.tif, .png or .jpg); no windows
 * Ext.setModel(path)        model folder or .zip; "" = bundled
 * Ext.setDevice(name)       auto, cpu or gpu
 * Ext.setWorkSize(pixels)   long side the network works at; 0 = native
 * Ext.setWindow(window)     which 3 s of a sound: loudest, start, or seconds
 * Ext.setFeather(pixels)    edge blend when a selection limits the change
 * Ext.getDevice(device)     device in use, e.g. "cpu()" (loads the model)
 * Ext.getModelId(id)        id of the model in use (loads the model)
 * </pre>
 *
 * New images are shown and become the active image (getTitle() names them); inputs are never modified. Bad arguments stop the
 * macro with a message saying which argument and why.
 */
public class AudioStyleMacroExtensions implements PlugIn, MacroExtension {

	@Override
	public void run(String arg) {
		if (!IJ.macroRunning()) {
			IJ.error("Audio Style", "Audio Style Macro Extensions adds Ext. functions to macros. In a macro:\n" +
				"  run(\"Audio Style Macro Extensions\");\n  Ext.stylize(\"\", \"/path/to/rain.wav\", 1);");
			return;
		}
		Functions.registerExtensions(this);
	}

	/** For {@code call(...)} from a macro: registers the functions without run(). */
	public static String register() {
		Functions.registerExtensions(new AudioStyleMacroExtensions());
		return "";
	}

	@Override
	public ExtensionDescriptor[] getExtensionFunctions() {
		int s = ARG_STRING, n = ARG_NUMBER, out = ARG_OUTPUT + ARG_STRING;
		return new ExtensionDescriptor[] { //
			ExtensionDescriptor.newDescriptor("stylize", this, s, s, n), //
			ExtensionDescriptor.newDescriptor("mix", this, new int[] { s, s, s, n, n }), //
			ExtensionDescriptor.newDescriptor("sweep", this, new int[] { s, s, s, n, n, n }), //
			ExtensionDescriptor.newDescriptor("movie", this, new int[] { s, s, n, n, n }), //
			ExtensionDescriptor.newDescriptor("stylizeFile", this, s, s, s, n), //
			ExtensionDescriptor.newDescriptor("setModel", this, s), //
			ExtensionDescriptor.newDescriptor("setDevice", this, s), //
			ExtensionDescriptor.newDescriptor("setWorkSize", this, n), //
			ExtensionDescriptor.newDescriptor("setWindow", this, s), //
			ExtensionDescriptor.newDescriptor("setFeather", this, n), //
			ExtensionDescriptor.newDescriptor("getDevice", this, out), //
			ExtensionDescriptor.newDescriptor("getModelId", this, out) };
	}

	@Override
	public String handleExtension(String name, Object[] args) {
		MacroState state = MacroState.INSTANCE;
		synchronized (state) {
			try {
				return dispatch(state, name, args);
			}
			catch (AudioStyleException e) {
				throw MacroErrors.fail(e.getMessage());
			}
			catch (java.util.concurrent.CancellationException e) {
				throw MacroErrors.fail(name + " was cancelled; no image was made.");
			}
			catch (IOException e) {
				throw MacroErrors.fail(name + " failed: " + e.getMessage());
			}
		}
	}

	private String dispatch(MacroState state, String name, Object[] a) throws AudioStyleException, IOException {
		switch (name) {
			case "stylize": {
				RestyleRequest r = request(state, image(a[0]), sound(a[1], "sound"));
				r.strength = number(a[2]);
				checked(r);
				return show(Restyle.stylize(state.session(), r, monitor()));
			}
			case "mix": {
				RestyleRequest r = request(state, image(a[0]), sound(a[1], "sound1"));
				r.sound2 = sound(a[2], "sound2");
				r.mix = number(a[3]);
				r.strength = number(a[4]);
				checked(r);
				return show(Restyle.stylize(state.session(), r, monitor()));
			}
			case "sweep": {
				RestyleRequest r = request(state, image(a[0]), sound(a[1], "sound"));
				String second = text(a[2]);
				r.sound2 = second.isEmpty() ? null : sound(second, "sound2");
				r.vary = r.sound2 == null ? "strength" : "mix";
				r.from = number(a[3]);
				r.to = number(a[4]);
				r.frames = integer(a[5], "frames");
				checked(r);
				Restyle.checkSweep(r);
				return show(Restyle.sweep(state.session(), r, monitor()));
			}
			case "movie": {
				RestyleRequest r = request(state, image(a[0]), sound(a[1], "sound"));
				r.fps = number(a[2]);
				r.smoothing = number(a[3]);
				r.frames = integer(a[4], "frames");
				checked(r);
				Restyle.checkMovie(r);
				return show(Restyle.movie(state.session(), r, monitor()));
			}
			case "stylizeFile":
				stylizeFile(state, text(a[0]), text(a[1]), sound(a[2], "sound"), number(a[3]));
				return null;
			case "setModel":
				state.setModel(text(a[0]));
				return null;
			case "setDevice":
				state.setDevice(text(a[0]));
				return null;
			case "setWorkSize":
				state.worksize = org.audiostyle.plugin.Inputs.workSize(integer(a[0], "worksize"));
				return null;
			case "setWindow":
				org.audiostyle.plugin.Inputs.window(text(a[0]));
				state.window = text(a[0]);
				return null;
			case "setFeather":
				state.feather = org.audiostyle.plugin.Inputs.atLeast(number(a[0]), 0, "feather");
				return null;
			case "getDevice":
				((String[]) a[0])[0] = state.session().device();
				return null;
			case "getModelId":
				((String[]) a[0])[0] = state.session().modelId();
				return null;
			default:
				throw new AudioStyleException("Unknown function Ext." + name);
		}
	}

	/** Reads a file, restyles every plane, writes the result (format from the extension) atomically. */
	private static String stylizeFile(MacroState state, String input, String output, File sound, double strength)
		throws AudioStyleException, IOException
	{
		File in = new File(input);
		if (!in.isFile()) throw new AudioStyleException("Input image not found: " + in.getAbsolutePath());
		String ext = extension(output);
		if (!ext.equals("tif") && !ext.equals("tiff") && !ext.equals("png") && !ext.equals("jpg") && !ext.equals(
			"jpeg")) throw new AudioStyleException("Output '" + output +
				"' must end with .tif, .png or .jpg (TIFF keeps stacks and the provenance).");
		File out = new File(output).getAbsoluteFile();
		if (out.getParentFile() == null || !out.getParentFile().isDirectory()) throw new AudioStyleException(
			"The folder of the output " + out + " does not exist.");
		ImagePlus imp = IJ.openImage(in.getAbsolutePath());
		if (imp == null) throw new AudioStyleException("ImageJ cannot open " + in.getAbsolutePath() +
			" as an image.");
		RestyleRequest r = request(state, imp, sound);
		r.strength = strength;
		checked(r);
		ImagePlus result = Restyle.stylize(state.session(), r, monitor());
		if (!ext.startsWith("tif") && result.getStackSize() > 1) throw new AudioStyleException(in.getName() +
			" has " + result.getStackSize() + " planes: save stacks as .tif.");
		Path tmp = AtomicFiles.tempNextTo(out.toPath(), "." + ext);
		try {
			FileSaver saver = new FileSaver(result);
			boolean ok = ext.startsWith("tif") ? saver.saveAsTiff(tmp.toString()) : ext.equals("png") ? saver.saveAsPng(
				tmp.toString()) : saver.saveAsJpeg(tmp.toString());
			if (!ok) throw new AudioStyleException("Could not write " + out);
			AtomicFiles.move(tmp, out.toPath());
		}
		finally {
			Files.deleteIfExists(tmp);
			// Neither image was shown: free their pixels now, a batch loop may run over thousands of files.
			result.flush();
			imp.flush();
		}
		return out.getPath();
	}

	private static RestyleRequest request(MacroState state, ImagePlus imp, File sound) {
		RestyleRequest r = new RestyleRequest();
		r.image = imp;
		r.sound = sound;
		r.worksize = state.worksize;
		r.window = state.window;
		r.feather = state.feather;
		return r;
	}

	/** Checks before the model loads (session() comes after), so a typo fails at once. */
	private static void checked(RestyleRequest r) throws AudioStyleException {
		Restyle.check(r);
	}

	/**
	 * Shows the result (in batch mode: makes it the active image). Returns nothing: ImageJ prints the value of an
	 * Ext. call used as a statement, and the title is one getTitle() away.
	 */
	private static String show(ImagePlus out) {
		out.show();
		return null;
	}

	private static ImagePlus image(Object arg) throws AudioStyleException {
		String title = text(arg);
		if (title.isEmpty()) {
			ImagePlus imp = WindowManager.getCurrentImage();
			if (imp == null) throw new AudioStyleException("No image is open: open one, or give an image title.");
			return imp;
		}
		ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) throw new AudioStyleException("No open image is titled '" + title + "'.");
		return imp;
	}

	private static File sound(Object arg, String name) throws AudioStyleException {
		return org.audiostyle.plugin.Inputs.sound(new File(text(arg)), name);
	}

	private static String text(Object arg) {
		return arg == null ? "" : arg.toString().trim();
	}

	private static double number(Object arg) {
		return ((Double) arg).doubleValue();
	}

	private static int integer(Object arg, String name) throws AudioStyleException {
		double v = number(arg);
		if (v != Math.rint(v)) throw new AudioStyleException("'" + name + "' must be a whole number, got " + org.audiostyle.plugin.Inputs.num(v) + ".");
		return (int) v;
	}

	private static String extension(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** Progress on ImageJ's bar; Esc cancels (as it aborts macros). */
	private static RunMonitor monitor() {
		return new RunMonitor() {

			@Override
			public void progress(double fraction, String message) {
				IJ.showProgress(fraction);
				IJ.showStatus("Audio Style: " + message);
			}

			@Override
			public boolean cancelled() {
				return IJ.escapePressed();
			}
		};
	}
}
