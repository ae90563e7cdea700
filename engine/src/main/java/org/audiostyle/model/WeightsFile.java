package org.audiostyle.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

/**
 * A weights file of a model package: DJL's NDList encoding of every tensor of one network, each NDArray named with
 * its PyTorch state-dict key ({@code model_down.1.weight}, {@code layer1.0.bn1.running_mean}, ...). Keyed storage
 * makes validation specific (which tensor, which shape) and keeps the files independent of DJL's block layout.
 */
final class WeightsFile {

	private WeightsFile() {}

	static byte[] encode(Map<String, Parameter> stateDict) {
		try (NDManager m = org.audiostyle.runtime.DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu())) {
			NDList list = new NDList();
			for (Map.Entry<String, Parameter> e : stateDict.entrySet()) {
				NDArray a = e.getValue().getArray().toDevice(ai.djl.Device.cpu(), true);
				a = a.duplicate();
				a.attach(m);
				a.setName(e.getKey());
				list.add(a);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			list.encode(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot encode weights", e);
		}
	}

	/**
	 * Copies the tensors of a weights file into the parameters of a freshly built network, checking that the keys and
	 * shapes are exactly those the network expects.
	 */
	static void decodeInto(byte[] data, Map<String, Parameter> stateDict, String where, String file)
		throws ModelException
	{
		try (NDManager m = org.audiostyle.runtime.DjlRuntime.engine().newBaseManager(ai.djl.Device.cpu())) {
			NDList list;
			try {
				list = NDList.decode(m, new ByteArrayInputStream(data));
			}
			catch (RuntimeException e) {
				throw new ModelException(where + ": " + file + " is not a DJL weights file or is damaged (" +
					e.getMessage() + "). Re-export the model.", e);
			}
			Map<String, NDArray> byName = new HashMap<>();
			List<String> unexpected = new ArrayList<>();
			for (NDArray a : list) {
				if (stateDict.containsKey(a.getName())) byName.put(a.getName(), a);
				else unexpected.add(a.getName());
			}
			Set<String> missing = new LinkedHashSet<>(stateDict.keySet());
			missing.removeAll(byName.keySet());
			if (!missing.isEmpty() || !unexpected.isEmpty())
				throw new ModelException(where + ": " + file + " does not fit the network described in model.json" +
					(missing.isEmpty() ? "" : "; missing " + summarize(missing)) + (unexpected.isEmpty() ? ""
						: "; unexpected " + summarize(unexpected)) + ". Was model.json edited, or the file taken " +
					"from another model?");
			for (Map.Entry<String, Parameter> e : stateDict.entrySet()) {
				NDArray src = byName.get(e.getKey());
				NDArray dst = e.getValue().getArray();
				Shape want = dst.getShape();
				if (!src.getShape().equals(want))
					throw new ModelException(where + ": " + file + " holds " + e.getKey() + " with shape " + src
						.getShape() + " but the network in model.json needs " + want + ".");
				if (src.getDataType() != dst.getDataType()) src = src.toType(dst.getDataType(), false);
				if (dst.getDataType() == DataType.FLOAT32) {
					float[] v = src.toFloatArray();
					for (float x : v)
						if (!Float.isFinite(x))
							throw new ModelException(where + ": " + file + " holds non-finite values in " + e.getKey() +
								"; the model is broken (diverged training?).");
				}
				dst.set(src.toByteBuffer());
			}
		}
	}

	private static String summarize(java.util.Collection<String> keys) {
		List<String> l = new ArrayList<>(keys);
		return l.size() <= 6 ? l.toString() : l.subList(0, 6) + " and " + (l.size() - 6) + " more";
	}
}
