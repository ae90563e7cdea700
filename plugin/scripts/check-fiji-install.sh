#!/usr/bin/env bash
# Runs the real Fiji install (`mvn -Dscijava.app.directory=... install`, pom-scijava's populate-app) into an empty
# Fiji.app layout and checks that exactly the expected jars arrive, each in its folder
# (src/test/resources/fiji-install-expected.txt). Needs Maven Central: populate-app refuses to run offline.
# Usage: plugin/scripts/check-fiji-install.sh   (from anywhere; takes about a minute)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
app="$(mktemp -d)/Fiji.app"
mkdir -p "$app/jars" "$app/plugins"
trap 'rm -rf "$(dirname "$app")"' EXIT
# maven.install.skip: do not put this build's SNAPSHOTs into ~/.m2, only into the Fiji.app.
mvn -B -q -Dstyle.color=never -f "$root/pom.xml" -pl plugin -am install -DskipTests -Dmaven.install.skip=true \
	-Dscijava.app.directory="$app" >/dev/null
fail=0
expected=0
while read -r ga folder; do
	[[ -z "$ga" || "$ga" == \#* ]] && continue
	expected=$((expected + 1))
	artifact="${ga#*:}"
	if ! compgen -G "$app/$folder/$artifact-[0-9]*.jar" >/dev/null; then
		echo "MISSING: $folder/$artifact-<version>.jar"
		fail=1
	fi
done <"$here/src/test/resources/fiji-install-expected.txt"
actual=$(find "$app" -name '*.jar' | wc -l)
if [[ "$actual" -ne "$expected" ]]; then
	echo "Expected $expected jars, found $actual:"
	(cd "$app" && find . -name '*.jar' | sort)
	fail=1
fi
[[ $fail -eq 0 ]] && echo "Fiji install OK: $actual jars ($(cd "$app" && find . -name '*.jar' | sort | tr '\n' ' '))"
exit $fail
