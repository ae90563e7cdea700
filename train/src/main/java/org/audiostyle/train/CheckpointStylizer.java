package org.audiostyle.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.stylize.ColourGridPass;
import org.audiostyle.stylize.MixEmbedding;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.StrengthBlend;
import org.audiostyle.stylize.StylizeFunction;
import org.audiostyle.image.PlanarImage;

/**
 * Stylizes with the generator and audio encoder of a training checkpoint, at the image's own size (the generator is
 * fully convolutional), so a run can be looked at and evaluated before it is exported as a model package. The sound
 * goes through the project's audio front end ({@link AudioFrontEnd#prepare(SoundMix)}) and is mixed as the exported
 * model would mix it ({@link MixEmbedding}); the audio encoder runs in inference mode. Not thread-safe.
 */
public final class CheckpointStylizer implements StylizeFunction, AutoCloseable {

	private final NDManager manager;
	private final StyleNetworks nets;
	private final long step;

	private CheckpointStylizer(NDManager manager, StyleNetworks nets, long step) {
		this.manager = manager;
		this.nets = nets;
		this.step = step;
	}

	/** A run folder (its newest checkpoint) or a checkpoint file. */
	public static CheckpointStylizer open(Path runDirOrCheckpoint) throws IOException {
		Path ck = Files.isDirectory(runDirOrCheckpoint) ? Checkpoint.latest(runDirOrCheckpoint.resolve("checkpoints")) :
			runDirOrCheckpoint;
		if (ck == null || !Files.isRegularFile(ck)) throw new IOException("No checkpoint found at " +
			runDirOrCheckpoint + ".");
		NDManager manager = org.audiostyle.runtime.DjlRuntime.engine().newBaseManager();
		try (NDManager tmp = manager.newSubManager()) {
			Checkpoint c = Checkpoint.read(ck, tmp);
			TrainConfig config = TrainConfig.fromJson(c.meta.get("config").toString());
			StyleNetworks nets = new StyleNetworks(config.networkConfig(), manager, config.seed);
			Map<String, NDArray> byName = new java.util.HashMap<>();
			for (NDArray a : c.arrays)
				byName.put(a.getName(), a);
			for (ParameterGroup g : new ParameterGroup[] { nets.generatorParams(), nets.audioParams() })
				for (Map.Entry<String, NDArray> e : g.all().entrySet()) {
					NDArray src = byName.get(g.name() + "/" + e.getKey());
					if (src == null) throw new IOException(ck + " lacks " + g.name() + "/" + e.getKey());
					e.getValue().set(src.toFloatArray());
				}
			return new CheckpointStylizer(manager, nets, c.meta.get("step").getAsLong());
		}
		catch (IOException | RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	public long step() {
		return step;
	}

	@Override
	public PlanarImage stylize(PlanarImage image, SoundMix sound) throws IOException {
		float[] embedding = MixEmbedding.of(sound, this::embedWaveform);
		if (nets.colourGrid() != null) return ColourGridPass.apply(nets.colourGrid(), manager, image, embedding,
			StylizeSettings.DEFAULT_WORK_SIZE, sound.strength());
		try (NDManager m = manager.newSubManager()) {
			NDArray emb = m.create(embedding, new Shape(1, embedding.length));
			NDArray in = m.create(image.toNetworkRange(), new Shape(1, 3, image.height, image.width));
			NDArray out = nets.resnet().infer(m, in, emb, null);
			return StrengthBlend.apply(image, PlanarImage.fromNetworkRange(image.width, image.height, out.toFloatArray())
				.clamp(), sound.strength());
		}
	}

	private float[] embedWaveform(float[] wav) {
		try (NDManager m = manager.newSubManager()) {
			return nets.embed(nets.spectrogram(m.create(wav, new Shape(1, wav.length))), false).toFloatArray();
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
