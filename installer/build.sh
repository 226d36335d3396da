#!/usr/bin/env bash
# Builds Stepwise's installable forms on Linux, from the Maven build:
#   target/installer/image/Stepwise/    the app image: bin/Stepwise, its own Java runtime (jlink) with
#                                       JavaFX linked in, and an AOT cache of the app's classes
#   target/installer/stepwise_<v>_amd64.deb   the Debian package of that image (unless --image-only)
#
#   installer/build.sh [--image-only] [--skip-build] [--no-aot]
#
# Needs JDK 25 (JAVA_HOME, or the Temurin 25 path below) for jlink and jpackage, and Maven. The .deb
# needs fakeroot and dpkg-deb: when either is missing the script installs the Debian package that
# holds it with apt-get (and says so). Windows and macOS: see installer/README.md.
set -euo pipefail

IMAGE_ONLY=0; SKIP_BUILD=0; AOT=1
for arg in "$@"; do
  case "$arg" in
    --image-only) IMAGE_ONLY=1 ;;
    --skip-build) SKIP_BUILD=1 ;;
    --no-aot) AOT=0 ;;
    *) echo "usage: installer/build.sh [--image-only] [--skip-build] [--no-aot]" >&2; exit 2 ;;
  esac
done

source "$(dirname "$0")/jdk.sh"

VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)"
OUT="$ROOT/target/installer"
# The JDK's modules the app uses (java.desktop: ImageIO for pictures; java.sql and java.naming: H2;
# java.management: the start-up measure; jdk.zipfs, jdk.localedata, jdk.charsets: files and dates),
# and JavaFX's modules from the openjfx jars with the linux classifier.
JDK_MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.scripting,jdk.unsupported,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki
FX_MODULES=javafx.base,javafx.graphics,javafx.controls,javafx.swing
# Options every start of the app gets (the launcher's java-options): JavaFX's native code allowed,
# jOOQ's banner off, and the heap given back once the app sits idle: a collection every 2 s of idleness,
# and a heap kept at most 20% free, so that G1 returns what the unlock and the caseload's first read used
# (idle resident memory on a 2,000-referral store: 420-495 MB without these, 292-316 MB with them).
JAVA_OPTIONS=(--enable-native-access=javafx.graphics,ALL-UNNAMED -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true
  -XX:G1PeriodicGCInterval=2000 -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10)

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

if [[ $SKIP_BUILD == 0 ]]; then
  step "Maven package"
  mvn -q -DskipTests package
fi
[[ -f target/stepwise.jar ]] || { echo "target/stepwise.jar is missing: run without --skip-build." >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/input/lib"

step "Input: the app jar and its libraries, JavaFX apart (it goes into the runtime)"
cp target/stepwise.jar "$OUT/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$OUT/input/lib/" ;; esac
done
FX_JARS="$(ls target/lib/javafx-*-linux.jar | tr '\n' :)"

step "jlink: a runtime with the JDK's modules, JavaFX and the JDK's class-data-sharing archive"
jlink --module-path "$FX_JARS" --add-modules "$JDK_MODULES,$FX_MODULES" \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$OUT/runtime"
# jlink takes classes and resources from modular jars but not their native libraries: JavaFX would
# unpack them into the user's home at first start. Put them in the runtime's lib/, where it looks first.
unzip -q -j -o target/lib/javafx-graphics-*-linux.jar '*.so' -d "$OUT/runtime/lib"

step "jpackage: the app image"
jpackage --type app-image --dest "$OUT/image" --name Stepwise --app-version "$VERSION" \
  --input "$OUT/input" --main-jar stepwise.jar --main-class org.stepwise.app.Main \
  --runtime-image "$OUT/runtime" \
  --description "Caseload manager for NHS Talking Therapies practitioners" --vendor Stepwise \
  $(printf -- '--java-options %s ' "${JAVA_OPTIONS[@]}")
APP="$OUT/image/Stepwise"
CFG="$APP/lib/app/Stepwise.cfg"

if [[ $AOT == 1 ]]; then
  step "AOT cache: a training run of the image over a small demo store, headless"
  TRAIN="$(mktemp -d)"
  trap 'rm -rf "$TRAIN"' EXIT
  printf 'training-passphrase-%s\n' "$RANDOM$RANDOM" > "$TRAIN/pass"
  "$APP/bin/Stepwise" --data-dir "$TRAIN/data" --passphrase-file "$TRAIN/pass" demo --patients 300 --seed 1 >/dev/null
  # The JVM reads JAVA_TOOL_OPTIONS whatever starts it, so the launcher runs as installed.
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$APP/lib/app/stepwise.aot -Xlog:aot=error -Dglass.platform=Headless -Dprism.order=sw" \
    "$APP/bin/Stepwise" --data-dir "$TRAIN/data" --passphrase-file "$TRAIN/pass" --exit-when-shown 2>&1 \
    | grep -v 'Picked up JAVA_TOOL_OPTIONS' || true
  [[ -s "$APP/lib/app/stepwise.aot" ]] || { echo "The AOT cache was not written." >&2; exit 1; }
  # Every start uses it; a JVM that cannot use it (another CPU, a changed jar) starts without it.
  sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/stepwise.aot|' "$CFG"
fi

step "Check: the image starts with nothing on PATH and no JAVA_HOME"
env -i HOME="$HOME" PATH=/nonexistent "$APP/bin/Stepwise" --version

if [[ $IMAGE_ONLY == 0 ]]; then
  step "jpackage: the Debian package"
  for tool in fakeroot dpkg-deb; do
    if ! command -v "$tool" >/dev/null; then
      package=$([[ $tool == fakeroot ]] && echo fakeroot || echo dpkg)
      echo "$tool is missing: installing the Debian package $package with apt-get."
      apt-get update -q && apt-get install -y -q "$package"
    fi
  done
  jpackage --type deb --dest "$OUT" --app-image "$APP" --name Stepwise --app-version "$VERSION" \
    --linux-package-name stepwise --linux-package-deps libgtk-3-0 --linux-shortcut \
    --linux-menu-group Office --linux-app-category misc \
    --description "Caseload manager for NHS Talking Therapies practitioners" --vendor Stepwise
fi

step "Done"
du -sh "$APP"
ls -la "$OUT"/*.deb 2>/dev/null || true
