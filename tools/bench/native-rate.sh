#!/usr/bin/env bash
# Native-resolution time per megapixel (issue 28 §3), old code against new in one run: `audiostyle bench --targets`
# in a worktree of OLD (default 5191a7f: before the strip-wise last stage and the new memory formula), then in this
# tree, alternating REPS times. Both bundle the same model (v3). Prints each run's per-MP lines.
# Usage: tools/bench/native-rate.sh [OLD_COMMIT] [REPS]   (WORK=/tmp/native-28 by default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OLD="${1:-5191a7f}"
REPS="${2:-1}"
WORK="${WORK:-/tmp/native-28}"
mkdir -p "$WORK"
[[ -d "$WORK/old" ]] || git -C "$ROOT" worktree add --detach "$WORK/old" "$OLD" >/dev/null
(cd "$WORK/old" && ./audiostyle --help >/dev/null)
(cd "$ROOT" && ./audiostyle --help >/dev/null)
for i in $(seq 1 "$REPS"); do
	for who in old new; do
		tree=$([[ $who == old ]] && echo "$WORK/old" || echo "$ROOT")
		echo "== $who ($(git -C "$tree" rev-parse --short HEAD)), run $i"
		(cd "$tree" && ./audiostyle bench --targets --reps 1 2>&1 | grep -E "MP \(|s/MP from|photo")
	done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
