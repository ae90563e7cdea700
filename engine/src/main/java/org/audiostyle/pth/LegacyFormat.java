package org.audiostyle.pth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The serialization of PyTorch 0.4 to 1.5 (still written by {@code torch.save(..., _use_new_zipfile_serialization=
 * False)}): five pickles in a row (magic number, protocol version 1001, system info, the state dict, the sorted list of
 * storage keys), then each storage as an 8-byte element count followed by its raw elements.
 */
final class LegacyFormat {

	private LegacyFormat() {}

	static PthCheckpoint read(Path file, long fileSize) throws CheckpointException {
		if (fileSize > Integer.MAX_VALUE - 8)
			throw new CheckpointException("Cannot load " + file + ": legacy-format checkpoints over 2 GB are not " +
				"supported. Re-save it with a recent PyTorch: torch.save(torch.load('old.pth'), 'new.pth').");
		byte[] all;
		try {
			all = Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new CheckpointException("Cannot read checkpoint " + file + ": " + e.getMessage(), e);
		}
		String where = file + " (legacy format)";
		int pos = 15; // the magic-number pickle, already matched by PthReader
		RestrictedUnpickler p = new RestrictedUnpickler(all, pos, all.length, where,
			RestrictedUnpickler.PidStyle.LEGACY);
		Object protocol = p.load();
		if (!Long.valueOf(1001).equals(protocol))
			throw new CheckpointException("Cannot load " + file + ": unknown legacy protocol version " + protocol +
				" (expected 1001). Re-save it with a recent PyTorch: torch.save(torch.load('old.pth'), 'new.pth').");
		p = new RestrictedUnpickler(all, p.position(), all.length, where, RestrictedUnpickler.PidStyle.LEGACY);
		Object sysInfo = p.load();
		ByteOrder order = ByteOrder.LITTLE_ENDIAN;
		if (sysInfo instanceof Py.Dict && Boolean.FALSE.equals(((Py.Dict) sysInfo).items.get("little_endian")))
			order = ByteOrder.BIG_ENDIAN;
		p = new RestrictedUnpickler(all, p.position(), all.length, where, RestrictedUnpickler.PidStyle.LEGACY);
		Object root = p.load();
		p = new RestrictedUnpickler(all, p.position(), all.length, where, RestrictedUnpickler.PidStyle.LEGACY);
		Object keyList = p.load();
		if (!(keyList instanceof ArrayList))
			throw new CheckpointException("Cannot load " + file + ": the legacy storage key list is missing. The file " +
				"is damaged: download or copy it again.");
		Map<String, StorageRef> declared = new HashMap<>();
		collectStorages(root, declared);
		Map<String, ByteBuffer> data = new HashMap<>();
		pos = p.position();
		Set<String> seen = new HashSet<>();
		for (Object k : (List<?>) keyList) {
			StorageRef ref = k instanceof String ? declared.get(k) : null;
			if (ref == null || !seen.add((String) k))
				throw new CheckpointException("Cannot load " + file + ": the legacy storage list names a storage the " +
					"state dict does not use. The file is damaged or not a state dict.");
			if (all.length - pos < 8) throw truncated(file);
			long count = ByteBuffer.wrap(all, pos, 8).order(order).getLong();
			pos += 8;
			if (count != ref.numel)
				throw new CheckpointException("Cannot load " + file + ": storage '" + ref.key + "' holds " + count +
					" elements but the state dict says " + ref.numel + ". The file is damaged.");
			long bytes = PthReader.storageBytes(ref, file);
			if (all.length - pos < bytes) throw truncated(file);
			data.put(ref.key, ByteBuffer.wrap(all, pos, (int) bytes).slice());
			pos += (int) bytes;
		}
		if (pos != all.length)
			throw new CheckpointException("Cannot load " + file + ": " + (all.length - pos) + " unexpected bytes " +
				"follow the storages. The file is damaged.");
		return PthReader.assemble(file, "legacy (PyTorch < 1.6)", root, ref -> {
			ByteBuffer b = data.get(ref.key);
			if (b == null) throw truncated(file);
			return b.duplicate();
		}, order);
	}

	/** Storage references of the state dict's tensors, by key. */
	private static void collectStorages(Object root, Map<String, StorageRef> out) {
		if (!(root instanceof Py.Dict)) return;
		for (Object v : ((Py.Dict) root).items.values())
			if (v instanceof TensorRef) out.put(((TensorRef) v).storage.key, ((TensorRef) v).storage);
	}

	private static CheckpointException truncated(Path file) {
		return new CheckpointException("Cannot load " + file + ": the legacy-format file ends early. It is " +
			"truncated: download or copy it again.");
	}
}
