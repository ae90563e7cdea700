package org.audiostyle.plugin;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.junit.jupiter.api.Assumptions;

/** Generated test data: sounds, images of every ImageJ type, and a saved tiny random model. */
public final class Fixtures {

	private static Boolean engineWorks;

	private Fixtures() {}

	/** A mono 16-bit WAV: a tone plus seeded noise, so two seeds or frequencies give two different sounds. */
	public static File wav(Path dir, String name, double seconds, double hz, long seed) throws IOException {
		float rate = 16000;
		int n = (int) Math.round(seconds * rate);
		byte[] pcm = new byte[2 * n];
		Random rnd = new Random(seed);
		for (int i = 0; i < n; i++) {
			double v = 0.5 * Math.sin(2 * Math.PI * hz * i / rate) + 0.2 * rnd.nextGaussian();
			// A slow swell, so a long recording's windows differ from each other.
			v *= 0.6 + 0.4 * Math.sin(2 * Math.PI * i / (rate * 5));
			int s = (int) Math.max(-32768, Math.min(32767, Math.round(v * 20000)));
			pcm[2 * i] = (byte) s;
			pcm[2 * i + 1] = (byte) (s >> 8);
		}
		AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
		File file = dir.resolve(name).toFile();
		try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), f, n)) {
			AudioSystem.write(in, AudioFileFormat.Type.WAVE, file);
		}
		return file;
	}

	/** A plane whose pixels encode position and plane number, so planes can be told apart after processing. */
	public static ImageProcessor plane(int bitDepth, int w, int h, int index) {
		switch (bitDepth) {
			case 8: {
				ByteProcessor ip = new ByteProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						ip.set(x, y, (x * 5 + y * 3 + checker(x, y, index) * 60) & 0xff);
				return ip;
			}
			case 16: {
				ShortProcessor ip = new ShortProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						ip.set(x, y, 1000 + x * 50 + y * 20 + checker(x, y, index) * 700);
				return ip;
			}
			case 32: {
				FloatProcessor ip = new FloatProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						ip.setf(x, y, -1f + 0.05f * x + 0.02f * y + checker(x, y, index));
				return ip;
			}
			case 24: {
				ColorProcessor ip = new ColorProcessor(w, h);
				for (int y = 0; y < h; y++)
					for (int x = 0; x < w; x++)
						ip.set(x, y, ((x * 9) & 0xff) << 16 | ((y * 9) & 0xff) << 8 | (checker(x, y, index) * 200 + 20));
				return ip;
			}
			default:
				throw new IllegalArgumentException("bit depth " + bitDepth);
		}
	}

	/**
	 * A checkerboard whose square size depends on the plane: planes differ in structure, not only by an offset or a
	 * gain (instance normalisation in the network would cancel those).
	 */
	static int checker(int x, int y, int index) {
		int side = 2 + index;
		return (x / side + y / side) % 2;
	}

	/** A c x z x t (hyper)stack of the given type; each plane labelled "c.. z.. t..". */
	public static ImagePlus image(String title, int bitDepth, int w, int h, int c, int z, int t) {
		ImageStack stack = new ImageStack(w, h);
		int i = 0;
		for (int tt = 1; tt <= t; tt++)
			for (int zz = 1; zz <= z; zz++)
				for (int cc = 1; cc <= c; cc++)
					stack.addSlice("c" + cc + " z" + zz + " t" + tt, plane(bitDepth, w, h, i++));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(c, z, t);
		if (c * z * t > 1 && (c > 1 || (z > 1 && t > 1))) imp.setOpenAsHyperStack(true);
		imp.resetDisplayRange();
		return imp;
	}

	/** True once the engine's Stylizer works (it is an API skeleton until the engine branches are merged). */
	public static synchronized boolean engineWorks() {
		if (engineWorks == null) {
			try {
				PluginLoader.get(() -> StyleModel.random(NetworkConfig.tiny(), 1)).close();
				engineWorks = true;
			}
			catch (UnsupportedOperationException e) {
				engineWorks = false;
			}
		}
		return engineWorks;
	}

	/** Skips the calling test while the engine is a skeleton. */
	public static void assumeEngine() {
		Assumptions.assumeTrue(engineWorks(),
			"engine not implemented yet (StyleModel/Stylizer are API skeletons): this test runs once it is merged");
	}

	/** A tiny random-weight model saved as a package folder, as a user would pass it with model=... */
	public static File savedTinyModel(Path dir, long seed) throws ModelException {
		assumeEngine();
		Path p = dir.resolve("tiny-model-" + seed);
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny(), seed)) {
			m.save(p, true);
		}
		return p.toFile();
	}
}
