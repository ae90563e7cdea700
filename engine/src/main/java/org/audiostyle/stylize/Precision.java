package org.audiostyle.stylize;

import java.util.Locale;

import ai.djl.Device;

import org.audiostyle.model.ModelManifest;
import org.audiostyle.model.StyleModel;
import org.audiostyle.nn.script.ScriptPrecision;
import org.audiostyle.runtime.CpuFeatures;

/**
 * Number format of the generator pass. {@link #AUTO} takes bfloat16 on a CPU with native bf16 arithmetic
 * (AVX512-BF16 or AMX), where it is several times faster, for a model whose package records that bf16 stayed within
 * 2/255 of float32 on fixed inputs ({@link Bf16Check}); float32 elsewhere (GPUs included, where the float32 path is
 * the one tested).
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

	/**
	 * The precision used on {@code device} for a model whose package carries {@code check} (null: none), and why.
	 * {@link #AUTO} takes bf16 only on a CPU with native bf16 arithmetic and only for a model whose package records
	 * that its bf16 pass was checked against fp32 and passed ({@link PrecisionCheck}): otherwise a user's result
	 * would depend on how new their CPU is.
	 */
	public Choice resolve(Device device, ModelManifest.PrecisionCheck check, String generatorSha256) {
		boolean cpu = Device.Type.CPU.equals(device.getDeviceType());
		switch (this) {
			case FP32:
				return new Choice(ScriptPrecision.FP32, "fp32 (asked for)");
			case BF16:
				return new Choice(ScriptPrecision.BF16, "bf16 (asked for" + (cpu && !CpuFeatures.hasBf16() ?
					"; this CPU has no native bf16 arithmetic, so it is emulated and slow)" : ")"));
			default:
				if (!cpu) return new Choice(ScriptPrecision.FP32, "fp32 (auto: float32 on " + device + ")");
				if (!CpuFeatures.hasBf16())
					return new Choice(ScriptPrecision.FP32, "fp32 (auto: the CPU has no native bf16 arithmetic)");
				if (check == null)
					return new Choice(ScriptPrecision.FP32, "fp32 (auto: the model package records no check of bf16 " +
						"against fp32; `audiostyle check-precision --model M` adds one)");
				if (check.passedFor(generatorSha256))
					return new Choice(ScriptPrecision.BF16, "bf16 (auto: the CPU has " + CpuFeatures.bf16Flags() +
						" and the package's bf16 check " + check.summary() + ")");
				if (ModelManifest.PrecisionCheck.PASSED.equals(check.bf16))
					return new Choice(ScriptPrecision.FP32, "fp32 (auto: the package's bf16 check was made on other " +
						"generator weights; `audiostyle check-precision --model M` renews it)");
				return new Choice(ScriptPrecision.FP32, "fp32 (auto: the package's bf16 check " + check.summary() + ")");
		}
	}

	/** As {@link #resolve(Device, ModelManifest.PrecisionCheck, String)} for {@code model}'s package. */
	public Choice resolve(Device device, StyleModel model) {
		ModelManifest m = model.manifest();
		return resolve(device, m.precisionCheck, m.sha256.get("generator"));
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
