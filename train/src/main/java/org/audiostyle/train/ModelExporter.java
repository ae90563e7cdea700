package org.audiostyle.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.TorchBlock;

/**
 * Writes the trained generator and audio encoder as a model package. The trainer only knows this interface; the
 * project's model package format plugs in here ({@link PackageExporter}).
 */
public interface ModelExporter {

	/**
	 * @param info free-form facts for the package's manifest (recipe, steps, data, final losses, ...)
	 * @param destination directory (or file, if the format is a single file) to write atomically
	 */
	void export(TorchBlock generator, AudioEncoder audio, Map<String, String> info, Path destination)
		throws IOException;
}
