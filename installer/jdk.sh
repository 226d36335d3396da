# Sourced by build.sh and bench.sh: the project root as ROOT (and the working folder), and a JDK 25
# as JAVA_HOME, first on PATH (JAVA_HOME if it has jpackage, else the Temurin 25 of these machines).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/jpackage" ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "Stepwise's installer and benchmarks need JDK 25 (with jlink and jpackage): set JAVA_HOME to a JDK 25." >&2
  exit 1
fi
