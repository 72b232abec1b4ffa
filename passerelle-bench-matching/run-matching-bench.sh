#!/usr/bin/env bash
# Identity matching benchmark (issue 4): our engine and its peers on one synthetic set, in one session, one after
# the other (never two at once). From the repository root, after
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q -B install -DskipTests
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q -B -f passerelle-bench-matching/pom.xml package
# run   passerelle-bench-matching/run-matching-bench.sh SIZE [PEERS] [NOISE]
# SIZE: registry records (the set is `synth registry --size SIZE --seed 1 --noise NOISE`, 10,000 queries, a fifth
# absent); PEERS: which to run besides ours, default (or "") "FUZZY METAPHONE DUKE"; NOISE: harsh (default) or request.
# Writes passerelle-bench-matching/target/run-SIZE[-request]-<UTC time>/{machine.txt,<engine>.csv,<engine>.md,times.txt}.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SIZE=$1
PEERS=${2:-FUZZY METAPHONE DUKE}
NOISE=${3:-harsh}
SUFFIX=$([ "$NOISE" = harsh ] || echo "-$NOISE")
M2=$HOME/.m2/repository
CP=$M2/org/apache/lucene/lucene-core/10.6.0/lucene-core-10.6.0.jar:$M2/info/picocli/picocli/4.7.7/picocli-4.7.7.jar
CP=$CP:$(ls "$M2"/commons-codec/commons-codec/*/commons-codec-*.jar | sort -V | tail -1):passerelle-matching/target/classes
JAVA="nice -n 0 $JAVA_HOME/bin/java -Xmx4g"
BASE=passerelle-bench-matching/target
DATA=$BASE/data-$SIZE$SUFFIX
RUN=$BASE/run-$SIZE$SUFFIX-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
{ date -u; nproc; free -h | head -2; "$JAVA_HOME/bin/java" -version 2>&1 | head -1; uptime; } > "$RUN/machine.txt"
[ -f "$DATA/TRUTH.csv" ] || $JAVA -cp "$CP" org.passerelle.matching.cli.SynthCommand registry --size "$SIZE" --seed 1 --noise "$NOISE" --out "$DATA"

timed() {  # timed NAME COMMAND...: runs it, keeps its wall time
    local name=$1; shift
    local start; start=$(date +%s.%N)
    "$@" > "$RUN/$name.log" 2>&1
    awk -v name="$name" -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { printf "%s %.1f s\n", name, end - start }' \
        | tee -a "$RUN/times.txt"
}
report() {
    $JAVA -cp "$CP" org.passerelle.matching.eval.QualityReport "$DATA/TRUTH.csv" "$RUN/$1.csv" > "$RUN/$1.md"
    sed -n 3p "$RUN/$1.md" | sed "s/^/$1 /"
}

rm -rf "$RUN/idx"
timed passerelle $JAVA -cp "$CP" org.passerelle.matching.cli.MatchCommand --registry "$DATA/REGISTRY.csv" \
    --queries "$DATA/QUERIES.csv" --out "$RUN/passerelle.csv" --index "$RUN/idx"
report passerelle
for peer in $PEERS; do
    case $peer in
        DUKE)
            DUKE_CP=$(cd passerelle-bench-matching && ../mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
            timed duke $JAVA -cp "passerelle-bench-matching/target/classes:$DUKE_CP" \
                org.passerelle.bench.matching.DukePeer "$DATA/REGISTRY.csv" "$DATA/QUERIES.csv" "$RUN/duke.csv" "$RUN/duke-work"
            report duke ;;
        *)
            name=$(echo "$peer" | tr '[:upper:]' '[:lower:]')
            timed "$name" $JAVA -cp "$CP" org.passerelle.matching.peer.PeerMatcher "$peer" "$DATA/REGISTRY.csv" \
                "$DATA/QUERIES.csv" "$RUN/$name-idx" "$RUN/$name.csv"
            report "$name" ;;
    esac
done
uptime >> "$RUN/machine.txt"
echo "results in $RUN"
