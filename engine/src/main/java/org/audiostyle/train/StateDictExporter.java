package org.audiostyle.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.GsonBuilder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.TorchBlock;
import org.audiostyle.train.data.AtomicFiles;

/**
 * Stand-in {@link ModelExporter} until the project's StyleModel format is wired: a directory with
 * {@code generator.ndlist} and {@code audio.ndlist} (every state-dict entry, named by its PyTorch key, DJL NDList
 * encoding) and {@code manifest.json} (network configuration and the trainer's facts).
 */
public final class StateDictExporter implements ModelExporter {

	@Override
	public void export(ResnetGenerator generator, AudioEncoder audio, Map<String, String> info, Path destination)
		throws IOException
	{
		Files.createDirectories(destination);
		AtomicFiles.write(destination.resolve("generator.ndlist"), encode(generator));
		AtomicFiles.write(destination.resolve("audio.ndlist"), encode(audio));
		Map<String, Object> manifest = new TreeMap<>(info);
		manifest.put("network", TrainConfig.Network.of(generator.config()));
		manifest.put("format", "audiostyle-statedict-1");
		AtomicFiles.write(destination.resolve("manifest.json"), new GsonBuilder().setPrettyPrinting().create().toJson(
			manifest).getBytes(StandardCharsets.UTF_8));
	}

	static byte[] encode(TorchBlock block) throws IOException {
		NDList list = new NDList();
		for (Map.Entry<String, Parameter> e : block.stateDict().entrySet()) {
			NDArray a = e.getValue().getArray().duplicate();
			a.setName(e.getKey());
			list.add(a);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		list.encode(out);
		list.close();
		return out.toByteArray();
	}
}
