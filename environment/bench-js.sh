#!/usr/bin/env bash
# JS cell benchmark (docs/benchmarks.md, "JavaScript cells"). No assertions.
#   environment/bench-js.sh [STARTUP_ROUNDS LOOP_ROUNDS REPS]      (default 5 2 30)
# Runs kernel's JsBench (kernel/src/test/java/org/musicoder/kernel/js/JsBench.java) in fresh JVMs, alternating
#   jdk17      the default java (JDK 17): Truffle's fallback runtime, JS interpreted
#   jdk25      $JVMCI_JAVA without JVMCI: interpreted too (separates the JDK from the runtime)
#   jdk25-opt  $JVMCI_JAVA -XX:+EnableJVMCI with the Graal compiler jar (kernel/target/jvmci) on the upgrade module
#              path: Truffle's optimizing runtime
# STARTUP_ROUNDS times "startup" (first cell of a fresh JVM, later cell), then LOOP_ROUNDS times "loops REPS"
# (normalising a 1292 x 324 matrix by JS over float[][], by JS over a Float32Array, in Java). Prints the median over
# rounds of each number per configuration; raw output in target/bench-js/.
# JVMCI_JAVA defaults to /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; without it only jdk17 runs.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
startup_rounds=${1:-5}; loop_rounds=${2:-2}; reps=${3:-30}
jvmci_java=${JVMCI_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
out="$root/target/bench-js"; rm -rf "$out"; mkdir -p "$out"
cd "$root"
mvn -q -B -ntp -Dstyle.color=never -pl kernel -am package -DskipTests
cp="kernel/target/test-classes:kernel/target/classes:kernel/target/lib/*"
configs=(jdk17)
if [ -x "$jvmci_java" ]; then configs+=(jdk25 jdk25-opt); else echo "bench-js: no $jvmci_java; only jdk17" >&2; fi

run() {  # CONFIG ARGS...
  local config=$1; shift
  case $config in
    jdk17) java -Xmx2g -cp "$cp" org.musicoder.kernel.js.JsBench "$@" ;;
    jdk25) "$jvmci_java" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$cp" org.musicoder.kernel.js.JsBench "$@" ;;
    jdk25-opt) "$jvmci_java" -Xmx2g -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI \
        --upgrade-module-path=kernel/target/jvmci --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
        -cp "$cp" org.musicoder.kernel.js.JsBench "$@" ;;
  esac
}

for r in $(seq "$startup_rounds"); do
  for c in "${configs[@]}"; do run "$c" startup > "$out/startup-$c-$r.txt" 2> "$out/startup-$c-$r.log"; done
done
for r in $(seq "$loop_rounds"); do
  for c in "${configs[@]}"; do run "$c" loops "$reps" > "$out/loops-$c-$r.txt" 2> "$out/loops-$c-$r.log"; done
done

median() { sort -g | awk '{ a[NR] = $1 } END { printf "%.3f (%d runs)", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, NR }'; }
for c in "${configs[@]}"; do
  echo "== $c (mode $(awk -F'\t' '$1=="mode"{print $2; exit}' "$out/startup-$c-1.txt"))"
  for k in $(cat "$out"/*-"$c"-[0-9]*.txt | awk -F'\t' '$1 != "mode" && $1 !~ /_runs_ms$/ {print $1}' | sort -u); do
    printf '  %-42s %s\n' "$k" "$(cat "$out"/*-"$c"-[0-9]*.txt | awk -F'\t' -v k="$k" '$1 == k {print $2}' | median)"
  done
done | tee "$out/summary.txt"
