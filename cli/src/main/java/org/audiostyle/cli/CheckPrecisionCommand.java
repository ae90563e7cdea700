package org.audiostyle.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.audiostyle.model.ModelManifest;
import org.audiostyle.model.StyleModel;
import org.audiostyle.stylize.Bf16Check;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code audiostyle check-precision}: runs the bf16-against-fp32 check on a model package and writes the outcome into
 * its {@code model.json} (only that file changes; other files in the package stay as they are).
 */
@Command(name = "check-precision", mixinStandardHelpOptions = true,
	description = "Check a model package's bf16 pass against fp32 on fixed synthetic images and sounds (limits: max " +
		"2/255, mean 0.5/255) and record the outcome in its model.json. --precision auto takes bf16 only for a " +
		"package whose check passed.")
final class CheckPrecisionCommand implements Callable<Integer> {

	@Option(names = "--model", paramLabel = "PATH", required = true,
		description = "Model package (folder or .zip) to check and update.")
	Path model;

	@Option(names = "--dry-run", description = "Print the outcome without writing it.")
	boolean dryRun;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (!Files.exists(model))
			throw new ParameterException(spec.commandLine(), "--model: " + model + " does not exist; give a model " +
				"package folder or .zip.");
		boolean zip = !Files.isDirectory(model);
		if (!dryRun && !Files.isWritable(zip ? model : model.resolve(ModelManifest.FILE_NAME)))
			throw new ParameterException(spec.commandLine(), "--model: " + model + " cannot be written; copy the " +
				"package somewhere writable or use --dry-run.");
		String json;
		try (StyleModel m = StyleModel.load(model)) {
			ModelManifest.PrecisionCheck r = Bf16Check.record(m);
			System.out.println("bf16 check: " + r.summary());
			json = m.manifest().toJson();
		}
		if (dryRun) return 0;
		if (zip) rewriteZip(model, json);
		else replace(model.resolve(ModelManifest.FILE_NAME), json.getBytes(StandardCharsets.UTF_8));
		System.out.println("recorded in " + (zip ? model + "!" : model.resolve("")) + ModelManifest.FILE_NAME);
		return 0;
	}

	/** Writes {@code bytes} beside {@code target} and moves it into place. */
	private static void replace(Path target, byte[] bytes) throws IOException {
		Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tmp-", ".json");
		try {
			Files.write(tmp, bytes);
			move(tmp, target);
			tmp = null;
		}
		finally {
			if (tmp != null) Files.deleteIfExists(tmp);
		}
	}

	/** Copies the zip's entries into a new zip beside it with the manifest replaced, then moves it into place. */
	private static void rewriteZip(Path zip, String json) throws IOException {
		Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".tmp-", ".zip");
		try {
			try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in);
				OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zout = new ZipOutputStream(out))
			{
				boolean wrote = false;
				for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
					zout.putNextEntry(new ZipEntry(e.getName()));
					if (e.getName().equals(ModelManifest.FILE_NAME) || e.getName().matches("[^/]+/" + ModelManifest.FILE_NAME)) {
						zout.write(json.getBytes(StandardCharsets.UTF_8));
						wrote = true;
					}
					else zin.transferTo(zout);
					zout.closeEntry();
				}
				if (!wrote) throw new IOException(zip + " has no " + ModelManifest.FILE_NAME);
			}
			move(tmp, zip);
			tmp = null;
		}
		finally {
			if (tmp != null) Files.deleteIfExists(tmp);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
