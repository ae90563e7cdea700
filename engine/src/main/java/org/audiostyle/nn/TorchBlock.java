package org.audiostyle.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Base class of every network block of Audio Style. A DJL block that also keeps its children and parameters under
 * their PyTorch names, so that {@link #stateDict()} yields exactly the keys of the official {@code state_dict}
 * (DJL's own {@code addChildBlock} prefixes names with a counter, e.g. {@code 01model_down}).
 * <p>
 * Every parameter's shape is fixed at construction. Values are created by {@link #initialize(NDManager, long)} from
 * Java random generators seeded per parameter key (not libtorch's RNG), so the same seed always gives the same
 * weights. Buffers (fixed filters, batch-norm running statistics) are parameters with {@code requiresGrad=false}.
 */
public abstract class TorchBlock extends AbstractBlock {

	/** Default seed used when DJL's own {@code initialize(manager, type, shapes)} meets an uninitialised block. */
	public static final long DEFAULT_SEED = 0L;

	private final LinkedHashMap<String, TorchBlock> torchChildren = new LinkedHashMap<>();
	private final LinkedHashMap<String, Parameter> torchParameters = new LinkedHashMap<>();

	protected TorchBlock() {
		super((byte) 1);
	}

	/** Registers a child under its PyTorch attribute name (e.g. "model_down", "3", "conv_block"). */
	protected final <B extends TorchBlock> B child(String torchName, B block) {
		if (torchChildren.containsKey(torchName) || torchParameters.containsKey(torchName))
			throw new IllegalArgumentException("Duplicate name '" + torchName + "' in " + getClass().getSimpleName());
		torchChildren.put(torchName, block);
		addChildBlock(torchName, block);
		return block;
	}

	/** Declares a trainable parameter (PyTorch nn.Parameter) of fixed shape. */
	protected final Parameter weight(String torchName, Parameter.Type type, Shape shape) {
		return declare(torchName, type, shape, true);
	}

	/** Declares a buffer (PyTorch register_buffer): saved and loaded, never trained. */
	protected final Parameter buffer(String torchName, Parameter.Type type, Shape shape) {
		return declare(torchName, type, shape, false);
	}

	private Parameter declare(String torchName, Parameter.Type type, Shape shape, boolean trainable) {
		if (torchChildren.containsKey(torchName) || torchParameters.containsKey(torchName))
			throw new IllegalArgumentException("Duplicate name '" + torchName + "' in " + getClass().getSimpleName());
		Parameter p = Parameter.builder().setName(torchName).setType(type).optShape(shape)
			.optRequiresGrad(trainable).build();
		torchParameters.put(torchName, p);
		addParameter(p);
		return p;
	}

	/** Children under their PyTorch names, in registration order. */
	public final Map<String, TorchBlock> torchChildren() {
		return Collections.unmodifiableMap(torchChildren);
	}

	/** This block's own parameters and buffers under their PyTorch names, in registration order. */
	public final Map<String, Parameter> torchParameters() {
		return Collections.unmodifiableMap(torchParameters);
	}

	/**
	 * All parameters and buffers of this block and its descendants, keyed exactly like PyTorch's
	 * {@code module.state_dict()} (own entries first, then children depth first). BatchNorm's
	 * {@code num_batches_tracked} is not held: an importer must skip it.
	 */
	public final LinkedHashMap<String, Parameter> stateDict() {
		LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
		collect("", out);
		return out;
	}

	private void collect(String prefix, Map<String, Parameter> out) {
		for (Map.Entry<String, Parameter> e : torchParameters.entrySet())
			out.put(prefix + e.getKey(), e.getValue());
		for (Map.Entry<String, TorchBlock> e : torchChildren.entrySet())
			e.getValue().collect(prefix + e.getKey() + ".", out);
	}

	/** Number of trainable values (buffers excluded), like {@code sum(p.numel() for p in m.parameters())}. */
	public final long parameterCount() {
		long n = 0;
		for (Parameter p : stateDict().values())
			if (p.requiresGradient()) n += p.getShape().size();
		return n;
	}

	/**
	 * Creates every parameter and buffer array in {@code manager}, deterministically from {@code seed}. Each key gets
	 * its own generator (seed mixed with the key's hash), so adding a block elsewhere never shifts other weights.
	 * Existing arrays are closed and replaced.
	 */
	public final void initialize(NDManager manager, long seed) {
		initializeTree(manager, seed, "");
	}

	private void initializeTree(NDManager manager, long seed, String prefix) {
		for (Map.Entry<String, Parameter> e : torchParameters.entrySet()) {
			Parameter p = e.getValue();
			String key = prefix + e.getKey();
			float[] values = initialValues(e.getKey(), p.getShape(), generator(seed, key));
			if (values.length != p.getShape().size())
				throw new IllegalStateException("Initial values of " + key + " have " + values.length +
					" entries, shape " + p.getShape() + " needs " + p.getShape().size());
			replace(p, manager.create(values, p.getShape()));
		}
		for (Map.Entry<String, TorchBlock> e : torchChildren.entrySet())
			e.getValue().initializeTree(manager, seed, prefix + e.getKey() + ".");
	}

	private static Random generator(long seed, String key) {
		long mixed = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (key.hashCode() + 1L))).nextLong();
		return new Random(mixed);
	}

	/**
	 * Initial values of one of this block's own parameters, in row-major order of {@code shape}. Blocks without
	 * parameters never get called.
	 */
	protected float[] initialValues(String torchName, Shape shape, Random random) {
		throw new IllegalStateException(getClass().getSimpleName() + " declares '" + torchName +
			"' but gives no initial values for it");
	}

	/**
	 * Puts {@code value} into {@code p} (closing the array it held), and marks it for gradients if {@code p} is
	 * trainable. The value's shape must equal the declared shape. The value stays in its own NDManager.
	 */
	public static void replace(Parameter p, NDArray value) {
		if (!value.getShape().equals(p.getShape()))
			throw new IllegalArgumentException("Parameter '" + p.getName() + "' has shape " + p.getShape() +
				", the value has shape " + value.getShape());
		if (value.getDataType() != DataType.FLOAT32)
			throw new IllegalArgumentException("Parameter '" + p.getName() + "' needs float32, got " +
				value.getDataType());
		if (p.isInitialized()) p.close();
		p.setInitializer((m, s, t) -> value);
		p.initialize(value.getManager(), DataType.FLOAT32);
	}

	/** True when every parameter and buffer of the tree has an array. */
	@Override
	public boolean isInitialized() {
		for (Parameter p : stateDict().values())
			if (!p.isInitialized()) return false;
		return true;
	}

	/**
	 * DJL's generic initialisation (called by {@code Trainer.initialize}). Input shapes are irrelevant here because
	 * every shape is known at construction; an uninitialised tree is filled from {@link #DEFAULT_SEED}.
	 */
	@Override
	public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
		if (dataType != DataType.FLOAT32)
			throw new IllegalArgumentException("Audio Style networks are float32 only, not " + dataType);
		if (!isInitialized()) initialize(manager, DEFAULT_SEED);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		throw new UnsupportedOperationException(getClass().getSimpleName() +
			" does not predict output shapes; run it on an input instead");
	}

	/** No input shapes are written: ours are fixed by NetworkConfig, not by a sample input. */
	@Override
	protected void saveMetadata(DataOutputStream os) throws IOException {
		os.writeInt(torchParameters.size());
	}

	@Override
	protected void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
		if (loadVersion != version)
			throw new MalformedModelException("Cannot load parameters of " + getClass().getSimpleName() +
				": stored format version " + loadVersion + ", expected " + version);
		int n = is.readInt();
		if (n != torchParameters.size())
			throw new MalformedModelException("Stored parameters do not fit " + getClass().getSimpleName() + ": " +
				n + " entries stored, " + torchParameters.size() + " expected (different network configuration?)");
	}

	/**
	 * Loads values written by {@link #saveParameters}. Shapes are checked against the declared ones; trainable
	 * parameters are marked for gradients again (DJL's loader does not do that).
	 */
	@Override
	public void loadParameters(NDManager manager, DataInputStream is) throws IOException, MalformedModelException {
		byte loadVersion = is.readByte();
		loadMetadata(loadVersion, is);
		for (Parameter p : torchParameters.values()) {
			Shape declared = p.getShape();
			if (p.isInitialized()) p.close();
			p.load(manager, is);
			if (!p.getArray().getShape().equals(declared))
				throw new MalformedModelException("Stored parameter '" + p.getName() + "' of " +
					getClass().getSimpleName() + " has shape " + p.getArray().getShape() + ", expected " + declared);
			if (p.requiresGradient()) p.getArray().setRequiresGradient(true);
		}
		for (TorchBlock child : torchChildren.values())
			child.loadParameters(manager, is);
	}
}
