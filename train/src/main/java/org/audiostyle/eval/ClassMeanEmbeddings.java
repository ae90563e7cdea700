package org.audiostyle.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.train.data.ClassFolderSource;

/**
 * The painting half of the model, measured apart from the hearing half: each sound is replaced by the mean audio
 * embedding of its class's reference recordings (the training sounds), a condition the encoder "hears right" by
 * construction. A hit rate with these embeddings says whether the generator paints a scene that goes with a sound
 * class once the class is heard; the hit rate with the sounds' own embeddings says both halves together.
 */
public final class ClassMeanEmbeddings {

	/** The embedding of one sound file (the model's own encoder). */
	public interface Encoder {
		float[] embed(Path soundFile) throws IOException;
	}

	private final Map<String, float[]> means;

	private ClassMeanEmbeddings(Map<String, float[]> means) {
		this.means = means;
	}

	/** Class means over every sound file of {@code referenceDir/<class>/}. */
	public static ClassMeanEmbeddings fromFolders(Encoder encoder, Path referenceDir) throws IOException {
		Map<String, float[]> means = meansByClass(encoder, referenceDir);
		if (means.isEmpty()) throw new IOException(referenceDir + " holds no sound files in class folders (expected " +
			"<class>/<file>.wav)");
		return new ClassMeanEmbeddings(means);
	}

	/**
	 * The mean of {@code encoder}'s vectors over the sound files of each class folder {@code referenceDir/<class>/}, in
	 * folder order; empty when there are none. Shared with {@link SoundRecognition}, whose encoder gives unit vectors.
	 */
	static Map<String, float[]> meansByClass(Encoder encoder, Path referenceDir) throws IOException {
		Map<String, float[]> means = new LinkedHashMap<>();
		for (Map.Entry<String, List<Path>> e : ClassFolderSource.classFolders(referenceDir, ClassFolderSource::isSound)
			.entrySet()) {
			double[] sum = null;
			for (Path f : e.getValue()) {
				float[] v = encoder.embed(f);
				if (sum == null) sum = new double[v.length];
				for (int i = 0; i < v.length; i++)
					sum[i] += v[i];
			}
			if (sum == null) continue;
			float[] mean = new float[sum.length];
			for (int i = 0; i < sum.length; i++)
				mean[i] = (float) (sum[i] / e.getValue().size());
			means.put(e.getKey(), mean);
		}
		return means;
	}

	/**
	 * What the generator gets for {@code mix} under this check: the share-weighted mean of the class means of its
	 * sounds, each sound's class being the name of the folder it is in.
	 */
	public float[] of(SoundMix mix) {
		float[] out = null;
		List<Sound> sounds = mix.sounds();
		for (int s = 0; s < sounds.size(); s++) {
			Sound sound = sounds.get(s);
			Path parent = sound.isFile() ? sound.file().toAbsolutePath().getParent() : null;
			String cls = parent == null ? null : parent.getFileName().toString();
			float[] mean = cls == null ? null : means.get(cls);
			if (mean == null) throw new IllegalArgumentException("No reference recordings of class '" + cls + "' for " +
				sound + ": the painting check needs a reference folder for every sound class " + means.keySet() + ".");
			if (out == null) out = new float[mean.length];
			double w = mix.share(s);
			for (int i = 0; i < mean.length; i++)
				out[i] += (float) (w * mean[i]);
		}
		return out;
	}
}
