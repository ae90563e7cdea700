# Sourced by ./audiostyle: the major version of a JDK, for the options that depend on it.
#
# java_major JAVA CACHE sets JAVA_MAJOR to the major version of the JDK whose java is JAVA (0 when unknown), read from
# that JDK's `release` file. The answer is kept in CACHE with the path it was read for; on later runs `-ef` (the same
# file, symbolic links followed) checks that path without a child process, which on a VM costs 15-20 ms. Switching to
# another JDK changes the path and the version is read again; an update in place keeps its major version.
java_major() {
	local java=$1 cache=$2 cached_java= cached_major= real_java release key value
	JAVA_MAJOR=0
	[[ -f "$cache" ]] && { { read -r cached_java && read -r cached_major; } < "$cache" || true; }
	if [[ -n "$cached_java" && "$java" -ef "$cached_java" && "$cached_major" =~ ^[0-9]+$ ]]; then
		JAVA_MAJOR=$cached_major
		return
	fi
	real_java=$(readlink -f "$java" 2>/dev/null || true)
	[[ -n "$real_java" ]] || return 0
	release="${real_java%/bin/java}/release"
	if [[ -f "$release" ]]; then
		while IFS='=' read -r key value; do
			[[ "$key" == JAVA_VERSION ]] || continue
			value=${value//\"/}
			[[ "$value" == 1.* ]] && value=${value#1.} # 1.8.0_392 is Java 8
			value=${value%%[!0-9]*}
			[[ -n "$value" ]] && JAVA_MAJOR=$value
			break
		done < "$release"
	fi
	printf '%s\n%s\n' "$real_java" "$JAVA_MAJOR" > "$cache.tmp$$" && mv -f "$cache.tmp$$" "$cache" || rm -f "$cache.tmp$$"
}
