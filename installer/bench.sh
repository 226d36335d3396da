#!/usr/bin/env bash
# Stepwise's eight performance targets (issue 20), each measured here with its figure printed beside its
# target, ratios taken within one run. A measurement run on purpose: never part of `mvn verify`.
# See docs/performance.md.
#
#   installer/bench.sh [--runs N] [--skip-build]
#
# Builds the jar, the test classes and (if missing) the app image, makes the demo data once under
# target/bench/data (kept for later runs), then measures, in this order:
#   1. the window at once: JVM start to the unlock screen's first frame (no passphrase), plain jar and app
#      image, each against an empty JavaFX window started with the same JVM and options
#   2. the caseload after the passphrase: JVM start to the unlocked caseload drawn (2,000 referrals, app
#      image) against the empty window + the key derivation alone (a new JVM) + 0.4 s; the jar too
#   3. a patient with 60 contacts opened and charted (median, p90)
#   4. caseload filter per keystroke on 2,000 referrals, with the table laid out (p50, p95)
#   5. review of 50 outcome files holding 100,000 referrals, -Xmx512m: time, peak heap, cores busy
#   6. export of about 10,000 referrals against H2's CSVWRITE of the bare tables, -Xmx256m, peak heap
#   7. store size: a new `demo --patients 9450`, closed (and compacted), then a backup of it
#   8. resident memory (VmRSS) of the app image a few seconds after the caseload is shown, idle
# The table goes to standard output and to target/bench/results.md; every run's figure, with the load
# average before it, to target/bench/runs.log.
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

echo "1-2. Start-up, $RUNS runs of each (load before each run in the log)..."
START_APP=(--data-dir "$DATA/store-2000" --passphrase-file "$PASS" --exit-when-shown)
START_UNLOCK=(--data-dir "$DATA/store-2000" --exit-when-shown)
AOT_CACHE="$IMAGE/lib/app/stepwise.aot"
# The image's own runtime started by hand, with the launcher's class path and options: for the empty
# window (with the image's AOT cache) and for the key derivation alone.
IMAGE_CP="$(sed -n 's/^app.classpath=\$APPDIR/'"${IMAGE//\//\\/}"'\/lib\/app/p' "$IMAGE/lib/app/Stepwise.cfg" | paste -sd:)"
IMAGE_JAVA=("$IMAGE/lib/runtime/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED
  -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true "${HEADLESS[@]}" -cp "$IMAGE_CP")
first_frame() { grep 'first frame' | field 'start: ' || true; }
MODES=(jar-unlock jar-app jar-empty image-unlock image-app image-empty kdf)
for mode in "${MODES[@]}"; do : > "$OUT/$mode"; done
for ((run = 1; run <= RUNS; run++)); do
  log "load $(load) run $run"
  "${JAVA[@]}" -jar target/stepwise.jar "${START_UNLOCK[@]}" 2>/dev/null | first_frame >> "$OUT/jar-unlock"
  "${JAVA[@]}" -jar target/stepwise.jar "${START_APP[@]}" 2>/dev/null | first_frame >> "$OUT/jar-app"
  "${JAVA[@]}" -cp target/stepwise.jar org.stepwise.app.EmptyWindow 2>/dev/null | first_frame >> "$OUT/jar-empty"
  JAVA_TOOL_OPTIONS="${HEADLESS[*]}" "$IMAGE/bin/Stepwise" "${START_UNLOCK[@]}" 2>/dev/null | first_frame >> "$OUT/image-unlock"
  JAVA_TOOL_OPTIONS="${HEADLESS[*]}" "$IMAGE/bin/Stepwise" "${START_APP[@]}" 2>/dev/null | first_frame >> "$OUT/image-app"
  "${IMAGE_JAVA[@]}" -XX:AOTCache="$AOT_CACHE" org.stepwise.app.EmptyWindow 2>/dev/null | first_frame >> "$OUT/image-empty"
  # The store key's derivation alone, as the unlock does it, in a new JVM of the image's runtime.
  "$IMAGE/lib/runtime/bin/java" -cp "target/test-classes:$IMAGE_CP" org.stepwise.store.KeyDerivationBenchmark \
    "$DATA/store-2000" "$PASS" 2>/dev/null | field 'ms=' >> "$OUT/kdf"
done
for mode in "${MODES[@]}"; do
  log "$mode: $(paste -sd' ' "$OUT/$mode") ms"
done
JAR_UNLOCK=$(median < "$OUT/jar-unlock"); IMG_UNLOCK=$(median < "$OUT/image-unlock")
JAR_APP=$(median < "$OUT/jar-app"); JAR_EMPTY=$(median < "$OUT/jar-empty")
IMG_APP=$(median < "$OUT/image-app"); IMG_EMPTY=$(median < "$OUT/image-empty")
KDF=$(median < "$OUT/kdf")
IMG_BUDGET=$(awk -v e="$IMG_EMPTY" -v k="$KDF" 'BEGIN { print e + k + 400 }')
JAR_BUDGET=$(awk -v e="$JAR_EMPTY" -v k="$KDF" 'BEGIN { print e + k + 400 }')

echo "4. Caseload filter per keystroke..."
"${JAVA[@]}" -cp "$CP" org.stepwise.ui.caseload.CaseloadFilterBenchmark 2>/dev/null > "$OUT/filter.txt"
log "load $(load) filter:"; cat "$OUT/filter.txt" >> "$LOG"
FILTER=$(grep 'filter per keystroke, with the table' "$OUT/filter.txt" || true)
FILTER_P50=$(echo "$FILTER" | field 'p50 *'); FILTER_P95=$(echo "$FILTER" | field 'p95 *')

echo "3. Patient with 60 contacts opened and charted..."
CHART=$("${JAVA[@]}" -cp "$CP" org.stepwise.ui.patient.PatientChartBenchmark 2>/dev/null | grep 'patient chart' || true)
log "load $(load) $CHART"
CHART_MS=$(echo "$CHART" | field 'chart ms='); CHART_FIRST=$(echo "$CHART" | field 'first-ms=')
CHART_LOAD=$(echo "$CHART" | field 'load-ms='); CHART_DRAW=$(echo "$CHART" | field 'chart-ms=')
CHART_P90=$(echo "$CHART" | field 'p90-ms=')

echo "6. Export of 10,000 referrals, $RUNS runs of each kind, -Xmx256m..."
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
: > "$OUT/review-ms"; : > "$OUT/review-heap"; : > "$OUT/review-cores"
review() {
  java "-Xmx$1" -cp "$CP" org.stepwise.exchange.ReviewScaleBenchmark run "$DATA/review" 2>/dev/null | grep '^review' || true
}
for ((run = 1; run <= RUNS; run++)); do
  line=$(review 512m)
  log "load $(load) -Xmx512m $line"
  echo "$line" | grep -q 'out of memory' && break
  echo "$line" | field 'review ms=' >> "$OUT/review-ms"; echo "$line" | field 'peak-heap-mb=' >> "$OUT/review-heap"
  ratio "$(echo "$line" | field 'cpu-ms=')" "$(echo "$line" | field 'review ms=')" >> "$OUT/review-cores"; echo >> "$OUT/review-cores"
done
REVIEW_COUNTS=$(grep '^load .* review ms' "$LOG" | tail -1 | sed 's/.*(\(.*\))/\1/' || true)
REVIEW_MS=$(median < "$OUT/review-ms"); REVIEW_HEAP=$(sort -n "$OUT/review-heap" | tail -1)
REVIEW_CORES=$(grep -v '^$' "$OUT/review-cores" | median); REVIEW_READERS=$(grep '^load .* review ms' "$LOG" | tail -1 | field 'readers=')
REVIEW_NOTE=""
if grep -q 'review out of memory' "$LOG"; then
  # Not within 512 MB: one run with room, to show what it needs.
  line=$(review 4g)
  log "load $(load) -Xmx4g $line"
  REVIEW_COUNTS=$(echo "$line" | sed 's/.*(\(.*\))/\1/')
  REVIEW_NOTE="out of memory at -Xmx512m ($(grep 'review out of memory' "$LOG" | head -1 | field 'after-ms=') ms in); with -Xmx4g, one run: $(echo "$line" | field 'ms=') ms, peak heap $(echo "$line" | field 'peak-heap-mb=') MB"
fi

echo "7. Store size: a new demo store of 9,450 patients, closed, then backed up..."
SIZE="$OUT/size"; rm -rf "$SIZE"; mkdir -p "$SIZE"
log "load $(load) store size:"
DEMO_START=$(date +%s%N)
java "${OPTIONS[@]}" -jar target/stepwise.jar --data-dir "$SIZE/store" --passphrase-file "$PASS" \
  demo --patients 9450 --seed 2 >> "$LOG" 2>&1
DEMO_MS=$(( ($(date +%s%N) - DEMO_START) / 1000000 ))
STORE_MB=$(awk -v b="$(stat -c %s "$SIZE/store/caseload.mv.db")" 'BEGIN { printf "%.1f", b / 1000000 }')
CLOSE_BACKUP_MB=$(ls "$SIZE/store/backups/"*.zip 2>/dev/null | head -1 | xargs -r stat -c %s | awk '{ printf "%.1f", $1 / 1000000 }')
java "${OPTIONS[@]}" -jar target/stepwise.jar --data-dir "$SIZE/store" --passphrase-file "$PASS" \
  backup --out "$SIZE/backup.zip" >> "$LOG" 2>&1 || true
BACKUP_MB=$(awk -v b="$(stat -c %s "$SIZE/backup.zip" 2>/dev/null || echo 0)" 'BEGIN { printf "%.1f", b / 1000000 }')
log "demo and close ${DEMO_MS} ms; store file ${STORE_MB} MB; backup ${BACKUP_MB} MB; the demo's own closing backup ${CLOSE_BACKUP_MB:-none} MB"

echo "8. Resident memory after start, idle, $RUNS runs of the app image..."
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
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "" || v == "n/a") print "not measured"; else if (v + 0 <= t + 0) print "met"; else print "missed" }'; }
JAR_UNLOCK_RATIO=$(ratio "$JAR_UNLOCK" "$JAR_EMPTY"); IMG_UNLOCK_RATIO=$(ratio "$IMG_UNLOCK" "$IMG_EMPTY")
JSON_T=$(ratio "$JSON_MS" "$H2T_MS"); CSV_T=$(ratio "$CSV_MS" "$H2T_MS")
{
  echo "Machine: $CORES cores ($CPU), $MEMORY memory; $JDK; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$RUNS runs each; medians. $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "| # | target | figure | measured | |"
  echo "|---|---|---|---|---|"
  echo "| 1 | ≤ 1.3× the empty window | unlock screen's first frame, app image | $IMG_UNLOCK ms = ${IMG_UNLOCK_RATIO}× the empty window ($IMG_EMPTY ms) | $(verdict "$IMG_UNLOCK_RATIO" 1.3) |"
  echo "| 1 | ≤ 1.3× the empty window | the same, plain jar | $JAR_UNLOCK ms = ${JAR_UNLOCK_RATIO}× the empty window ($JAR_EMPTY ms) | $(verdict "$JAR_UNLOCK_RATIO" 1.3) |"
  echo "| 2 | ≤ empty window + key derivation + 400 ms | unlocked caseload drawn (2,000 referrals), app image | $IMG_APP ms against $IMG_BUDGET ms ($IMG_EMPTY + $KDF + 400); $(ratio "$IMG_APP" "$IMG_EMPTY")× the empty window | $(verdict "$IMG_APP" "$IMG_BUDGET") |"
  echo "| 2 | (the same rule, for comparison) | the same, plain jar | $JAR_APP ms against $JAR_BUDGET ms ($JAR_EMPTY + $KDF + 400) | $(verdict "$JAR_APP" "$JAR_BUDGET") |"
  echo "| 3 | ≤ 100 ms median, ≤ 150 ms p90 | patient with 60 contacts opened and charted | median $CHART_MS ms, p90 $CHART_P90 ms (load $CHART_LOAD ms, chart built and laid out $CHART_DRAW ms; first, cold: $CHART_FIRST ms) | median $(verdict "$CHART_MS" 100), p90 $(verdict "$CHART_P90" 150) |"
  echo "| 4 | p95 ≤ 8 ms idle, ≤ 16 ms beside one build | caseload filter per keystroke, 2,000 referrals, table laid out | p50 $FILTER_P50 ms, p95 $FILTER_P95 ms | ≤ 8: $(verdict "$FILTER_P95" 8); ≤ 16: $(verdict "$FILTER_P95" 16) |"
  if [[ -n "$REVIEW_NOTE" ]]; then
    echo "| 5 | ≤ 3 s, heap ≤ 512 MB, every core | review ($REVIEW_COUNTS) | $REVIEW_NOTE | missed |"
  else
    echo "| 5 | ≤ 3 s, heap ≤ 512 MB, every core | review ($REVIEW_COUNTS) | $REVIEW_MS ms; peak heap $REVIEW_HEAP MB; $REVIEW_READERS files read at once on $CORES cores, $REVIEW_CORES cores busy on average | time $(verdict "$REVIEW_MS" 3000), heap $(verdict "$REVIEW_HEAP" 512) |"
  fi
  echo "| 6 | ≤ 2× H2's dump of the bare tables; heap ≤ 256 MB | export ($EXPORT_COUNTS), outcome file | $JSON_MS ms = ${JSON_T}× H2 CSVWRITE of the three tables ($H2T_MS ms), $(ratio "$JSON_MS" "$H2_MS")× of the same rows joined ($H2_MS ms); peak heap $JSON_HEAP MiB | $(verdict "$JSON_T" 2), heap $(verdict "$JSON_HEAP" 256) |"
  echo "| 6 | the same | the same, CSV tables | $CSV_MS ms = ${CSV_T}× the bare tables, $(ratio "$CSV_MS" "$H2_MS")× the same rows joined; peak heap $CSV_HEAP MiB | $(verdict "$CSV_T" 2), heap $(verdict "$CSV_HEAP" 256) |"
  echo "| 7 | file ≤ 60 MB, backup ≤ 60 MB | store after demo --patients 9450 and a close; a backup of it | file $STORE_MB MB, backup $BACKUP_MB MB (demo, close and compaction $DEMO_MS ms; the demo's own closing backup, made before the compaction: ${CLOSE_BACKUP_MB:-none} MB) | file $(verdict "$STORE_MB" 60), backup $(verdict "$BACKUP_MB" 60) |"
  echo "| 8 | ≤ 250 MB | resident memory after start, idle (app image) | $RSS MB | $(verdict "$RSS" 250) |"
} | tee "$OUT/results.md"
