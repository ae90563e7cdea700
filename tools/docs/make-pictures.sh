#!/usr/bin/env bash
# Regenerates the pictures of README.md and docs/model-card.md (docs/*.png) with the bundled default model, from the project's own test images
# and sample sounds only. Run from anywhere; builds what it needs. The movie strip runs the Fiji command, so its class
# path is the plugin's with the provided (Fiji) jars: scope test, resolved in the reactor so that the engine is this
# checkout's engine/target/classes, not a copy in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
S=sample-sounds
IMAGES=(--image test-images/meadow.png --image test-images/hills.png --image test-images/lake.png)

./audiostyle sheet "${IMAGES[@]}" --overwrite --out docs/stylize.png \
	--row $S/birdsong.wav --row $S/rain.wav --row $S/thunder.wav --row $S/wind.wav --row $S/fire.wav \
	--row $S/crickets.wav --row $S/waves.wav

./audiostyle sheet "${IMAGES[@]}" --overwrite --out docs/sweep.png \
	--row "$S/rain.wav@0.25" --row "$S/rain.wav@0.5" --row "$S/rain.wav@1" --row "$S/rain.wav@2" \
	--row "$S/rain.wav*1+$S/fire.wav*0" --row "$S/rain.wav*0.75+$S/fire.wav*0.25" \
	--row "$S/rain.wav*0.5+$S/fire.wav*0.5" --row "$S/rain.wav*0.25+$S/fire.wav*0.75" \
	--row "$S/rain.wav*0+$S/fire.wav*1"

CP_FILE=plugin/target/runtime-classpath.txt
mvn -B -q -o -Dstyle.color=never -pl plugin -am compile dependency:build-classpath -DincludeScope=test \
	-Dmdep.outputFile=target/runtime-classpath.txt
jshell --class-path "plugin/target/classes:$(cat $CP_FILE)" -R-Djava.awt.headless=true -R-Dai.djl.offline=true \
	-R-Dai.djl.pytorch.num_interop_threads=1 tools/docs/movie-strip.jsh
