package org.audiostyle.nn.script;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Statements of one TorchScript method over the generator's layers, in a precision: fresh variable names, weights by
 * state-dict key (registered in first-use order, one list for all methods of a script), and the layers every pass
 * writes the same way. {@link GeneratorScript} (inference) and {@link GeneratorTrainingScript} add their norms.
 */
class ScriptBody {

	final StringBuilder text = new StringBuilder();
	final ScriptPrecision precision;
	private final List<String> weightKeys;
	private final Set<String> upsampleFilters;
	private int next;

	ScriptBody(ScriptPrecision precision, List<String> weightKeys, Set<String> upsampleFilters) {
		this.precision = precision;
		this.weightKeys = weightKeys;
		this.upsampleFilters = upsampleFilters;
	}

	/** A variable name not used before in this method. */
	String fresh() {
		return "v" + next++;
	}

	String let(String expression) {
		String v = fresh();
		text.append("    ").append(v).append(" = ").append(expression).append('\n');
		return v;
	}

	/** w[i] for a state-dict key in the compute precision, registering the key the first time. */
	String weight(String key) {
		int i = weightKeys.indexOf(key);
		if (i < 0) {
			weightKeys.add(key);
			i = weightKeys.size() - 1;
		}
		return precision.weight("w[" + i + "]");
	}

	String conv(String x, String weight, String bias, int stride, int pad, int groups) {
		return let(String.format(Locale.ROOT, "torch.conv2d(%s, %s, %s, [%d, %d], [%d, %d], [1, 1], %d)", x, weight,
			bias, stride, stride, pad, pad, groups));
	}

	/** The upsampling filters the script assumes standard (see {@link #blurUp}). */
	Set<String> upsampleFilters() {
		return upsampleFilters;
	}

	String reflect(String x, int p) {
		return let(String.format(Locale.ROOT, "torch.reflection_pad2d(%s, [%d, %d, %d, %d])", x, p, p, p, p));
	}

	/** CUT's Downsample: reflection pad 1, depthwise blur at stride 2 (the filter is a buffer, never trained). */
	String blurDown(String x, String layer, int channels) {
		return conv(reflect(x, 1), weight(layer + ".filt"), "None", 2, 0, channels);
	}

	/**
	 * CUT's Upsample: replication pad 1, depthwise transposed convolution with ([1,3,3,1] x [1,3,3,1]) / 64 * 4 at
	 * stride 2 and padding 2, crop 1 each side. Per axis that is out[2m] = (x[m-1] + 3 x[m]) / 4 and out[2m+1] =
	 * (3 x[m] + x[m+1]) / 4 with the border sample repeated: exactly bilinear 2x upsampling without corner alignment,
	 * which PyTorch runs as one native kernel in any layout and precision. The scripts' users check that the model's
	 * filters are that standard one ({@code upsampleFilters}). (This also avoids PyTorch's bf16 transposed
	 * convolution and its grouped convolutions with several outputs per group in channels-last layout, both of which
	 * gave wrong results on this project's CPU.)
	 */
	String blurUp(String x, String layer) {
		upsampleFilters.add(layer + ".filt");
		return let("torch.upsample_bilinear2d(" + x + ", [torch.mul(torch.size(" + x + ", 2), 2), torch.mul(" +
			"torch.size(" + x + ", 3), 2)], False, None, None)");
	}
}
