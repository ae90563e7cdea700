#!/usr/bin/env bash
# Which half fails, per sound class: hearing (is a held-out recording nearest its own class's training recordings?
# tools/train/recognition-accuracy.sh) and painting (given each class's mean training embedding, a sound heard right by
# construction, does the generator paint a co-occurring scene? `evaluate --painting`), beside the usual hit rate
# (both halves together). SPLIT is a folder with train/{images,sounds} and validation/{images,sounds} (made by
# split-validation.sh; for the held-out set, a folder whose validation/ links to images_test/ and sounds_test/).
# Usage: tools/train/hearing-painting.sh MODEL SPLIT COOCCURRENCE.csv OUT_DIR [evaluate options...]
set -euo pipefail
if [ $# -lt 4 ]; then echo "usage: $0 MODEL SPLIT COOCCURRENCE.csv OUT_DIR [evaluate options...]" >&2; exit 2; fi
here=$(cd "$(dirname "$0")/../.." && pwd)
model=$1 split=$2 cooc=$3 out=$4
shift 4
mkdir -p "$out"
[ -f "$out/hearing.txt" ] || "$here/tools/train/recognition-accuracy.sh" "$model" "$split" > "$out/hearing.txt"
for kind in both painting; do
	[ -f "$out/$kind/report.json" ] && continue
	extra=()
	[ $kind = painting ] && extra=(--painting "$split/train/sounds")
	"$here/audiostyle" evaluate --model "$model" --images "$split/validation/images" --sounds "$split/validation/sounds" \
		--cooccurrence "$cooc" --train-images "$split/train/images" --out "$out/$kind" "${extra[@]}" "$@" \
		> /dev/null 2> "$out/$kind.log"
done
python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
hearing = {}
for line in open(f"{out}/hearing.txt"):
    m = re.match(r"(\S+)\s+(\d+)/(\d+)", line)
    if m: hearing[m.group(1)] = (int(m.group(2)), int(m.group(3)))
both = json.load(open(f"{out}/both/report.json"))["methods"]["model"]
paint = json.load(open(f"{out}/painting/report.json"))["methods"]["model"]
print("| sound class | hearing | painting | both |")
print("|---|---|---|---|")
for c in sorted(both["hitRatePerSound"]):
    h = hearing.get(c)
    hs = f"{h[0]}/{h[1]} ({100*h[0]/h[1]:.0f} %)" if h else "-"
    print(f"| {c} | {hs} | {100*paint['hitRatePerSound'][c]:.0f} % | {100*both['hitRatePerSound'][c]:.0f} % |")
ht = sum(v[0] for v in hearing.values()), sum(v[1] for v in hearing.values())
print(f"| all | {ht[0]}/{ht[1]} ({100*ht[0]/max(1,ht[1]):.0f} %) | {100*paint['hitRate']:.1f} % | {100*both['hitRate']:.1f} % |")
PY
