#@ File (label = "Image", style = "open") input
#@ File (label = "Long recording", style = "open") sound
#@ Double (label = "Frames per second of sound", value = 4.0) fps
#@ Double (label = "Smoothing (s)", value = 1.0) smoothing
#@ Integer (label = "Most frames (0 = all)", value = 0) frames
#@ File (label = "Output folder", style = "directory") output
#@ File (label = "Model (empty = bundled)", style = "both", required = false) model
#@ Integer (label = "Working size (0 = native)", value = 256) worksize
#@ String (label = "Device", choices = {"auto", "cpu", "gpu"}, value = "auto") device
#@ CommandService commands
#@output String summary

# Audio Style pipeline (Jython): turn a long recording into a time-lapse of one image with "Sound to Movie...",
# save it as a TIFF stack (frame rate and provenance included), and list each frame's sound time and mean colour
# to a CSV next to it.

import os
from java.util import HashMap
from ij import IJ
from ij.io import FileSaver
from org.audiostyle.plugin import SoundToMovie

image = IJ.openImage(input.getAbsolutePath())
if image is None:
	raise ValueError("ImageJ cannot open %s" % input)
if not output.exists():
	output.mkdirs()

# A java.util.HashMap, so that Jython picks run(Class, boolean, Map) and not the varargs overload.
inputs = HashMap()
for key, val in [("image", image), ("sound", sound), ("fps", fps), ("smoothing", smoothing), ("frames", frames),
		("strength", 1.0), ("model", model), ("worksize", worksize), ("device", device), ("feather", 8.0)]:
	inputs.put(key, val)
module = commands.run(SoundToMovie, True, inputs).get()
if module.isCanceled():
	raise RuntimeError(module.getCancelReason())
movie = module.getOutput("result")

tif = os.path.join(output.getAbsolutePath(), movie.getTitle() + ".tif")
if not FileSaver(movie).saveAsTiffStack(tif):
	raise IOError("Could not write " + tif)

csv = os.path.join(output.getAbsolutePath(), movie.getTitle() + ".csv")
stack = movie.getStack()
lines = ["frame,label,mean_red,mean_green,mean_blue"]
for n in range(1, stack.getSize() + 1):
	ip = stack.getProcessor(n)
	sums = [0.0, 0.0, 0.0]
	pixels = ip.getPixels()
	for p in pixels:
		sums[0] += (p >> 16) & 0xff
		sums[1] += (p >> 8) & 0xff
		sums[2] += p & 0xff
	count = float(len(pixels))
	lines.append("%d,%s,%.2f,%.2f,%.2f" % (n, stack.getSliceLabel(n), sums[0] / count, sums[1] / count, sums[2] / count))
f = open(csv, "w")
f.write("\n".join(lines) + "\n")
f.close()

summary = "Audio Style movie: %d frames at %g fps -> %s" % (stack.getSize(), fps, tif)
print(summary)
