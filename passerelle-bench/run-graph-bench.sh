#!/usr/bin/env bash
# Graph benchmark, Passerelle vs NetworkX side by side (issue 5). One command, one session:
#   passerelle-bench/run-graph-bench.sh            (from the repository root, after
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q -B -pl passerelle-graph,passerelle-bench install -DskipTests)
# Writes passerelle-bench/target/graph-bench/run-<UTC time>/{results.jsonl,report.md,*.log}.
# Environment: NX_DISRUPT_STEPS (NetworkX steps actually run on ba-5000, default 3), NX_SPARSE_STEPS (on ba2-5000,
#              default 50), NX_APPROX_K (default 50), APPROX_SEEDS (default 3),
#              APPROX_KS (default 250,500,1000,2000,4000), JAVA_REPS (warm runs, default 3), SKIP_NX=1,
#              DISRUPT_REPS (extra Java disruption runs after the first, default 0),
#              PARTS (default "exact disrupt approx": which parts to run).
# Java and Python never run at the same time. Every process is started with `nice -n 0`.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="nice -n 0 $JAVA_HOME/bin/java -Xmx6g -cp passerelle-bench/target/classes:passerelle-graph/target/classes"
PY="nice -n 0 python3"
NXDIR=passerelle-bench/networkx
BASE=passerelle-bench/target/graph-bench
DATA=$BASE/data
RUN=$BASE/run-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN/scores" "$BASE/cache"
OUT=$RUN/results.jsonl
SIZES="1000 2000 3000 5000"
EXACT_FILES=$(for f in er ba; do for n in $SIZES; do echo "$DATA/$f-$n.tsv"; done; done)

{
  echo "date: $(date -u)"; echo "nproc: $(nproc)"; free -h | head -2
  "$JAVA_HOME/bin/java" -version 2>&1
  python3 -c 'import sys, networkx; print("python", sys.version.split()[0], "networkx", networkx.__version__)'
  uptime
} | tee "$RUN/machine.txt"

$PY $NXDIR/gen_graphs.py --out "$DATA" --sizes "$(echo $SIZES | tr ' ' ,)"

PARTS=${PARTS:-exact disrupt approx}
if [[ " $PARTS " == *" exact "* ]]; then
echo "== 1/4: exact betweenness" >&2
$JAVA org.passerelle.bench.graph.GraphBench exact --out "$OUT" --scores "$RUN/scores" --reps "${JAVA_REPS:-3}" \
    $EXACT_FILES 2>&1 | tee "$RUN/java-exact.log"
[ -n "${SKIP_NX:-}" ] || $PY $NXDIR/nx_bench.py exact --out "$OUT" --scores "$RUN/scores" $EXACT_FILES \
    2>&1 | tee "$RUN/nx-exact.log"
fi

if [[ " $PARTS " == *" disrupt "* ]]; then
echo "== 2/4: sequential disruption, 50 steps, betweenness" >&2
# ba-5000 (10 edges a node): NetworkX needs minutes a step, so it runs NX_DISRUPT_STEPS and the rest is estimated.
# ba2-5000 (2 edges a node, sparse like criminal networks): NetworkX runs NX_SPARSE_STEPS (all 50 by default; about
# an hour and a half of CPU) and its curve must equal Passerelle's.
for g in ba-5000 ba2-5000; do
  $JAVA org.passerelle.bench.graph.GraphBench disrupt --out "$OUT" --curve "$RUN/curve-$g.csv" --steps 50 \
      --reps "${DISRUPT_REPS:-0}" "$DATA/$g.tsv" 2>&1 | tee "$RUN/java-disrupt-$g.log"
done
if [ -z "${SKIP_NX:-}" ]; then
  $PY $NXDIR/nx_bench.py disrupt --out "$OUT" --steps "${NX_DISRUPT_STEPS:-3}" --target-steps 50 \
      --java-curve "$RUN/curve-ba-5000.csv" "$DATA/ba-5000.tsv" 2>&1 | tee "$RUN/nx-disrupt-ba-5000.log"
  $PY $NXDIR/nx_bench.py disrupt --out "$OUT" --steps "${NX_SPARSE_STEPS:-50}" --target-steps 50 \
      --java-curve "$RUN/curve-ba2-5000.csv" --curve "$RUN/nx-curve-ba2-5000.csv" "$DATA/ba2-5000.tsv" \
      2>&1 | tee "$RUN/nx-disrupt-ba2-5000.log"
  if [ "${NX_SPARSE_STEPS:-50}" = 50 ]; then
    cmp "$RUN/curve-ba2-5000.csv" "$RUN/nx-curve-ba2-5000.csv" >&2 \
        && echo "ba2-5000: NetworkX's curve is identical to Passerelle's" >&2
  fi
fi
fi

if [[ " $PARTS " == *" approx "* ]]; then
echo "== 3/4: approximate betweenness on the 1M-edge call graph" >&2
# The exact ranking (Passerelle's exact parallel Brandes) is computed once and cached; its time is in the run that
# computed it (results.jsonl, metric exact_s).
# About 20 minutes on 2 cores the first time (the exact ranking), then a few minutes.
$JAVA org.passerelle.bench.graph.GraphBench approx --out "$OUT" --exact-cache "$BASE/cache/exact-calls-100k.tsv" \
    --ks "${APPROX_KS:-250,500,1000,2000,4000}" --seeds "${APPROX_SEEDS:-3}" "$DATA/calls-100k.tsv" 2>&1 \
    | tee "$RUN/java-approx.log"
[ -n "${SKIP_NX:-}" ] || [ "${NX_APPROX_K:-50}" = 0 ] || $PY $NXDIR/nx_bench.py approx --out "$OUT" \
    --k "${NX_APPROX_K:-50}" "$DATA/calls-100k.tsv" 2>&1 | tee "$RUN/nx-approx.log"
fi

echo "== 4/4: report" >&2
python3 $NXDIR/report.py "$RUN" | tee "$RUN/report.md"
echo "date (end): $(date -u)" | tee -a "$RUN/machine.txt"
