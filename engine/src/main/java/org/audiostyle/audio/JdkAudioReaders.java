package org.audiostyle.audio;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;

/**
 * Opens WAV, AIFF and AU files with the JDK's own readers, before the class path's.
 *
 * <p>Why: {@link AudioSystem#getAudioInputStream(File)} tries every installed reader, and it puts the ones it found
 * last first, so the class path's MP3, Ogg and FLAC readers each probed a WAV file before the JDK's WAV reader was
 * asked (the MP3 reader allocating two 4 MB buffers for a 176 KB file). In a new JVM with this project's class path,
 * opening a sample sound took 80-100 ms that way and 11 ms through the JDK's readers (docs/end-to-end-speed.md,
 * section 9), and it is on the main thread's path of every stylize. A file none of the JDK's readers accepts still
 * goes to {@link AudioSystem}, which asks the class path's readers too.
 */
final class JdkAudioReaders {

	private JdkAudioReaders() {}

	/** The JDK's readers (java.desktop's, from the boot layer: no class-path scan), in the order AudioSystem asks them. */
	static List<AudioFileReader> readers() {
		return Holder.READERS;
	}

	/** The file's raw stream from the first JDK reader that takes it, else from {@link AudioSystem}. */
	static AudioInputStream open(File file) throws UnsupportedAudioFileException, IOException {
		for (AudioFileReader reader : readers()) {
			try {
				return reader.getAudioInputStream(file);
			}
			catch (UnsupportedAudioFileException e) {
				// not this reader's format: the next one
			}
		}
		return AudioSystem.getAudioInputStream(file);
	}

	private static final class Holder {

		static final List<AudioFileReader> READERS = load();

		private static List<AudioFileReader> load() {
			List<AudioFileReader> found = new ArrayList<>();
			for (AudioFileReader r : ServiceLoader.load(ModuleLayer.boot(), AudioFileReader.class))
				found.add(r);
			Collections.reverse(found); // AudioSystem adds each provider it finds at the front of its list
			return Collections.unmodifiableList(found);
		}
	}
}
