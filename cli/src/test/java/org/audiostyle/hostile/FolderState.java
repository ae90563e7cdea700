package org.audiostyle.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder with a digest of its content: taken before and after a run to see what it touched. */
final class FolderState {

	private final Path root;
	private final Map<String, String> digests;

	private FolderState(Path root, Map<String, String> digests) {
		this.root = root;
		this.digests = digests;
	}

	static FolderState of(Path root) throws IOException {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path p : (Iterable<Path>) files::iterator)
				m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "folder" : digest(p));
		}
		return new FolderState(root, m);
	}

	/** What changed since {@code before}: "+name" for new entries, "-name" removed, "*name" changed content. */
	List<String> changesSince(FolderState before) {
		List<String> d = new ArrayList<>();
		for (Map.Entry<String, String> e : digests.entrySet()) {
			String old = before.digests.get(e.getKey());
			if (old == null) d.add("+" + e.getKey());
			else if (!old.equals(e.getValue())) d.add("*" + e.getKey());
		}
		for (String k : before.digests.keySet())
			if (!digests.containsKey(k)) d.add("-" + k);
		return d;
	}

	Path root() {
		return root;
	}

	private static String digest(Path p) throws IOException {
		return HostileModels.sha256(Files.readAllBytes(p)); // the suite's files are small
	}
}
