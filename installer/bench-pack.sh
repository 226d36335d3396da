#!/usr/bin/env bash
# The supervision pack at a service's size, in a JVM held to a heap limit: a measurement run on
# purpose, never part of `mvn verify`. See docs/review-and-pack.md ("Memory").
#
#   installer/bench-pack.sh [--heap 256m] [--skip-build]
#
# Makes two sets of outcome files once under target/bench/pack (kept for later runs):
#   flagged/  one file of 15,000 open referrals, every one flagged (PackScaleBenchmark: 15,000 pages)
#   demo/     9 files of 5,000 invented demo referrals each (ReviewScaleBenchmark: 45,000 referrals,
#             about 13,000 of them flagged)
# then runs `stepwise pack` on each with -Xmx (256m unless told), and reports the exit status, the
# elapsed time and peak resident memory (from /usr/bin/time), the most heap in use after a
# collection (from the JVM's GC log) and the most heap held by live objects (a class histogram, which
# collects first, taken every 15 seconds while the pack runs), and that no part file is left.
set -euo pipefail

HEAP=256m; SKIP_BUILD=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --heap) HEAP="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    *) echo "usage: installer/bench-pack.sh [--heap 256m] [--skip-build]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/jdk.sh"

OUT="$ROOT/target/bench/pack"
mkdir -p "$OUT"
if [[ $SKIP_BUILD == 0 ]]; then
  echo "Building the jar and the test classes..."
  mvn -q -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
fi
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
if [[ ! -d "$OUT/flagged" ]]; then
  java -cp "$CP" org.stepwise.pack.PackScaleBenchmark make "$OUT/flagged" 15000
fi
if [[ ! -d "$OUT/demo" ]]; then
  java -cp "$CP" org.stepwise.exchange.ReviewScaleBenchmark make "$OUT/demo" 9 5000
fi

run() {
  local name="$1"; shift
  local pdf="$OUT/$name.pdf" gc="$OUT/$name-gc.log" timing="$OUT/$name-time.txt" live="$OUT/$name-live.txt"
  rm -f "$pdf" "$gc" "$live"
  echo "load $(cut -d' ' -f1 /proc/loadavg): pack of $name with -Xmx$HEAP..."
  /usr/bin/time -v -o "$timing" java "-Xmx$HEAP" "-Xlog:gc:file=$gc" -jar target/stepwise.jar pack "$@" --out "$pdf" \
    > "$OUT/$name-out.txt" 2>&1 &
  local timer=$!
  sleep 2
  while kill -0 "$timer" 2>/dev/null; do
    local pid
    pid=$(pgrep -f -- "--out $pdf" | while read -r p; do [[ "$(cat /proc/"$p"/comm 2>/dev/null)" == java ]] && echo "$p"; done | head -1 || true)
    if [[ -n "$pid" ]]; then
      jcmd "$pid" GC.class_histogram 2>/dev/null | awk '/^Total/ { print int($3 / 1048576) }' >> "$live" || true
    fi
    sleep 15
  done
  wait "$timer" || true
  local status elapsed rss after peak_live parts
  status=$(sed -n 's/.*Exit status: //p' "$timing")
  elapsed=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timing")
  rss=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing") / 1024 ))
  after=$(grep -o '[0-9]*M->[0-9]*M' "$gc" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
  peak_live=$(sort -n "$live" 2>/dev/null | tail -1)
  parts=$(find "$OUT" -maxdepth 1 -name '.stepwise-pack-*.part' | wc -l)
  echo "$name: exit $status, $elapsed elapsed, peak RSS ${rss} MB, most heap after a collection ${after} MB," \
    "most live heap ${peak_live:-n/a} MB, part files left $parts"
  grep -E 'Supervision pack written|could not|OutOfMemoryError' "$OUT/$name-out.txt" | head -2
}

run flagged "$OUT"/flagged/many/*.json
mapfile -t DEMO < <(find "$OUT/demo" -name '*.json' | sort)
run demo "${DEMO[@]}"
