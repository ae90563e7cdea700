package org.audiostyle.stylize;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.MixMode;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ArgbDetailTransfer;
import org.audiostyle.image.BandedDetailTransfer;
import org.audiostyle.image.DetailTransfer;
import org.audiostyle.image.ImageConversion;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.image.Tile;
import org.audiostyle.image.TileBlender;
import org.audiostyle.image.TilePlan;
import org.audiostyle.model.ModelException;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NormStatistics;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.nn.script.ScriptedGenerator;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.runtime.DjlRuntime;

/**
 * The one engine entry point: (image, sound) to restyled image, at any size.
 *
 * <p>Pipeline: the image becomes planar RGB; if it is larger than the working size it is reduced, restyled, and the
 * <em>change</em> is brought back to full resolution (so the input's detail stays sharp); the network runs in one
 * piece when the image fits the memory budget, else in overlapping tiles blended smoothly. Tiles share instance-norm
 * statistics recorded by one whole-image pass (at full resolution when that fits the budget, else reduced), so
 * colours do not drift from tile to tile.
 *
 * <p>Thread-confined: use one Stylizer per thread. Closing it frees a device copy of the model it made (never the
 * caller's model).
 */
public final class Stylizer implements AutoCloseable {

	/**
	 * Memory the network may use for one pass; larger images are tiled. {@code -Daudiostyle.memoryBudgetMB} sets it;
	 * by default a quarter of the machine's memory, between 1 and 8 GB (a 16 MP photo in bf16 needs about 5 GB with
	 * the bundled model, ngf 32: one pass on a machine of 24 GB or more).
	 */
	static final long DEFAULT_BUDGET_BYTES = defaultBudget();

	private static long defaultBudget() {
		Long mb = Long.getLong("audiostyle.memoryBudgetMB");
		if (mb != null) return mb << 20;
		long total = 0;
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean)
			total = ((com.sun.management.OperatingSystemMXBean) os).getTotalPhysicalMemorySize();
		return Math.max(1L << 30, Math.min(8L << 30, total / 4));
	}

	private final StyleModel model;
	private final boolean ownsModel;
	private final DjlRuntime.DeviceSelection selection;
	private final long budgetBytes;
	/** Compiled generator passes by precision (a null value: not available for this model). */
	private final Map<ScriptPrecision, ScriptedGenerator> scripts = new EnumMap<>(ScriptPrecision.class);

	/** Where the stages' times go ({@link StageTimes#NONE}: nowhere). */
	private StageTimes times = StageTimes.NONE;

	/** Use the eager DJL layers instead of the compiled pass (for comparisons and as an escape hatch). */
	static final boolean EAGER = Boolean.getBoolean("audiostyle.eagerGenerator");

	public Stylizer(StyleModel model, DeviceChoice device) {
		this(model, device, DEFAULT_BUDGET_BYTES);
	}

	/** As above with an explicit activation-memory budget (bytes) for tile sizing. */
	public Stylizer(StyleModel model, DeviceChoice device, long budgetBytes) {
		this.selection = DjlRuntime.select(device);
		try {
			this.model = model.onDevice(selection.device);
		}
		catch (ModelException e) {
			throw new IllegalStateException("Cannot move the model to " + selection.device + ": " + e.getMessage(), e);
		}
		this.ownsModel = this.model != model;
		this.budgetBytes = budgetBytes;
	}

	/**
	 * Records the time of each stage of the following stylize calls (convert, reduce, network, upsample, and audio
	 * when a mix is given) into {@code times}; {@link StageTimes#NONE} stops it.
	 */
	public void setStageTimes(StageTimes times) {
		this.times = times == null ? StageTimes.NONE : times;
	}

	/**
	 * The audio embedding of a mix (what the generator is conditioned on): the embedding of the summed waveform, or,
	 * for an {@link MixMode#EMBEDDING} mix of several sounds, the share-weighted mean of each sound's embedding. The
	 * mix's strength is not part of it: pass it on with {@link StylizeSettings#withStrength}.
	 */
	public float[] embed(SoundMix mix) throws IOException {
		return MixEmbedding.of(mix, this::embedWaveform);
	}

	/** As {@link #embed(SoundMix)} for sounds decoded beforehand by {@link MixEmbedding#prepare}. */
	public float[] embed(MixEmbedding.Prepared sounds) {
		return MixEmbedding.embed(sounds, this::embedWaveform);
	}

	/**
	 * What the generator is conditioned on for a prepared waveform: its embedding, recalled through the model's
	 * {@link org.audiostyle.model.SoundMemory} when it has one.
	 */
	public float[] embedWaveform(float[] waveform) {
		float[] e = encode(waveform);
		return model.memory() == null ? e : model.memory().recall(e);
	}

	/**
	 * The audio encoder's own embedding of a prepared waveform (48,000 samples at 16 kHz, as {@link
	 * AudioFrontEnd#prepare} makes), before any sound memory: what a memory is built from.
	 */
	public float[] encode(float[] waveform) {
		if (waveform.length != AudioFrontEnd.WINDOW_SAMPLES)
			throw new IllegalArgumentException("A prepared waveform has " + AudioFrontEnd.WINDOW_SAMPLES +
				" samples, got " + waveform.length);
		return DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager()) {
				NDArray w = m.create(waveform, new Shape(1, waveform.length));
				return model.audioEncoder().setTraining(false).embed(w).toFloatArray();
			}
		});
	}

	/**
	 * Restyles a 2-D image (grey RealType, ARGBType, or X-Y-3 channels) to match a mix, at the mix's strength times
	 * the settings' one. Same size, RGB.
	 */
	public Img<ARGBType> stylize(RandomAccessibleInterval<?> image, SoundMix mix, StylizeSettings settings,
		Progress progress) throws IOException
	{
		return stylize(image, timedEmbedding(mix), withStrengthOf(mix, settings), progress, false, null);
	}

	/** {@link #embed(SoundMix)}, its time counted as the audio stage. */
	private float[] timedEmbedding(SoundMix mix) throws IOException {
		long t0 = System.nanoTime();
		float[] embedding = embed(mix);
		times.add(StageTimes.AUDIO, System.nanoTime() - t0);
		return embedding;
	}

	/**
	 * As {@link #stylize(RandomAccessibleInterval, SoundMix, StylizeSettings, Progress)} for a caller with no further
	 * use for {@code image} (a command that read it from a file): where an 8-bit RGB photo is reduced and restored
	 * from its packed ints, the result is written over the image's own pixels (the image returned shares them). That
	 * spares a second full-resolution array (48 MB for 12 MP), and fresh memory is the costliest part of bringing the
	 * change back where every new page faults (docs/end-to-end-speed.md). Any other image: a new one, as stylize.
	 */
	public Img<ARGBType> stylizeConsuming(RandomAccessibleInterval<?> image, SoundMix mix, StylizeSettings settings,
		Progress progress) throws IOException
	{
		return stylizeConsuming(image, timedEmbedding(mix), withStrengthOf(mix, settings), progress);
	}

	/** As above with an embedding computed beforehand (the mix's strength already in {@code settings}). */
	public Img<ARGBType> stylizeConsuming(RandomAccessibleInterval<?> image, float[] embedding,
		StylizeSettings settings, Progress progress)
	{
		return stylize(image, embedding, settings, progress, true, null);
	}

	/**
	 * The settings with the mix's strength folded in (they multiply), for the embedding overloads. Each factor was
	 * checked against 0..{@link SoundMix#MAX_STRENGTH} where it was set, so the product is capped there rather than
	 * rejected: two strong dials together mean "as strong as allowed", not a bad argument.
	 */
	public static StylizeSettings withStrengthOf(SoundMix mix, StylizeSettings settings) {
		return mix.strength() == 1 ? settings : settings.withStrength(Math.min(SoundMix.MAX_STRENGTH, settings.strength *
			mix.strength()));
	}

	/** As above, with an embedding computed once by {@link #embed} (stacks, sweeps, movies). */
	public Img<ARGBType> stylize(RandomAccessibleInterval<?> image, float[] embedding, StylizeSettings settings,
		Progress progress)
	{
		return stylize(image, embedding, settings, progress, false, null);
	}

	/**
	 * An image for {@link #stylizeConsuming(Input, float[], StylizeSettings, Progress)}, with its reduced picture
	 * already made where the packed-int path will take it ({@link #reduceAhead}).
	 */
	public static final class Input {

		final RandomAccessibleInterval<?> image;
		/** The working size {@link #small} was made for. */
		final int workSize;
		/** The reduced picture; null when nothing was reduced ahead. */
		final PlanarImage small;

		private Input(RandomAccessibleInterval<?> image, int workSize, PlanarImage small) {
			this.image = image;
			this.workSize = workSize;
			this.small = small;
		}
	}

	/**
	 * Reduces an 8-bit RGB photo to the working size now, without a model: the reduction depends only on the image
	 * and the working size, so a caller whose model is still loading on another thread (the CLI) does it while it
	 * would otherwise wait. Images the packed-int path does not take are passed on as they are and reduced, as
	 * ever, by the stylize call. The time counts as {@link StageTimes#REDUCE} in {@code times}.
	 */
	public static Input reduceAhead(RandomAccessibleInterval<?> image, StylizeSettings settings, StageTimes times) {
		int[] packed = ArgbDetailTransfer.pixels(image);
		int[] low = packedPathSize(image, packed, settings);
		PlanarImage small = low == null ? null : times.time(StageTimes.REDUCE, () -> ArgbDetailTransfer.reduce(packed,
			(int) image.dimension(0), (int) image.dimension(1), low[0], low[1]));
		return new Input(image, settings.workSize, small);
	}

	/** As {@link #stylizeConsuming(RandomAccessibleInterval, float[], StylizeSettings, Progress)}, reduced ahead. */
	public Img<ARGBType> stylizeConsuming(Input input, float[] embedding, StylizeSettings settings, Progress progress) {
		PlanarImage ahead = input.workSize == settings.workSize ? input.small : null;
		return stylize(input.image, embedding, settings, progress, true, ahead);
	}

	/**
	 * The size the packed-int path reduces {@code image} to: an 8-bit RGB photo ({@code packed}, its ints, not null)
	 * whose both axes shrink at the working size; null for anything it does not take.
	 */
	private static int[] packedPathSize(RandomAccessibleInterval<?> image, int[] packed, StylizeSettings settings) {
		if (packed == null || settings.workSize == StylizeSettings.NATIVE) return null;
		int fw = (int) image.dimension(0), fh = (int) image.dimension(1);
		int[] low = Resampling.workingSize(fw, fh, settings.workSize);
		return ArgbDetailTransfer.applies(fw, fh, low[0], low[1]) ? low : null;
	}

	/**
	 * {@code overwrite}: the result may be written over {@code image}'s pixels (see {@link #stylizeConsuming});
	 * {@code ahead}: the image reduced to the working size by {@link #reduceAhead}, or null.
	 */
	private Img<ARGBType> stylize(RandomAccessibleInterval<?> image, float[] embedding, StylizeSettings settings,
		Progress progress, boolean overwrite, PlanarImage ahead)
	{
		int[] packed = ArgbDetailTransfer.pixels(image);
		int[] size = model.colourGrid() == null ? packedPathSize(image, packed, settings) : null;
		if (size != null) {
			// an 8-bit RGB image: reduce and restore straight from and into its ints (same result as the planar
			// path below, without full-resolution float planes)
			int fw = (int) image.dimension(0), fh = (int) image.dimension(1);
			checkEmbedding(embedding);
			PlanarImage small = ahead != null ? ahead : times.time(StageTimes.REDUCE, () -> ArgbDetailTransfer
				.reduce(packed, fw, fh, size[0], size[1]));
			PlanarImage restyled = restyle(small, embedding, settings, progress);
			return times.time(StageTimes.UPSAMPLE, () -> ArgbDetailTransfer.restore(packed, fw, fh, small, restyled,
				overwrite ? packed : new int[packed.length]));
		}
		if (model.colourGrid() == null && settings.workSize != StylizeSettings.NATIVE && Math.max(image.dimension(0),
			image.dimension(1)) > settings.workSize && BandedDetailTransfer.applies(image)) {
			// too large for float planes: reduce and restore band by band (same result, a fraction of the memory)
			int[] low = Resampling.workingSize((int) image.dimension(0), (int) image.dimension(1), settings.workSize);
			PlanarImage small = times.time(StageTimes.REDUCE, () -> BandedDetailTransfer.reduce(image, low[0], low[1]));
			PlanarImage restyled = stylize(small, embedding, settings, progress);
			return times.time(StageTimes.UPSAMPLE, () -> BandedDetailTransfer.restore(image, small, restyled));
		}
		PlanarImage input = times.time(StageTimes.CONVERT, () -> ImageConversion.toPlanar(image, settings));
		PlanarImage output = stylize(input, embedding, settings, progress);
		return times.time(StageTimes.CONVERT, () -> ImageConversion.toArgb(output));
	}

	/** The planar core: RGB in [0, 1] in, RGB in [0, 1] out, same size. */
	public PlanarImage stylize(PlanarImage input, float[] embedding, StylizeSettings settings, Progress progress) {
		checkEmbedding(embedding);
		if (model.colourGrid() != null) return colourGrid(input, embedding, settings, progress);
		int w = input.width, h = input.height;
		if (settings.workSize != StylizeSettings.NATIVE && Math.max(w, h) > settings.workSize) {
			int[] low = Resampling.workingSize(w, h, settings.workSize);
			PlanarImage small = times.time(StageTimes.REDUCE, () -> Resampling.resize(input, low[0], low[1]));
			PlanarImage restyled = restyle(small, embedding, settings, progress);
			return times.time(StageTimes.UPSAMPLE, () -> DetailTransfer.apply(input, small, restyled));
		}
		if (settings.strength == 0) return input.copy(); // no change asked for: no network pass
		return restyle(input, embedding, settings, progress);
	}

	/** The network's picture of {@code x} blended with {@code x} at the settings' strength (x itself at strength 0). */
	private PlanarImage restyle(PlanarImage x, float[] embedding, StylizeSettings settings, Progress progress) {
		if (settings.strength == 0) return x;
		return times.time(StageTimes.NETWORK, () -> StrengthBlend.apply(x, network(x, embedding, settings, progress),
			settings.strength));
	}

	/** The colour-grid generator's path ({@link ColourGridPass}): one small network pass, then every pixel recoloured. */
	private PlanarImage colourGrid(PlanarImage input, float[] embedding, StylizeSettings settings,
		Progress progress)
	{
		checkCancel(progress);
		progress.update(0, 1, "restyling " + input.width + "x" + input.height);
		// the grid network and the full-resolution recolouring together: this generator's "network" stage
		PlanarImage out = times.time(StageTimes.NETWORK, () -> ColourGridPass.apply(model.colourGrid(), model.manager(),
			input, embedding, settings.workSize, settings.strength));
		progress.update(1, 1, "done");
		return out;
	}

	/** Runs the generator on every pixel of {@code x}: in one piece, or in tiles sharing norm statistics. */
	private PlanarImage network(PlanarImage x, float[] embedding, StylizeSettings settings, Progress progress) {
		long maxPixels = maxPixelsPerPass(settings.precision);
		long pixels = (long) x.width * x.height;
		int tile = settings.tileSize != StylizeSettings.AUTO ? settings.tileSize : autoTileSize(maxPixels);
		boolean whole = settings.tileSize == StylizeSettings.AUTO ? pixels <= maxPixels : x.width <= tile &&
			x.height <= tile;
		checkCancel(progress);
		if (whole) {
			progress.update(0, 1, "restyling " + x.width + "x" + x.height);
			PlanarImage out = forward(x, embedding, null, settings.precision);
			progress.update(1, 1, "done");
			return out;
		}
		TilePlan plan = TilePlan.of(x.width, x.height, tile, Math.min(settings.tileOverlap, (tile - 4) / 2));
		int steps = plan.size() + 1;
		progress.update(0, steps, "norm statistics");
		NormStatistics stats = NormStatistics.recording();
		PlanarImage statsInput = x;
		if (pixels > maxPixels) {
			double f = Math.sqrt(maxPixels / (double) pixels);
			statsInput = Resampling.resize(x, Math.max(1, (int) (x.width * f)), Math.max(1, (int) (x.height * f)));
		}
		recordStatistics(statsInput, embedding, stats, settings.precision);
		stats.apply();
		TileBlender blender = new TileBlender(plan);
		int done = 1;
		for (Tile t : plan.tiles()) {
			checkCancel(progress);
			progress.update(done, steps, "tile " + done + "/" + plan.size());
			blender.add(t, forward(t.cut(x), embedding, stats, settings.precision));
			done++;
		}
		progress.update(steps, steps, "done");
		return blender.finish();
	}

	/** Records every norm's statistics over {@code x}; the compiled pass stops at the last norm, skipping the image. */
	private void recordStatistics(PlanarImage x, float[] embedding, NormStatistics stats, Precision precision) {
		DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager()) {
				NDArray img = m.create(x.toNetworkRange(), new Shape(1, 3, x.height, x.width));
				NDArray emb = m.create(embedding, new Shape(1, embedding.length));
				ScriptedGenerator scripted = scripted(precision);
				if (scripted != null) scripted.record(img, emb, stats);
				else model.generator().infer(m, img, emb, stats);
				return null;
			}
		});
	}

	/** One generator pass; intermediates live in a sub-manager freed on return. */
	private PlanarImage forward(PlanarImage x, float[] embedding, NormStatistics stats, Precision precision) {
		return DjlRuntime.run(() -> {
			try (NDManager m = model.manager().newSubManager()) {
				NDArray img = m.create(x.toNetworkRange(), new Shape(1, 3, x.height, x.width));
				NDArray emb = m.create(embedding, new Shape(1, embedding.length));
				ScriptedGenerator scripted = scripted(precision);
				NDArray out = scripted != null ? scripted.infer(m, img, emb, stats) :
					model.generator().infer(m, img, emb, stats);
				return PlanarImage.fromNetworkRange(x.width, x.height, out.toFloatArray());
			}
		});
	}

	/**
	 * The compiled generator pass for a precision, made on first use and kept; null when the eager layers are to be
	 * used: asked for with {@code -Daudiostyle.eagerGenerator=true}, or the model has a layer the script does not
	 * cover (a non-standard upsampling filter).
	 */
	private ScriptedGenerator scripted(Precision precision) {
		if (EAGER || model.colourGrid() != null) return null;
		ScriptPrecision p = precision.resolve(selection.device, model).precision;
		if (!scripts.containsKey(p)) {
			ScriptedGenerator g;
			try {
				g = new ScriptedGenerator(model.generator(), p, model.manager());
			}
			catch (UnsupportedOperationException e) {
				g = null;
			}
			scripts.put(p, g);
		}
		return scripts.get(p);
	}

	/**
	 * Makes the compiled pass for {@code precision} now instead of on the first stylize (TorchScript compiles the
	 * pass's source: about 0.1 s), for a caller that has a core to spare meanwhile, as the CLI's model-loading thread
	 * has while the image and sounds decode. Nothing to do for the eager layers.
	 */
	public void preparePass(Precision precision) {
		DjlRuntime.run(() -> scripted(precision));
	}

	/** The number format {@code precision} resolves to on this stylizer's device, and why. */
	public Precision.Choice precisionChoice(Precision precision) {
		return precision.resolve(selection.device, model);
	}

	/** Which pass and number format stylize uses with {@code precision} on this device, and why. */
	public String passDescription(Precision precision) {
		if (model.colourGrid() != null) return "colour-grid generator: grid network in fp32, colour matrices applied " +
			"at full resolution";
		if (EAGER) return "eager layers, fp32 (-Daudiostyle.eagerGenerator=true)";
		return DjlRuntime.run(() -> scripted(precision) == null ? "eager layers, fp32 (the model has a layer the " +
			"compiled pass does not cover)" : "compiled pass, " + precision.resolve(selection.device, model).reason);
	}

	/**
	 * Pixels one pass may hold within the budget, from the bytes a pass keeps alive per pixel. The eager layers peak at
	 * about six float tensors of the widest full-resolution layer (2 ngf channels). The compiled whole-image pass runs
	 * its last stage in strips (GeneratorScript#stripTail), so its peak is a few ngf-channel tensors at full
	 * resolution plus the float planes of input and output: 5 ngf values a pixel and 64 bytes, values 2 bytes in bf16,
	 * 4 in fp32. Measured with the bundled model (ngf 32) as the growth of the process's peak resident memory between
	 * two sizes, with the C library's malloc (as in Fiji): 291 bytes a pixel in bf16 from 8 to 16 MP (formula: 384),
	 * 674 in fp32 from 4 to 8 MP (formula: 704). The launcher's tcmalloc keeps freed blocks for reuse (the speed of
	 * repeated passes), so its resident peak is higher: 7.2 GB instead of 4.9 GB for a 16 MP pass in bf16.
	 */
	long maxPixelsPerPass(Precision precision) {
		long ngf = model.config().ngf;
		long bytesPerPixel;
		if (DjlRuntime.run(() -> scripted(precision)) == null) bytesPerPixel = 6L * 2 * ngf * Float.BYTES;
		else bytesPerPixel = 5 * ngf * (precisionChoice(precision).precision == ScriptPrecision.BF16 ? 2 : 4) + 64;
		return Math.max(64 * 64, budgetBytes / bytesPerPixel);
	}

	static int autoTileSize(long maxPixels) {
		int side = (int) Math.sqrt((double) maxPixels);
		return Math.max(64, side - side % 4);
	}

	private void checkEmbedding(float[] embedding) {
		int want = model.config().embeddingDim;
		if (embedding.length != want)
			throw new IllegalArgumentException("The model expects a " + want + "-d audio embedding, got " +
				embedding.length + " values (embedding from another model?)");
	}

	private static void checkCancel(Progress progress) {
		if (progress.cancelled()) throw new CancellationException("Stylization cancelled");
	}

	public StyleModel model() {
		return model;
	}

	/** The device in use, e.g. "cpu()" or "gpu(0)". */
	public String device() {
		return selection.device.toString();
	}

	/** The device and why it was chosen. */
	public String deviceReason() {
		return selection.reason;
	}

	@Override
	public void close() {
		for (ScriptedGenerator g : scripts.values())
			if (g != null) g.close();
		scripts.clear();
		if (ownsModel) model.close();
	}
}
