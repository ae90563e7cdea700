// Makes docs/movie.png: Plugins > Audio Style > Sound to Movie run headless on test-images/meadow.png with a
// recording that goes birdsong -> rain -> fire (the sample sounds, 4 s each, joined), one frame per second, as a strip.
// Run by tools/docs/make-pictures.sh (it sets the class path); paths are relative to the repository root.
import ij.IJ;
import ij.ImagePlus;
import ij.plugin.MontageMaker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.scijava.Context;
import org.scijava.command.CommandService;

File recording = File.createTempFile("walk-", ".wav");
recording.deleteOnExit();
ByteArrayOutputStream joined = new ByteArrayOutputStream();
AudioFormat format = null;
for (String name : new String[] { "birdsong", "rain", "fire" }) {
	try (AudioInputStream in = AudioSystem.getAudioInputStream(new File("sample-sounds/" + name + ".wav"))) {
		format = in.getFormat();
		joined.write(in.readAllBytes());
	}
}
byte[] pcm = joined.toByteArray();
AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / format.getFrameSize()),
	AudioFileFormat.Type.WAVE, recording);

Context context = new Context();
ImagePlus meadow = IJ.openImage("test-images/meadow.png");
Map<String, Object> inputs = new java.util.HashMap<>(Map.of("image", meadow, "sound", recording, "fps", 1.0,
	"smoothing", 1.0, "frames", 0, "strength", 1.0, "worksize", 256, "device", "cpu", "feather", 8.0));
inputs.put("model", null);
ImagePlus movie = (ImagePlus) context.service(CommandService.class).run(
	org.audiostyle.plugin.SoundToMovie.class, true, inputs).get().getOutput("result");
int n = movie.getStackSize();
ImagePlus strip = new MontageMaker().makeMontage2(movie, n, 1, 160.0 / movie.getWidth(), 1, n, 1, 2, true);
if (!new ij.io.FileSaver(strip).saveAsPng("docs/movie.png")) throw new IllegalStateException("cannot write docs/movie.png");
System.out.println("docs/movie.png: " + n + " frames");
context.dispose();
/exit
