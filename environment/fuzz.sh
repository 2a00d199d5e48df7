#!/usr/bin/env bash
# Bounded coverage-guided fuzzing of the file readers (docs/fuzzing.md): every Jazzer @FuzzTest target in fuzzing
# mode (JAZZER_FUZZ=1), one Maven run per target, SECONDS of fuzzing each (default 15, or FUZZ_SECONDS), with a
# 1 GB heap, 10 s per input (the targets' @Timeout, which Jazzer applies per input; JUnit's own timeout is off
# as it would time the whole fuzzing run) and a 3 GB RSS limit. A finding (a crash, an unexpected exception, a
# timeout, an out-of-memory) fails the run.
#   environment/fuzz.sh [SECONDS [TARGET...]]     TARGET: MODULE:CLASS#METHOD, e.g. musicoder:NpyFuzzTest#read
# FUZZ_RUNS=N runs N inputs per target instead of SECONDS (with the fixed FUZZ_SEED, default 1, the same inputs on
# every machine: what CI runs, so that a finding there is one a developer's run of the same command reproduces).
# The committed seeds (src/test/resources/.../<Class>Inputs/<method>/) are read, never written: the working
# corpus and any finding go to target/fuzz/<target>/ (finding files are named crash-*, timeout-*, oom-*), one
# log per target beside them, and target/fuzz/summary.txt gets one line per target (runs, seconds, coverage).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
seconds=${1:-${FUZZ_SECONDS:-15}}
seed=${FUZZ_SEED:-1}
runs=${FUZZ_RUNS:--1}                                      # libFuzzer's -runs: -1 for no limit
[ "$runs" = -1 ] && limit=$seconds || limit=0                # -max_total_time: 0 for none (not even maxDuration)
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for m in sniff span wav au aiff flac ogg m4a mp3; do targets+=("musicoder:DecoderFuzzTest#$m"); done
  targets+=(musicoder:NpyFuzzTest#read musicoder:SafeTensorsFuzzTest#read musicoder:CheckpointFuzzTest#load
    datasets:LabelFilesFuzzTest#mtgJamendo datasets:LabelFilesFuzzTest#fma datasets:LabelFilesFuzzTest#gtzanLists
    datasets:LabelFilesFuzzTest#debianTracks datasets:LabelFilesFuzzTest#dep5)
fi
out="$root/target/fuzz"
mkdir -p "$out"
summary="$out/summary.txt"
: >"$summary"
cd "$root"
# the modules' classes, once (the fuzz runs then only run tests)
mvn -q -B -ntp -Dstyle.color=never test-compile -pl musicoder,datasets -am
failed=()
for t in "${targets[@]}"; do
  module=${t%%:*}; test=${t#*:}; name=${test//#/.}
  work="$out/$name"
  rm -rf "$work"; mkdir -p "$work"
  extra=()
  [ "$module" = musicoder ] || extra=(-am)
  echo "fuzz: $test ($module, $([ "$runs" = -1 ] && echo "$seconds s" || echo "$runs runs"), seed $seed)"
  start=$(date +%s)
  status=0
  JAZZER_FUZZ=1 mvn -B -ntp -Dstyle.color=never test -pl "$module" "${extra[@]}" -Dtest="$test" \
    -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.heap=1g -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djazzer.internal.basedir="$work" \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$limit" -Djazzer.internal.arg.2="-runs=$runs" \
    -Djazzer.internal.arg.3="-seed=$seed" -Djazzer.internal.arg.4=-rss_limit_mb=3072 \
    -Djazzer.internal.arg.5=-print_final_stats=1 \
    >"$work.log" 2>&1 || status=$?
  took=$(( $(date +%s) - start ))
  ran=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$work.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$work.log" | tail -1 || true)
  line="$test: ${ran:-no fuzzing stats}, ${cov:-no coverage line}, ${took} s with Maven"
  if [ $status -ne 0 ]; then
    failed+=("$test")
    line="$line, FAILED (log: $work.log)"
    grep -E 'FuzzTestFinding|== Java Exception|ERROR: libFuzzer|Test unit written' "$work.log" | head -8 >&2 || true
  fi
  echo "$line" | tee -a "$summary"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} of ${#targets[@]} targets failed: ${failed[*]} (inputs in $out/*/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, no finding"
