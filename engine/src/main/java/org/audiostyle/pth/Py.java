package org.audiostyle.pth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few Python values a state-dict pickle builds, as plain Java data: str is {@link String}, int is {@link Long},
 * float is {@link Double}, bool is {@link Boolean}, list is {@link ArrayList}, and the classes below for None, tuple
 * and dict. No value ever refers to a Java class chosen by the file.
 */
final class Py {

	private Py() {}

	/** Python's None. */
	static final Object NONE = new Object() {

		@Override
		public String toString() {
			return "None";
		}
	};

	/** Deepest tuple nesting accepted: tuples are hashed (as dict keys), and hashing recurses. */
	static final int MAX_TUPLE_DEPTH = 32;

	/** An immutable tuple. */
	static final class Tuple {

		static final Tuple EMPTY = new Tuple(new Object[0]);

		final List<Object> items;
		final int depth;

		Tuple(Object[] items) {
			this.items = Collections.unmodifiableList(Arrays.asList(items));
			int d = 0;
			for (Object o : items)
				if (o instanceof Tuple) d = Math.max(d, ((Tuple) o).depth);
			this.depth = d + 1;
		}

		int size() {
			return items.size();
		}

		Object get(int i) {
			return items.get(i);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Tuple && items.equals(((Tuple) o).items);
		}

		@Override
		public int hashCode() {
			return items.hashCode();
		}
	}

	/** A dict or collections.OrderedDict (both keep insertion order, as Python 3 dicts do). */
	static final class Dict {

		final Map<Object, Object> items = new LinkedHashMap<>();
		/** True when built by collections.OrderedDict (only those accept BUILD). */
		final boolean ordered;
		/** Instance attributes set by BUILD, e.g. a state dict's {@code _metadata}; informational only. */
		final Map<Object, Object> attributes = new LinkedHashMap<>();

		Dict(boolean ordered) {
			this.ordered = ordered;
		}
	}

	/** Whether Python could use the value as a dict key (the only kinds a state dict needs). */
	static boolean isHashable(Object o) {
		return o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean ||
			o == NONE || o instanceof Tuple;
	}

	/** A short type name for messages; never prints file content beyond that. */
	static String typeName(Object o) {
		if (o == null) return "nothing";
		if (o == NONE) return "None";
		if (o instanceof String) return "str";
		if (o instanceof Long) return "int";
		if (o instanceof Double) return "float";
		if (o instanceof Boolean) return "bool";
		if (o instanceof Tuple) return "tuple";
		if (o instanceof ArrayList) return "list";
		if (o instanceof Dict) return ((Dict) o).ordered ? "OrderedDict" : "dict";
		if (o instanceof TensorRef) return "tensor";
		if (o instanceof StorageRef) return "storage";
		if (o instanceof AllowedGlobal) return "global " + ((AllowedGlobal) o).pythonName;
		return o.getClass().getSimpleName();
	}

	/** Text taken from the file, made safe and short for an error message. */
	static String quote(String s) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < s.length() && b.length() < 120; i++) {
			char c = s.charAt(i);
			b.append(c >= 0x20 && c < 0x7f ? c : '?');
		}
		if (b.length() < s.length()) b.append("...");
		return b.toString();
	}
}
