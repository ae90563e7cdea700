#!/usr/bin/env bash
# How often a checkpoint's audio encoder hears a validation sound as its own class: each sound of
# SPLIT/validation/sounds/<class>/ is given the class of SPLIT/train/sounds whose mean embedding is nearest (cosine;
# `audiostyle recognise`). A fast check of the audio side alone, usable right after pre-training (the generator plays
# no part); with a recording-level split (split-validation.sh --by-recording) it measures hearing a class in recordings
# never trained on. Prints per-class and overall accuracy. Held-out test folders are never read.
# Usage: tools/train/recognition-accuracy.sh CHECKPOINT.ckpt|MODEL SPLIT_DIR
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 CHECKPOINT.ckpt|MODEL SPLIT_DIR" >&2; exit 2; fi
here=$(cd "$(dirname "$0")/../.." && pwd)
model=$1 split=$2
[ -d "$split/validation/sounds" ] || { echo "$split has no validation/sounds (make it with split-validation.sh)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case "$model" in
	*.ckpt) "$here/audiostyle" export --run "$model" --out "$tmp/m.model" >&2; model=$tmp/m.model ;;
esac
classes=$(ls "$split/validation/sounds")
args=()
for c in $classes; do args+=("$split/validation/sounds/$c"); done
# one recognise call (one model load); rows come in the order of the folders, each folder's files sorted
"$here/audiostyle" recognise --model "$model" --reference "$split/train/sounds" "${args[@]}" |
	awk -F' *\\| *' 'NR > 2 { print $3 }' > "$tmp/heard"
for c in $classes; do
	ls "$split/validation/sounds/$c" | LC_ALL=C sort | grep -Ei '\.(wav|mp3|ogg|flac|aif|aiff|au)$' | sed "s|^|$c |"
done > "$tmp/truth"
[ "$(wc -l < "$tmp/truth")" -eq "$(wc -l < "$tmp/heard")" ] ||
	{ echo "recognise answered $(wc -l < "$tmp/heard") sounds, expected $(wc -l < "$tmp/truth")" >&2; exit 1; }
paste -d' ' "$tmp/truth" "$tmp/heard" | awk '
	{ n[$1]++; total++; if ($1 == $3) { ok[$1]++; good++ } else heard[$1] = heard[$1] " " $3 }
	END {
		for (c in n) printf "%-16s %d/%d%s\n", c, ok[c], n[c], heard[c] ? "   else:" heard[c] : "" | "sort"
		close("sort")
		printf "overall %d/%d = %.1f %%\n", good, total, 100 * good / total
	}'
