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
import java.util.zip.ZipInputStream;

/** The files of a model package, read from a directory or a .zip (whose entries may sit under one folder). */
class PackageFiles {

	/** Packages are small (tens of MB); anything far larger is not one of ours. */
	private static final long MAX_ENTRY = 1L << 30;

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
					return Files.readAllBytes(dir.resolve(name));
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

	private static PackageFiles zip(Path zip) throws ModelException {
		Map<String, byte[]> files = new HashMap<>();
		try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
			ZipEntry e;
			boolean any = false;
			while ((e = z.getNextEntry()) != null) {
				any = true;
				if (e.isDirectory()) continue;
				String name = e.getName();
				name = name.substring(name.lastIndexOf('/') + 1);
				byte[] data = z.readNBytes((int) Math.min(MAX_ENTRY, Integer.MAX_VALUE - 8));
				files.put(name, data);
			}
			if (!any) throw new ModelException(zip + " is not a model package: it is not a zip file or it is empty.");
		}
		catch (ZipException e) {
			throw new ModelException(zip + " is not a readable zip file (" + e.getMessage() + ").", e);
		}
		catch (IOException e) {
			throw new ModelException("Cannot read model " + zip + ": " + e.getMessage(), e);
		}
		return new PackageFiles(zip.toString(), files);
	}

	/** The package bundled as class-path resources under {@code folder} (e.g. inside the engine jar). */
	static PackageFiles resources(String folder, String... names) throws ModelException {
		Map<String, byte[]> files = new HashMap<>();
		for (String n : names) {
			try (InputStream in = PackageFiles.class.getResourceAsStream(folder + "/" + n)) {
				if (in == null) return null;
				files.put(n, in.readAllBytes());
			}
			catch (IOException e) {
				throw new ModelException("Cannot read bundled model resource " + folder + "/" + n + ": " + e
					.getMessage(), e);
			}
		}
		return new PackageFiles("bundled model " + folder, files);
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
