package org.audiostyle.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.function.Function;

/**
 * Manual benchmark (not a unit test): forward and backward seconds of each block's training form against the direct
 * form, e.g. {@code java -Dai.djl.pytorch.num_threads=1 -cp ... org.audiostyle.nn.BlockBackwardBenchmark 8 64 128}
 * (batch, channels, side).
 */
public final class BlockBackwardBenchmark {

	public static void main(String[] args) {
		int n = Integer.parseInt(args[0]), c = Integer.parseInt(args[1]), side = Integer.parseInt(args[2]);
		try (NDManager root = NDManager.newBaseManager()) {
			BlurDownsample down = new BlurDownsample(c);
			down.initialize(root, 0);
			BlurUpsample up = new BlurUpsample(c);
			up.initialize(root, 0);
			InstanceNorm2d norm = new InstanceNorm2d(c);
			ForwardContext train = new ForwardContext(false);
			NDArray filt = down.torchParameters().get("filt").getArray();
			Shape s = new Shape(n, c, side, side);
			Shape half = new Shape(n, c, side / 2, side / 2);
			time(root, s, "reflect pad 1, slices", x -> Padding.reflect(Padding.reflect(x, 2, 1, 1), 3, 1, 1));
			time(root, s, "reflect pad 1, matrices", x -> new ReflectionPad2d(1).apply(x, train));
			time(root, s, "blur down, depthwise conv", x -> ai.djl.nn.convolutional.Conv2d.conv2d(
				Padding.reflect(Padding.reflect(x, 2, 1, 1), 3, 1, 1), filt, null, new Shape(2, 2), new Shape(0, 0),
				new Shape(1, 1), c).singletonOrThrow());
			time(root, s, "blur down, matrices", x -> down.apply(x, train));
			time(root, half, "blur up (from half), polyphase conv", x -> up.applyToChannels(x, 0, train));
			time(root, half, "blur up (from half), matrices", x -> up.apply(x, train));
			time(root, s, "instance norm, chain", TrainingPathTest::directInstanceNorm);
			time(root, s, "instance norm, fused", x -> norm.apply(x, train));
		}
	}

	private static void time(NDManager root, Shape s, String what, Function<NDArray, NDArray> f) {
		double best = Double.MAX_VALUE, bestF = Double.MAX_VALUE;
		for (int rep = 0; rep < 4; rep++)
			try (NDManager m = root.newSubManager()) {
				NDArray x = m.randomNormal(s);
				x.setRequiresGradient(true);
				try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
					long t0 = System.nanoTime();
					NDArray y = f.apply(x);
					NDArray loss = y.mul(y).sum();
					loss.toFloatArray();
					long t1 = System.nanoTime();
					gc.backward(loss);
					x.getGradient().toFloatArray();
					long t2 = System.nanoTime();
					if (rep > 0) {
						bestF = Math.min(bestF, (t1 - t0) / 1e9);
						best = Math.min(best, (t2 - t1) / 1e9);
					}
				}
			}
		System.out.printf("%-40s forward %.3f s, backward %.3f s%n", what, bestF, best);
	}
}
