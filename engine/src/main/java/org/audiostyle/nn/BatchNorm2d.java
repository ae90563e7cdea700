package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;

import java.util.Arrays;
import java.util.Random;

/**
 * {@code nn.BatchNorm2d(c)} (eps 1e-5, momentum 0.1). Trainable {@code weight} (1) and {@code bias} (0); buffers
 * {@code running_mean} (0) and {@code running_var} (1). In training mode it normalises with the batch statistics and
 * updates the running averages in place (unbiased variance, as PyTorch); otherwise it uses the running averages.
 * PyTorch's {@code num_batches_tracked} is not held (it only matters for momentum=None).
 */
public final class BatchNorm2d extends TorchLayer {

	private static final float EPS = 1e-5f;
	/** DJL's momentum is the weight of the old average: PyTorch momentum 0.1 is DJL 0.9. */
	private static final float DJL_MOMENTUM = 0.9f;

	private final Parameter weight;
	private final Parameter bias;
	private final Parameter runningMean;
	private final Parameter runningVar;

	public BatchNorm2d(int channels) {
		Shape s = new Shape(channels);
		weight = weight("weight", Parameter.Type.GAMMA, s);
		bias = weight("bias", Parameter.Type.BETA, s);
		runningMean = buffer("running_mean", Parameter.Type.RUNNING_MEAN, s);
		runningVar = buffer("running_var", Parameter.Type.RUNNING_VAR, s);
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return ai.djl.nn.norm.BatchNorm.batchNorm(x, runningMean.getArray(), runningVar.getArray(),
			weight.getArray(), bias.getArray(), 1, DJL_MOMENTUM, EPS, ctx.training()).singletonOrThrow();
	}

	@Override
	protected float[] initialValues(String name, Shape shape, Random random) {
		float[] v = new float[Math.toIntExact(shape.size())];
		if (name.equals("weight") || name.equals("running_var")) Arrays.fill(v, 1f);
		return v;
	}
}
