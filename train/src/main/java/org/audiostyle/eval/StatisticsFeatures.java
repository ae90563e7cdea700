package org.audiostyle.eval;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.audiostyle.audio.AudioFrontEnd;
import org.audiostyle.audio.Sound;
import org.audiostyle.audio.SoundMix;
import org.audiostyle.nn.ForwardContext;
import org.audiostyle.nn.SpectrumStatistics;
import org.audiostyle.nn.StftMagnitude;
import org.audiostyle.runtime.DjlRuntime;

/**
 * The fixed input of the statistics audio network ({@link SpectrumStatistics}) for a sound file's 3 s as the model
 * hears them (loudest window, peak-normalised): a representation with nothing learned, for {@link LinearProbe}.
 */
public final class StatisticsFeatures implements LinearProbe.Representation, AutoCloseable {

	private final NDManager manager;
	private final StftMagnitude stft = new StftMagnitude();
	private final SpectrumStatistics statistics = new SpectrumStatistics();

	public StatisticsFeatures() {
		manager = DjlRuntime.run(() -> DjlRuntime.engine().newBaseManager(Device.cpu()));
		stft.initialize(manager, 0);
		statistics.initialize(manager, 0);
	}

	@Override
	public float[] of(Path sound) throws IOException {
		float[] wave = AudioFrontEnd.prepare(SoundMix.of(Sound.file(sound)));
		return DjlRuntime.run(() -> {
			try (NDManager m = manager.newSubManager()) {
				NDArray spec = stft.apply(m.create(wave, new Shape(1, wave.length)), new ForwardContext(false));
				return statistics.apply(spec.expandDims(1), new ForwardContext(false)).toFloatArray();
			}
		});
	}

	@Override
	public void close() {
		manager.close();
	}
}
