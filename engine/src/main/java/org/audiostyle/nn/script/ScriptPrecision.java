package org.audiostyle.nn.script;

/**
 * Number format and memory layout of a scripted pass: float32 in PyTorch's default (NCHW) layout, or bfloat16 in
 * channels-last layout (what oneDNN's bf16 convolutions want; no reorders between layers). Statistics of instance
 * norm are accumulated in float32 by PyTorch in both.
 */
public enum ScriptPrecision {
	FP32(6, false), BF16(15, true),
	/** bfloat16 in the default layout (the training script's alternative; inference uses {@link #BF16}). */
	BF16_NCHW(15, false);

	/** c10::ScalarType codes: Float 6, BFloat16 15. */
	private final int scalarType;
	private final boolean channelsLast;

	ScriptPrecision(int scalarType, boolean channelsLast) {
		this.scalarType = scalarType;
		this.channelsLast = channelsLast;
	}

	/** An input tensor cast to the compute type and layout. */
	String toCompute(String tensor) {
		return toLayout(scalarType == 6 ? tensor : "torch.to(" + tensor + ", " + scalarType + ")");
	}

	/** A tensor brought to the layout (c10::MemoryFormat 2 = ChannelsLast). */
	String toLayout(String tensor) {
		return channelsLast ? "torch.contiguous(" + tensor + ", memory_format=2)" : tensor;
	}

	/** A weight in the compute type (a no-op in float32). */
	String weight(String tensor) {
		return scalarType == 6 ? tensor : "torch.to(" + tensor + ", " + scalarType + ")";
	}

	/** Whether activations are kept channels-last. */
	boolean channelsLast() {
		return channelsLast;
	}

	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
