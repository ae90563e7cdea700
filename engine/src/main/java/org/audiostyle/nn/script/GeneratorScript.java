package org.audiostyle.nn.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.audiostyle.nn.NetworkConfig;

/**
 * TorchScript source of the generator's inference pass (the same layers and state-dict keys as
 * {@link org.audiostyle.nn.ResnetGenerator}), for one precision and memory layout.
 * <p>
 * Why a script: DJL's operator set lacks reflection padding, transposed convolution, fused instance norm,
 * channels-last layout and bfloat16 (its JNI layer aborts on a bf16 dtype), so the eager path composes them from
 * slices, concatenations and chains of small ops. A TorchScript module reaches every ATen operator directly while the
 * tensors DJL sees stay float32. Weights are not stored in the module: they are passed in as a list, in the order
 * of {@link #weightKeys()}, so one script serves any weights of a configuration.
 * <p>
 * Methods (batch size 1; images already padded to a multiple of 4 by the caller):
 * <ul>
 * <li>{@code forward(x, w, film, emb)}: the stylized image, each norm using its input's own statistics;</li>
 * <li>{@code forward_stats(x, w, film, emb)}: [mean, 1/std] of every instance norm, in {@link #normKeys()} order
 * (what tiling shares between tiles);</li>
 * <li>{@code forward_apply(x, w, film, emb, st)}: the image with every norm replaced by {@code st} = [scale, shift]
 * per norm (1 x C x 1 x 1 each): recorded statistics with FiLM folded in.</li>
 * </ul>
 * {@code film} is [1 + scale, shift] per modulated norm (each of C values) for FiLM models, empty for CONCAT;
 * {@code emb} is the 1 x E embedding (used by CONCAT only). Instance norm of one image is batch norm in training
 * mode over that image, which PyTorch runs as one fused kernel in either layout, with FiLM folded into its affine
 * weight and bias.
 */
public final class GeneratorScript {

	/** Class name inside the module file. */
	public static final String CLASS = "Generator";

	private static final String EPS = "1.0000000000000001e-05";

	private enum Mode {
		OWN, RECORD, APPLY
	}

	private final NetworkConfig config;
	private final ScriptPrecision precision;
	private final List<String> weightKeys = new ArrayList<>();
	private final List<String> normKeys = new ArrayList<>();
	private final List<Integer> normFilm = new ArrayList<>();
	private final java.util.Set<String> upsampleFilters = new java.util.LinkedHashSet<>();
	private final String source;

	public GeneratorScript(NetworkConfig config, ScriptPrecision precision) {
		this.config = config;
		this.precision = precision;
		StringBuilder s = new StringBuilder();
		s.append("class ").append(CLASS).append("(Module):\n");
		s.append("  __parameters__ = []\n  __buffers__ = []\n  training : bool\n");
		s.append(method("forward", Mode.OWN));
		s.append(method("forward_stats", Mode.RECORD));
		s.append(method("forward_apply", Mode.APPLY));
		this.source = s.toString();
	}

	/** The module's source text ({@code code/__torch__.py}). */
	public String source() {
		return source;
	}

	/** State-dict keys of the weights the methods take, in list order. */
	public List<String> weightKeys() {
		return Collections.unmodifiableList(weightKeys);
	}

	/** Keys of the instance norms (as in {@link org.audiostyle.nn.NormStatistics}), in statistics order. */
	public List<String> normKeys() {
		return Collections.unmodifiableList(normKeys);
	}

	/** For each norm (in {@link #normKeys()} order): the index of the FiLM pair that modulates it, or -1. */
	public List<Integer> normFilm() {
		return Collections.unmodifiableList(normFilm);
	}

	/** Keys of the upsampling filters the script assumes to be CUT's standard one (see {@code blurUp}). */
	public java.util.Set<String> upsampleFilters() {
		return Collections.unmodifiableSet(upsampleFilters);
	}

	public ScriptPrecision precision() {
		return precision;
	}

	public NetworkConfig config() {
		return config;
	}

	private String method(String name, Mode mode) {
		Body b = new Body(mode);
		String ret = mode == Mode.RECORD ? "List[Tensor]" : "Tensor";
		StringBuilder head = new StringBuilder();
		head.append("  def ").append(name).append("(self: __torch__.").append(CLASS).append(",\n");
		head.append("    x: Tensor,\n    w: List[Tensor],\n    film: List[Tensor],\n    emb: Tensor");
		if (mode == Mode.APPLY) head.append(",\n    st: List[Tensor]");
		head.append(") -> ").append(ret).append(":\n");
		int ngf = config.ngf;
		String x = b.let(precision.toCompute("x"));
		// model_down
		x = b.conv(b.reflect(x, 3), "model_down.1", 1, 0, 1);
		x = b.normRelu(x, "model_down.2", -1, true);
		x = b.conv(x, "model_down.4", 1, 1, 1);
		x = b.normRelu(x, "model_down.5", -1, true);
		x = b.blurDown(x, "model_down.7", 2 * ngf);
		x = b.conv(x, "model_down.8", 1, 1, 1);
		x = b.normRelu(x, "model_down.9", -1, true);
		x = b.blurDown(x, "model_down.11", 4 * ngf);
		for (int i = 0; i < config.residualBlocks; i++) {
			String p = "model_down." + (12 + i) + ".conv_block.";
			String y = b.conv(b.reflect(x, 1), p + "1", 1, 0, 1);
			y = b.normRelu(y, p + "2", -1, true);
			y = b.conv(b.reflect(y, 1), p + "5", 1, 0, 1);
			y = b.normRelu(y, p + "6", -1, false);
			x = b.let("torch.add(" + x + ", " + y + ")");
		}
		// model_up
		boolean concat = config.conditioning == NetworkConfig.Conditioning.CONCAT;
		int upIn = concat ? 4 * ngf + config.embeddingDim : 4 * ngf;
		if (concat) {
			String e = b.let("torch.expand(torch.view(" + precision.weight("emb") + ", [1, " + config.embeddingDim +
				", 1, 1]), [1, " + config.embeddingDim + ", torch.size(" + x + ", 2), torch.size(" + x + ", 3)])");
			x = b.let(precision.toLayout("torch.cat([" + x + ", " + e + "], 1)"));
		}
		x = b.blurUp(x, "model_up.0");
		x = b.conv(x, "model_up.1", 1, 1, 1);
		x = b.normRelu(x, "model_up.2", concat ? -1 : 0, true);
		if (mode == Mode.OWN) return head + stripTail(b, x, concat);
		x = b.blurUp(x, "model_up.4");
		x = b.conv(x, "model_up.5", 1, 1, 1);
		x = b.normRelu(x, "model_up.6", concat ? -1 : 1, true);
		if (mode == Mode.RECORD) {
			head.append(b.text);
			head.append("    return [").append(String.join(", ", b.recorded)).append("]\n");
			return head.toString();
		}
		x = b.conv(b.reflect(x, 3), "model_up.9", 1, 0, 1);
		x = b.let("torch.tanh(" + x + ")");
		head.append(b.text);
		head.append("    return torch.contiguous(torch.to(").append(x).append(", 6))\n");
		return head.toString();
	}

	/** Full-resolution rows per strip of the whole-image pass's last stage ({@link #stripTail}); even. */
	static final int STRIP_ROWS = 256;

	/**
	 * The last stage of the whole-image pass (from the last upsampling on: upsample, convolution, norm, 7 x 7
	 * convolution, tanh) run in strips of {@link #STRIP_ROWS} full-resolution rows, each taking the rows of halo its
	 * layers need, so that the full-resolution temporaries of those layers (the upsampled 2 ngf channels, the
	 * convolutions' working copies, the padded input of the last convolution) exist one strip at a time. Only the
	 * convolution's output (ngf channels) is kept whole, for the norm's whole-image statistics. That stage was the
	 * pass's memory peak: with the bundled model and tcmalloc a pass grew by 1445 bytes a pixel in fp32 before and
	 * 787 after, and a 16 MP image's peak resident memory in bf16 went from 9.1 to 7.2 GB (docs/end-to-end-speed.md).
	 * The strips compute what the whole tensors computed: the upsampling of rows [m0 - 1, m1 + 1) gives exact rows
	 * [2 m0 - 1, 2 m1 + 1) (its two outermost rows would use a
	 * repeated border row, and are dropped), the 3 x 3 convolution's zero padding is added only at the image's top and
	 * bottom, and the reflection padding of the 7 x 7 convolution reflects only at the image's borders.
	 */
	private String stripTail(Body b, String h, boolean concat) {
		b.upsampleFilters().add("model_up.4.filt"); // checked standard by the scripts' users, as blurUp registers it
		String w5 = b.weight("model_up.5.weight"), b5 = b.weight("model_up.5.bias");
		int half = STRIP_ROWS / 2;
		StringBuilder t = b.text;
		t.append("    hh = torch.size(" + h + ", 2)\n");
		t.append("    ww = torch.mul(torch.size(" + h + ", 3), 2)\n");
		t.append("    parts = annotate(List[Tensor], [])\n");
		t.append("    for i in range(torch.floordiv(torch.add(hh, " + (half - 1) + "), " + half + ")):\n");
		t.append("      m0 = torch.mul(i, " + half + ")\n");
		t.append("      m1 = min(torch.add(m0, " + half + "), hh)\n");
		t.append("      a = max(torch.sub(m0, 1), 0)\n");
		t.append("      e = min(torch.add(m1, 1), hh)\n");
		t.append("      us = torch.upsample_bilinear2d(torch.slice(" + h + ", 2, a, e), " +
			"[torch.mul(torch.sub(e, a), 2), ww], False, None, None)\n");
		t.append("      lo = max(torch.sub(torch.mul(m0, 2), 1), 0)\n");
		t.append("      hi = min(torch.add(torch.mul(m1, 2), 1), torch.mul(hh, 2))\n");
		t.append("      us = torch.slice(us, 2, torch.sub(lo, torch.mul(a, 2)), torch.sub(hi, torch.mul(a, 2)))\n");
		t.append("      top = 1 if m0 == 0 else 0\n");
		t.append("      bottom = 1 if m1 == hh else 0\n");
		t.append("      us = " + precision.toLayout("torch.constant_pad_nd(us, [0, 0, top, bottom], 0.)") + "\n");
		t.append("      parts.append(torch.conv2d(us, " + w5 + ", " + b5 + ", [1, 1], [0, 1], [1, 1], 1))\n");
		String c = b.let("torch.cat(parts, 2)");
		String n = b.normRelu(c, "model_up.6", concat ? -1 : 1, true);
		String w9 = b.weight("model_up.9.weight"), b9 = b.weight("model_up.9.bias");
		t.append("    hf = torch.size(" + n + ", 2)\n");
		t.append("    outs = annotate(List[Tensor], [])\n");
		t.append("    for j in range(torch.floordiv(torch.add(hf, " + (STRIP_ROWS - 1) + "), " + STRIP_ROWS + ")):\n");
		t.append("      y0 = torch.mul(j, " + STRIP_ROWS + ")\n");
		t.append("      y1 = min(torch.add(y0, " + STRIP_ROWS + "), hf)\n");
		t.append("      ra = max(torch.sub(y0, 3), 0)\n");
		t.append("      rb = min(torch.add(y1, 3), hf)\n");
		t.append("      ps = " + precision.toLayout("torch.reflection_pad2d(torch.slice(" + n + ", 2, ra, rb), " +
			"[3, 3, torch.sub(3, torch.sub(y0, ra)), torch.sub(3, torch.sub(rb, y1))])") + "\n");
		t.append("      outs.append(torch.to(torch.tanh(torch.conv2d(ps, " + w9 + ", " + b9 +
			", [1, 1], [0, 0], [1, 1], 1)), 6))\n");
		return t.append("    return torch.contiguous(torch.cat(outs, 2))\n").toString();
	}

	/** Statements of one method, with the norms' bookkeeping for its mode. */
	private final class Body extends ScriptBody {
		final Mode mode;
		final List<String> recorded = new ArrayList<>();
		int norm;

		Body(Mode mode) {
			super(GeneratorScript.this.precision, weightKeys, upsampleFilters);
			this.mode = mode;
		}

		String conv(String x, String layer, int stride, int pad, int groups) {
			return conv(x, weight(layer + ".weight"), weight(layer + ".bias"), stride, pad, groups);
		}

		/** Instance norm (statistics per mode, FiLM folded in) and optionally an in-place ReLU. */
		String normRelu(String x, String key, int film, boolean relu) {
			int i = norm++;
			if (mode == Mode.OWN) {
				normKeys.add(key);
				normFilm.add(film);
			}
			String g = film < 0 ? "None" : "film[" + 2 * film + "]";
			String sh = film < 0 ? "None" : "film[" + (2 * film + 1) + "]";
			String y;
			if (mode == Mode.RECORD) {
				String out = fresh();
				String mean = "m" + i, invstd = "s" + i;
				text.append(String.format(Locale.ROOT,
					"    %s, %s, %s = torch.native_batch_norm(%s, %s, %s, None, None, True, 0.10000000000000001, %s)\n",
					out, mean, invstd, x, g, sh, EPS));
				recorded.add("torch.to(" + mean + ", 6)");
				recorded.add("torch.to(" + invstd + ", 6)");
				y = out;
			} else if (mode == Mode.APPLY) {
				// Recorded statistics and FiLM folded (by the caller) into one per-channel scale and shift: a multiply
				// and an add in the activations' own type and layout (PyTorch's eval-mode batch norm on bf16
				// channels-last input ran at half the speed of the training-mode one).
				y = let(String.format(Locale.ROOT, "torch.add_(torch.mul(%s, %s), %s)", x, precision.weight("st[" + 2 *
					i + "]"), precision.weight("st[" + (2 * i + 1) + "]")));
			} else {
				y = let(String.format(Locale.ROOT,
					"torch.batch_norm(%s, %s, %s, None, None, True, 0.10000000000000001, %s, False)", x, g, sh, EPS));
			}
			return relu ? let("torch.relu_(" + y + ")") : y;
		}
	}
}
