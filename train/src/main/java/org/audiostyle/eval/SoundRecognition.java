package org.audiostyle.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;

/**
 * Does a model hear a sound the way it hears real recordings of its class? Each reference class (a folder of real
 * recordings) becomes the mean of its recordings' unit-length embeddings; a sound is recognised as the class whose
 * mean is nearest by cosine. Used to check the project's synthetic sample sounds against the training recordings: a
 * synthetic thunder the model files next to crackling fire will be rendered like fire.
 */
public final class SoundRecognition {

	/** The model's audio encoder as a function of a sound (e.g. {@code Stylizer::embed} over a lone sound). */
	public interface Encoder {
		float[] embed(SoundMix mix) throws IOException;
	}

	/** One sound's verdict: cosine to every class mean, best first. */
	public static final class Verdict {

		public final String sound;
		public final Map<String, Double> cosineByClass;

		Verdict(String sound, Map<String, Double> cosineByClass) {
			this.sound = sound;
			this.cosineByClass = cosineByClass;
		}

		public String nearest() {
			return cosineByClass.keySet().iterator().next();
		}
	}

	private final Encoder encoder;
	private final Map<String, float[]> centroids = new LinkedHashMap<>();

	private SoundRecognition(Encoder encoder) {
		this.encoder = encoder;
	}

	/** Class means from {@code referenceDir/<class>/*.wav} (every sound file of each class, loudest 3 s). */
	public static SoundRecognition fromFolders(Encoder encoder, Path referenceDir) throws IOException {
		SoundRecognition r = new SoundRecognition(encoder);
		// a class's centroid: the unit vector along the mean of its recordings' unit embeddings
		for (Map.Entry<String, float[]> e : ClassMeanEmbeddings.meansByClass(p -> unit(encoder.embed(SoundMix.of(Sound
			.file(p)))), referenceDir).entrySet())
			r.centroids.put(e.getKey(), unit(e.getValue()));
		if (r.centroids.isEmpty()) throw new IOException("No reference recordings under " + referenceDir +
			" (expected <class>/<file>.wav)");
		return r;
	}

	public List<String> classes() {
		return new ArrayList<>(centroids.keySet());
	}

	public Verdict recognise(Path soundFile) throws IOException {
		float[] u = unit(encoder.embed(SoundMix.of(Sound.file(soundFile))));
		List<Map.Entry<String, Double>> scored = new ArrayList<>();
		for (Map.Entry<String, float[]> c : centroids.entrySet()) {
			double dot = 0;
			for (int k = 0; k < u.length; k++)
				dot += u[k] * (double) c.getValue()[k];
			scored.add(Map.entry(c.getKey(), dot));
		}
		scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
		Map<String, Double> ordered = new LinkedHashMap<>();
		for (Map.Entry<String, Double> e : scored)
			ordered.put(e.getKey(), e.getValue());
		return new Verdict(soundFile.getFileName().toString(), ordered);
	}

	static float[] unit(float[] v) {
		double n = 0;
		for (float x : v)
			n += x * (double) x;
		n = Math.sqrt(n);
		float[] u = new float[v.length];
		for (int k = 0; k < v.length; k++)
			u[k] = n == 0 ? 0 : (float) (v[k] / n);
		return u;
	}
}
