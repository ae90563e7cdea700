package org.audiostyle.pth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads PyTorch state dicts written by {@code torch.save(model.state_dict(), path)}, without Python and without running
 * anything from the file.
 *
 * <p>Formats: the zip format of PyTorch 1.6 and later ({@code <top>/data.pkl}, storages in {@code <top>/data/<key>},
 * {@code <top>/version}; {@code <top>} is {@code archive} or the file's stem, depending on the PyTorch version) and the
 * legacy format of earlier versions (consecutive pickles followed by raw storages). The older tar format and TorchScript
 * archives are recognised and refused with a message saying what to do.
 *
 * <p>The pickle is run by {@link RestrictedUnpickler}; see there for what is accepted.
 */
public final class PthReader {

	/** data.pkl of a state dict is a few kilobytes per hundred tensors; anything this big is not one. */
	static final int MAX_PICKLE_BYTES = 64 << 20;
	/** PyTorch stores its zip entries uncompressed; a compressed entry may not expand beyond this factor. */
	static final long MAX_EXPANSION = 64;

	private static final byte[] LEGACY_MAGIC = { (byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c,
		0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e };
	private static final String RESAVE = "Re-save it with a recent PyTorch: torch.save(torch.load('old.pth'), " +
		"'new.pth').";

	private PthReader() {}

	/** Reads a checkpoint; fails with a message naming the file, the problem and the remedy. */
	public static PthCheckpoint read(Path file) throws CheckpointException {
		byte[] head = new byte[512];
		int headLength;
		long fileSize;
		try (InputStream in = Files.newInputStream(file)) {
			fileSize = Files.size(file);
			headLength = in.readNBytes(head, 0, head.length);
		}
		catch (NoSuchFileException e) {
			throw new CheckpointException("Checkpoint " + file + " does not exist.");
		}
		catch (IOException e) {
			throw new CheckpointException("Cannot read checkpoint " + file + ": " + e.getMessage(), e);
		}
		if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
			return readZip(file, fileSize);
		if (startsWith(head, headLength, LEGACY_MAGIC)) return LegacyFormat.read(file, fileSize);
		if (headLength >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar"))
			throw new CheckpointException("Cannot load " + file + ": it is in the tar format of PyTorch 0.3 and " +
				"earlier, which is not supported. " + RESAVE);
		if (headLength >= 4 && head[0] == 'P' && head[1] == 'K')
			throw new CheckpointException("Cannot load " + file + ": it looks like a damaged or split zip archive. " +
				"Download or copy it again.");
		if (headLength > 0 && (head[0] & 0xff) == 0x80)
			throw new CheckpointException("Cannot load " + file + ": it is a Python pickle but not a torch.save " +
				"checkpoint (no PyTorch header). Save the model with torch.save(model.state_dict(), path).");
		throw new CheckpointException("Cannot load " + file + ": it is not a PyTorch checkpoint (" +
			(headLength == 0 ? "the file is empty" : "unknown header") + "). Expected a .pth file written by " +
			"torch.save(model.state_dict(), path).");
	}

	/** Reads a checkpoint and returns just its tensors, key to tensor in file order. */
	public static LinkedHashMap<String, TensorData> readStateDict(Path file) throws CheckpointException {
		return read(file).copyOfTensors();
	}

	// ---- zip format -----------------------------------------------------------------------------------------------

	private static PthCheckpoint readZip(Path file, long fileSize) throws CheckpointException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			String top = topFolder(zip, file);
			String version = text(zip, top + "/version", file);
			String byteOrder = text(zip, top + "/byteorder", file);
			ByteOrder order = ByteOrder.LITTLE_ENDIAN;
			if ("big".equals(byteOrder)) order = ByteOrder.BIG_ENDIAN;
			else if (byteOrder != null && !"little".equals(byteOrder))
				throw new CheckpointException("Cannot load " + file + ": unknown byte order '" + Py.quote(byteOrder) +
					"'.");
			ZipEntry pklEntry = zip.getEntry(top + "/data.pkl");
			byte[] pkl = readEntry(zip, pklEntry, MAX_PICKLE_BYTES, file, "its data.pkl");
			String where = file + " (" + top + "/data.pkl)";
			Object root = new RestrictedUnpickler(pkl, 0, pkl.length, where, RestrictedUnpickler.PidStyle.ZIP).load();
			long budget = Math.max(fileSize, 1) * MAX_EXPANSION + (1 << 20);
			StorageSource storages = new StorageSource() {
				long used;

				@Override
				public ByteBuffer get(StorageRef ref) throws CheckpointException {
					ZipEntry e = zip.getEntry(top + "/data/" + ref.key);
					if (e == null)
						throw new CheckpointException("Cannot load " + file + ": storage '" + ref.key + "' named in " +
							"data.pkl is missing from the archive. The file is damaged: download or copy it again.");
					long expected = storageBytes(ref, file);
					used += expected;
					if (used > budget)
						throw new CheckpointException("Cannot load " + file + ": its storages expand to more than " +
							MAX_EXPANSION + " times the file size. The file is damaged or not a checkpoint.");
					byte[] data;
					try {
						data = readEntry(zip, e, expected, file, "storage '" + ref.key + "'");
					}
					catch (IOException x) {
						throw new CheckpointException("Cannot load " + file + ": storage '" + ref.key + "' cannot " +
							"be read (" + x.getMessage() + "). The file may be truncated or damaged: download or " +
							"copy it again.", x);
					}
					if (data.length != expected)
						throw new CheckpointException("Cannot load " + file + ": storage '" + ref.key + "' holds " +
							data.length + " bytes but data.pkl says " + ref.numel + " " + ref.dtype + " elements (" +
							expected + " bytes). The file is damaged: download or copy it again.");
					return ByteBuffer.wrap(data);
				}
			};
			String format = "zip (top folder '" + Py.quote(top) + "'" + (version == null ? "" : ", version " +
				Py.quote(version)) + ")";
			return assemble(file, format, root, storages, order);
		}
		catch (ZipException e) {
			throw new CheckpointException("Cannot load " + file + ": it is not a complete zip archive (" +
				e.getMessage() + "). It may be truncated or damaged: download or copy it again.", e);
		}
		catch (IOException e) {
			throw new CheckpointException("Cannot read checkpoint " + file + ": " + e.getMessage() + ". It may be " +
				"truncated or damaged: download or copy it again.", e);
		}
	}

	/** The single folder holding data.pkl (TorchScript archives are told apart by their code). */
	private static String topFolder(ZipFile zip, Path file) throws CheckpointException {
		List<String> tops = new ArrayList<>();
		boolean torchScript = false;
		for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
			String name = en.nextElement().getName();
			int slash = name.indexOf('/');
			if (slash > 0 && name.substring(slash).equals("/data.pkl")) tops.add(name.substring(0, slash));
			if (slash > 0 && (name.startsWith("code/", slash + 1) || name.equals(name.substring(0, slash) +
				"/constants.pkl"))) torchScript = true;
		}
		if (torchScript)
			throw new CheckpointException("Cannot load " + file + ": it is a TorchScript archive (torch.jit.save), " +
				"not a state dict. Save the weights with torch.save(model.state_dict(), path) instead.");
		if (tops.size() != 1)
			throw new CheckpointException("Cannot load " + file + ": " + (tops.isEmpty() ? "the zip archive has no " +
				"<folder>/data.pkl, so it is not a PyTorch checkpoint" : "the zip archive has several data.pkl " +
				"files") + ". Expected a file written by torch.save(model.state_dict(), path).");
		return tops.get(0);
	}

	private static String text(ZipFile zip, String name, Path file) throws IOException, CheckpointException {
		ZipEntry e = zip.getEntry(name);
		if (e == null) return null;
		return new String(readEntry(zip, e, 64, file, name), StandardCharsets.UTF_8).trim();
	}

	/** Reads an entry, refusing to read more than max bytes whatever the headers claim. */
	private static byte[] readEntry(ZipFile zip, ZipEntry e, long max, Path file, String what) throws IOException,
		CheckpointException {
		if (e.getSize() > max)
			throw new CheckpointException("Cannot load " + file + ": " + what + " is " + e.getSize() + " bytes, " +
				"more than the " + max + " expected. The file is damaged or not a state dict.");
		try (InputStream in = zip.getInputStream(e)) {
			byte[] data = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
			if (in.read() >= 0)
				throw new CheckpointException("Cannot load " + file + ": " + what + " is larger than the " + max +
					" bytes expected. The file is damaged or not a state dict.");
			return data;
		}
	}

	// ---- shared between formats -----------------------------------------------------------------------------------

	/** Gives the bytes of a storage, exactly numel * element size long. */
	interface StorageSource {

		ByteBuffer get(StorageRef ref) throws CheckpointException;
	}

	static long storageBytes(StorageRef ref, Path file) throws CheckpointException {
		if (ref.numel > (Integer.MAX_VALUE - 8) / ref.dtype.bytes)
			throw new CheckpointException("Cannot load " + file + ": storage '" + ref.key + "' has " + ref.numel +
				" elements, more than one Java array can hold (2 GB).");
		return ref.numel * ref.dtype.bytes;
	}

	/** Checks the unpickled root is a name-to-tensor dict and copies every tensor out of its storage. */
	static PthCheckpoint assemble(Path file, String format, Object root, StorageSource storages, ByteOrder order)
		throws CheckpointException {
		if (!(root instanceof Py.Dict))
			throw new CheckpointException("Cannot load " + file + ": it holds a " + Py.typeName(root) + ", not a " +
				"state dict (a dict of tensors). Save it with torch.save(model.state_dict(), path).");
		Map<Object, Object> items = ((Py.Dict) root).items;
		for (Map.Entry<Object, Object> e : items.entrySet())
			if (!(e.getKey() instanceof String) || !(e.getValue() instanceof TensorRef)) {
				String keys = items.keySet().stream().limit(8).map(k -> k instanceof String ? "'" + Py.quote(
					(String) k) + "'" : Py.typeName(k)).reduce((a, b) -> a + ", " + b).orElse("");
				throw new CheckpointException("Cannot load " + file + ": it is a dict whose entry " + (e
					.getKey() instanceof String ? "'" + Py.quote((String) e.getKey()) + "'" : "") + " holds a " + Py
						.typeName(e.getValue()) + ", not a tensor (keys: " + keys + (items.size() > 8 ? ", ..." : "") +
					"). Expected a plain state dict: if this is a training checkpoint, save just the network with " +
					"torch.save(checkpoint['<network key>'], path).");
			}
		Map<String, ByteBuffer> cache = new LinkedHashMap<>();
		LinkedHashMap<String, TensorData> tensors = new LinkedHashMap<>();
		for (Map.Entry<Object, Object> e : items.entrySet()) {
			String name = (String) e.getKey();
			TensorRef ref = (TensorRef) e.getValue();
			String cacheKey = ref.storage.key;
			ByteBuffer data = cache.get(cacheKey);
			if (data == null) {
				data = storages.get(ref.storage).order(order);
				cache.put(cacheKey, data);
			}
			else if (data.capacity() != storageBytes(ref.storage, file))
				throw new CheckpointException("Cannot load " + file + ": storage '" + cacheKey + "' is declared " +
					"with two different sizes. The file is damaged.");
			tensors.put(name, TensorRebuilder.build(name, ref, data, file.toString()));
		}
		List<String> notes = new ArrayList<>();
		stripModulePrefix(tensors, notes);
		return new PthCheckpoint(file, format, tensors, notes);
	}

	/** nn.DataParallel wraps the network as ".module": its keys all start with "module.", which is dropped. */
	static void stripModulePrefix(LinkedHashMap<String, TensorData> tensors, List<String> notes) {
		if (tensors.isEmpty()) return;
		for (String k : tensors.keySet())
			if (!k.startsWith("module.")) return;
		LinkedHashMap<String, TensorData> stripped = new LinkedHashMap<>();
		for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
			String k = e.getKey().substring("module.".length());
			stripped.put(k, e.getValue().renamed(k));
		}
		tensors.clear();
		tensors.putAll(stripped);
		notes.add("Removed the 'module.' prefix from all " + stripped.size() + " keys (the network was saved " +
			"wrapped in torch.nn.DataParallel).");
	}

	private static boolean startsWith(byte[] head, int length, byte[] prefix) {
		if (length < prefix.length) return false;
		for (int i = 0; i < prefix.length; i++)
			if (head[i] != prefix[i]) return false;
		return true;
	}
}
