package org.audiostyle.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * torchvision's ResNet {@code BasicBlock(inplanes, planes, stride)}: relu(bn2(conv2(relu(bn1(conv1(x))))) + identity),
 * where identity is {@code downsample} (conv1x1 at stride, BN) when the stride or width changes. Convs have no bias.
 */
public final class BasicBlock extends TorchLayer {

	private final Conv2d conv1;
	private final BatchNorm2d bn1;
	private final Conv2d conv2;
	private final BatchNorm2d bn2;
	private final TorchSequential downsample;

	public BasicBlock(int inplanes, int planes, int stride) {
		WeightInit k = WeightInit.KAIMING_FAN_OUT;
		conv1 = child("conv1", new Conv2d(inplanes, planes, 3, stride, 1, false, k));
		bn1 = child("bn1", new BatchNorm2d(planes));
		conv2 = child("conv2", new Conv2d(planes, planes, 3, 1, 1, false, k));
		bn2 = child("bn2", new BatchNorm2d(planes));
		if (stride != 1 || inplanes != planes) {
			downsample = child("downsample", new TorchSequential()
				.add(new Conv2d(inplanes, planes, 1, stride, 0, false, k))
				.add(new BatchNorm2d(planes)));
		} else {
			downsample = null;
		}
	}

	@Override
	public NDArray apply(NDArray x, ForwardContext ctx) {
		NDArray y = Activation.relu(bn1.apply(conv1.apply(x, ctx), ctx));
		y = bn2.apply(conv2.apply(y, ctx), ctx);
		NDArray identity = downsample == null ? x : downsample.apply(x, ctx);
		return Activation.relu(y.add(identity));
	}
}
