#!/usr/bin/env bash
# Carves a validation split out of a class-folder training set, as two folders of symbolic links (nothing is copied):
#   OUT/train/{images,sounds}/<class>/...  and  OUT/validation/{images,sounds}/<class>/...  (+ cooccurrence.csv in both)
# Deterministic: in each class folder, sorted by name, every 6th file (positions 3, 9, 15, ...) goes to validation.
# The default model is trained on OUT/train and its checkpoint is chosen on OUT/validation, so the held-out test
# folders (images_test/, sounds_test/) are read only by the final evaluation.
# Usage: tools/train/split-validation.sh DATA_DIR OUT_DIR
set -euo pipefail
if [ $# -ne 2 ]; then echo "usage: $0 DATA_DIR OUT_DIR" >&2; exit 2; fi
data=$(cd "$1" && pwd)
out=$2
for part in images sounds; do
	[ -d "$data/$part" ] || { echo "$data has no $part/ folder (expected $part/<class>/...)" >&2; exit 2; }
done
[ -f "$data/cooccurrence.csv" ] || { echo "$data has no cooccurrence.csv" >&2; exit 2; }
if [ -e "$out" ]; then echo "$out exists; remove it or choose another folder" >&2; exit 2; fi
tmp="$out.tmp.$$"
trap 'rm -rf "$tmp"' EXIT
for split in train validation; do
	mkdir -p "$tmp/$split"
	ln -s "$data/cooccurrence.csv" "$tmp/$split/cooccurrence.csv"
done
for part in images sounds; do
	for dir in "$data/$part"/*/; do
		class=$(basename "$dir")
		mkdir -p "$tmp/train/$part/$class" "$tmp/validation/$part/$class"
		i=0
		while IFS= read -r f; do
			if [ $((i % 6)) -eq 3 ]; then split=validation; else split=train; fi
			ln -s "$f" "$tmp/$split/$part/$class/$(basename "$f")"
			i=$((i + 1))
		done < <(find "$dir" -maxdepth 1 -type f | LC_ALL=C sort)
	done
done
mv "$tmp" "$out"
trap - EXIT
for split in train validation; do
	echo "$split: $(find "$out/$split/images" -type l | wc -l) images, $(find "$out/$split/sounds" -type l | wc -l) sounds"
done
