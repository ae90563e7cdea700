package org.audiostyle.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

import org.audiostyle.nn.TorchBlock;

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
	 * Gives the parameters of a freshly built network the tensors of a weights file, as arrays of {@code manager},
	 * checking that the keys and shapes are exactly those the network expects: {@link #check} then {@link
	 * Checked#install}.
	 */
	static void decodeInto(byte[] data, Map<String, Parameter> stateDict, NDManager manager, String where,
		String file) throws ModelException
	{
		check(data, stateDict, where, file).install(manager);
	}

	/**
	 * Reads a weights file for a freshly built network and checks that its keys and shapes are exactly those the
	 * network expects and that its values are finite. Each tensor is copied once, from the file's bytes into its own
	 * (aligned) native buffer in native byte order. Needs no engine: a caller can do this while libtorch starts, and
	 * {@link Checked#install} only hands the buffers to it.
	 */
	static Checked check(byte[] data, Map<String, Parameter> stateDict, String where, String file)
		throws ModelException
	{
		List<TensorRecords.Record> records;
		try {
			records = TensorRecords.read(data);
		}
		catch (RuntimeException e) {
			throw new ModelException(where + ": " + file + " is not a DJL weights file or is damaged (" +
				e.getMessage() + "). Re-export the model.", e);
		}
		Map<String, TensorRecords.Record> byName = new HashMap<>();
		List<String> unexpected = new ArrayList<>();
		for (TensorRecords.Record r : records) {
			if (r.name != null && stateDict.containsKey(r.name)) byName.put(r.name, r);
			else unexpected.add(String.valueOf(r.name));
		}
		Set<String> missing = new LinkedHashSet<>(stateDict.keySet());
		missing.removeAll(byName.keySet());
		if (!missing.isEmpty() || !unexpected.isEmpty())
			throw new ModelException(where + ": " + file + " does not fit the network described in model.json" +
				(missing.isEmpty() ? "" : "; missing " + summarize(missing)) + (unexpected.isEmpty() ? ""
					: "; unexpected " + summarize(unexpected)) + ". Was model.json edited, or the file taken " +
				"from another model?");
		Map<Parameter, TensorRecords.Record> tensors = new LinkedHashMap<>();
		for (Map.Entry<String, Parameter> e : stateDict.entrySet()) {
			TensorRecords.Record src = byName.get(e.getKey());
			Shape want = e.getValue().getShape();
			if (!new Shape(src.shape.getShape()).equals(new Shape(want.getShape())))
				throw new ModelException(where + ": " + file + " holds " + e.getKey() + " with shape " + src.shape +
					" but the network in model.json needs " + want + ".");
			if (src.dataType == DataType.FLOAT32 && !allFinite(src.data))
				throw new ModelException(where + ": " + file + " holds non-finite values in " + e.getKey() +
					"; the model is broken (diverged training?).");
			tensors.put(e.getValue(), new TensorRecords.Record(src.name, src.dataType, want, nativeOrder(src.data,
				src.dataType.getNumOfBytes())));
		}
		return new Checked(tensors);
	}

	/** A weights file's tensors, checked and in native buffers, waiting for the engine to make them arrays. */
	static final class Checked {

		/** Each parameter's value, read from the file into a native buffer of its own. */
		private final Map<Parameter, TensorRecords.Record> tensors;

		private Checked(Map<Parameter, TensorRecords.Record> tensors) {
			this.tensors = tensors;
		}

		/**
		 * Makes each tensor an array of {@code manager} (float32; DJL keeps the direct buffer as its storage) and
		 * the parameter's value. Once only: the buffers become the arrays' storage.
		 */
		void install(NDManager manager) {
			for (Map.Entry<Parameter, TensorRecords.Record> e : tensors.entrySet()) {
				TensorRecords.Record t = e.getValue();
				NDArray raw = manager.create(t.data, t.shape, t.dataType);
				NDArray f = raw.toType(DataType.FLOAT32, false);
				if (f != raw) raw.close();
				TorchBlock.replace(e.getKey(), f);
			}
		}
	}

	/**
	 * A record's bytes in a direct buffer of their own in native order: one written on another machine (byte order)
	 * is swapped element by element (rare).
	 */
	private static ByteBuffer nativeOrder(ByteBuffer src, int width) {
		ByteBuffer data = src.duplicate().order(src.order());
		ByteBuffer nat = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
		if (data.order() == ByteOrder.nativeOrder()) return nat.put(data).flip();
		for (int i = 0; i < data.remaining(); i += width) // each element's bytes into native order
			for (int k = 0; k < width; k++)
				nat.put(i + k, data.get(i + width - 1 - k));
		return nat;
	}

	/** Whether every float of {@code data} is finite (checked on the bytes: no float[] copy of the tensor). */
	private static boolean allFinite(ByteBuffer data) {
		FloatBuffer f = data.asFloatBuffer();
		for (int i = 0, n = f.limit(); i < n; i++)
			if (!Float.isFinite(f.get(i))) return false;
		return true;
	}

	private static String summarize(java.util.Collection<String> keys) {
		List<String> l = new ArrayList<>(keys);
		return l.size() <= 6 ? l.toString() : l.subList(0, 6) + " and " + (l.size() - 6) + " more";
	}
}
