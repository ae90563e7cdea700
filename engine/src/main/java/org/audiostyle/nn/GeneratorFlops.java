package org.audiostyle.nn;

/**
 * Floating-point operations of one generator pass, counted analytically from the convolutions (2 per
 * multiply-add, the blur filters included, FiLM's per-channel affine and the elementwise ops not): what the benchmark
 * divides by the time to report achieved GFLOP/s.
 */
public final class GeneratorFlops {

	private GeneratorFlops() {
	}

	/** FLOPs of a pass over an H x W image (after the padding to a multiple of 4 that the generator adds). */
	public static double of(NetworkConfig c, long height, long width) {
		long h = height + SizePadding.amount(height), w = width + SizePadding.amount(width);
		long ngf = c.ngf;
		double f = 0;
		f += conv(3, ngf, 7, h, w);                            // model_down.1
		f += conv(ngf, 2 * ngf, 3, h, w);                      // model_down.4
		long h2 = (h + 1) / 2, w2 = (w + 1) / 2;
		f += depthwise(2 * ngf, 3, h2, w2);                    // blur down
		f += conv(2 * ngf, 4 * ngf, 3, h2, w2);                // model_down.8
		long h4 = (h2 + 1) / 2, w4 = (w2 + 1) / 2;
		f += depthwise(4 * ngf, 3, h4, w4);                    // blur down
		f += c.residualBlocks * 2 * conv(4 * ngf, 4 * ngf, 3, h4, w4);
		long upIn = c.conditioning == NetworkConfig.Conditioning.CONCAT ? 4 * ngf + c.embeddingDim : 4 * ngf;
		f += depthwise(upIn, 4, h2, w2);                       // blur up (transposed, as counted by PyTorch's op)
		f += conv(upIn, 4 * ngf, 3, h2, w2);                   // model_up.1
		f += depthwise(4 * ngf, 4, h, w);                      // blur up
		f += conv(4 * ngf, 2 * ngf, 3, h, w);                  // model_up.5
		f += conv(2 * ngf, 3, 7, h, w);                        // model_up.9
		return f;
	}

	private static double conv(long in, long out, int k, long h, long w) {
		return 2.0 * in * out * k * k * h * w;
	}

	private static double depthwise(long channels, int k, long h, long w) {
		return 2.0 * channels * k * k * h * w;
	}
}
