#!/usr/bin/env bash
# Issue 28 §4: does the native crash (SIGSEGV in libtorch_cpu.so, pc = 0, once seen in `bench --targets` at 16 MP)
# recur? RUNS times `audiostyle bench --targets --reps 1` (1 to 16 MP at native resolution and the 12 MP photo in one
# JVM: many sizes, bf16 where chosen, tcmalloc, transparent huge pages), then one `audiostyle batch` of ROWS rows over
# photos of mixed sizes (0.04 to 16 MP, odd sizes, PNG and JPEG) with all sample sounds and several strengths. Every
# JVM writes a crash report (hs_err) into WORK if it dies of a native fault. Prints each run's exit code and 16 MP
# line, the batch summary, and the crash reports found. Then TILED more `bench --targets` runs with a 3000 MB budget,
# so that 16 MP takes the tiled path (a statistics pass over a reduced copy, then tiles with those statistics).
# Usage: tools/bench/stress-native.sh [RUNS] [ROWS] [TILED]   (WORK=/tmp/stress-28 by default)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-20}"
ROWS="${2:-200}"
TILED="${3:-4}"
WORK="${WORK:-/tmp/stress-28}"
mkdir -p "$WORK/photos"
export AUDIOSTYLE_JAVA_OPTS="-Xmx8g -XX:ErrorFile=$WORK/hs_err_%p.log"
(cd "$ROOT" && ./audiostyle --help >/dev/null)
echo "stress start $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB"

crashes=0
for i in $(seq 1 "$RUNS"); do
	t0=$(date +%s)
	(cd "$ROOT" && ./audiostyle bench --targets --reps 1 >"$WORK/bench-$i.out" 2>&1)
	rc=$?
	((rc == 0)) || crashes=$((crashes + 1))
	echo "bench $i: exit $rc, $(($(date +%s) - t0)) s, $(grep -E '16 MP' "$WORK/bench-$i.out" | tr -s ' ')"
done

sizes=(200x150 333x257 640x426 999x1001 1500x1000 2048x1536 2828x2121 3001x1999 4000x3000 4000x4000 1234x4321 5000x800)
images=(hills lake meadow)
for k in "${!sizes[@]}"; do
	s=${sizes[$k]}
	jpg="$WORK/photos/p$k.jpg"
	[[ -f $jpg ]] || java "$ROOT/tools/bench/MakeTestPhoto.java" "$ROOT/test-images/${images[$((k % 3))]}.png" "$jpg" \
		"${s%x*}" "${s#*x}"
	# every other input as PNG
	((k % 2 == 0)) || [[ -f "$WORK/photos/p$k.png" ]] || java "$ROOT/tools/bench/ToPng.java" "$jpg" "$WORK/photos/p$k.png"
done
sounds=("$ROOT"/sample-sounds/*.wav)
echo "image,sound,strength,output" >"$WORK/batch.csv"
for i in $(seq 1 "$ROWS"); do
	k=$(((i * 7) % ${#sizes[@]}))
	ext=$([[ $((k % 2)) == 0 ]] && echo jpg || echo png)
	echo "$WORK/photos/p$k.$ext,${sounds[$((i % ${#sounds[@]}))]},0.$((i % 9 + 1)),r$i.png" >>"$WORK/batch.csv"
done
rm -rf "$WORK/batch-out"
t0=$(date +%s)
(cd "$ROOT" && ./audiostyle batch --csv "$WORK/batch.csv" --out "$WORK/batch-out" >"$WORK/batch.out" 2>&1)
rc=$?
((rc == 0)) || crashes=$((crashes + 1))
echo "batch of $ROWS rows: exit $rc, $(($(date +%s) - t0)) s, $(grep -E '^batch' "$WORK/batch.out")"
for i in $(seq 1 "$TILED"); do
	t0=$(date +%s)
	(cd "$ROOT" && AUDIOSTYLE_JAVA_OPTS="$AUDIOSTYLE_JAVA_OPTS -Daudiostyle.memoryBudgetMB=3000" ./audiostyle bench --targets \
		--reps 1 >"$WORK/tiled-$i.out" 2>&1)
	rc=$?
	((rc == 0)) || crashes=$((crashes + 1))
	echo "tiled bench $i (budget 3000 MB): exit $rc, $(($(date +%s) - t0)) s, $(grep -E '16 MP' "$WORK/tiled-$i.out" | tr -s ' ')"
done
reports=$(ls "$WORK"/hs_err_*.log 2>/dev/null | wc -l)
echo "stress end $(date -u +%FT%TZ): $crashes failed runs, $reports crash reports"
ls "$WORK"/hs_err_*.log 2>/dev/null
