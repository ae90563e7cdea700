package org.audiostyle.pth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.StateDict;

/**
 * Imports the authors' released checkpoints ({@code latest_net_G.pth}, {@code latest_net_Audio.pth}) into the engine's
 * networks.
 *
 * <p>The network configuration is inferred from the shapes (ngf from {@code model_down.1.weight}, residual blocks from
 * the {@code conv_block} keys, embedding size from {@code model_up.1.weight} and {@code proj.weight}, audio width from
 * {@code AudioInconv.0.weight}; conditioning is always CONCAT, the paper's). Every key and shape is then checked
 * against the networks built for that configuration ({@link StateDict#of}): keys the networks need but the files lack
 * are "missing", keys the files hold but the networks do not use are "unexpected". Either refuses the import unless
 * {@code allowPartial}; a shape mismatch always does. BatchNorm's {@code num_batches_tracked} counters are ignored:
 * they only steer PyTorch's momentum=None averaging, which the paper does not use.
 */
public final class CheckpointImporter {

	private static final int LIST_LIMIT = 12;

	private CheckpointImporter() {}

	/** Reads both files and checks them; see the class comment. */
	public static ImportResult importCheckpoints(Path generatorPth, Path audioPth, boolean allowPartial)
		throws CheckpointException {
		return importCheckpoints(PthReader.read(generatorPth), PthReader.read(audioPth), allowPartial);
	}

	/** Checks two checkpoints already read. */
	public static ImportResult importCheckpoints(PthCheckpoint generator, PthCheckpoint audio, boolean allowPartial)
		throws CheckpointException {
		NetworkConfig config = inferConfig(generator, audio);
		Match g = match(generator, new ResnetGenerator(config), "generator");
		Match a = match(audio, new AudioEncoder(config), "audio");
		List<String> mismatches = new ArrayList<>(g.mismatches);
		mismatches.addAll(a.mismatches);
		if (!mismatches.isEmpty())
			throw new CheckpointException("Cannot import " + generator.source() + " and " + audio.source() + ": " +
				mismatches.size() + " tensor(s) do not fit the networks of the inferred configuration (" + config +
				"): " + list(mismatches) + ". The files are damaged or come from a different architecture.");
		boolean partial = !g.missing.isEmpty() || !a.missing.isEmpty() || !g.unexpected.isEmpty() || !a.unexpected
			.isEmpty();
		if (partial && !allowPartial) {
			StringBuilder b = new StringBuilder("Cannot import " + generator.source() + " and " + audio.source() +
				": the files do not match the networks exactly (" + config + ").");
			describe(b, "generator", g);
			describe(b, "audio", a);
			b.append(" Check that the files are the generator (net_G) and audio (net_Audio) checkpoints of one " +
				"AVStyle model; to import anyway, leaving missing weights at random values, allow a partial import.");
			throw new CheckpointException(b.toString());
		}
		List<String> notes = new ArrayList<>();
		for (PthCheckpoint c : new PthCheckpoint[] { generator, audio })
			for (String n : c.notes())
				notes.add(c.source().getFileName() + ": " + n);
		notes.addAll(g.notes);
		notes.addAll(a.notes);
		return new ImportResult(config, generator, audio, g.load, a.load, g.missing, a.missing, g.unexpected,
			a.unexpected, g.ignored.size() + a.ignored.size(), notes);
	}

	/** The configuration the two checkpoints were made with, from their tensor shapes. */
	public static NetworkConfig inferConfig(PthCheckpoint generator, PthCheckpoint audio) throws CheckpointException {
		checkRole(generator, true);
		checkRole(audio, false);
		Map<String, TensorData> g = generator.tensors();
		Map<String, TensorData> a = audio.tensors();
		long[] stem = shape(generator, "model_down.1.weight", 4);
		if (stem[1] != 3 || stem[2] != 7 || stem[3] != 7)
			throw notAvStyle(generator, "model_down.1.weight has shape " + Arrays.toString(stem) + ", expected " +
				"[ngf, 3, 7, 7]");
		int ngf = Math.toIntExact(stem[0]);
		int blocks = 0;
		while (g.containsKey("model_down." + (12 + blocks) + ".conv_block.1.weight"))
			blocks++;
		long[] up = shape(generator, "model_up.1.weight", 4);
		long embG = up[1] - 4L * ngf;
		if (embG < 1)
			throw notAvStyle(generator, "model_up.1.weight has " + up[1] + " input channels, not more than 4 * ngf = " +
				4 * ngf + ", so there is no audio embedding at the bottleneck");
		long[] inconv = shape(audio, "AudioInconv.0.weight", 4);
		int width = Math.toIntExact(inconv[0]);
		long[] proj = shape(audio, "proj.weight", 2);
		if (proj[1] != 8L * width)
			throw notAvStyle(audio, "proj.weight has shape " + Arrays.toString(proj) + ", expected [embedding, " +
				8 * width + "] for stem width " + width);
		if (proj[0] != embG)
			throw new CheckpointException("Cannot import " + generator.source() + " with " + audio.source() + ": " +
				"the generator expects a " + embG + "-d audio embedding but the audio network makes " + proj[0] +
				"-d ones. Use the two files of the same model.");
		try {
			return new NetworkConfig(ngf, blocks, width, Math.toIntExact(embG), NetworkConfig.Conditioning.CONCAT);
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			throw new CheckpointException("Cannot import " + generator.source() + " and " + audio.source() + ": " +
				"their shapes give an impossible configuration (" + e.getMessage() + ").", e);
		}
	}

	/**
	 * Every key the official state dict of the given network has, with its shape, in the network's order: the
	 * parameters and buffers of {@link StateDict#of} plus BatchNorm's scalar {@code num_batches_tracked} after each
	 * {@code running_var}. This is exactly what an import of that configuration checks.
	 */
	public static LinkedHashMap<String, long[]> officialShapes(Block network) {
		LinkedHashMap<String, long[]> out = new LinkedHashMap<>();
		for (Map.Entry<String, Parameter> e : StateDict.of(network).entrySet()) {
			out.put(e.getKey(), e.getValue().getShape().getShape());
			if (e.getKey().endsWith(".running_var"))
				out.put(batchCounterKey(e.getKey()), new long[0]);
		}
		return out;
	}

	// ---- matching --------------------------------------------------------------------------------------------------

	/** The comparison of one file with one network. */
	private static final class Match {

		final LinkedHashMap<String, TensorData> load = new LinkedHashMap<>();
		final List<String> missing = new ArrayList<>();
		final List<String> unexpected = new ArrayList<>();
		final List<String> mismatches = new ArrayList<>();
		final List<String> ignored = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
	}

	private static Match match(PthCheckpoint file, Block network, String role) {
		Match m = new Match();
		Map<String, TensorData> tensors = file.tensors();
		LinkedHashMap<String, Parameter> params = StateDict.of(network);
		int narrowed = 0;
		java.util.Set<String> narrowTypes = new java.util.TreeSet<>();
		for (Map.Entry<String, Parameter> e : params.entrySet()) {
			String key = e.getKey();
			TensorData t = tensors.get(key);
			long[] shape = e.getValue().getShape().getShape();
			if (t == null) m.missing.add(key);
			else if (!Arrays.equals(shape, t.shape()) || !t.dtype().isFloatingPoint())
				m.mismatches.add(role + " '" + key + "' is " + t + ", expected " + Arrays.toString(shape) +
					" floating point");
			else {
				m.load.put(key, t);
				if (t.dtype() != DType.FLOAT32) {
					narrowed++;
					narrowTypes.add(t.dtype().name().toLowerCase(java.util.Locale.ROOT));
				}
				float[] fixed = FixedBuffers.expected(key, shape);
				double d = fixed == null ? 0 : FixedBuffers.maxDifference(t.values(), fixed);
				if (d > FixedBuffers.TOLERANCE)
					m.notes.add("The " + role + "'s fixed buffer '" + key + "' differs from the paper's values by up " +
						"to " + (float) d + "; the file's values are used.");
			}
		}
		for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
			String key = e.getKey();
			if (params.containsKey(key)) continue;
			boolean counter = key.endsWith(".num_batches_tracked") && params.containsKey(key.substring(0, key
				.length() - "num_batches_tracked".length()) + "running_var") && e.getValue().numel() == 1;
			if (counter) m.ignored.add(key);
			else m.unexpected.add(key);
		}
		if (narrowed > 0)
			m.notes.add("The " + role + " file stores " + narrowed + " tensor(s) in reduced precision (" +
				String.join(", ", narrowTypes) + "); they " +
				"were widened to float32.");
		return m;
	}

	private static String batchCounterKey(String runningVarKey) {
		return runningVarKey.substring(0, runningVarKey.length() - "running_var".length()) + "num_batches_tracked";
	}

	/** Refuses an audio file given as generator (or the reverse), and the discriminator / PatchNCE files. */
	private static void checkRole(PthCheckpoint c, boolean generator) throws CheckpointException {
		Map<String, TensorData> t = c.tensors();
		String is = null;
		if (t.containsKey("AudioInconv.0.weight")) is = "the audio network (net_Audio)";
		else if (t.containsKey("model_down.1.weight")) is = "the generator (net_G)";
		else if (t.containsKey("model.0.weight")) is = "the discriminator (net_D)";
		else if (t.keySet().stream().anyMatch(k -> k.startsWith("mlp_"))) is = "the PatchNCE head (net_F)";
		String want = generator ? "the generator (net_G)" : "the audio network (net_Audio)";
		if (is == null)
			throw notAvStyle(c, "it has none of the AVStyle keys (e.g. " + (generator ? "model_down.1.weight" :
				"AudioInconv.0.weight") + ")");
		if (!is.equals(want))
			throw new CheckpointException("Cannot import " + c.source() + " as " + want + ": it is " + is + ". Pass " +
				"latest_net_G.pth as the generator and latest_net_Audio.pth as the audio network.");
	}

	private static long[] shape(PthCheckpoint c, String key, int dims) throws CheckpointException {
		TensorData t = c.tensors().get(key);
		if (t == null) throw notAvStyle(c, "it has no '" + key + "'");
		if (t.shape().length != dims)
			throw notAvStyle(c, "'" + key + "' has shape " + t.shapeString() + ", expected " + dims + " dimensions");
		return t.shape();
	}

	private static CheckpointException notAvStyle(PthCheckpoint c, String what) {
		return new CheckpointException("Cannot import " + c.source() + ": " + what + ". It is not an AVStyle " +
			"checkpoint of the expected kind (latest_net_G.pth / latest_net_Audio.pth from the authors' release).");
	}

	private static void describe(StringBuilder b, String role, Match m) {
		if (!m.missing.isEmpty())
			b.append(" Missing from the ").append(role).append(" file (").append(m.missing.size()).append("): ")
				.append(list(m.missing)).append('.');
		if (!m.unexpected.isEmpty())
			b.append(" Unexpected in the ").append(role).append(" file (").append(m.unexpected.size()).append("): ")
				.append(list(m.unexpected)).append('.');
	}

	static String list(List<String> items) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < items.size() && i < LIST_LIMIT; i++)
			b.append(i == 0 ? "" : ", ").append(items.get(i));
		if (items.size() > LIST_LIMIT) b.append(", ... (").append(items.size() - LIST_LIMIT).append(" more)");
		return b.toString();
	}
}
