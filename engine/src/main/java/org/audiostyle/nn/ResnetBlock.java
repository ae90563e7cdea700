package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;

/**
 * CUT's {@code ResnetBlock(dim)} with reflection padding and instance norm: x + conv_block(x), where conv_block is
 * [0 ReflectionPad2d(1), 1 Conv3x3, 2 InstanceNorm, 3 ReLU, 4 ReflectionPad2d(1), 5 Conv3x3, 6 InstanceNorm].
 */
public final class ResnetBlock extends TorchLayer {

	private final TorchSequential convBlock;

	public ResnetBlock(int dim) {
		convBlock = child("conv_block", new TorchSequential()
			.add(new ReflectionPad2d(1))
			.add(new Conv2d(dim, dim, 3, 1, 0, true, WeightInit.XAVIER_002))
			.add(new InstanceNorm2d(dim))
			.add(new Relu())
			.add(new ReflectionPad2d(1))
			.add(new Conv2d(dim, dim, 3, 1, 0, true, WeightInit.XAVIER_002))
			.add(new InstanceNorm2d(dim)));
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		return x.add(convBlock.apply(x, ctx));
	}
}
