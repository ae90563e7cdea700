package org.audiostyle.cli;

import java.io.IOException;

import org.audiostyle.audio.SoundMix;
import org.audiostyle.image.PlanarImage;
import org.audiostyle.image.Resampling;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.runtime.DeviceChoice;
import org.audiostyle.stylize.Progress;
import org.audiostyle.stylize.StageTimes;
import org.audiostyle.stylize.StylizeSettings;
import org.audiostyle.stylize.Stylizer;

/**
 * {@code audiostyle bench --targets}: the user-facing speed figures, each a full planar {@code stylize} inside one
 * process with the model loaded and the embedding computed (what a batch or a Fiji stack pays per image): a
 * 4000 x 3000 photo at default settings, 1024 x 1024 at native resolution with the 'small' configuration, and the
 * time per megapixel at native resolution from 1 to 16 MP with the bundled model. Medians of {@code reps} runs after
 * one warm-up.
 */
final class BenchTargets {

	private final int reps;
	private final StylizeSettings settings;

	/** {@code settings}: the defaults plus the user's precision and tiling options. */
	BenchTargets(int reps, StylizeSettings settings) {
		this.reps = reps;
		this.settings = settings;
	}

	void run(StyleModel bundled, DeviceChoice device, PlanarImage scene, SoundMix mix) throws IOException {
		try (Stylizer s = new Stylizer(bundled, device)) {
			System.out.println("pass: " + s.passDescription(settings.precision));
			float[] e = s.embed(mix);
			PlanarImage photo = Resampling.resize(scene, 4000, 3000);
			double t = median(s, photo, e, settings);
			System.out.printf("4000x3000 photo, default settings (work size %d), bundled model: %.3f s%n",
				settings.workSize, t);
			// one more run with its stages timed (in memory: no decoding, model loading or encoding here; the
			// whole path is `stylize --verbose` and tools/bench/end-to-end.sh)
			StageTimes stages = StageTimes.recording();
			s.setStageTimes(stages);
			s.stylize(photo, e, settings, Progress.NONE);
			s.setStageTimes(StageTimes.NONE);
			System.out.println("  stages of one more run: " + stages);
			System.out.println("time per megapixel at native resolution, bundled model:");
			double first = 0, lo = Double.MAX_VALUE, hi = 0, sum = 0;
			for (int mp : new int[] { 1, 2, 4, 8, 16 }) {
				int side = (int) Math.round(Math.sqrt(mp * 1e6));
				double sec = median(s, Resampling.resize(scene, side, side), e, settings.withNativeResolution());
				double perMp = sec / (side * (double) side / 1e6);
				if (first == 0) first = perMp;
				lo = Math.min(lo, perMp);
				hi = Math.max(hi, perMp);
				sum += perMp;
				System.out.printf("  %2d MP (%dx%d): %7.3f s, %.3f s/MP (x%.2f of 1 MP)%n", mp, side, side, sec, perMp,
					perMp / first);
			}
			double mean = sum / 5;
			System.out.printf("  s/MP from %.3f to %.3f: %+.0f %% / %+.0f %% around their mean %.3f (%+.0f %% / %+.0f %% " +
				"around the 1 MP figure)%n", lo, hi, 100 * (lo / mean - 1), 100 * (hi / mean - 1), mean, 100 * (lo / first -
					1), 100 * (hi / first - 1));
		}
		try (StyleModel small = StyleModel.random(NetworkConfig.small(), 1); Stylizer s = new Stylizer(small, device)) {
			float[] e = s.embed(mix);
			double t = median(s, Resampling.resize(scene, 1024, 1024), e, settings.withNativeResolution());
			System.out.printf("1024x1024 native, 'small' configuration: %.3f s%n", t);
		}
	}

	private double median(Stylizer s, PlanarImage x, float[] e, StylizeSettings st) {
		s.stylize(x, e, st, Progress.NONE); // warm-up (compiles the pass for this size)
		double[] t = new double[reps];
		for (int i = 0; i < reps; i++) {
			long t0 = System.nanoTime();
			s.stylize(x, e, st, Progress.NONE);
			t[i] = (System.nanoTime() - t0) / 1e9;
		}
		return BenchVsPytorch.median(t);
	}
}
