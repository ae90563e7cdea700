package org.audiostyle.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.audiostyle.pth.HostilePth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: the command line run in-process on inputs generated here (seeded; nothing downloaded) with
 * a tiny random-weight model. Each case states what a demanding user expects: a clear one-line error with exit code
 * 2 for a bad input, or a result for an input that is valid but unusual. {@link HostileCase#check} holds the checks
 * every case shares.
 */
class HostileInputTest {

	@TempDir
	static Path root;
	static Path in, out, model, models;
	static int tried, passed;

	@BeforeAll
	static void makeInputs() throws IOException {
		in = Files.createDirectory(root.resolve("in"));
		out = Files.createDirectory(root.resolve("out"));
		models = Files.createDirectory(root.resolve("models"));
		model = root.resolve("tiny.model");
		assertEquals(0, CliRun.of("init-model", "--config", "tiny", "--seed", "5", "--out", model.toString()).exitCode);

		HostileImages.write(HostileImages.rgb(64, 48, 1), "png", in.resolve("good.png"));
		Files.createFile(in.resolve("empty.png"));
		HostileImages.truncated(HostileImages.rgb(64, 48, 2), "png", 0.5, in.resolve("truncated.png"));
		HostileImages.truncated(HostileImages.rgb(64, 48, 3), "jpeg", 0.5, in.resolve("truncated.jpg"));
		HostileImages.text(in.resolve("notes.png"));
		HostileImages.lyingPngHeader(100000, 100000, in.resolve("huge-header.png"));
		HostileImages.cmykJpeg(40, 30, in.resolve("cmyk.jpg"));
		HostileImages.write(HostileImages.palette(40, 30), "png", in.resolve("palette.png"));
		HostileImages.write(HostileImages.alpha(40, 30), "png", in.resolve("alpha.png"));
		HostileImages.write(HostileImages.grey16(40, 30), "png", in.resolve("grey16.png"));
		HostileImages.write(HostileImages.rgb48(40, 30), "png", in.resolve("rgb48.png"));
		HostileImages.write(HostileImages.rgb(1, 1, 4), "png", in.resolve("one-pixel.png"));
		HostileImages.write(HostileImages.rgb(4000, 3, 5), "png", in.resolve("wide-4000x3.png"));
		HostileImages.write(HostileImages.rgb(40, 30, 6), "jpeg", in.resolve("jpeg-inside.png"));
		Files.createDirectory(in.resolve("folder.png"));

		Path tone = HostileSounds.tone(in.resolve("good.wav"));
		Files.createFile(in.resolve("empty.wav"));
		HostileSounds.truncated(tone, 100, in.resolve("truncated.wav"));
		HostileSounds.patched(tone, HostileSounds.DATA_SIZE, 0xfffffff0L, 4, in.resolve("data-size-4g.wav"));
		HostileSounds.patched(tone, HostileSounds.FMT_SIZE, 0x7ffffff0L, 4, in.resolve("fmt-size-2g.wav"));
		HostileSounds.patched(tone, HostileSounds.CHANNELS, 0, 2, in.resolve("zero-channels.wav"));
		HostileSounds.channels(64, in.resolve("64-channels.wav"));
		HostileSounds.patched(tone, HostileSounds.RATE, 0, 4, in.resolve("zero-hz.wav"));
		HostileSounds.withNaN(in.resolve("nan.wav"));
		HostileSounds.oneSample(in.resolve("one-sample.wav"));
		for (String ext : new String[] { "mp3", "ogg", "flac" })
			HostileSounds.text(in.resolve("notes." + ext));

		HostileModels.zipWith(model, Map.of("../../escaped.params", new byte[] { 1, 2, 3 }), models.resolve(
			"zip-slip.zip"));
		HostileModels.zipWith(model, Map.of("model.json", 300L << 20), models.resolve("bomb-json.zip"));
		HostileModels.zipWith(model, Map.of("padding.bin", 300L << 20), models.resolve("bomb-extra.zip"));
		HostileModels.flippedByte(model, "generator.params", models.resolve("wrong-checksum.model"));
		HostileModels.withoutFile(model, "audio.params", models.resolve("missing-audio.model"));
		HostileModels.nanWeights(model, "generator.params", models.resolve("nan-weights.model"));
		HostileModels.withJson(model, "{ \"format\": \"audiostyle-model\", \"network\": ", models.resolve(
			"bad-json.model"));
		HostileImages.text(models.resolve("notes.zip"));

		HostilePth.callsGlobal("os", "system", in.resolve("os-system.pth"));
		HostilePth.callsGlobal("builtins", "eval", in.resolve("eval.pth"));
		HostilePth.reduceOnAString(in.resolve("reduce.pth"));
		HostilePth.deeplyNested(100_000, in.resolve("deep.pth"));
		HostilePth.hugeStorage(1L << 40, in.resolve("huge-storage.pth"));
		HostilePth.truncatedLegacy(0.6, in.resolve("truncated-legacy.pth"));
	}

	@AfterAll
	static void summary() {
		System.out.println("hostile-input suite: " + passed + " of " + tried + " cases passed");
	}

	private static String in(String name) {
		return in.resolve(name).toString();
	}

	/** {@code audiostyle stylize} on the good inputs into out/NAME.png, with some options replaced or added. */
	private static String[] stylize(String name, String... options) {
		Map<String, String> o = new LinkedHashMap<>();
		o.put("--image", in("good.png"));
		o.put("--sound", in("good.wav"));
		o.put("--model", model.toString());
		o.put("--out", out.resolve(name + ".png").toString());
		for (int i = 0; i < options.length; i += 2)
			o.put(options[i], options[i + 1]);
		List<String> args = new ArrayList<>(List.of("stylize"));
		o.forEach((k, v) -> {
			args.add(k);
			if (v != null) args.add(v);
		});
		return args.toArray(new String[0]);
	}

	private static String[] importPth(String generator, String name) {
		return new String[] { "import", "--generator", in(generator), "--audio", HostilePth.fixture(
			"tiny_net_Audio.pth").toString(), "--out", out.resolve(name + ".zip").toString() };
	}

	private static String[] batch(String name, String csv) throws IOException {
		return batch(name, csv.getBytes(StandardCharsets.UTF_8));
	}

	private static String[] batch(String name, byte[] csv) throws IOException {
		Path f = root.resolve("batch-" + name + ".csv");
		Files.write(f, csv);
		return new String[] { "batch", "--csv", f.toString(), "--out", out.resolve(name).toString(), "--model", model
			.toString() };
	}

	static List<HostileCase> cases() throws IOException {
		List<HostileCase> c = new ArrayList<>();
		String good = "out/%s.png";
		// images
		c.add(HostileCase.of("image", "0-byte PNG", stylize("i1", "--image", in("empty.png"))).fails(2, "empty.png"));
		c.add(HostileCase.of("image", "truncated PNG", stylize("i2", "--image", in("truncated.png"))).fails(2,
			"truncated.png", "damaged"));
		c.add(HostileCase.of("image", "truncated JPEG", stylize("i3", "--image", in("truncated.jpg"))).fails(2,
			"truncated.jpg", "damaged"));
		c.add(HostileCase.of("image", "text renamed .png", stylize("i4", "--image", in("notes.png"))).fails(2,
			"notes.png", "supported: PNG"));
		c.add(HostileCase.of("image", "PNG header declaring 100000x100000", stylize("i5", "--image", in(
			"huge-header.png"))).fails(2, "huge-header.png", "100000x100000"));
		c.add(HostileCase.of("image", "a folder named .png", stylize("i6", "--image", in("folder.png"))).fails(2,
			"folder.png", "folder"));
		c.add(HostileCase.of("image", "missing file", stylize("i7", "--image", in("missing.png"))).fails(2,
			"missing.png", "not found"));
		c.add(HostileCase.of("image", "CMYK JPEG", stylize("i8", "--image", in("cmyk.jpg"))).writes(String.format(good,
			"i8"), 40, 30));
		c.add(HostileCase.of("image", "palette PNG", stylize("i9", "--image", in("palette.png"))).writes(String.format(
			good, "i9"), 40, 30));
		c.add(HostileCase.of("image", "PNG with alpha", stylize("i10", "--image", in("alpha.png"))).writes(String
			.format(good, "i10"), 40, 30));
		c.add(HostileCase.of("image", "16-bit grey PNG", stylize("i11", "--image", in("grey16.png"))).writes(String
			.format(good, "i11"), 40, 30));
		c.add(HostileCase.of("image", "16-bit-per-channel RGB PNG", stylize("i12", "--image", in("rgb48.png")))
			.writes(String.format(good, "i12"), 40, 30));
		c.add(HostileCase.of("image", "1x1", stylize("i13", "--image", in("one-pixel.png"))).writes(String.format(good,
			"i13"), 1, 1));
		c.add(HostileCase.of("image", "4000x3", stylize("i14", "--image", in("wide-4000x3.png"))).writes(String.format(
			good, "i14"), 4000, 3));
		c.add(HostileCase.of("image", "JPEG data named .png", stylize("i15", "--image", in("jpeg-inside.png")))
			.writes(String.format(good, "i15"), 40, 30));
		// sounds
		c.add(HostileCase.of("sound", "0-byte WAV", stylize("s1", "--sound", in("empty.wav"))).fails(2, "empty.wav",
			"0 bytes"));
		c.add(HostileCase.of("sound", "truncated WAV (header declares more)", stylize("s2", "--sound", in(
			"truncated.wav"))).writes(String.format(good, "s2"), 64, 48));
		c.add(HostileCase.of("sound", "WAV data size 4 GB (streamed writer)", stylize("s3", "--sound", in(
			"data-size-4g.wav"))).writes(String.format(good, "s3"), 64, 48));
		c.add(HostileCase.of("sound", "WAV fmt chunk size 2 GB", stylize("s4", "--sound", in("fmt-size-2g.wav")))
			.fails(2, "fmt-size-2g.wav"));
		c.add(HostileCase.of("sound", "0 channels", stylize("s5", "--sound", in("zero-channels.wav"))).fails(2,
			"zero-channels.wav", "channels"));
		c.add(HostileCase.of("sound", "64 channels", stylize("s6", "--sound", in("64-channels.wav"))).writes(String
			.format(good, "s6"), 64, 48));
		c.add(HostileCase.of("sound", "0 Hz", stylize("s7", "--sound", in("zero-hz.wav"))).fails(2, "zero-hz.wav",
			"rate"));
		c.add(HostileCase.of("sound", "NaN float samples", stylize("s8", "--sound", in("nan.wav"))).fails(2, "nan.wav",
			"0.50 s"));
		c.add(HostileCase.of("sound", "1 sample", stylize("s9", "--sound", in("one-sample.wav"))).writes(String.format(
			good, "s9"), 64, 48));
		for (String ext : new String[] { "mp3", "ogg", "flac" })
			c.add(HostileCase.of("sound", "text named ." + ext, stylize("s-" + ext, "--sound", in("notes." + ext)))
				.fails(2, "notes." + ext, "ffmpeg"));
		c.add(HostileCase.of("sound", "missing file", stylize("s10", "--sound", in("missing.wav"))).fails(2,
			"missing.wav", "not found"));
		// model packages
		String models = HostileInputTest.models.toString() + "/";
		c.add(HostileCase.of("model", "zip-slip entry", stylize("m1", "--model", models + "zip-slip.zip")).fails(2,
			"zip-slip.zip", "../../escaped.params"));
		c.add(HostileCase.of("model", "zip bomb in model.json", stylize("m2", "--model", models + "bomb-json.zip"))
			.fails(2, "bomb-json.zip", "model.json"));
		c.add(HostileCase.of("model", "zip bomb in an extra entry (ignored)", stylize("m3", "--model", models +
			"bomb-extra.zip")).writes(String.format(good, "m3"), 64, 48));
		c.add(HostileCase.of("model", "wrong checksum", stylize("m4", "--model", models + "wrong-checksum.model"))
			.fails(2, "generator.params", "SHA-256", "Copy the model package again"));
		c.add(HostileCase.of("model", "missing weights file", stylize("m5", "--model", models +
			"missing-audio.model")).fails(2, "missing-audio.model", "audio.params"));
		c.add(HostileCase.of("model", "NaN weights", stylize("m6", "--model", models + "nan-weights.model")).fails(2,
			"nan-weights.model", "generator.params", "finite"));
		c.add(HostileCase.of("model", "bad JSON", stylize("m7", "--model", models + "bad-json.model")).fails(2,
			"bad-json.model", "not valid JSON"));
		c.add(HostileCase.of("model", "text named .zip", stylize("m8", "--model", models + "notes.zip")).fails(2,
			"notes.zip", "zip"));
		// .pth checkpoints
		c.add(HostileCase.of("pth", "os.system global", importPth("os-system.pth", "p1")).fails(2, "os-system.pth",
			"os.system"));
		c.add(HostileCase.of("pth", "builtins.eval global", importPth("eval.pth", "p2")).fails(2, "eval.pth",
			"builtins.eval"));
		c.add(HostileCase.of("pth", "REDUCE on a non-callable", importPth("reduce.pth", "p3")).fails(2, "reduce.pth",
			"REDUCE"));
		c.add(HostileCase.of("pth", "100000-deep nesting", importPth("deep.pth", "p4")).fails(2, "deep.pth",
			"nested"));
		c.add(HostileCase.of("pth", "storage declaring 2^40 floats", importPth("huge-storage.pth", "p5")).fails(2,
			"huge-storage.pth"));
		c.add(HostileCase.of("pth", "truncated legacy file", importPth("truncated-legacy.pth", "p6")).fails(2,
			"truncated-legacy.pth"));
		c.add(HostileCase.of("pth", "text named .pth", importPth("../in/notes.png", "p7")).fails(2, "notes.png"));
		// options
		for (String v : new String[] { "NaN", "-1", "1e9" })
			c.add(HostileCase.of("option", "--strength " + v, stylize("o-strength" + v, "--strength", v)).fails(2,
				"--strength", "from 0 to 4"));
		c.add(HostileCase.of("option", "--strength loud", stylize("o4", "--strength", "loud")).fails(2, "--strength",
			"--help"));
		c.add(HostileCase.of("option", "--weights: two for one sound", stylize("o5", "--weights", "0.7,0.3")).fails(2,
			"--weights", "one weight per sound"));
		c.add(HostileCase.of("option", "--weights negative", stylize("o6", "--weights", "-1")).fails(2, "--weights",
			">= 0"));
		for (String v : new String[] { "0", "-5", "abc" })
			c.add(HostileCase.of("option", "--work-size " + v, stylize("o-work" + v, "--work-size", v)).fails(2,
				"--work-size", "native"));
		c.add(HostileCase.of("option", "--work-size 100000 (above the image: native)", stylize("o9", "--work-size",
			"100000")).writes(String.format(good, "o9"), 64, 48));
		c.add(HostileCase.of("option", "--window beyond the file", stylize("o11", "--window", "999")).fails(2,
			"good.wav", "below"));
		c.add(HostileCase.of("option", "--window -3", stylize("o12", "--window", "-3")).fails(2, "--window", ">= 0"));
		// a start of 1e308 s used to overflow into "error: -2147483364" and exit code 1
		for (String v : new String[] { "1e308", "2e6", "NaN", "Infinity", "-Infinity" })
			c.add(HostileCase.of("option", "--window " + v, stylize("o-window" + v, "--window", v)).fails(2,
				"--window", "'loudest'"));
		c.add(HostileCase.of("option", "--device tpu", stylize("o13", "--device", "tpu")).fails(2, "--device",
			"auto, cpu or gpu"));
		c.add(HostileCase.of("option", "--tile smaller than twice the overlap", stylize("o14", "--tile", "40"))
			.fails(2, "--tile", "overlap"));
		// batch CSVs
		String img = in("good.png"), snd = in("good.wav");
		c.add(HostileCase.of("batch", "missing column", batch("b1", "image,sound\n" + img + "\n" + img + "," + snd +
			",1,ok.png\n")).someRowsFail("line 2", "expected image,sound").writes("out/b1/ok.png", 64, 48)
			.reports("out/b1/batch-report.csv"));
		c.add(HostileCase.of("batch", "BOM and CRLF", batch("b2", "\uFEFFimage,sound,strength,output\r\n" + img + "," +
			snd + ",0.5,a.png\r\n" + img + "," + snd + ",1,b.png\r\n")).writes("out/b2/a.png", 64, 48).writes(
				"out/b2/b.png", 64, 48).reports("out/b2/batch-report.csv"));
		c.add(HostileCase.of("batch", "duplicate outputs", batch("b3", img + "," + snd + ",1,same.png\n" + img + "," +
			snd + ",0.5,same.png\n")).someRowsFail("line 2", "also the output of line 1").writes("out/b3/same.png", 64,
				48).reports("out/b3/batch-report.csv"));
		c.add(HostileCase.of("batch", "../ in the output column", batch("b4", img + "," + snd + ",1,../../escaped.png\n"
			+ img + "," + snd + ",1,fine.png\n")).someRowsFail("line 1", "not inside --out").writes("out/b4/fine.png",
				64, 48).reports("out/b4/batch-report.csv"));
		c.add(HostileCase.of("batch", "absolute output path", batch("b5", img + "," + snd + ",1," + root.resolve(
			"abs.png") + "\n")).someRowsFail("line 1", "not inside --out").reports("out/b5/batch-report.csv"));
		c.add(HostileCase.of("batch", "CSV that is not UTF-8 text", batch("b6", new byte[] { 'i', ',', (byte) 0xc3, 0x28,
			'\n' })).fails(2, "batch-b6.csv", "UTF-8"));
		c.add(HostileCase.of("batch", "missing CSV", new String[] { "batch", "--csv", in("missing.csv"), "--out", out
			.resolve("b7").toString() }).fails(2, "missing.csv"));
		// outputs
		c.add(HostileCase.of("output", "missing folder", stylize("x", "--out", root.resolve("nowhere/x.png")
			.toString())).fails(2, "nowhere", "create it first"));
		c.add(HostileCase.of("output", "read-only folder", stylize("x", "--out", ReadOnly.folder(root).resolve(
			"x.png").toString())).fails(2, "x.png"));
		c.add(HostileCase.of("output", "unsupported extension", stylize("x", "--out", out.resolve("x.gif")
			.toString())).fails(2, "x.gif", ".png", ".jpg"));
		c.add(HostileCase.of("output", "JPEG quality out of range", stylize("x", "--out", out.resolve("q.jpg")
			.toString(), "--quality", "0")).fails(2, "--quality"));
		c.add(HostileCase.of("output", "output = input", stylize("x", "--out", in("good.png"), "--overwrite", null))
			.fails(2, "good.png", "also an input"));
		c.add(HostileCase.of("output", "exists, no --overwrite", stylize("x", "--out", in("palette.png"))).fails(2,
			"palette.png", "--overwrite"));
		c.add(HostileCase.of("output", "a folder", stylize("x", "--out", in("folder.png"), "--overwrite", null))
			.fails(2, "folder.png", "is a folder"));
		return c;
	}

	@TestFactory
	Stream<DynamicTest> hostileInputs() throws IOException {
		List<HostileCase> all = cases();
		assertTrue(all.size() >= 40, "at least 40 cases");
		return all.stream().map(k -> DynamicTest.dynamicTest(k.toString(), () -> {
			tried++;
			FolderState before = FolderState.of(root);
			CliRun run = CliRun.of(k.args);
			if (Boolean.getBoolean("hostile.show")) System.out.println(k + " -> exit " + run.exitCode + ", " + run
				.allocatedBytes / (1 << 20) + " MB: " + String.join(" | ", run.lines()));
			k.check(run, before, FolderState.of(root));
			passed++;
		}));
	}
}
