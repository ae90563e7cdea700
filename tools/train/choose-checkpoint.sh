#!/usr/bin/env bash
# Scores a training run's checkpoints on a validation split (made by split-validation.sh) and prints one line per
# checkpoint; the held-out test folders are never read. Each checkpoint is exported to OUT/step-N.model and evaluated
# into OUT/step-N/ (a larger grid than the default: up to 3 images per scene class x 2 sounds per sound class).
# Choose: the highest validation hit rate among checkpoints with SSIM >= 0.6 whose mix sweep rises on average.
# Run it when no training runs: two PyTorch jobs on 2 cores slow each other several-fold.
# Usage: tools/train/choose-checkpoint.sh RUN_DIR SPLIT_DIR OUT_DIR [STEP ...]   (no STEP: every checkpoint)
set -euo pipefail
if [ $# -lt 3 ]; then echo "usage: $0 RUN_DIR SPLIT_DIR OUT_DIR [STEP ...]" >&2; exit 2; fi
run=$1 split=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")/../.." && pwd)
[ -d "$run/checkpoints" ] || { echo "$run has no checkpoints/ folder (is it a training run?)" >&2; exit 2; }
[ -d "$split/validation/images" ] || { echo "$split has no validation/images (make it with split-validation.sh)" >&2; exit 2; }
if [ $# -eq 0 ]; then
	set -- $(ls "$run/checkpoints" | sed -n 's/^step-0*\([0-9][0-9]*\)\.ckpt$/\1/p' | sort -n)
fi
mkdir -p "$out"
for step in "$@"; do
	if [ ! -f "$out/step-$step/report.json" ]; then
		ckpt=$(printf '%s/checkpoints/step-%09d.ckpt' "$run" "$step")
		"$here/audiostyle" export --run "$ckpt" --out "$out/step-$step.model" >&2
		"$here/audiostyle" evaluate --model "$out/step-$step.model" --work-size 256 \
			--images "$split/validation/images" --sounds "$split/validation/sounds" \
			--cooccurrence "$split/validation/cooccurrence.csv" --train-images "$split/train/images" \
			--images-per-class 3 --sounds-per-class 2 --out "$out/step-$step" > /dev/null 2> "$out/step-$step.log"
	fi
	python3 - "$out/step-$step/report.json" "$step" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m, c = r["methods"]["model"], r["methods"]["colour transfer (Reinhard, Lab)"]
mix = r["mixing"]["meanProbabilityOfB"]
print(f"step {sys.argv[2]:>6}: hit {100*m['hitRate']:5.1f}% (colour transfer {100*c['hitRate']:5.1f}%)  "
      f"SSIM {m['ssim']:.3f}  mix {' '.join(f'{p:.2f}' for p in mix)} rises={r['mixing']['meanRisesMonotonically']} "
      f"rho {r['mixing']['meanSpearman']:.2f}  "
      + " ".join(f"{k[:5]}={100*v:.0f}" for k, v in m["hitRatePerSound"].items()))
PY
done
