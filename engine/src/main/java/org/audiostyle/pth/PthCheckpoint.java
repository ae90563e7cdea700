package org.audiostyle.pth;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PyTorch state dict read by {@link PthReader}: its tensors in file order plus notes about what was adjusted. */
public final class PthCheckpoint {

	private final Path source;
	private final String format;
	private final LinkedHashMap<String, TensorData> tensors;
	private final List<String> notes;

	PthCheckpoint(Path source, String format, LinkedHashMap<String, TensorData> tensors, List<String> notes) {
		this.source = source;
		this.format = format;
		this.tensors = tensors;
		this.notes = Collections.unmodifiableList(notes);
	}

	/** The file it was read from. */
	public Path source() {
		return source;
	}

	/** How it was stored, e.g. {@code zip (top folder 'latest_net_G', version 3)} or {@code legacy}. */
	public String format() {
		return format;
	}

	/** Key to tensor, in the order of the file (the module registration order). Unmodifiable. */
	public Map<String, TensorData> tensors() {
		return Collections.unmodifiableMap(tensors);
	}

	/** A modifiable copy of the tensor map. */
	public LinkedHashMap<String, TensorData> copyOfTensors() {
		return new LinkedHashMap<>(tensors);
	}

	/** Human-readable notes, e.g. that DataParallel's "module." prefix was removed. */
	public List<String> notes() {
		return notes;
	}

	/** Total element count of all tensors. */
	public long totalElements() {
		long n = 0;
		for (TensorData t : tensors.values())
			n += t.numel();
		return n;
	}
}
