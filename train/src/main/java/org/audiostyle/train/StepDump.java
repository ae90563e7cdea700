package org.audiostyle.train;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.audiostyle.runtime.DjlRuntime;
import org.audiostyle.train.data.TrainingData;

/**
 * Writes what a PyTorch replica of the GAN step needs to redo this trainer's first GAN step exactly, and the losses
 * that step gave: every network's arrays ({@code weights.f32} + {@code index.json}: group, key, shape), the batch
 * ({@code content.f32}, {@code paired.f32}, {@code wav.f32}, and the spectrogram mask when {@code specAugment} is
 * on), the PatchNCE patch ids ({@code ids.json}) and {@code losses.json}. Generated data as {@link StepBenchmark}'s;
 * the learning rate is set to 1e-30 so that the losses are those of the initial weights.
 * {@code java ... org.audiostyle.train.StepDump CONFIG.json OUT_DIR}; {@code tools/bench/torch_gan_step.py CONFIG.json
 * --check OUT_DIR} compares (what {@code tools/bench/gan-step-vs-pytorch.sh --check} runs).
 */
public final class StepDump {

	private StepDump() {}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) throw new IllegalArgumentException("usage: StepDump CONFIG.json OUT_DIR");
		TrainConfig c = TrainConfig.read(Path.of(args[0]));
		if (c.recordingSimulation || c.freezeAudioEncoder || c.mixedSounds > 0 || c.embeddingNoise > 0 ||
			c.network.audioInput != null || c.network.audioNetwork != null)
			throw new IllegalArgumentException(args[0] + " sets recordingSimulation, freezeAudioEncoder, mixedSounds, " +
				"embeddingNoise or network.audioInput/audioNetwork, which the PyTorch replica does not redo; check a " +
				"copy with them off.");
		Path out = Path.of(args[1]);
		Files.createDirectories(out);
		c.pretrainSteps = 0;
		c.steps = 2;
		c.lr = 1e-30;
		c.sampleEvery = 0;
		c.checkpointEvery = 0;
		TrainingData data = StepBenchmark.generated(c.loadSize(), Math.max(2, c.batch));
		try (Trainer t = new Trainer(c, data); NDManager m = DjlRuntime.engine().newBaseManager()) {
			// the trainer's own random streams, replayed from the same seeds (see the Trainer's constructor)
			SeededRandom dataRng = new SeededRandom(Trainer.streamSeed(c.seed, 5));
			Batch b = Batch.draw(data, c.batch, c.crop, c.flip, c.randomAudioWindow, dataRng);
			write(out.resolve("content.f32"), b.content);
			write(out.resolve("paired.f32"), b.paired);
			write(out.resolve("wav.f32"), b.waveforms);
			if (c.specAugment)
				write(out.resolve("mask.f32"), SpectrogramMasking.apply(m.ones(new Shape(b.size, 1, 257, 301)), dataRng)
					.toFloatArray());
			int[] layers = c.nceLayers != null ? c.nceLayers : StyleNetworks.defaultNceLayers(c.networkConfig());
			List<NDArray> features = t.networks().encode(m.create(b.content, new Shape(b.size, 3, b.crop, b.crop)),
				layers);
			SeededRandom patchRng = new SeededRandom(Trainer.streamSeed(c.seed, 6));
			StringBuilder ids = new StringBuilder("[");
			for (int i = 0; i < features.size(); i++) {
				Shape s = features.get(i).getShape();
				int[] p = PatchNce.samplePatchIds(Math.toIntExact(s.get(2) * s.get(3)), c.ncePatches, patchRng);
				ids.append(i == 0 ? "" : ",").append(Arrays.toString(p));
			}
			Files.writeString(out.resolve("ids.json"), ids.append("]").toString());
			StepLosses l = t.trainStep();
			Files.writeString(out.resolve("losses.json"), String.format(Locale.ROOT, "{\"d\": %s, \"gan\": %s, " +
				"\"nceX\": %s, \"nceY\": %s, \"avGenerator\": %s, \"avCritic\": %s, \"colourMoments\": %s, " +
				"\"sceneStatistics\": %s}", json(l.d), json(l.gan), json(l.nceX), json(l.nceY), json(l.avGenerator),
				json(l.avCritic), json(l.colourMoments), json(l.sceneStatistics)));
			StringBuilder index = new StringBuilder("[");
			boolean first = true;
			try (DataOutputStream w = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve(
				"weights.f32"))))) {
				for (ParameterGroup g : t.parameterGroups()) {
					System.out.println("java params " + g.name() + " " + g.parameterCount());
					for (Map.Entry<String, NDArray> e : g.all().entrySet()) {
						w.write(littleEndian(e.getValue().toFloatArray()));
						index.append(first ? "" : ",\n").append(String.format(Locale.ROOT, "{\"group\": \"%s\", " +
							"\"key\": \"%s\", \"shape\": %s, \"parameter\": %b}", g.name(), e.getKey(), Arrays.toString(e
								.getValue().getShape().getShape()), g.parameters().containsKey(e.getKey())));
						first = false;
					}
				}
			}
			Files.writeString(out.resolve("index.json"), index.append("]").toString());
			System.out.println("losses " + Files.readString(out.resolve("losses.json")));
		}
	}

	private static String json(double v) {
		return Double.isNaN(v) ? "null" : Double.toString(v);
	}

	private static byte[] littleEndian(float[] v) {
		ByteBuffer bb = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		bb.asFloatBuffer().put(v);
		return bb.array();
	}

	private static void write(Path p, float[] v) throws IOException {
		Files.write(p, littleEndian(v));
	}
}
