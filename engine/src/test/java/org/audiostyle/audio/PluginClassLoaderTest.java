package org.audiostyle.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/**
 * Inside Fiji a command runs with a context class loader that may not see the engine's JavaSound providers. Decoding
 * must not depend on it, and must leave it as it was.
 */
class PluginClassLoaderTest {

	@Test
	void decodesWithAContextLoaderThatSeesNoProviders() throws IOException {
		Thread t = Thread.currentThread();
		ClassLoader original = t.getContextClassLoader();
		ClassLoader blind = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
		t.setContextClassLoader(blind);
		try {
			for (String f : new String[] { "tone440_44k1_mono.mp3", "tone440l_660r_44k1_stereo.ogg",
				"tone440_22k05_mono.flac" })
			{
				float[] y = AudioFrontEnd.prepare(Sound.file(DecodeFormatsTest.fixture(f)));
				assertEquals(1 / 1.1, TestAudio.peak(y), 1e-6, f);
				assertSame(blind, t.getContextClassLoader(), "restored after " + f);
			}
		}
		finally {
			t.setContextClassLoader(original);
		}
	}

	@Test
	void providersRunUnderTheEngineLoader() throws IOException {
		ClassLoader seen = EngineClassLoader.call(() -> Thread.currentThread().getContextClassLoader());
		assertSame(AudioFrontEnd.class.getClassLoader(), seen);
	}
}
