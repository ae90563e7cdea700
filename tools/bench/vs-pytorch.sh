#!/usr/bin/env bash
# Side-by-side benchmark of the generator forward: this engine (DJL, eager layers and the compiled pass in fp32 and
# bf16) against the same network with the same weights in PyTorch eager (Debian's python3-torch), interleaved in one
# process window, at the same thread count. Cases: the bundled model at 512x512 and the 'small' configuration at
# 1024x1024. Prints medians, ratios, GFLOP/s against SGEMM measured in the same run, and the output difference; the
# last line is "djl/pytorch fp32 ratio R" (compiled fp32 median / PyTorch median, worst case).
#
# Usage: tools/bench/vs-pytorch.sh [--reps N] [--sizes 512,1024] [--no-eager]
# Takes several minutes (the eager 'before' case at 1024x1024 is the slowest part; --no-eager skips it).
# Run it on an otherwise idle machine: both engines use all cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
	echo "vs-pytorch: installing Debian's python3-torch (PyTorch for the reference side)..." >&2
	export DEBIAN_FRONTEND=noninteractive
	sudo_cmd=""
	[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
	$sudo_cmd apt-get update -q >&2
	$sudo_cmd apt-get install -y -q --no-install-recommends python3-torch >&2
fi

exec ./audiostyle bench --vs-pytorch --python /usr/bin/python3 "$@"
