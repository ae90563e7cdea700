package org.audiostyle.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** The files of a model package, read from a directory or a .zip (whose entries may sit under one folder). */
class PackageFiles {

	/**
	 * Packages are small: the largest configuration ('paper') has 50 MB of generator weights, and model.json a few
	 * KB. Anything far larger is not one of ours, and is refused before it can exhaust memory.
	 */
	private static final long MAX_ENTRY = 256L << 20;
	private static final long MAX_JSON = 1L << 20;

	private final String where;
	private final Map<String, byte[]> files;

	private PackageFiles(String where, Map<String, byte[]> files) {
		this.where = where;
		this.files = files;
	}

	static PackageFiles open(Path path) throws ModelException {
		if (!Files.exists(path))
			throw new ModelException("Model " + path + " does not exist. Give a model folder or .zip " +
				"(make one with 'audiostyle init-model', 'train' or 'import').");
		return Files.isDirectory(path) ? directory(path) : zip(path);
	}

	private static PackageFiles directory(Path dir) throws ModelException {
		Map<String, byte[]> files = new HashMap<>();
		try (var stream = Files.list(dir)) {
			for (Path p : (Iterable<Path>) stream::iterator)
				if (Files.isRegularFile(p)) files.put(p.getFileName().toString(), null);
		}
		catch (IOException e) {
			throw new ModelException("Cannot list model folder " + dir + ": " + e.getMessage(), e);
		}
		return new PackageFiles(dir.toString(), files) {

			@Override
			byte[] read(String name) throws ModelException {
				require(name);
				try {
					Path f = dir.resolve(name);
					// RandomAccessFile, not a channel: its natives are linked when the JVM starts (it reads the
					// jars), a channel's are not, and linking them waits while libtorch loads on another thread
					// (docs/end-to-end-speed.md, section 8): a model folder is read during that load
					try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(f.toFile(), "r")) {
						long size = in.length();
						if (size > limit(name)) throw tooLarge(name, limit(name));
						byte[] b = new byte[(int) size];
						int n = readInPieces(in::read, b);
						if (n < b.length || in.read() >= 0) // changed while read: read it again as it is now
							return Files.readAllBytes(f);
						return b;
					}
					catch (java.io.FileNotFoundException e) {
						if (!Files.exists(f)) throw missing(name);
						throw new ModelException("Cannot read " + f + ": " + e.getMessage(), e);
					}
				}
				catch (NoSuchFileException e) {
					throw missing(name);
				}
				catch (IOException e) {
					throw new ModelException("Cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
				}
			}
		};
	}

	/**
	 * A zip package, read entry by entry on demand (through its central directory), so entries the package does not
	 * need are never unpacked and each read is capped: a zip bomb costs neither memory nor time. Entries whose names
	 * climb out of the package ({@code ../}, absolute paths) are refused: no tool of ours writes them, and an unpacker
	 * run on such a file by hand would write outside its folder.
	 */
	private static PackageFiles zip(Path zip) throws ModelException {
		Map<String, byte[]> names = new HashMap<>();
		Map<String, String> entryOf = new HashMap<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (ZipEntry e : java.util.Collections.list(z.entries())) {
				String name = e.getName();
				if (escapes(name)) throw new ModelException(zip + " holds the entry '" + name + "', which points " +
					"outside the package: it was not made by Audio Style and is refused. Use a package written by " +
					"'audiostyle init-model', 'train', 'export' or 'import'.");
				if (e.isDirectory()) continue;
				String file = name.substring(name.lastIndexOf('/') + 1);
				names.put(file, null);
				entryOf.put(file, name);
			}
		}
		catch (ZipException e) {
			throw new ModelException(zip + " is not a readable zip file (" + e.getMessage() + "). Give a model " +
				"folder or the .zip written by 'audiostyle init-model', 'train', 'export' or 'import'.", e);
		}
		catch (IOException e) {
			throw new ModelException("Cannot read model " + zip + ": " + e.getMessage(), e);
		}
		if (names.isEmpty()) throw new ModelException(zip + " is not a model package: the zip file is empty.");
		return new PackageFiles(zip.toString(), names) {

			@Override
			byte[] read(String name) throws ModelException {
				require(name);
				try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(entryOf.get(
					name))))
				{
					return capped(in, name);
				}
				catch (IOException e) {
					throw new ModelException("Cannot read " + name + " in " + zip + ": " + e.getMessage(), e);
				}
			}
		};
	}

	private static boolean escapes(String entry) {
		String n = entry.replace('\\', '/');
		return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../");
	}

	/** Reads at most the cap for {@code name}; more means it is not one of our files. */
	byte[] capped(InputStream in, String name) throws IOException, ModelException {
		long cap = limit(name);
		byte[] b = in.readNBytes((int) cap + 1);
		if (b.length > cap) throw tooLarge(name, cap);
		return b;
	}

	private static long limit(String name) {
		return name.endsWith(".json") ? MAX_JSON : MAX_ENTRY;
	}

	ModelException tooLarge(String name, long cap) {
		return new ModelException(where + ": " + name + " is larger than " + (cap >> 20) + " MB unpacked, far " +
			"beyond any model package (a damaged file or a zip bomb). Use a package made by Audio Style.");
	}

	/**
	 * The package bundled as class-path resources under {@code folder} (e.g. inside the engine jar): null when one of
	 * {@code names} is missing; {@code optional} files (a sound memory) are read when present.
	 */
	static PackageFiles resources(String folder, String[] optional, String... names) throws ModelException {
		Map<String, byte[]> files = new HashMap<>();
		for (String n : names) {
			byte[] b = resource(folder, n);
			if (b == null) return null;
			files.put(n, b);
		}
		for (String n : optional) {
			byte[] b = resource(folder, n);
			if (b != null) files.put(n, b);
		}
		return new PackageFiles("bundled model " + folder, files);
	}

	/**
	 * One class-path resource's bytes, or null when there is none. Read into an array of the size the jar (or file)
	 * declares where it declares one: {@code readAllBytes} gathers an unknown length in pieces and then copies them
	 * into one array, which for the 21 MB generator means twice its size in fresh memory (costly on a VM, see
	 * docs/end-to-end-speed.md).
	 */
	private static byte[] resource(String folder, String name) throws ModelException {
		java.net.URL url = PackageFiles.class.getResource(folder + "/" + name);
		if (url == null) return null;
		try {
			java.net.URLConnection c = url.openConnection();
			long size = c.getContentLengthLong();
			try (InputStream in = c.getInputStream()) {
				if (size < 0 || size > Integer.MAX_VALUE - 8) return in.readAllBytes();
				byte[] b = new byte[(int) size];
				int n = readInPieces(in::read, b);
				if (n < b.length) return java.util.Arrays.copyOf(b, n); // shorter than declared: what is there
				if (in.read() < 0) return b;
			}
			// longer than declared (should not happen): read it again without trusting the length
			try (InputStream in = url.openStream()) {
				return in.readAllBytes();
			}
		}
		catch (IOException e) {
			throw new ModelException("Cannot read bundled model resource " + folder + "/" + name + ": " + e
				.getMessage(), e);
		}
	}

	/**
	 * Fills {@code b} from {@code in} a megabyte at a time; returns the bytes read (fewer at the end of the stream).
	 * One read of the whole length makes the JDK's file reading allocate a native buffer of that length (fresh
	 * memory, faulted in page by page) and copy it over: reading the bundled model's 21 MB took 82-131 ms in a new
	 * JVM, in pieces 28-45 ms (docs/end-to-end-speed.md).
	 */
	static int readInPieces(Source in, byte[] b) throws IOException {
		int n = 0;
		while (n < b.length) {
			int r = in.read(b, n, Math.min(PIECE, b.length - n));
			if (r < 0) break;
			n += r;
		}
		return n;
	}

	private static final int PIECE = 1 << 20;

	/** What bytes are read from: an input stream's or a file's {@code read(byte[], int, int)}. */
	interface Source {
		int read(byte[] b, int off, int len) throws IOException;
	}

	String where() {
		return where;
	}

	boolean has(String name) {
		return files.containsKey(name);
	}

	byte[] read(String name) throws ModelException {
		require(name);
		return files.get(name);
	}

	void require(String name) throws ModelException {
		if (!files.containsKey(name)) throw missing(name);
	}

	ModelException missing(String name) {
		return new ModelException(where + " is missing " + name + ". A model package holds " +
			ModelManifest.FILE_NAME + ", generator.params and audio.params.");
	}
}
