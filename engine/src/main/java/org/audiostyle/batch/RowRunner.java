package org.audiostyle.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;

import org.audiostyle.audio.AudioWindow;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.ImageFiles;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

/**
 * Runs rows one at a time with one Stylizer (so, like it, thread-confined). A row's failure is returned, never
 * thrown, so one bad row does not stop a batch. Outputs are written atomically (temporary file, then rename).
 */
public final class RowRunner {

	/** What to do when a row's output already exists. */
	public enum Existing {
		/** Fail the row: never replace a file the user did not ask to replace. */
		REFUSE,
		/** Make it again and replace it. */
		OVERWRITE,
		/** Keep it when it is a finished image (see {@link OutputCheck}); otherwise make it again. */
		RESUME
	}

	private final Stylizer stylizer;
	private final StylizeSettings settings;
	private final AudioWindow window;
	private final Existing existing;

	public RowRunner(Stylizer stylizer, StylizeSettings settings, AudioWindow window, Existing existing) {
		this.stylizer = stylizer;
		this.settings = settings;
		this.window = window;
		this.existing = existing;
	}

	public RowResult run(BatchRow row) {
		long start = System.nanoTime();
		try {
			if (row.isMalformed()) throw new IllegalArgumentException(row.problem());
			Path out = row.output();
			if (Files.exists(out)) {
				if (existing == Existing.RESUME && OutputCheck.isComplete(out, row.image()))
					return new RowResult(row, RowResult.Status.SKIPPED, seconds(start), null);
				if (existing == Existing.REFUSE) throw new IllegalArgumentException(out +
					" already exists (pass --overwrite to replace it, or --resume to keep finished outputs)");
			}
			SoundMix mix = SoundMix.of(Sound.file(row.sound(), window)).withStrength(row.strength);
			Img<ARGBType> image = stylizer.stylizeConsuming(ImageFiles.read(row.image()), mix, settings, Progress.NONE);
			ImageFiles.writePng(image, out, existing != Existing.REFUSE);
			return new RowResult(row, RowResult.Status.OK, seconds(start), null);
		}
		catch (Exception e) {
			return new RowResult(row, RowResult.Status.FAILED, seconds(start), e);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
