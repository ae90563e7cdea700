package org.audiostyle.stylize;

import java.util.Locale;

import ai.djl.Device;

import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.runtime.CpuFeatures;

/**
 * Number format of the generator pass. {@link #AUTO} takes bfloat16 on a CPU with native bf16 arithmetic
 * (AVX512-BF16 or AMX), where it is several times faster and within a few 1/255 of float32, and float32 elsewhere
 * (GPUs included, where the float32 path is the one tested).
 */
public enum Precision {
	AUTO, FP32, BF16;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses auto, fp32 or bf16 (any case). */
	public static Precision parse(String s) {
		for (Precision p : values())
			if (p.id().equalsIgnoreCase(s.trim())) return p;
		throw new IllegalArgumentException("Precision '" + s + "' is not one of auto, fp32, bf16.");
	}

	/** The precision used on {@code device}, and why. */
	public Choice resolve(Device device) {
		boolean cpu = Device.Type.CPU.equals(device.getDeviceType());
		switch (this) {
			case FP32:
				return new Choice(ScriptPrecision.FP32, "fp32 (asked for)");
			case BF16:
				return new Choice(ScriptPrecision.BF16, "bf16 (asked for" + (cpu && !CpuFeatures.hasBf16() ?
					"; this CPU has no native bf16 arithmetic, so it is emulated and slow)" : ")"));
			default:
				if (cpu && CpuFeatures.hasBf16())
					return new Choice(ScriptPrecision.BF16, "bf16 (auto: the CPU has " + CpuFeatures.bf16Flags() + ")");
				return new Choice(ScriptPrecision.FP32, "fp32 (auto: " + (cpu ? "the CPU has no native bf16 arithmetic"
					: "float32 on " + device) + ")");
		}
	}

	/** A resolved precision and the reason, for {@code audiostyle info} and provenance. */
	public static final class Choice {
		public final ScriptPrecision precision;
		public final String reason;

		Choice(ScriptPrecision precision, String reason) {
			this.precision = precision;
			this.reason = reason;
		}

		@Override
		public String toString() {
			return reason;
		}
	}
}
