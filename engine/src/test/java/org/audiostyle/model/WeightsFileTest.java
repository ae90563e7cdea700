package org.audiostyle.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import org.audiostyle.nn.AudioEncoder;
import org.audiostyle.nn.NetworkConfig;
import org.audiostyle.nn.StateDict;
import org.audiostyle.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

/** The weights file reader that replaced {@code NDList.decode} on the load path: same tensors, same checks. */
class WeightsFileTest {

	@Test
	void recordsAreWhatDjlWrote() {
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny(), 4)) {
			Map<String, Parameter> dict = StateDict.of(m.generatorBlock());
			List<TensorRecords.Record> records = TensorRecords.read(m.weightsBytes("generator"));
			assertEquals(List.copyOf(dict.keySet()), records.stream().map(r -> r.name).collect(java.util.stream.Collectors.toList()));
			for (TensorRecords.Record r : records) {
				float[] want = dict.get(r.name).getArray().toFloatArray();
				float[] got = new float[want.length];
				r.data.asFloatBuffer().get(got);
				assertEquals(dict.get(r.name).getArray().getShape(), r.shape, r.name);
				assertArrayEquals(want, got, r.name);
			}
		}
	}

	@Test
	void decodedNetworkHoldsTheFilesValues() throws Exception {
		try (StyleModel m = StyleModel.random(NetworkConfig.tiny(), 9);
			NDManager nd = DjlRuntime.engine().newBaseManager())
		{
			AudioEncoder fresh = new AudioEncoder(m.config()); // built, never initialised: the file gives every array
			WeightsFile.decodeInto(m.weightsBytes("audio"), StateDict.of(fresh), nd, "test", "audio.params");
			Map<String, Parameter> want = StateDict.of(m.audioEncoder());
			for (Map.Entry<String, Parameter> e : StateDict.of(fresh).entrySet())
				assertArrayEquals(want.get(e.getKey()).getArray().toFloatArray(), e.getValue().getArray().toFloatArray(),
					e.getKey());
		}
	}

	@Test
	void bigEndianAndOtherTypesAreConverted() throws Exception {
		// written by hand as a big-endian machine would (encode version 3, byte order '>'), one tensor as float64
		float[] a = { 1.5f, -2.25f, 3e-7f, 42f, 0f, -0f };
		byte[] file = file(new Object[] { "a", "FLOAT32", new long[] { 2, 3 }, a }, new Object[] { "b", "FLOAT64",
			new long[] { 3 }, new double[] { 0.5, -7, 1e3 } });
		try (NDManager nd = DjlRuntime.engine().newBaseManager()) {
			Map<String, Parameter> dict = new LinkedHashMap<>();
			dict.put("a", parameter("a", nd.zeros(new Shape(2, 3))));
			dict.put("b", parameter("b", nd.zeros(new Shape(3))));
			WeightsFile.decodeInto(file, dict, nd, "test", "x.params");
			assertArrayEquals(a, dict.get("a").getArray().toFloatArray());
			assertArrayEquals(new float[] { 0.5f, -7f, 1000f }, dict.get("b").getArray().toFloatArray());
		}
	}

	@Test
	void damagedFilesFailNamingTheProblem() throws Exception {
		byte[] good = file(new Object[] { "a", "FLOAT32", new long[] { 4 }, new float[] { 1, 2, 3, 4 } });
		try (NDManager nd = DjlRuntime.engine().newBaseManager()) {
			Map<String, Parameter> dict = Map.of("a", parameter("a", nd.zeros(new Shape(4))));
			assertMessage(Arrays.copyOf(good, good.length - 3), dict, nd, "cut short");
			byte[] magic = good.clone();
			magic[6] = (byte) 'X'; // "NDAR" -> "XDAR"
			assertMessage(magic, dict, nd, "does not start with NDAR");
			byte[] nan = file(new Object[] { "a", "FLOAT32", new long[] { 4 }, new float[] { 1, Float.NaN, 3, 4 } });
			assertMessage(nan, dict, nd, "non-finite values in a");
			byte[] shape = file(new Object[] { "a", "FLOAT32", new long[] { 2, 2 }, new float[] { 1, 2, 3, 4 } });
			assertMessage(shape, dict, nd, "with shape (2, 2)");
			byte[] other = file(new Object[] { "z", "FLOAT32", new long[] { 4 }, new float[] { 1, 2, 3, 4 } });
			assertMessage(other, dict, nd, "missing [a]; unexpected [z]");
		}
	}

	private static void assertMessage(byte[] file, Map<String, Parameter> dict, NDManager nd, String part) {
		ModelException e = assertThrows(ModelException.class, () -> WeightsFile.decodeInto(file, dict, nd, "pkg",
			"x.params"));
		assertTrue(e.getMessage().contains(part) && e.getMessage().contains("x.params"), e.getMessage());
	}

	private static Parameter parameter(String name, ai.djl.ndarray.NDArray value) {
		Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
		p.setArray(value);
		return p;
	}

	/** An NDList file (encode version 3, big-endian data) of {name, type, shape, float[] or double[]} tensors. */
	private static byte[] file(Object[]... tensors) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeInt(tensors.length);
		for (Object[] t : tensors) {
			out.writeUTF("NDAR");
			out.writeInt(3);
			out.writeByte(1);
			out.writeUTF((String) t[0]);
			out.writeUTF("DENSE");
			out.writeUTF((String) t[1]);
			long[] shape = (long[]) t[2];
			out.writeInt(shape.length);
			for (long d : shape)
				out.writeLong(d);
			out.writeInt(0); // no layout
			out.writeByte('>');
			if (t[3] instanceof float[]) {
				float[] v = (float[]) t[3];
				out.writeInt(4 * v.length);
				for (float f : v)
					out.writeFloat(f);
			}
			else {
				double[] v = (double[]) t[3];
				out.writeInt(8 * v.length);
				for (double d : v)
					out.writeDouble(d);
			}
		}
		return bytes.toByteArray();
	}
}
