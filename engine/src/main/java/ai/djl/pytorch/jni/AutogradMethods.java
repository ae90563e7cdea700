package ai.djl.pytorch.jni;

import java.util.Arrays;

import ai.djl.pytorch.engine.PtSymbolBlock;

/**
 * Runs a method of a TorchScript module with autograd left as the calling thread has it (on inside a
 * {@code GradientCollector}), so the result can be back-propagated to the tensors passed in.
 * <p>
 * Why this class lives in DJL's package: DJL's public {@code IValueUtils.runMethod} always runs a method under an
 * inference-mode guard (its {@code isTrain} flag is fixed to false), and the native call that takes the flag is
 * package-private. This is the only class of the project in a DJL package; it calls nothing else of DJL's internals.
 */
public final class AutogradMethods {

	private AutogradMethods() {}

	/** {@code module.method(inputs...)} with gradients recorded; the caller closes the inputs and the result. */
	public static IValue run(PtSymbolBlock module, String method, IValue... inputs) {
		long[] handles = Arrays.stream(inputs).mapToLong(IValue::getHandle).toArray();
		return new IValue(PyTorchLibrary.LIB.moduleRunMethod(module.getHandle(), method, handles, true, false));
	}
}
