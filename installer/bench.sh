#!/usr/bin/env bash
# Stepwise's six performance figures, each the median of several runs, with the machine they ran on.
# A measurement run on purpose: never part of `mvn verify`. See docs/performance.md.
#
#   installer/bench.sh [--runs N] [--skip-build]
#
# Builds the jar, the test classes and (if missing) the app image, makes the demo data once under
# target/bench/data (kept for later runs), then measures:
#   1. cold start to the unlocked caseload drawn (2,000-referral store) against an empty JavaFX window
#      started with the same JVM and options: plain jar, and the app image (its runtime and AOT cache)
#   2. caseload filter per keystroke on 2,000 referrals, with the table laid out (p50, p95)
#   3. a patient with 60 contacts opened and charted
#   4. export of about 10,000 referrals (outcome file, and CSV tables) against H2's own CSVWRITE of the
#      same rows joined as the export reads them, and of the bare tables, each run in a child JVM with
#      -Xmx256m, with its peak heap
#   5. review of 50 outcome files holding 100,000 referrals, in a child JVM with -Xmx512m, with peak heap
#   6. resident memory (VmRSS) of the app image a few seconds after the caseload is shown, idle
# The table goes to standard output and to target/bench/results.md; every run's line to target/bench/runs.log.
set -euo pipefail

RUNS=5; SKIP_BUILD=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    *) echo "usage: installer/bench.sh [--runs N] [--skip-build]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/jdk.sh"

OUT="$ROOT/target/bench"
DATA="$OUT/data"
LOG="$OUT/runs.log"
IMAGE="$ROOT/target/installer/image/Stepwise"
mkdir -p "$DATA"
: > "$LOG"

if [[ $SKIP_BUILD == 0 ]]; then
  echo "Building the jar and the test classes..."
  mvn -q -DskipTests package test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
fi
if [[ ! -x "$IMAGE/bin/Stepwise" ]]; then
  echo "Building the app image..."
  installer/build.sh --image-only --skip-build
fi
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
HEADLESS=(-Dglass.platform=Headless -Dprism.order=sw)
# The options the app image's launcher gives every start, so the plain jar runs with the same ones.
OPTIONS=(--enable-native-access=ALL-UNNAMED -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -XX:G1PeriodicGCInterval=2000 -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10)
JAVA=(java "${OPTIONS[@]}" "${HEADLESS[@]}")

log() { echo "$*" >> "$LOG"; }
load() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The number after KEY= (or after the start-up line's prefix) in a line of output.
field() { sed -n "s/.*$1\([0-9.]*\).*/\1/p" | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

PASS="$DATA/passphrase"
[[ -f "$PASS" ]] || echo "benchmark-passphrase-$RANDOM$RANDOM" > "$PASS"
if [[ ! -f "$DATA/store-2000/caseload.mv.db" ]]; then
  echo "Making the 2,000-referral demo store..."
  java "${OPTIONS[@]}" -jar target/stepwise.jar --data-dir "$DATA/store-2000" --passphrase-file "$PASS" \
    demo --patients 1890 --seed 1 | tee -a "$LOG"
fi
if [[ ! -f "$DATA/store-10000/caseload.mv.db" ]]; then
  echo "Making the 10,000-referral demo store..."
  java "${OPTIONS[@]}" -jar target/stepwise.jar --data-dir "$DATA/store-10000" --passphrase-file "$PASS" \
    demo --patients 9450 --seed 2 | tee -a "$LOG"
fi
if [[ ! -d "$DATA/review" ]]; then
  echo "Making 50 outcome files of 2,000 referrals each..."
  java -cp "$CP" org.stepwise.exchange.ReviewScaleBenchmark make "$DATA/review" 50 2000 | tee -a "$LOG"
fi

echo "1. Cold start, $RUNS runs of each (load before each run in the log)..."
START_APP=(--data-dir "$DATA/store-2000" --passphrase-file "$PASS" --exit-when-shown)
AOT_CACHE="$IMAGE/lib/app/stepwise.aot"
# The image's own runtime started by hand, with the launcher's class path and options but without its
# AOT cache: to compare the AOT cache with the JDK's CDS archive alone, and with a classic AppCDS archive.
IMAGE_CP="$(sed -n 's/^app.classpath=\$APPDIR/'"${IMAGE//\//\\/}"'\/lib\/app/p' "$IMAGE/lib/app/Stepwise.cfg" | paste -sd:)"
IMAGE_JAVA=("$IMAGE/lib/runtime/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED
  -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true "${HEADLESS[@]}" -cp "$IMAGE_CP")
APPCDS="$OUT/appcds.jsa"
if [[ ! -f "$APPCDS" || "$APPCDS" -ot "$AOT_CACHE" ]]; then
  "${IMAGE_JAVA[@]}" -XX:ArchiveClassesAtExit="$APPCDS" org.stepwise.app.Main "${START_APP[@]}" >/dev/null 2>&1
fi
first_frame() { grep 'first frame' | field 'start: ' || true; }
for mode in jar-app jar-empty image-app image-empty cds-app appcds-app; do : > "$OUT/$mode"; done
for ((run = 1; run <= RUNS; run++)); do
  log "load $(load) run $run"
  "${JAVA[@]}" -jar target/stepwise.jar "${START_APP[@]}" 2>/dev/null | first_frame >> "$OUT/jar-app"
  "${JAVA[@]}" -cp target/stepwise.jar org.stepwise.app.EmptyWindow 2>/dev/null | first_frame >> "$OUT/jar-empty"
  JAVA_TOOL_OPTIONS="${HEADLESS[*]}" "$IMAGE/bin/Stepwise" "${START_APP[@]}" 2>/dev/null | first_frame >> "$OUT/image-app"
  "${IMAGE_JAVA[@]}" -XX:AOTCache="$AOT_CACHE" org.stepwise.app.EmptyWindow 2>/dev/null | first_frame >> "$OUT/image-empty"
  "${IMAGE_JAVA[@]}" org.stepwise.app.Main "${START_APP[@]}" 2>/dev/null | first_frame >> "$OUT/cds-app"
  "${IMAGE_JAVA[@]}" -XX:SharedArchiveFile="$APPCDS" org.stepwise.app.Main "${START_APP[@]}" 2>/dev/null \
    | first_frame >> "$OUT/appcds-app"
done
for mode in jar-app jar-empty image-app image-empty cds-app appcds-app; do
  log "$mode: $(paste -sd' ' "$OUT/$mode") ms"
done
JAR_APP=$(median < "$OUT/jar-app"); JAR_EMPTY=$(median < "$OUT/jar-empty")
IMG_APP=$(median < "$OUT/image-app"); IMG_EMPTY=$(median < "$OUT/image-empty")
CDS_APP=$(median < "$OUT/cds-app"); APPCDS_APP=$(median < "$OUT/appcds-app")

echo "2. Caseload filter per keystroke..."
"${JAVA[@]}" -cp "$CP" org.stepwise.ui.caseload.CaseloadFilterBenchmark 2>/dev/null > "$OUT/filter.txt"
log "load $(load) filter:"; cat "$OUT/filter.txt" >> "$LOG"
FILTER=$(grep 'filter per keystroke, with the table' "$OUT/filter.txt" || true)
FILTER_P50=$(echo "$FILTER" | field 'p50 *'); FILTER_P95=$(echo "$FILTER" | field 'p95 *')

echo "3. Patient with 60 contacts opened and charted..."
CHART=$("${JAVA[@]}" -cp "$CP" org.stepwise.ui.patient.PatientChartBenchmark 2>/dev/null | grep 'patient chart' || true)
log "load $(load) $CHART"
CHART_MS=$(echo "$CHART" | field 'chart ms='); CHART_FIRST=$(echo "$CHART" | field 'first-ms=')
CHART_LOAD=$(echo "$CHART" | field 'load-ms='); CHART_DRAW=$(echo "$CHART" | field 'chart-ms=')

echo "4. Export of 10,000 referrals, $RUNS runs of each kind, -Xmx256m..."
# exchange.ExportBenchmark starts a child JVM per run and kind, going round the kinds: the outcome file,
# the CSV tables, H2's CSVWRITE of the rows the export reads joined as it needs them (h2), and of the
# three tables as they are stored (h2-tables). Its summary: kind, median ms, lowest, highest, CPU ms,
# ÷ h2, peak heap MiB, CPU ÷ h2.
java -cp "$CP" org.stepwise.exchange.ExportBenchmark "$DATA/store-10000" "$PASS" --runs "$RUNS" --heap 256 \
  --kinds json,csv,h2,h2-tables 2>/dev/null > "$OUT/export.txt" || true
log "load $(load) export:"; cat "$OUT/export.txt" >> "$LOG"
export_figure() { awk -v kind="$1" -v column="$2" '$1 == kind && $2 ~ /^[0-9]+$/ { print $column }' "$OUT/export.txt"; }
EXPORT_COUNTS=$(sed -n 's/^run 1 json .*(\(.*\); load.*/\1/p' "$OUT/export.txt")
JSON_MS=$(export_figure json 2); CSV_MS=$(export_figure csv 2)
H2_MS=$(export_figure h2 2); H2T_MS=$(export_figure h2-tables 2)
JSON_HEAP=$(export_figure json 7); CSV_HEAP=$(export_figure csv 7)
JSON_CPU_RATIO=$(export_figure json 8); CSV_CPU_RATIO=$(export_figure csv 8)

echo "5. Review of 50 files, 100,000 referrals, $RUNS runs, -Xmx512m..."
: > "$OUT/review-ms"; : > "$OUT/review-heap"
review() {
  java "-Xmx$1" -cp "$CP" org.stepwise.exchange.ReviewScaleBenchmark run "$DATA/review" 2>/dev/null | grep '^review' || true
}
for ((run = 1; run <= RUNS; run++)); do
  line=$(review 512m)
  log "load $(load) -Xmx512m $line"
  echo "$line" | grep -q 'out of memory' && break
  echo "$line" | field 'ms=' >> "$OUT/review-ms"; echo "$line" | field 'peak-heap-mb=' >> "$OUT/review-heap"
done
REVIEW_COUNTS=$(grep '^load .* review ms' "$LOG" | tail -1 | sed 's/.*(\(.*\))/\1/' || true)
REVIEW_MS=$(median < "$OUT/review-ms"); REVIEW_HEAP=$(sort -n "$OUT/review-heap" | tail -1)
REVIEW_NOTE=""
if grep -q 'review out of memory' "$LOG"; then
  # Not within 512 MB: one run with room, to show what it needs.
  line=$(review 4g)
  log "load $(load) -Xmx4g $line"
  REVIEW_COUNTS=$(echo "$line" | sed 's/.*(\(.*\))/\1/')
  REVIEW_NOTE="out of memory at -Xmx512m ($(grep 'review out of memory' "$LOG" | head -1 | field 'after-ms=') ms in); with -Xmx4g, one run: $(echo "$line" | field 'ms=') ms, peak heap $(echo "$line" | field 'peak-heap-mb=') MB"
fi

echo "6. Resident memory after start, idle, $RUNS runs of the app image..."
: > "$OUT/rss"
for ((run = 1; run <= RUNS; run++)); do
  fifo="$OUT/app-output"; rm -f "$fifo"
  JAVA_TOOL_OPTIONS="${HEADLESS[*]}" "$IMAGE/bin/Stepwise" "${START_APP[@]}" --stay-idle 6 > "$fifo" 2>/dev/null &
  pid=$!
  until grep -q 'first frame' "$fifo" 2>/dev/null || ! kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  sleep 4
  rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null || echo "")
  wait "$pid" || true
  log "load $(load) rss-mb=$rss"
  [[ -n "$rss" ]] && echo "$rss" >> "$OUT/rss"
done
RSS=$(median < "$OUT/rss")

CORES=$(nproc); MEMORY=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
JDK=$(java -version 2>&1 | head -1)
{
  echo "Machine: $CORES cores ($CPU), $MEMORY memory; $JDK; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$RUNS runs each; medians. $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "| # | figure | measured | target |"
  echo "|---|---|---|---|"
  echo "| 1 | cold start to the unlocked caseload drawn (2,000 referrals), plain jar | $JAR_APP ms = $(ratio "$JAR_APP" "$JAR_EMPTY")× the empty window ($JAR_EMPTY ms) | ≤ 1.3× |"
  echo "| 1 | the same, app image (own runtime, AOT cache) | $IMG_APP ms = $(ratio "$IMG_APP" "$IMG_EMPTY")× the empty window ($IMG_EMPTY ms); image/jar $(ratio "$IMG_APP" "$JAR_APP") | ≤ 1.3×; image faster than the jar |"
  echo "| 1 | the image's runtime without the AOT cache: JDK CDS only / classic AppCDS archive | $CDS_APP ms / $APPCDS_APP ms | (to choose the archive) |"
  echo "| 2 | caseload filter per keystroke, 2,000 referrals, table laid out | p50 $FILTER_P50 ms, p95 $FILTER_P95 ms | p95 ≤ 16 ms |"
  echo "| 3 | patient with 60 contacts opened and charted | $CHART_MS ms: load $CHART_LOAD ms, chart built and laid out $CHART_DRAW ms, the rest drawing it (first, cold: $CHART_FIRST ms) | ≤ 100 ms |"
  echo "| 4 | export ($EXPORT_COUNTS), outcome file | $JSON_MS ms = $(ratio "$JSON_MS" "$H2_MS")× H2 CSVWRITE of the same rows joined ($H2_MS ms; CPU ${JSON_CPU_RATIO}×), $(ratio "$JSON_MS" "$H2T_MS")× of the three tables as they are ($H2T_MS ms); peak heap $JSON_HEAP MiB | ≤ 2×; heap ≤ 256 MB |"
  echo "| 4 | the same, CSV tables | $CSV_MS ms = $(ratio "$CSV_MS" "$H2_MS")× the same rows joined (CPU ${CSV_CPU_RATIO}×), $(ratio "$CSV_MS" "$H2T_MS")× the tables as they are; peak heap $CSV_HEAP MiB | ≤ 2×; heap ≤ 256 MB |"
  if [[ -n "$REVIEW_NOTE" ]]; then
    echo "| 5 | review ($REVIEW_COUNTS) | $REVIEW_NOTE | ≤ 3 s; heap ≤ 512 MB |"
  else
    echo "| 5 | review ($REVIEW_COUNTS) | $REVIEW_MS ms; peak heap $REVIEW_HEAP MB | ≤ 3 s; heap ≤ 512 MB |"
  fi
  echo "| 6 | resident memory after start, idle (app image) | $RSS MB | ≤ 300 MB |"
} | tee "$OUT/results.md"
