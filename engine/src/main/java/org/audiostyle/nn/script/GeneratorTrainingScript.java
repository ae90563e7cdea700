package org.audiostyle.nn.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.audiostyle.nn.NetworkConfig;

/**
 * TorchScript source of the generator's two training passes (same layers and state-dict keys as
 * {@link org.audiostyle.nn.ResnetGenerator}), run with autograd on, for one precision:
 * <ul>
 * <li>{@code generate(x, w, film, emb)}: N x 3 x H x W images (H, W multiples of 4) and their sounds to the
 * stylized images, as {@code ResnetGenerator.forward};</li>
 * <li>{@code encode(x, w)}: the outputs of the {@code model_down} layers PatchNCE reads, as
 * {@code ResnetGenerator.encode}.</li>
 * </ul>
 * {@code w} holds the float32 weights in {@link #weightKeys()} order (the trained arrays themselves, so gradients
 * reach them through the casts); {@code film} holds per-image [1 + scale, shift] (N x C x 1 x 1 each) per modulated
 * norm, computed by the eager FiLM layers; {@code emb} is the N x E embedding (CONCAT only). Results are float32 in
 * the default layout whatever the compute precision.
 * <p>
 * Why: in bfloat16 (weights cast per pass, activations in bf16, statistics in fp32 inside PyTorch's norm kernels)
 * oneDNN runs the convolutions and their backward passes on the CPU's bf16 units; DJL's eager ops cannot hold bf16
 * tensors. This is mixed-precision training: the master weights, their gradients and Adam stay float32. In
 * {@link ScriptPrecision#FP32} the script is the eager pass's twin (used to check it, and to time the script's own
 * overhead).
 * <p>
 * Instance norm: in the default layout, batch norm in training mode on the (1, N*C, H, W) view with FiLM as its
 * affine weight and bias (as the eager layer does); in channels-last (bf16), group norm with one group per channel,
 * then the FiLM multiply-add, since that view does not exist without a copy in that layout. Convolutions whose
 * output channel count is not a multiple of 16 get zero filters up to it, sliced off after (see
 * {@link org.audiostyle.nn.GradSafeConv}: oneDNN's backward pass otherwise reads uninitialised padding channels).
 */
public final class GeneratorTrainingScript {

	/** Class name inside the module file. */
	public static final String CLASS = "GeneratorTraining";

	private static final String EPS = "1.0000000000000001e-05";
	private static final int BLOCK = 16;

	private final NetworkConfig config;
	private final ScriptPrecision precision;
	private final int[] layers;
	private final List<String> weightKeys = new ArrayList<>();
	private final java.util.Set<String> upsampleFilters = new java.util.LinkedHashSet<>();
	private final String source;

	/** {@code encodeLayers}: the model_down indices {@code encode} returns, in that order. */
	public GeneratorTrainingScript(NetworkConfig config, ScriptPrecision precision, int[] encodeLayers) {
		this.config = config;
		this.precision = precision;
		this.layers = encodeLayers.clone();
		int last = 11 + config.residualBlocks;
		for (int l : layers)
			if (l < 0 || l > last)
				throw new IllegalArgumentException("Layer index " + l + " outside 0.." + last);
		this.source = "class " + CLASS + "(Module):\n  __parameters__ = []\n  __buffers__ = []\n  training : bool\n" +
			generate() + encode();
	}

	public String source() {
		return source;
	}

	public List<String> weightKeys() {
		return Collections.unmodifiableList(weightKeys);
	}

	/** Keys of the upsampling filters the script assumes to be CUT's standard one. */
	public java.util.Set<String> upsampleFilters() {
		return Collections.unmodifiableSet(upsampleFilters);
	}

	public ScriptPrecision precision() {
		return precision;
	}

	public int[] encodeLayers() {
		return layers.clone();
	}

	private String generate() {
		Body b = new Body();
		StringBuilder head = new StringBuilder("  def generate(self: __torch__." + CLASS + ",\n    x: Tensor,\n" +
			"    w: List[Tensor],\n    film: List[Tensor],\n    emb: Tensor) -> Tensor:\n");
		int ngf = config.ngf;
		String x = b.down(b.let(precision.toCompute("x")), Integer.MAX_VALUE, null);
		boolean concat = config.conditioning == NetworkConfig.Conditioning.CONCAT;
		int upIn = concat ? 4 * ngf + config.embeddingDim : 4 * ngf;
		if (concat) {
			String e = b.let("torch.expand(torch.view(" + precision.weight("emb") + ", [torch.size(emb, 0), " +
				config.embeddingDim + ", 1, 1]), [torch.size(emb, 0), " + config.embeddingDim + ", torch.size(" + x +
				", 2), torch.size(" + x + ", 3)])");
			x = b.let(precision.toLayout("torch.cat([" + x + ", " + e + "], 1)"));
		}
		x = b.blurUp(x, "model_up.0");
		x = b.conv(x, "model_up.1", 4 * ngf, 1, 1);
		x = b.normRelu(x, concat ? -1 : 0, true);
		x = b.blurUp(x, "model_up.4");
		x = b.conv(x, "model_up.5", 2 * ngf, 1, 1);
		x = b.normRelu(x, concat ? -1 : 1, true);
		x = b.conv(b.reflect(x, 3), "model_up.9", 3, 1, 0);
		x = b.let("torch.tanh(" + x + ")");
		head.append(b.text);
		head.append("    return torch.contiguous(torch.to(").append(x).append(", 6))\n");
		return head.toString();
	}

	private String encode() {
		Body b = new Body();
		StringBuilder head = new StringBuilder("  def encode(self: __torch__." + CLASS + ",\n    x: Tensor,\n" +
			"    w: List[Tensor]) -> List[Tensor]:\n");
		String[] found = new String[12 + config.residualBlocks];
		b.down(b.let(precision.toCompute("x")), Arrays.stream(layers).max().orElse(0), found);
		List<String> out = new ArrayList<>();
		for (int l : layers)
			out.add("torch.contiguous(torch.to(" + found[l] + ", 6))");
		head.append(b.text);
		head.append("    return [").append(String.join(", ", out)).append("]\n");
		return head.toString();
	}

	/** Statements of one method. */
	private final class Body extends ScriptBody {

		Body() {
			super(GeneratorTrainingScript.this.precision, weightKeys, upsampleFilters);
		}

		/**
		 * model_down up to layer {@code last}; when {@code found} is given, found[i] is the output of layer i (the
		 * numbering of {@code ResnetGenerator.modelDown()}: pad 0, conv 1, norm 2, relu 3, conv 4, ..., blocks from 12).
		 */
		String down(String x, int last, String[] found) {
			int ngf = config.ngf;
			String[] f = found != null ? found : new String[12 + config.residualBlocks];
			f[0] = x = reflect(x, 3);
			if (last >= 1) f[1] = x = conv(x, "model_down.1", ngf, 1, 0);
			if (last >= 2) f[3] = f[2] = x = normRelu(x, -1, true); // ReLU fused into the norm's output variable
			if (last >= 4) f[4] = x = conv(x, "model_down.4", 2 * ngf, 1, 1);
			if (last >= 5) f[6] = f[5] = x = normRelu(x, -1, true);
			if (last >= 7) f[7] = x = blurDown(x, "model_down.7", 2 * ngf);
			if (last >= 8) f[8] = x = conv(x, "model_down.8", 4 * ngf, 1, 1);
			if (last >= 9) f[10] = f[9] = x = normRelu(x, -1, true);
			if (last >= 11) f[11] = x = blurDown(x, "model_down.11", 4 * ngf);
			for (int i = 0; i < config.residualBlocks && last >= 12 + i; i++) {
				String p = "model_down." + (12 + i) + ".conv_block.";
				String y = conv(reflect(x, 1), p + "1", 4 * ngf, 1, 0);
				y = normRelu(y, -1, true);
				y = conv(reflect(y, 1), p + "5", 4 * ngf, 1, 0);
				y = normRelu(y, -1, false);
				f[12 + i] = x = let("torch.add(" + x + ", " + y + ")");
			}
			return x;
		}

		/**
		 * A convolution of a layer with {@code out} output channels; as the eager layer, zero filters up to a multiple
		 * of 16 outputs, sliced off after.
		 */
		String conv(String x, String layer, int out, int stride, int pad) {
			String w = weight(layer + ".weight"), b = weight(layer + ".bias");
			if (out % BLOCK == 0) return conv(x, w, b, stride, pad, 1);
			int extra = BLOCK - out % BLOCK;
			String pw = let("torch.constant_pad_nd(" + w + ", [0, 0, 0, 0, 0, 0, 0, " + extra + "], 0.)");
			String pb = let("torch.constant_pad_nd(" + b + ", [0, " + extra + "], 0.)");
			return let("torch.slice(" + conv(x, pw, pb, stride, pad, 1) + ", 1, 0, " + out + ")");
		}

		/** Instance norm with each image's own statistics, FiLM pair {@code film} (or none: -1), optional ReLU. */
		String normRelu(String x, int film, boolean relu) {
			String y;
			if (precision.channelsLast()) {
				String c = "torch.size(" + x + ", 1)";
				y = let("torch.group_norm(" + x + ", " + c + ", None, None, " + EPS + ", False)");
				if (film >= 0)
					y = let("torch.addcmul(" + precision.weight("film[" + (2 * film + 1) + "]") + ", " + y + ", " +
						precision.weight("film[" + 2 * film + "]") + ")");
			}
			else {
				String n = "torch.size(" + x + ", 0)", c = "torch.size(" + x + ", 1)";
				String nc = let("torch.mul(" + n + ", " + c + ")");
				String view = let("torch.reshape(" + x + ", [1, " + nc + ", torch.size(" + x + ", 2), torch.size(" + x +
					", 3)])");
				String g = film < 0 ? "None" : precision.weight("torch.reshape(film[" + 2 * film + "], [" + nc + "])");
				String sh = film < 0 ? "None" : precision.weight("torch.reshape(film[" + (2 * film + 1) + "], [" + nc +
					"])");
				String z = let("torch.batch_norm(" + view + ", " + g + ", " + sh + ", None, None, True, " +
					"0.10000000000000001, " + EPS + ", False)");
				y = let("torch.reshape(" + z + ", torch.size(" + x + "))");
			}
			return relu ? let("torch.relu(" + y + ")") : y;
		}
	}
}
