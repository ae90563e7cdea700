package org.audiostyle.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

/**
 * Retrieval conditioning: the audio embeddings of the sounds a model was trained on, and a rule that replaces a new
 * sound's embedding by a blend of the remembered ones it is most like. Why: with a frozen audio encoder the generator
 * learned a style for each training clip's embedding and answers points far from them unpredictably; a new recording
 * of a known kind of sound lands far from them in absolute terms (cosine 0.61-0.72 to its class's mean, measured on
 * v9's validation crickets) while still nearest its own kind, so painting the nearest remembered sounds keeps what the
 * sound is and drops how this recording differs. No labels are stored or used: only embeddings.
 *
 * <p>The rule: cosine similarity to every remembered embedding, the {@code k} most similar, weights softmax(cosine /
 * temperature) over them, and the weighted mean of those embeddings. A small temperature snaps to the nearest; a large
 * one averages the k. Mixing stays continuous: an embedding mix blends recalled embeddings.
 */
public final class SoundMemory {

	/** The package file that holds it (listed in model.json's weights as {@value #ROLE}). */
	public static final String FILE_NAME = "sound-memory.json";
	public static final String ROLE = "memory";

	private static final Gson GSON = new Gson();

	private final int k;
	private final double temperature;
	private final float[][] embeddings;
	private final String[] sources;
	/** {@link #toJson()}, once made (the memory never changes). */
	private volatile byte[] json;

	/**
	 * @param embeddings one row per remembered sound, all of the model's embedding length
	 * @param sources what each row was computed from (file names, for the record; may repeat)
	 */
	public SoundMemory(float[][] embeddings, String[] sources, int k, double temperature) {
		if (embeddings.length == 0) throw new IllegalArgumentException("A sound memory needs at least one sound.");
		if (sources.length != embeddings.length)
			throw new IllegalArgumentException(sources.length + " source names for " + embeddings.length + " sounds");
		if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
		if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
		for (float[] e : embeddings)
			if (e.length != embeddings[0].length) throw new IllegalArgumentException("Remembered embeddings differ in " +
				"length: " + e.length + " and " + embeddings[0].length);
		this.embeddings = Arrays.stream(embeddings).map(float[]::clone).toArray(float[][]::new);
		this.sources = sources.clone();
		this.k = k;
		this.temperature = temperature;
	}

	public int size() {
		return embeddings.length;
	}

	public int dimension() {
		return embeddings[0].length;
	}

	public int k() {
		return k;
	}

	public double temperature() {
		return temperature;
	}

	/** The embedding the generator is given for {@code embedding}: the weighted mean of the nearest remembered. */
	public float[] recall(float[] embedding) {
		if (embedding.length != dimension()) throw new IllegalArgumentException("Embedding of length " + embedding
			.length + " for a sound memory of length " + dimension());
		int n = embeddings.length, take = Math.min(k, n);
		double[] cos = new double[n];
		double norm = norm(embedding);
		for (int i = 0; i < n; i++)
			cos[i] = dot(embedding, embeddings[i]) / Math.max(1e-12, norm * norm(embeddings[i]));
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(cos[b], cos[a]));
		double[] w = new double[take];
		double sum = 0;
		for (int j = 0; j < take; j++) // relative to the best, so exp never overflows at small temperatures
			sum += w[j] = Math.exp((cos[order[j]] - cos[order[0]]) / temperature);
		float[] out = new float[dimension()];
		for (int j = 0; j < take; j++) {
			float[] e = embeddings[order[j]];
			for (int d = 0; d < out.length; d++)
				out[d] += (float) (w[j] / sum * e[d]);
		}
		return out;
	}

	private static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += (double) a[i] * b[i];
		return s;
	}

	private static double norm(float[] a) {
		return Math.sqrt(dot(a, a));
	}

	/** Serialised form. */
	private static final class Json {

		int k;
		double temperature;
		String[] sources;
		float[][] embeddings;
	}

	/**
	 * The package file's bytes, made once: the model's id, model.json's hash and the package writer all need them
	 * (180 remembered sounds made 272 KB of JSON). Callers in this package do not modify the array.
	 */
	byte[] toJson() {
		byte[] b = json;
		if (b == null) {
			Json j = new Json();
			j.k = k;
			j.temperature = temperature;
			j.sources = sources;
			j.embeddings = embeddings;
			json = b = GSON.toJson(j).getBytes(StandardCharsets.UTF_8);
		}
		return b;
	}

	/** Parses {@value #FILE_NAME}; {@code where} names the package and {@code dimension} the model's embedding length. */
	static SoundMemory parse(byte[] json, String where, int dimension) throws ModelException {
		Json j;
		try {
			j = GSON.fromJson(new String(json, StandardCharsets.UTF_8), Json.class);
		}
		catch (JsonParseException e) {
			throw new ModelException(where + ": " + FILE_NAME + " is not valid JSON (" + e.getMessage() + ").");
		}
		if (j == null || j.embeddings == null || j.sources == null)
			throw new ModelException(where + ": " + FILE_NAME + " lacks 'embeddings' or 'sources'. Make it again " +
				"with 'audiostyle remember'.");
		try {
			SoundMemory m = new SoundMemory(j.embeddings, j.sources, j.k, j.temperature);
			if (m.dimension() != dimension) throw new ModelException(where + ": " + FILE_NAME + " holds embeddings of " +
				"length " + m.dimension() + ", but the model's are " + dimension + " long: it belongs to another " +
				"model. Make it again with 'audiostyle remember'.");
			return m;
		}
		catch (IllegalArgumentException e) {
			throw new ModelException(where + ": " + FILE_NAME + " is not usable: " + e.getMessage());
		}
	}
}
