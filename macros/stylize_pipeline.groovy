#@ File (label = "Image", style = "open") input
#@ File (label = "Sound", style = "open") sound
#@ Double (label = "Strength", value = 1.0, min = 0.0) strength
#@ Integer (label = "Sweep frames", value = 5, min = 1) frames
#@ File (label = "Output folder", style = "directory") output
#@ File (label = "Model (empty = bundled)", style = "both", required = false) model
#@ Integer (label = "Working size (0 = native)", value = 256, min = 0) worksize
#@ String (label = "Device", choices = {"auto", "cpu", "gpu"}, value = "auto") device
#@ CommandService commands
#@output String summary

// Audio Style pipeline (Groovy): restyle an image with a sound, then make a strength sweep from 0 to the chosen
// strength, and save both as TIFF (the provenance travels in each file's Info). Runs in Fiji's script editor, with
// `ImageJ-linux64 --headless --run stylize_pipeline.groovy 'input="...",sound="...",...'`, or via ScriptService.

import ij.IJ
import ij.ImagePlus
import ij.io.FileSaver
import org.audiostyle.plugin.SoundSweep
import org.audiostyle.plugin.StylizeWithSound

ImagePlus image = IJ.openImage(input.absolutePath)
if (image == null) throw new IllegalArgumentException("ImageJ cannot open ${input}")
output.mkdirs()

// Every input is given, so nothing remembered from an earlier run in the dialog leaks into the pipeline.
def common = [image: image, sound: sound, sound2: null, window: "loudest", model: model, worksize: worksize,
	device: device, feather: 8.0d]

ImagePlus runCommand(Class command, Map inputs) {
	def module = commands.run(command, true, inputs).get()
	if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())
	return (ImagePlus) module.getOutput("result")
}

def saved = []
ImagePlus styled = runCommand(StylizeWithSound, common + [mix: 0.5d, strength: strength])
ImagePlus sweep = runCommand(SoundSweep, common + [vary: "strength", from: 0.0d, to: strength, frames: frames, strength: 1.0d])
for (ImagePlus result : [styled, sweep]) {
	File file = new File(output, result.title + ".tif")
	if (!new FileSaver(result).saveAsTiff(file.path)) throw new IOException("Could not write ${file}")
	saved << file.name
}
summary = "Audio Style pipeline: ${saved.join(', ')} in ${output}"
println summary
