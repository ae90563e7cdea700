package org.audiostyle.pth;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The committed fixtures of tools/reference/make_fixtures.py (test resources under /pth). */
final class PthFixtures {

	private PthFixtures() {}

	static Path path(String name) {
		URL url = PthFixtures.class.getResource("/pth/" + name);
		if (url == null) throw new IllegalStateException("missing test resource /pth/" + name);
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static JsonObject json(String name) throws IOException {
		try (Reader r = Files.newBufferedReader(path(name), StandardCharsets.UTF_8)) {
			return JsonParser.parseReader(r).getAsJsonObject();
		}
	}

	static JsonObject manifest() throws IOException {
		return json("tiny_manifest.json");
	}

	/** A raw little-endian float32 array written by the script. */
	static float[] floats(String name) throws IOException {
		byte[] b = Files.readAllBytes(path(name));
		float[] f = new float[b.length / 4];
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
		return f;
	}

	static long[] longs(JsonArray a) {
		long[] r = new long[a.size()];
		for (int i = 0; i < r.length; i++)
			r[i] = a.get(i).getAsLong();
		return r;
	}
}
