package org.audiostyle.stylize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.model.ModelManifest;
import org.audiostyle.model.StyleModel;
import org.audiostyle.runtime.CpuFeatures;
import org.audiostyle.runtime.DeviceChoice;

/**
 * Checks a model's bf16 generator pass against its fp32 pass on fixed synthetic inputs (three of the project's
 * procedural scenes and three of its synthesized sounds, shipped as resources, run at their own size) and writes the outcome into the package manifest, where
 * {@link Precision#AUTO} reads it. The outputs are compared as 8-bit levels, as a user would see them: the bf16 pass
 * passes when no sample is more than {@value #MAX_LEVELS} levels and the mean no more than {@value #MEAN_LEVELS}
 * levels from fp32. On a CPU without native bf16 arithmetic the check is not run (bf16 would be emulated, and auto
 * takes fp32 there anyway): the record says "unchecked".
 */
public final class Bf16Check {

	public static final double MAX_LEVELS = 2, MEAN_LEVELS = 0.5;
	static final String[] IMAGES = { "hills", "lake", "meadow" };
	static final String[] SOUNDS = { "rain", "birdsong", "thunder" };
	static final String INPUTS = "synthetic-v1: 3 procedural scenes (hills 256x144, lake 256x256, meadow 256x170) " +
		"x 3 synthesized sounds (rain, birdsong, thunder), strength 1";

	private Bf16Check() {
	}

	/**
	 * Runs the check where it can run and stores the record in {@code model}'s manifest (saved with the package by
	 * {@link StyleModel#save}). Returns the record.
	 */
	public static ModelManifest.PrecisionCheck record(StyleModel model) {
		ModelManifest.PrecisionCheck r = CpuFeatures.hasBf16() ? measure(model) : unchecked(model,
			"this CPU has no native bf16 arithmetic (flags: " + CpuFeatures.bf16Flags() + "), so bf16 was not run");
		model.manifest().precisionCheck = r;
		return r;
	}

	/** Runs both passes on the fixed inputs and judges the differences, whatever the CPU (emulated bf16 is slow). */
	static ModelManifest.PrecisionCheck measure(StyleModel model) {
		double max = 0, sum = 0;
		long n = 0;
		StylizeSettings s = StylizeSettings.defaults().withNativeResolution();
		try (Stylizer stylizer = new Stylizer(model, DeviceChoice.CPU)) {
			for (float[] sound : sounds()) {
				float[] embedding = stylizer.embedWaveform(sound);
				for (PlanarImage image : images()) {
					PlanarImage a = stylizer.stylize(image, embedding, s.withPrecision(Precision.FP32), Progress.NONE);
					PlanarImage b = stylizer.stylize(image, embedding, s.withPrecision(Precision.BF16), Progress.NONE);
					for (int i = 0; i < a.data.length; i++) {
						int d = Math.abs(level(a.data[i]) - level(b.data[i]));
						max = Math.max(max, d);
						sum += d;
					}
					n += a.data.length;
				}
			}
		}
		ModelManifest.PrecisionCheck r = base(model);
		r.maxLevels = max;
		r.meanLevels = Math.round(sum / n * 1000) / 1000.0;
		r.bf16 = max <= MAX_LEVELS && sum / n <= MEAN_LEVELS ? ModelManifest.PrecisionCheck.PASSED
			: ModelManifest.PrecisionCheck.FAILED;
		return r;
	}

	static ModelManifest.PrecisionCheck unchecked(StyleModel model, String why) {
		ModelManifest.PrecisionCheck r = base(model);
		r.bf16 = ModelManifest.PrecisionCheck.UNCHECKED;
		r.note = why;
		return r;
	}

	private static ModelManifest.PrecisionCheck base(StyleModel model) {
		ModelManifest.PrecisionCheck r = new ModelManifest.PrecisionCheck();
		r.maxLimit = MAX_LEVELS;
		r.meanLimit = MEAN_LEVELS;
		r.inputs = INPUTS;
		r.cpu = CpuFeatures.bf16Flags();
		r.generatorSha256 = model.manifest().sha256.get("generator");
		r.checkedAt = Instant.now().toString();
		String v = Bf16Check.class.getPackage().getImplementationVersion();
		r.checkedBy = "Audio Style" + (v == null ? "" : " " + v);
		return r;
	}

	/** An 8-bit level as the image writers make it. */
	private static int level(float v) {
		return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
	}

	/**
	 * The fixed images: three of the project's procedural scenes ({@code SceneRenderer}: hills, lake, meadow; no
	 * photographs), reduced to a long side of 256 and shipped beside this class.
	 */
	static List<PlanarImage> images() {
		List<PlanarImage> out = new ArrayList<>();
		for (String name : IMAGES) {
			String resource = "bf16-check/" + name + ".png";
			try (InputStream in = Bf16Check.class.getResourceAsStream(resource)) {
				if (in == null) throw new IllegalStateException("Audio Style is missing its resource " + resource);
				BufferedImage b = ImageIO.read(in);
				PlanarImage p = new PlanarImage(b.getWidth(), b.getHeight());
				for (int y = 0; y < p.height; y++)
					for (int x = 0; x < p.width; x++) {
						int rgb = b.getRGB(x, y);
						for (int c = 0; c < 3; c++)
							p.set(c, x, y, ((rgb >> (16 - 8 * c)) & 0xff) / 255f);
					}
				out.add(p);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read the resource " + resource + ": " + e.getMessage(), e);
			}
		}
		return out;
	}

	/**
	 * The fixed sounds: three of the project's synthesized sample sounds (rain, birdsong, thunder; made by
	 * {@code SoundSynth}), prepared (3 s at 16 kHz) and shipped beside this class as 16-bit little-endian samples.
	 */
	static List<float[]> sounds() {
		List<float[]> out = new ArrayList<>();
		for (String name : SOUNDS) {
			String resource = "bf16-check/" + name + ".s16";
			try (InputStream in = Bf16Check.class.getResourceAsStream(resource)) {
				if (in == null) throw new IllegalStateException("Audio Style is missing its resource " + resource);
				ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
				float[] w = new float[AudioFrontEnd.WINDOW_SAMPLES];
				if (b.remaining() != 2 * w.length)
					throw new IllegalStateException("The resource " + resource + " does not hold " + w.length +
						" samples");
				for (int i = 0; i < w.length; i++)
					w[i] = b.getShort() / 32767f;
				out.add(w);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot read the resource " + resource + ": " + e.getMessage(), e);
			}
		}
		return out;
	}

}
