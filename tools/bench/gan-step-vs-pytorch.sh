#!/usr/bin/env bash
# Side-by-side benchmark of the whole GAN training step of a recipe: this project's DJL trainer (StepBenchmark: one
# Trainer.trainStep() per step on generated data) against the same step written in PyTorch eager
# (tools/bench/torch_gan_step.py: same networks, losses, optimiser steps and order, fp32, Debian's python3-torch).
# Both run alternately, ROUNDS rounds of STEPS measured steps each (plus one warm-up step per run), at the same
# intra-op thread count (1 inter-op thread), with the same allocator set-up (tcmalloc preloaded as ./audiostyle does,
# THP_MEM_ALLOC_ENABLE=1). Prints each round's medians; the last line is "djl/pytorch GAN step ratio R" (median of
# the DJL medians over the median of the PyTorch medians).
#
# Usage: tools/bench/gan-step-vs-pytorch.sh [CONFIG.json] [--rounds R] [--steps K] [--threads N] [--profile]
#        [--java-ops] [--blas openblas|reference]
#   CONFIG.json  training configuration read by both sides (default tools/train/default-model.json)
#   --rounds, --steps  default 3 rounds of 5 measured steps; --threads default: all cores (nproc)
#   --profile    also print each side's per-section times (Java: its last step; PyTorch: median per section)
#   --java-ops   the PyTorch side uses the Java side's formulations of padding/blur/instance norm (see the .py)
#   --blas       the PyTorch side's BLAS (default openblas, see below; reference: Debian's default)
#   --check      instead of timing: check that the replica is the same step. The Java side dumps its weights, one
#                batch, the patch ids and the losses of its first GAN step (org.audiostyle.train.StepDump); the
#                replica loads them, requires every Java array with the same shape, and compares every loss
#                (exit status 1 if any differs by more than 1e-4 relative).
# The Java side runs with the configuration's pretrainSteps set to 0 (a copy of the file), so that StepBenchmark
# skips timing pre-training steps: the GAN step does not depend on it. Both engines use all the threads they are
# given: run it on an otherwise idle machine, or say how busy it was.
set -euo pipefail
caller_pwd="$PWD"
cd "$(dirname "$0")/../.."

config=tools/train/default-model.json
rounds=3
steps=5
threads=$(nproc)
profile=0
check=0
blas=openblas
pyflags=()
while [[ $# -gt 0 ]]; do
	case "$1" in
		--rounds) rounds="$2"; shift 2 ;;
		--steps) steps="$2"; shift 2 ;;
		--threads) threads="$2"; shift 2 ;;
		--profile) profile=1; pyflags+=(--profile); shift ;;
		--java-ops) pyflags+=(--java-ops); shift ;;
		--check) check=1; shift ;;
		--blas) blas="$2"; shift 2
			[[ $blas == openblas || $blas == reference ]] || { echo "--blas openblas|reference" >&2; exit 2; } ;;
		-h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
		-*) echo "gan-step-vs-pytorch: unknown option $1" >&2; exit 2 ;;
		*) config="$1"; [[ "$config" != /* && -f "$caller_pwd/$config" ]] && config="$caller_pwd/$config"; shift ;;
	esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ && "$steps" =~ ^[1-9][0-9]*$ && "$threads" =~ ^[1-9][0-9]*$ ]] ||
	{ echo "gan-step-vs-pytorch: --rounds, --steps and --threads take positive integers" >&2; exit 2; }
[[ "$config" = /* ]] || config="$PWD/$config"
[[ -f "$config" ]] || { echo "gan-step-vs-pytorch: no configuration file $config" >&2; exit 2; }

PYTHON=/usr/bin/python3
export DEBIAN_FRONTEND=noninteractive
sudo_cmd=""
[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
if ! $PYTHON -c 'import torch' 2>/dev/null; then
	echo "gan-step-vs-pytorch: installing Debian's python3-torch (PyTorch for the reference side)..." >&2
	$sudo_cmd apt-get update -q >&2
	$sudo_cmd apt-get install -y -q --no-install-recommends python3-torch >&2
fi

# PyTorch's BLAS. Debian's python3-torch is built with BLAS_INFO=generic and calls the system's libblas.so.3, which
# is the reference (netlib) BLAS unless an optimised one is installed: 6-15 times slower matrix products than
# OpenBLAS here, and the PatchNCE heads and products are matrix products (libtorch in DJL has its own MKL). The
# PyTorch side therefore runs on OpenBLAS (the OpenMP build, whose thread count torch.set_num_threads sets), through
# LD_LIBRARY_PATH; it is installed when missing, and the machine's default BLAS is set back to what it was.
# --blas reference runs the PyTorch side as Debian's package runs by default.
py_env=()
if [[ $blas == openblas ]]; then
	openblas_dir=/usr/lib/$(uname -m)-linux-gnu/openblas-openmp
	if [[ ! -f $openblas_dir/libblas.so.3 ]]; then
		echo "gan-step-vs-pytorch: installing Debian's libopenblas0-openmp (BLAS for the PyTorch side)..." >&2
		alternatives=()
		for a in libblas.so.3 liblapack.so.3; do
			name=$a-$(uname -m)-linux-gnu
			value=$(update-alternatives --query "$name" 2>/dev/null | sed -n 's/^Value: //p')
			[[ -z "$value" ]] || alternatives+=("$name" "$value")
		done
		$sudo_cmd apt-get update -q >&2
		$sudo_cmd apt-get install -y -q --no-install-recommends libopenblas0-openmp >&2
		for ((i = 0; i < ${#alternatives[@]}; i += 2)); do
			$sudo_cmd update-alternatives --set "${alternatives[i]}" "${alternatives[i + 1]}" >&2 || true
		done
	fi
	py_env=(env "LD_LIBRARY_PATH=$openblas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi

# The Java classes: built by the launcher when missing. When they exist they are used as they are (another build may
# be running in this tree): a warning says when sources changed after the last launcher build.
CP_FILE=cli/target/runtime-classpath.txt
if [[ ! -f train/target/classes/org/audiostyle/train/StepBenchmark.class || ! -f "$CP_FILE" ]]; then
	./audiostyle --help >/dev/null
elif [[ -f cli/target/.audiostyle-built &&
	-n "$(find engine/src/main train/src/main -newer cli/target/.audiostyle-built -print -quit)" ]]; then
	echo "gan-step-vs-pytorch: warning: Java sources changed since the last ./audiostyle build; timing the classes in" \
		"*/target/classes as they are" >&2
fi
CP="train/target/classes:engine/target/classes:$(cat "$CP_FILE")"

# The same allocator on both sides, as ./audiostyle sets it for the JVM.
TCMALLOC=/usr/lib/$(uname -m)-linux-gnu/libtcmalloc_minimal.so.4
if [[ "${AUDIOSTYLE_ALLOCATOR:-tcmalloc}" == tcmalloc && -f "$TCMALLOC" && "${LD_PRELOAD:-}" != *tcmalloc* ]]; then
	export LD_PRELOAD="$TCMALLOC${LD_PRELOAD:+:$LD_PRELOAD}"
fi
# libtorch's huge pages for large buffers: the JVM sets this in-process unless it is in the environment already.
export THP_MEM_ALLOC_ENABLE="${THP_MEM_ALLOC_ENABLE:-1}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java_config="$work/$(basename "$config")"
$PYTHON - "$config" "$java_config" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
c['pretrainSteps'] = 0
json.dump(c, open(sys.argv[2], 'w'))
EOF

if [[ $check -eq 1 ]]; then
	java ${AUDIOSTYLE_JAVA_OPTS:--Xmx8g} -Dai.djl.offline=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$CP" org.audiostyle.train.StepDump \
		"$config" "$work/dump"
	${py_env[@]+"${py_env[@]}"} $PYTHON tools/bench/torch_gan_step.py "$config" 1 --threads "$threads" \
		${pyflags[@]+"${pyflags[@]}"} --check "$work/dump"
	exit $?
fi

echo "config $config; $rounds rounds of $steps steps (+1 warm-up) per side; $threads intra-op threads, 1 inter-op;" \
	"PyTorch BLAS $blas; allocator ${LD_PRELOAD:-glibc}, THP_MEM_ALLOC_ENABLE=$THP_MEM_ALLOC_ENABLE"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

djl=()
pt=()
for ((r = 1; r <= rounds; r++)); do
	if ! java ${AUDIOSTYLE_JAVA_OPTS:--Xmx8g} -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
		-Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$CP" \
		org.audiostyle.train.StepBenchmark "$java_config" "$steps" >"$work/djl.out" 2>&1; then
		cat "$work/djl.out" >&2
		echo "gan-step-vs-pytorch: the DJL StepBenchmark failed" >&2
		exit 1
	fi
	d=$(sed -n 's/.* GAN step \([0-9.]*\) s.*/\1/p' "$work/djl.out" | tail -1)
	[[ -n "$d" ]] || { cat "$work/djl.out" >&2; echo "gan-step-vs-pytorch: no GAN step time from DJL" >&2; exit 1; }
	if ! ${py_env[@]+"${py_env[@]}"} $PYTHON tools/bench/torch_gan_step.py "$config" "$steps" --threads "$threads" \
		${pyflags[@]+"${pyflags[@]}"} >"$work/pt.out" 2>&1; then
		cat "$work/pt.out" >&2
		echo "gan-step-vs-pytorch: the PyTorch replica failed" >&2
		exit 1
	fi
	p=$(sed -n 's/^pytorch GAN step median \([0-9.]*\) s.*/\1/p' "$work/pt.out")
	[[ -n "$p" ]] || { cat "$work/pt.out" >&2; echo "gan-step-vs-pytorch: no GAN step time from PyTorch" >&2; exit 1; }
	if [[ $r -eq 1 ]]; then
		grep -v '^ \|GAN step' "$work/djl.out" | sed 's/^/djl: /' || true
		grep '^pytorch \|^params ' "$work/pt.out" | grep -v 'GAN step' | sed 's/^/pytorch side: /'
	fi
	if [[ $profile -eq 1 ]]; then
		echo "round $r DJL sections (last step):"
		grep '^  ' "$work/djl.out"
		echo "round $r PyTorch sections (median per section):"
		grep '^  ' "$work/pt.out"
	fi
	djl+=("$d")
	pt+=("$p")
	echo "round $r: djl GAN step median $d s, pytorch GAN step median $p s"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

$PYTHON - "${#djl[@]}" "${djl[@]}" "${pt[@]}" <<'EOF'
import statistics, sys
n = int(sys.argv[1])
d = [float(v) for v in sys.argv[2:2 + n]]
p = [float(v) for v in sys.argv[2 + n:]]
md, mp = statistics.median(d), statistics.median(p)
print('djl medians %s -> %.3f s; pytorch medians %s -> %.3f s' % (' '.join('%.2f' % v for v in d), md,
    ' '.join('%.3f' % v for v in p), mp))
print('djl/pytorch GAN step ratio %.2f' % (md / mp))
EOF
