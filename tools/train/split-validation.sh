#!/usr/bin/env bash
# Carves a validation split out of a class-folder training set, as two folders of symbolic links (nothing is copied):
#   OUT/train/{images,sounds}/<class>/...  and  OUT/validation/{images,sounds}/<class>/...  (+ cooccurrence.csv in both)
# Deterministic: in each class folder, sorted by name, every 6th file (positions 3, 9, 15, ...) goes to validation.
# The default model is trained on OUT/train and its checkpoint is chosen on OUT/validation, so the held-out test
# folders (images_test/, sounds_test/) are read only by the final evaluation.
#
# --by-recording: sounds are split by recording instead of by file, so that no recording has clips on both sides
# (clips cut from one long recording are near-duplicates: a validation clip whose neighbours were trained on measures
# memory, not generalisation). A file's recording is its name without a "_tNNNN" time suffix, and for ESC-10 clips
# "esc10-FOLD-SOURCE-X" its freesound SOURCE id. Per class, recordings other than the largest go to validation, in
# name order, until it holds a sixth of the class's files; a class with a single recording falls back to the
# every-6th-file rule (said on stderr). Images are always split by file.
#
# --by-source: the same, one level up: whole sources (the sound pack or collection a file came from: its name up to
# the first "-", e.g. "moodist", "repixture", "esc10") go to validation, so validation recordings were made by other
# people with other microphones than the training ones, as the held-out test sounds are. Harsher than the split by
# recording (most classes keep one source for training); on this project's data neither split ranked the ResNet and
# statistics encoders as the held-out sounds did (docs/training.md, "Retrieval conditioning"). A class with a single source
# falls back to the split by recording (said on stderr).
# Composites of short events ("_compNN" windows) count as one recording with their siblings. DATA_DIR may hold
# same-recordings.txt, lines "NAME OTHER": files of recording NAME count as recording OTHER (one recording kept under two
# names, which must never land on both sides).
# Usage: tools/train/split-validation.sh [--by-recording | --by-source] DATA_DIR OUT_DIR
set -euo pipefail
by_recording=0 by_source=0
if [ "${1:-}" = --by-recording ]; then by_recording=1; shift;
elif [ "${1:-}" = --by-source ]; then by_source=1; by_recording=1; shift; fi
if [ $# -ne 2 ]; then echo "usage: $0 [--by-recording | --by-source] DATA_DIR OUT_DIR" >&2; exit 2; fi
data=$(cd "$1" && pwd)
out=$2
for part in images sounds; do
	[ -d "$data/$part" ] || { echo "$data has no $part/ folder (expected $part/<class>/...)" >&2; exit 2; }
done
[ -f "$data/cooccurrence.csv" ] || { echo "$data has no cooccurrence.csv" >&2; exit 2; }
if [ -e "$out" ]; then echo "$out exists; remove it or choose another folder" >&2; exit 2; fi
# The recording a sound file was cut from (see above).
recording_of() {
	local r
	r=$(basename "$1" | sed -E 's/\.[^.]*$//; s/_t[0-9]+$//; s/_comp[0-9]+$//; s/^esc10-[0-9]+-([0-9]+)-[A-Z]$/esc10-\1/')
	if [ -f "$data/same-recordings.txt" ]; then
		r=$(awk -v r="$r" '$1 == r { r = $2 } END { print r }' "$data/same-recordings.txt")
	fi
	echo "$r"
}
# The source a sound file came from (see above).
source_of() {
	basename "$1" | sed -E 's/-.*$//'
}

# The units (named by the function $2: recording_of or source_of) of a class folder to hold out, one per line (none
# when the class has a single unit).
units_to_hold() {
	local f
	find "$1" -maxdepth 1 -type f | LC_ALL=C sort | while IFS= read -r f; do "$2" "$f"; done |
		LC_ALL=C sort | uniq -c | awk '
			{ count[$2] = $1; names[++n] = $2; total += $1; if ($1 > count[largest]) largest = $2 }
			END {
				if (n < 2) exit
				for (i = 1; i <= n && held * 6 < total; i++)
					if (names[i] != largest) { print names[i]; held += count[names[i]] }
			}'
}

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
		held="" unit=recording_of
		if [ $part = sounds ] && [ $by_source = 1 ]; then
			unit=source_of
			held=$(units_to_hold "$dir" source_of)
			[ -n "$held" ] || { echo "split-validation: $class has one source; its sounds are split by recording" >&2
				unit=recording_of; }
		fi
		if [ $part = sounds ] && [ $by_recording = 1 ] && [ -z "$held" ]; then
			held=$(units_to_hold "$dir" recording_of)
			[ -n "$held" ] || echo "split-validation: $class has one recording; its sounds are split by file" >&2
		fi
		i=0
		while IFS= read -r f; do
			if [ -n "$held" ]; then
				if grep -qxF "$("$unit" "$f")" <<< "$held"; then split=validation; else split=train; fi
			elif [ $((i % 6)) -eq 3 ]; then split=validation; else split=train; fi
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
