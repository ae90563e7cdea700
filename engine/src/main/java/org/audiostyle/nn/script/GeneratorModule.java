package org.audiostyle.nn.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

import org.audiostyle.nn.BlurUpsample;
import org.audiostyle.nn.ResnetGenerator;
import org.audiostyle.nn.StateDict;

/** What both generator scripts need from a generator: its arrays in the script's order, checked, and the module. */
final class GeneratorModule {

	private GeneratorModule() {}

	/**
	 * The generator's parameters for {@code keys}, in that order, after checking that the upsampling filters the
	 * script replaces by bilinear upsampling are CUT's standard one. {@code what} names the script in messages.
	 */
	static List<Parameter> weights(ResnetGenerator generator, List<String> keys, Collection<String> upsampleFilters,
		String what) {
		Map<String, Parameter> state = StateDict.of(generator);
		List<Parameter> weights = new ArrayList<>();
		for (String key : keys) {
			Parameter p = state.get(key);
			if (p == null) throw new IllegalStateException("The generator has no tensor '" + key + "' that the " +
				what + " needs (configuration " + generator.config() + ")");
			weights.add(p);
		}
		for (String key : upsampleFilters) {
			Parameter f = state.get(key);
			if (!BlurUpsample.isStandardFilter(f.getArray().toFloatArray(), Math.toIntExact(f.getShape().get(0))))
				throw new UnsupportedOperationException("Upsampling filter '" + key + "' is not CUT's standard one; " +
					"the " + what + " assumes it (use the eager layers)");
		}
		return weights;
	}

	/** Compiles a one-class module from its source; it lives in {@code manager}. */
	static PtSymbolBlock load(String className, String source, NDManager manager, String what) {
		byte[] archive = TorchScriptArchive.of(className, source);
		try {
			return JniUtils.loadModule((PtNDManager) manager, new ByteArrayInputStream(archive), false, false);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot load the " + what, e);
		}
	}
}
