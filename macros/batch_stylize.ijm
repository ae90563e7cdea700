// Audio Style batch: restyle every image in a folder with a sound and save the results as TIFF (with provenance).
//
// Headless-safe: no dialogs, no windows, and run() only where ImageJ can run commands, so it works in Fiji (GUI or
// --headless) and in plain ImageJ 1.x (with a screen, under xvfb-run, or with -Djava.awt.headless=true when the
// plugin's jars are on the class path).
//
// Arguments, as key=value pairs separated by spaces (put paths with spaces in [brackets]):
//   input=<folder>     images to restyle (.tif .tiff .png .jpg .jpeg .gif .bmp); other files and subfolders are skipped
//   output=<folder>    where <name><suffix>.tif files go (created if missing)
//   sound=<file>       WAV, MP3, Ogg or FLAC
//   strength=1         how much of the change to apply (0 = unchanged, 1 = full restyle)
//   model=             model folder or .zip; empty = the bundled model
//   worksize=256       long side the network works at (0 = native resolution)
//   device=auto        auto, cpu or gpu
//   window=loudest     which 3 s of the sound: loudest, start, or a time in seconds
//   suffix=-styled     appended to each output name
//
// Fiji:     ImageJ-linux64 --headless -batch macros/batch_stylize.ijm "input=/data/in output=/data/out sound=/data/rain.wav"
// ImageJ:   xvfb-run -a java -jar ij.jar -ijpath /path/to/ImageJ -batch macros/batch_stylize.ijm "input=... output=... sound=..."
//           (with Audio_Style.jar in /path/to/ImageJ/plugins and its jars in plugins/jars; see the plugin README)

var args = getArgument();

input = value("input", "");
output = value("output", "");
sound = value("sound", "");
strength = parseFloat(value("strength", "1"));
model = value("model", "");
worksize = parseInt(value("worksize", "256"));
device = value("device", "auto");
window = value("window", "loudest");
suffix = value("suffix", "-styled");

if (input == "" || output == "" || sound == "") {
	print("Usage: batch_stylize.ijm \"input=<folder> output=<folder> sound=<file> [strength=1] [model=<path>] [worksize=256] [device=auto] [window=loudest] [suffix=-styled]\"");
	exit;
}
if (!File.isDirectory(input)) {
	print("Audio Style batch: input folder not found: " + input);
	exit;
}
if (isNaN(strength) || isNaN(worksize)) {
	print("Audio Style batch: strength and worksize must be numbers, got '" + value("strength", "1") + "' and '" + value("worksize", "256") + "'");
	exit;
}

setBatchMode(true);
// Register the Ext. functions. With a screen (Fiji, or ImageJ under xvfb-run) run() finds the plugin through the
// menus; headless, plain ImageJ cannot run() anything, but call() works (and in Fiji --headless both do).
if (getInfo("java.awt.headless") == "true")
	call("org.audiostyle.plugin.macro.AudioStyleMacroExtensions.register");
else
	run("Audio Style Macro Extensions");
Ext.setModel(model);
Ext.setDevice(device);
Ext.setWorkSize(worksize);
Ext.setWindow(window);

File.makeDirectory(output);
files = getFileList(input);
Array.sort(files);
done = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (endsWith(name, "/") || !isImage(name))
		continue;
	target = output + File.separator + File.getNameWithoutExtension(name) + suffix + ".tif";
	Ext.stylizeFile(input + File.separator + name, target, sound, strength);
	print("Audio Style batch: " + name + " -> " + target);
	done++;
}
Ext.getDevice(used);
print("Audio Style batch: restyled " + done + " image(s) into " + output + " on " + used);

function value(key, fallback) {
	return call("ij.Macro.getValue", args, key, fallback);
}

function isImage(name) {
	// One regular expression: a chain of endsWith(...) || endsWith(...) in a return statement misses matches in
	// ImageJ 1.54's macro interpreter.
	return matches(toLowerCase(name), ".*[.](tif|tiff|png|jpg|jpeg|gif|bmp)");
}
