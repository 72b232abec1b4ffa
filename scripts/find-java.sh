# Sourced by ./passerelle, ./run-tests and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer.
# Looks at JAVA_HOME first, then the usual JVM folders (newest first), then the java on the PATH.

passerelle_java_major() {
    "$1" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

passerelle_find_java() {
    local candidate major
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    for candidate in $(ls -d /usr/lib/jvm/*/ /usr/local/lib/jvm/*/ /opt/java/*/ /opt/jdk*/ 2>/dev/null | sort -rV); do
        candidates+=("${candidate%/}/bin/java")
    done
    command -v java >/dev/null 2>&1 && candidates+=("$(readlink -f "$(command -v java)")")
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate" ] && [ -x "$(dirname "$candidate")/javac" ] || continue
        major=$(passerelle_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            JAVA_HOME=$(cd "$(dirname "$candidate")/.." && pwd)
            export JAVA_HOME
            return 0
        fi
    done
    echo "passerelle: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm). Install one, e.g. apt-get install openjdk-21-jdk." >&2
    return 1
}
