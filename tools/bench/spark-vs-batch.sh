#!/usr/bin/env bash
# Throughput of the Spark job in local[2] next to `audiostyle batch`, in one run, on the same rows and model: every
# test image x every sample sound (6 x 7 = 42 rows), the bundled model, working size 256. The Spark job runs as
# spark-submit would run it: the shaded -all jar plus Spark's own jars, with the Java 17 --add-opens flags.
# Both outputs are compared byte for byte. Times include JVM start and model load; "per row" is the mean of the
# rows' own seconds from each report (model loaded, steady state).
# Usage: tools/bench/spark-vs-batch.sh [OUT_DIR]    (prefix with `nice -n 15` on a shared machine)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
cd "$root"

csv="$out/jobs.csv"
echo "image,sound" >"$csv"
for i in test-images/*.png; do
	for s in sample-sounds/*.wav; do echo "$root/$i,$root/$s"; done
done >>"$csv"
rows=$(($(wc -l <"$csv") - 1))

echo "building (not timed)..." >&2
./audiostyle --version >/dev/null
# One reactor build: the shaded jar, and a class path standing in for Spark's jars/ folder: Spark's whole tree (the
# compile scope includes provided; libraries the shaded jar also holds are the same versions).
mvn -B -q -Dstyle.color=never -pl spark -am -DskipTests -Dmaven.install.skip=true package \
	dependency:build-classpath -DincludeScope=compile -DexcludeGroupIds=org.audiostyle \
	-Dmdep.outputFile=target/spark-classpath.txt >&2
jar=$(ls spark/target/audiostyle-spark-*-all.jar)
opens=$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' spark/pom.xml)

rm -rf "$out/batch" "$out/spark"
t0=$(date +%s.%N)
./audiostyle batch --csv "$csv" --out "$out/batch" --work-size 256 2>"$out/batch.log"
t1=$(date +%s.%N)
# shellcheck disable=SC2086 # the flags are separate words
java -Xmx4g $opens -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dai.djl.offline=true \
	-Dai.djl.pytorch.num_interop_threads=1 -cp "$jar:$(cat spark/target/spark-classpath.txt)" \
	org.audiostyle.spark.StylizeJob --csv "$csv" --out "$out/spark" --work-size 256 --format csv 2>"$out/spark.log"
t2=$(date +%s.%N)

same=0
for f in "$out"/batch/*.png; do cmp -s "$f" "$out/spark/$(basename "$f")" && same=$((same + 1)); done
mean_seconds() { # mean of the column named "seconds" in CSV files
	awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "seconds") c = i; next } { s += $c; n++ }
		END { printf "%.3f", s / n }' "$@"
}
awk -v r="$rows" -v b="$(awk -v a="$t0" -v z="$t1" 'BEGIN { print z - a }')" \
	-v s="$(awk -v a="$t1" -v z="$t2" 'BEGIN { print z - a }')" \
	-v pb="$(mean_seconds "$out/batch/batch-report.csv")" -v ps="$(mean_seconds "$out"/spark/results/part-*.csv)" \
	'BEGIN {
		printf "%d rows, bundled model, --work-size 256, %d CPU cores\n", r, '"$(nproc)"'
		printf "audiostyle batch      : %6.1f s end to end, %5.1f rows/min, %.3f s per row\n", b, 60 * r / b, pb
		printf "Spark job, local[2]   : %6.1f s end to end, %5.1f rows/min, %.3f s per row\n", s, 60 * r / s, ps
	}'
echo "identical outputs: $same of $rows (outputs and logs in $out)"
