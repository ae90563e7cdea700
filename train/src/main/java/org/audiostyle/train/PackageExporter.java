package org.audiostyle.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.TorchBlock;
import org.audiostyle.stylize.Bf16Check;

/** Writes trained networks as a normal model package ({@link StyleModel}), usable everywhere a model is accepted. */
public final class PackageExporter implements ModelExporter {

	private final String name;
	private final int trainedImageSize;

	/** Names the package after its folder and records the training crop as the model's image size. */
	public PackageExporter() {
		this(null, 0);
	}

	public PackageExporter(String name, int trainedImageSize) {
		this.name = name;
		this.trainedImageSize = trainedImageSize;
	}

	@Override
	public void export(TorchBlock generator, AudioEncoder audio, Map<String, String> info, Path destination)
		throws IOException
	{
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("source", "trained");
		provenance.putAll(info);
		String n = name != null ? name : destination.getFileName().toString().replaceFirst("\\.zip$", "");
		try (StyleModel m = StyleModel.fromNetworks(generator, audio, audio.config(), n,
			"Trained by Audio Style (" + info.getOrDefault("recipe", "?") + " recipe).", provenance))
		{
			int size = trainedImageSize;
			if (size <= 0 && info.containsKey("crop")) size = Integer.parseInt(info.get("crop"));
			if (size > 0) m.manifest().trainedImageSize = size;
			Bf16Check.record(m);
			m.save(destination, true);
		}
		catch (ModelException e) {
			throw new IOException("Cannot write the model package " + destination + ": " + e.getMessage(), e);
		}
	}
}
