package org.audiostyle.pth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle virtual machine that understands only what {@code torch.save(model.state_dict())} writes: dicts and
 * OrderedDicts, tuples, lists, strings, ints, floats, bools, None, tensors rebuilt by
 * {@code torch._utils._rebuild_tensor_v2} / {@code _rebuild_parameter}, and storage persistent ids.
 *
 * <p>The pickle is untrusted input. Python's unpickler imports and calls whatever a file names; this one has a fixed
 * table of {@link AllowedGlobal}s, each with a Java rule, and refuses every other global and every opcode that a state
 * dict does not need, with a message naming it. Lengths read from the file are checked against the bytes that are
 * really there before anything is allocated.
 */
final class RestrictedUnpickler {

	/** How persistent ids look: 5-tuples in the zip format, 6-tuples (with view metadata) in the legacy format. */
	enum PidStyle {
		ZIP, LEGACY
	}

	private final byte[] buf;
	private final int limit;
	private final String source;
	private final PidStyle pidStyle;
	private int pos;
	private final ArrayList<Object> stack = new ArrayList<>();
	/** Stack heights at each MARK; values above the top mark belong to the current frame. */
	private final ArrayList<Integer> marks = new ArrayList<>();
	private final Map<Long, Object> memo = new HashMap<>();

	/**
	 * @param buf holds the pickle from {@code start}; reading stops at STOP or at {@code limit}
	 * @param source the file (and entry) name used in messages
	 */
	RestrictedUnpickler(byte[] buf, int start, int limit, String source, PidStyle pidStyle) {
		this.buf = buf;
		this.pos = start;
		this.limit = limit;
		this.source = source;
		this.pidStyle = pidStyle;
	}

	/** The position just after the STOP opcode, once {@link #load()} has returned. */
	int position() {
		return pos;
	}

	/** Runs the pickle to its STOP opcode and returns the value it built. */
	Object load() throws CheckpointException {
		while (true) {
			int opPos = pos;
			int op = u8();
			switch (op) {
				case 0x80: { // PROTO
					int proto = u8();
					if (proto > 5) throw fail("it uses pickle protocol " + proto + " (at most 5 exists)");
					break;
				}
				case 0x95: { // FRAME: a length hint only
					long n = u64();
					if (n > limit - pos) throw truncated();
					break;
				}
				case '.': { // STOP
					Object result = pop();
					if (!marks.isEmpty() || !stack.isEmpty()) throw fail("its pickle stops with values left over");
					return result;
				}
				case '}': // EMPTY_DICT
					push(new Py.Dict(false));
					break;
				case ']': // EMPTY_LIST
					push(new ArrayList<Object>());
					break;
				case ')': // EMPTY_TUPLE
					push(Py.Tuple.EMPTY);
					break;
				case '(': // MARK
					marks.add(stack.size());
					break;
				case 'X': // BINUNICODE
					push(utf8(u32()));
					break;
				case 0x8c: // SHORT_BINUNICODE
					push(utf8(u8()));
					break;
				case 0x8d: // BINUNICODE8
					push(utf8(u64()));
					break;
				case 'J': // BININT
					push((long) readLE(4, true));
					break;
				case 'K': // BININT1
					push((long) u8());
					break;
				case 'M': // BININT2
					push(readLE(2, false));
					break;
				case 0x8a: { // LONG1
					int n = u8();
					if (n > 8) throw fail("it holds an integer of " + n + " bytes (state dicts need at most 8)");
					push(n == 0 ? 0L : readLE(n, true));
					break;
				}
				case 'G': // BINFLOAT, big-endian
					need(8);
					push(ByteBuffer.wrap(buf, pos, 8).getDouble());
					pos += 8;
					break;
				case 0x88: // NEWTRUE
					push(Boolean.TRUE);
					break;
				case 0x89: // NEWFALSE
					push(Boolean.FALSE);
					break;
				case 'N': // NONE
					push(Py.NONE);
					break;
				case 't': // TUPLE
					push(tuple(popToMark().toArray()));
					break;
				case 0x85: // TUPLE1
					push(tuple(new Object[] { pop() }));
					break;
				case 0x86: { // TUPLE2
					Object b = pop(), a = pop();
					push(tuple(new Object[] { a, b }));
					break;
				}
				case 0x87: { // TUPLE3
					Object c = pop(), b = pop(), a = pop();
					push(tuple(new Object[] { a, b, c }));
					break;
				}
				case 's': { // SETITEM
					Object value = pop(), key = pop();
					setItem(top(), key, value);
					break;
				}
				case 'u': { // SETITEMS
					List<Object> items = popToMark();
					if (items.size() % 2 != 0) throw fail("SETITEMS got an odd number of values");
					Object dict = top();
					for (int i = 0; i < items.size(); i += 2)
						setItem(dict, items.get(i), items.get(i + 1));
					break;
				}
				case 'a': { // APPEND
					Object value = pop();
					list(top()).add(value);
					break;
				}
				case 'e': { // APPENDS
					List<Object> items = popToMark();
					list(top()).addAll(items);
					break;
				}
				case 'q': // BINPUT
					memo.put((long) u8(), top());
					break;
				case 'r': // LONG_BINPUT
					memo.put(u32(), top());
					break;
				case 0x94: // MEMOIZE
					memo.put((long) memo.size(), top());
					break;
				case 'h': // BINGET
					push(memoGet(u8()));
					break;
				case 'j': // LONG_BINGET
					push(memoGet(u32()));
					break;
				case '0': // POP
					pop();
					break;
				case '1': // POP_MARK
					popToMark();
					break;
				case '2': // DUP
					push(top());
					break;
				case 'c': { // GLOBAL
					String module = line();
					String name = line();
					push(resolve(module, name));
					break;
				}
				case 0x93: { // STACK_GLOBAL
					Object name = pop(), module = pop();
					if (!(module instanceof String) || !(name instanceof String))
						throw fail("STACK_GLOBAL needs two strings, got " + Py.typeName(module) + " and " +
							Py.typeName(name));
					push(resolve((String) module, (String) name));
					break;
				}
				case 'R': { // REDUCE
					Object args = pop(), callable = pop();
					push(call(callable, args));
					break;
				}
				case 'b': { // BUILD
					Object state = pop();
					build(top(), state);
					break;
				}
				case 'Q': // BINPERSID
					push(persistentLoad(pop()));
					break;
				default:
					throw fail("its pickle uses opcode " + PickleOpcodes.describe(op) + " at byte " + opPos +
						", which a PyTorch state dict never needs");
			}
		}
	}

	// ---- the allowed globals and what calling them means -----------------------------------------------------------

	private AllowedGlobal resolve(String module, String name) throws CheckpointException {
		AllowedGlobal g = AllowedGlobal.lookup(module, name);
		if (g == null)
			throw new CheckpointException("Refusing to load " + source + ": the file references the Python global '" +
				Py.quote(module) + "." + Py.quote(name) + "', which a PyTorch state dict never needs. Nothing from " +
				"the file was run. Only plain state dicts saved with torch.save(model.state_dict(), path) can be " +
				"imported (allowed globals: " + AllowedGlobal.list() + ").");
		return g;
	}

	private Object call(Object callable, Object args) throws CheckpointException {
		if (!(callable instanceof AllowedGlobal))
			throw fail("REDUCE calls a " + Py.typeName(callable) + ", which is not callable");
		if (!(args instanceof Py.Tuple)) throw fail("REDUCE arguments are a " + Py.typeName(args) + ", not a tuple");
		AllowedGlobal g = (AllowedGlobal) callable;
		Py.Tuple a = (Py.Tuple) args;
		switch (g) {
			case ORDERED_DICT:
				if (a.size() != 0) throw fail("collections.OrderedDict is called with arguments");
				return new Py.Dict(true);
			case REBUILD_TENSOR_V2:
				return rebuildTensor(a);
			case REBUILD_PARAMETER:
			case REBUILD_PARAMETER_WITH_STATE: {
				int expected = g == AllowedGlobal.REBUILD_PARAMETER ? 3 : 4;
				if (a.size() != expected || !(a.get(0) instanceof TensorRef) || !(a.get(1) instanceof Boolean))
					throw fail(g.pythonName + " is called with unexpected arguments");
				requireNoHooks(a.get(2), g);
				return a.get(0); // parameter-ness and Python attributes do not matter for the values
			}
			default:
				throw fail(g.pythonName + " is called, but it is only valid inside a storage id");
		}
	}

	/** _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]). */
	private TensorRef rebuildTensor(Py.Tuple a) throws CheckpointException {
		String what = AllowedGlobal.REBUILD_TENSOR_V2.pythonName;
		if (a.size() != 6 && a.size() != 7) throw fail(what + " is called with " + a.size() + " arguments");
		if (!(a.get(0) instanceof StorageRef)) throw fail(what + " gets a " + Py.typeName(a.get(0)) + ", not a storage");
		long offset = nonNegative(a.get(1), "storage offset");
		long[] size = longs(a.get(2), "size");
		long[] stride = longs(a.get(3), "stride");
		if (size.length != stride.length)
			throw fail("a tensor has " + size.length + " sizes but " + stride.length + " strides");
		if (!(a.get(4) instanceof Boolean)) throw fail(what + ": requires_grad is a " + Py.typeName(a.get(4)));
		requireNoHooks(a.get(5), AllowedGlobal.REBUILD_TENSOR_V2);
		if (a.size() == 7 && !(a.get(6) instanceof Py.Dict) && a.get(6) != Py.NONE)
			throw fail(what + ": metadata is a " + Py.typeName(a.get(6)));
		return new TensorRef((StorageRef) a.get(0), offset, size, stride);
	}

	/** Backward hooks are Python code; a saved state dict has none (an empty OrderedDict). */
	private void requireNoHooks(Object hooks, AllowedGlobal g) throws CheckpointException {
		if (hooks == Py.NONE) return;
		if (!(hooks instanceof Py.Dict) || !((Py.Dict) hooks).items.isEmpty())
			throw fail(g.pythonName + " carries backward hooks, which a state dict never has");
	}

	private long[] longs(Object o, String what) throws CheckpointException {
		if (!(o instanceof Py.Tuple)) throw fail("a tensor " + what + " is a " + Py.typeName(o) + ", not a tuple");
		Py.Tuple t = (Py.Tuple) o;
		if (t.size() > 32) throw fail("a tensor has " + t.size() + " dimensions");
		long[] r = new long[t.size()];
		for (int i = 0; i < r.length; i++)
			r[i] = nonNegative(t.get(i), "tensor " + what);
		return r;
	}

	private long nonNegative(Object o, String what) throws CheckpointException {
		if (!(o instanceof Long)) throw fail("a " + what + " is a " + Py.typeName(o) + ", not an int");
		long v = (Long) o;
		if (v < 0) throw fail("a " + what + " is negative (" + v + ")");
		return v;
	}

	/** Only OrderedDict accepts BUILD, with a dict of instance attributes (a state dict's _metadata) or None. */
	private void build(Object target, Object state) throws CheckpointException {
		if (!(target instanceof Py.Dict) || !((Py.Dict) target).ordered)
			throw fail("BUILD sets state on a " + Py.typeName(target) + "; only OrderedDict state is supported");
		if (state == Py.NONE) return;
		if (!(state instanceof Py.Dict)) throw fail("BUILD state is a " + Py.typeName(state) + ", not a dict");
		((Py.Dict) target).attributes.putAll(((Py.Dict) state).items);
	}

	/** ('storage', torch.XStorage, key, location, numel[, view_metadata]) -> a storage reference. */
	private StorageRef persistentLoad(Object pid) throws CheckpointException {
		int n = pidStyle == PidStyle.ZIP ? 5 : 6;
		if (!(pid instanceof Py.Tuple) || ((Py.Tuple) pid).size() != n || !"storage".equals(((Py.Tuple) pid).get(0)))
			throw fail("a persistent id is not a ('storage', type, key, location, size" + (n == 6 ? ", view)" : ")") +
				" tuple");
		Py.Tuple t = (Py.Tuple) pid;
		Object type = t.get(1);
		DType dtype = type instanceof AllowedGlobal ? ((AllowedGlobal) type).storageType() : null;
		if (dtype == null) throw fail("a storage has type " + Py.typeName(type) + ", not a storage class");
		if (!(t.get(2) instanceof String) || !(t.get(3) instanceof String))
			throw fail("a storage key or location is not a string");
		String key = (String) t.get(2);
		if (!key.matches("[A-Za-z0-9_.-]{1,64}")) throw fail("a storage key is malformed ('" + Py.quote(key) + "')");
		long numel = nonNegative(t.get(4), "storage size");
		if (n == 6 && t.get(5) != Py.NONE)
			throw new CheckpointException("Cannot load " + source + ": it stores storage views, a feature of " +
				"PyTorch versions before 1.0. Re-save it with a recent PyTorch: torch.save(torch.load(old), new).");
		return new StorageRef(dtype, key, (String) t.get(3), numel);
	}

	// ---- stack, memo and containers ---------------------------------------------------------------------------------

	private Py.Tuple tuple(Object[] items) throws CheckpointException {
		Py.Tuple t = new Py.Tuple(items);
		if (t.depth > Py.MAX_TUPLE_DEPTH) throw fail("tuples are nested more than " + Py.MAX_TUPLE_DEPTH + " deep");
		return t;
	}

	private void setItem(Object dict, Object key, Object value) throws CheckpointException {
		if (!(dict instanceof Py.Dict)) throw fail("SETITEM targets a " + Py.typeName(dict) + ", not a dict");
		if (!Py.isHashable(key)) throw fail("a dict key is a " + Py.typeName(key));
		((Py.Dict) dict).items.put(key, value);
	}

	@SuppressWarnings("unchecked")
	private ArrayList<Object> list(Object o) throws CheckpointException {
		if (!(o instanceof ArrayList)) throw fail("APPEND targets a " + Py.typeName(o) + ", not a list");
		return (ArrayList<Object>) o;
	}

	private Object memoGet(long index) throws CheckpointException {
		Object o = memo.get(index);
		if (o == null) throw fail("it reads memo entry " + index + ", which was never stored");
		return o;
	}

	private int frameBase() {
		return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
	}

	private void push(Object o) {
		stack.add(o);
	}

	private Object pop() throws CheckpointException {
		if (stack.size() <= frameBase()) throw fail("its pickle pops from an empty stack");
		return stack.remove(stack.size() - 1);
	}

	private Object top() throws CheckpointException {
		if (stack.size() <= frameBase()) throw fail("its pickle reads from an empty stack");
		return stack.get(stack.size() - 1);
	}

	private List<Object> popToMark() throws CheckpointException {
		if (marks.isEmpty()) throw fail("its pickle uses a MARK that was never set");
		int base = marks.remove(marks.size() - 1);
		List<Object> tail = stack.subList(base, stack.size());
		List<Object> items = new ArrayList<>(tail);
		tail.clear();
		return items;
	}

	// ---- raw reads, all bounds-checked against the bytes that exist --------------------------------------------------

	private void need(long n) throws CheckpointException {
		if (n < 0 || n > limit - pos) throw truncated();
	}

	private int u8() throws CheckpointException {
		need(1);
		return buf[pos++] & 0xff;
	}

	private long u32() throws CheckpointException {
		return readLE(4, false);
	}

	private long u64() throws CheckpointException {
		long v = readLE(8, false);
		if (v < 0) throw truncated(); // more than 2^63: cannot fit in the file
		return v;
	}

	/** Little-endian integer of n bytes (1..8); signed means two's complement in n bytes. */
	private long readLE(int n, boolean signed) throws CheckpointException {
		need(n);
		long v = 0;
		for (int i = n - 1; i >= 0; i--)
			v = (v << 8) | (buf[pos + i] & 0xff);
		pos += n;
		if (signed && n < 8 && (v & (1L << (8 * n - 1))) != 0) v -= 1L << (8 * n);
		return v;
	}

	private String utf8(long length) throws CheckpointException {
		need(length);
		CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			CharBuffer cb = dec.decode(ByteBuffer.wrap(buf, pos, (int) length));
			pos += (int) length;
			return cb.toString();
		}
		catch (CharacterCodingException e) {
			throw fail("it holds a string that is not valid UTF-8 at byte " + pos);
		}
	}

	/** A newline-terminated ASCII line (GLOBAL's module and name), at most 256 characters. */
	private String line() throws CheckpointException {
		int start = pos;
		while (true) {
			if (pos >= limit) throw truncated();
			if (buf[pos] == '\n') break;
			if (pos - start > 256) throw fail("a GLOBAL name is longer than 256 characters");
			pos++;
		}
		String s = new String(buf, start, pos - start, StandardCharsets.ISO_8859_1);
		pos++;
		return s;
	}

	private CheckpointException truncated() {
		return new CheckpointException("Cannot load " + source + ": its pickle ends early (byte " + pos + " of " +
			limit + "). The file is damaged or incomplete: download or copy it again.");
	}

	private CheckpointException fail(String what) {
		return new CheckpointException("Cannot load " + source + ": " + what + ". It does not look like a PyTorch " +
			"state dict saved with torch.save(model.state_dict(), path).");
	}
}
