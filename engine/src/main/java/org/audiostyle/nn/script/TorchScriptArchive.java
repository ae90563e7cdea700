package org.audiostyle.nn.script;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript module file (what {@code torch.jit.save} writes) holding one parameterless class, built from its
 * source text alone, so that libtorch can compile it with {@code torch::jit::load} without Python.
 * <p>
 * The layout is the one libtorch reads (format version 3): {@code <root>/version}, {@code <root>/code/__torch__.py}
 * with the class source, {@code <root>/constants.pkl} (an empty tuple) and {@code <root>/data.pkl}, a protocol-2
 * pickle of the module object: {@code __torch__.<Class>} created with an empty argument tuple and given the state
 * {@code {"training": False}}. Entries are stored uncompressed, as PyTorch writes them.
 */
public final class TorchScriptArchive {

	private static final String ROOT = "audiostyle/";

	private TorchScriptArchive() {
	}

	/** The bytes of a module file whose top-level class {@code className} is defined by {@code source}. */
	public static byte[] of(String className, String source) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			stored(zip, ROOT + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
			stored(zip, ROOT + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
			stored(zip, ROOT + "constants.pkl", new byte[] { (byte) 0x80, 2, ')', '.' });
			stored(zip, ROOT + "data.pkl", modulePickle(className));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot build a TorchScript archive in memory", e);
		}
		return bytes.toByteArray();
	}

	/** PROTO 2, GLOBAL __torch__ <class>, EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK, "training", False, SETITEMS, BUILD. */
	static byte[] modulePickle(String className) {
		if (!className.matches("[A-Za-z_][A-Za-z0-9_]*"))
			throw new IllegalArgumentException("Not a TorchScript class name: " + className);
		ByteArrayOutputStream p = new ByteArrayOutputStream();
		p.write(0x80);
		p.write(2);
		p.write('c');
		p.writeBytes(("__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
		p.write(')');
		p.write(0x81);
		p.write('}');
		p.write('(');
		byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
		p.write('X');
		p.write(key.length);
		p.write(0);
		p.write(0);
		p.write(0);
		p.writeBytes(key);
		p.write(0x89);
		p.write('u');
		p.write('b');
		p.write('.');
		return p.toByteArray();
	}

	private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
		ZipEntry e = new ZipEntry(name);
		e.setMethod(ZipEntry.STORED);
		e.setSize(data.length);
		e.setCompressedSize(data.length);
		CRC32 crc = new CRC32();
		crc.update(data);
		e.setCrc(crc.getValue());
		zip.putNextEntry(e);
		zip.write(data);
		zip.closeEntry();
	}
}
