#!/usr/bin/env bash
# What a user waits for, old code against new, side by side in one run (issue 28).
#
# Builds OLD (a commit, default 6b12177: before the end-to-end work) in a temporary worktree, makes 12 MP test photos
# (test-images enlarged to 4000x3000 with grain, as JPEG), then alternates old and new:
#   - REPS x `audiostyle stylize --verbose` of one photo to PNG: the CLI's own "in N s" and the wall time with the JVM
#     (the old "in N s" leaves out decoding the image; the new one counts it, so compare the wall times);
#   - one `audiostyle batch` of BATCH photos each: median seconds a row from the batch reports, and wall / rows;
#   - the new code's .jpg and .tif outputs once each;
# and checks the outputs are the same pixels (ComparePixels). Prints ratios old / new.
# Both run the same model (MODEL, default: the new tree's bundled package as a folder), so their pixels can be compared.
# Usage: tools/bench/end-to-end.sh [OLD_COMMIT] [REPS] [BATCH]   (WORK=/tmp/e2e-28, OLD_TREE=$WORK/old by default;
# NEW_JAVA_HOME=/path/to/jdk runs the new code on another JDK, the old one on the java the PATH names)
# The machine may be shared: every java runs under `nice -n 5`, and absolute times are only comparable within one run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OLD="${1:-6b12177}"
REPS="${2:-3}"
BATCH="${3:-20}"
WORK="${WORK:-/tmp/e2e-28}"
OLD_TREE="${OLD_TREE:-$WORK/old}"
SOUND="$ROOT/sample-sounds/rain.wav"
# one model for old and new (the bundled one changed between commits; a folder package loads in both)
MODEL="${MODEL:-$ROOT/engine/src/main/resources/org/audiostyle/models/default}"
mkdir -p "$WORK/out-old" "$WORK/out-new"

if [[ ! -d "$OLD_TREE" ]]; then
	git -C "$ROOT" worktree add --detach "$OLD_TREE" "$OLD" >/dev/null
fi
echo "building old ($OLD) and new..." >&2
(cd "$OLD_TREE" && nice -n 5 ./audiostyle --help >/dev/null)
(cd "$ROOT" && nice -n 5 ./audiostyle --help >/dev/null)

for img in hills lake meadow; do
	[[ -f "$WORK/$img-12.jpg" ]] || nice -n 5 java "$ROOT/tools/bench/MakeTestPhoto.java" "$ROOT/test-images/$img.png" \
		"$WORK/$img-12.jpg" 4000 3000
done

# seconds of wall time of a command, its stderr kept in $WORK/last.err
wall() {
	local t0 t1
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>"$WORK/last.err"
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc -l
}
# the PATH a run gets: the new code's JDK first when NEW_JAVA_HOME names one
path_for() { [[ $1 == new && -n "${NEW_JAVA_HOME:-}" ]] && echo "$NEW_JAVA_HOME/bin:$PATH" || echo "$PATH"; }
in_seconds() { grep -o 'in [0-9.]* s' "$WORK/last.err" | awk '{print $2}'; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

: >"$WORK/stylize.tsv"
: >"$WORK/batch.tsv"
echo "stylize, 4000x3000 JPEG to PNG, $REPS pairs alternating old/new:" >&2
for i in $(seq 1 "$REPS"); do
	for who in old new; do
		tree=$([[ $who == old ]] && echo "$OLD_TREE" || echo "$ROOT")
		w=$(wall env PATH="$(path_for $who)" nice -n 5 "$tree/audiostyle" --verbose stylize --image "$WORK/lake-12.jpg" --sound "$SOUND" \
			--model "$MODEL" --out "$WORK/out-$who/lake.png" --overwrite)
		n=$(in_seconds)
		printf '%s\t%s\t%.2f\n' "$who" "$n" "$w" >>"$WORK/stylize.tsv"
		printf '  %s: in %s s, wall %.2f s  %s\n' "$who" "$n" "$w" "$(grep '^stages:' "$WORK/last.err" || true)" >&2
	done
done
nice -n 5 java "$ROOT/tools/bench/ComparePixels.java" "$WORK/out-old/lake.png" "$WORK/out-new/lake.png"

for fmt in jpg tif; do
	w=$(wall env PATH="$(path_for new)" nice -n 5 "$ROOT/audiostyle" --verbose stylize --image "$WORK/lake-12.jpg" \
		--sound "$SOUND" --model "$MODEL" --out "$WORK/out-new/lake.$fmt" --overwrite)
	printf '  new to .%s: in %s s, wall %.2f s, %s bytes  %s\n' "$fmt" "$(in_seconds)" "$w" \
		"$(stat -c %s "$WORK/out-new/lake.$fmt")" "$(grep '^stages:' "$WORK/last.err" || true)" >&2
done

echo "image,sound,strength,output" >"$WORK/batch.csv"
for i in $(seq 1 "$BATCH"); do
	img=$(echo hills lake meadow | cut -d' ' -f$(((i - 1) % 3 + 1)))
	echo "$WORK/$img-12.jpg,$SOUND,1.0,p$i.png" >>"$WORK/batch.csv"
done
echo "batch of $BATCH 4000x3000 photos:" >&2
for who in old new; do
	tree=$([[ $who == old ]] && echo "$OLD_TREE" || echo "$ROOT")
	rm -rf "$WORK/batch-$who"
	w=$(wall env PATH="$(path_for $who)" nice -n 5 "$tree/audiostyle" batch --csv "$WORK/batch.csv" --model "$MODEL" --out "$WORK/batch-$who")
	row=$(tail -n +2 "$WORK/batch-$who/batch-report.csv" | cut -d, -f4 | median)
	printf '%s\t%s\t%.2f\n' "$who" "$row" "$w" >>"$WORK/batch.tsv"
	printf '  %s: median %.2f s a row (report), wall %.1f s = %.2f s a row with start-up\n' "$who" "$row" "$w" \
		"$(echo "$w / $BATCH" | bc -l)" >&2
done
nice -n 5 java "$ROOT/tools/bench/ComparePixels.java" "$WORK/batch-old/p1.png" "$WORK/batch-new/p1.png"

echo "summary (medians; ratio = old / new):"
for col in 2 3; do
	o=$(awk -v c=$col '$1 == "old" {print $c}' "$WORK/stylize.tsv" | median)
	n=$(awk -v c=$col '$1 == "new" {print $c}' "$WORK/stylize.tsv" | median)
	label=$([[ $col == 2 ]] && echo 'stylize "in N s"' || echo 'stylize wall')
	printf '  %-18s old %6.2f s  new %6.2f s  ratio %.2f\n' "$label" "$o" "$n" "$(echo "$o / $n" | bc -l)"
done
# pair by pair (each new run against the old run just before it): the machine's speed drifts less within a pair
paste <(awk '$1 == "old" {print $3}' "$WORK/stylize.tsv") <(awk '$1 == "new" {print $3}' "$WORK/stylize.tsv") |
	awk '{print $2 - $1}' >"$WORK/pairs.txt"
printf '  %-18s median new - old %+.2f s, new shorter in %d of %d pairs\n' "wall pair by pair" \
	"$(median <"$WORK/pairs.txt")" "$(awk '$1 < 0' "$WORK/pairs.txt" | wc -l)" "$(wc -l <"$WORK/pairs.txt")"
o=$(awk '$1 == "old" {print $2}' "$WORK/batch.tsv" | tail -1)
n=$(awk '$1 == "new" {print $2}' "$WORK/batch.tsv" | tail -1)
printf '  %-18s old %6.2f s  new %6.2f s  ratio %.2f\n' "batch s/row" "$o" "$n" "$(echo "$o / $n" | bc -l)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
