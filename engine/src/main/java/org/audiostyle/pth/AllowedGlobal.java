package org.audiostyle.pth;

import java.util.HashMap;
import java.util.Map;

/**
 * The complete list of Python globals a state-dict pickle may name. A GLOBAL/STACK_GLOBAL opcode naming anything else
 * stops the load; these are never "imported", they only tell the unpickler which fixed Java rule to apply.
 */
enum AllowedGlobal {
	ORDERED_DICT("collections", "OrderedDict"),
	REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
	REBUILD_PARAMETER("torch._utils", "_rebuild_parameter"),
	REBUILD_PARAMETER_WITH_STATE("torch._utils", "_rebuild_parameter_with_state"),
	FLOAT_STORAGE("torch", DType.FLOAT32.storageClass),
	HALF_STORAGE("torch", DType.FLOAT16.storageClass),
	BFLOAT16_STORAGE("torch", DType.BFLOAT16.storageClass),
	LONG_STORAGE("torch", DType.INT64.storageClass);

	final String module;
	final String name;
	final String pythonName;

	AllowedGlobal(String module, String name) {
		this.module = module;
		this.name = name;
		this.pythonName = module + "." + name;
	}

	private static final Map<String, AllowedGlobal> BY_NAME = new HashMap<>();
	static {
		for (AllowedGlobal g : values())
			BY_NAME.put(g.module + "\n" + g.name, g);
	}

	/** The allowed global with exactly this module and name, or null. */
	static AllowedGlobal lookup(String module, String name) {
		return BY_NAME.get(module + "\n" + name);
	}

	/** The storage element type, or null when this global is not a storage class. */
	DType storageType() {
		return module.equals("torch") ? DType.ofStorageClass(name) : null;
	}

	/** The allowed names, for error messages. */
	static String list() {
		StringBuilder b = new StringBuilder();
		for (AllowedGlobal g : values())
			b.append(b.length() == 0 ? "" : ", ").append(g.pythonName);
		return b.toString();
	}
}
