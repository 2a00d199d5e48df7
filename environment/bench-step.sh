#!/usr/bin/env bash
# Training-step benchmark, DJL against the PyTorch twin in one run (docs/benchmarks.md). No assertions.
#   environment/bench-step.sh [WARMUP STEPS BLOCK]      (default 5 30 5)
# 1. StepBenchmark (musicoder tests), once per thread count 1 and 2: the model step Pretrainer.step(NDList)
#    against src/test/python/stepbench.py (twin.py's model, Huber on the masked cells, torch.optim.Adam), both on
#    the same CFM-masked batch drawn once (no drawing of crops or masks is timed), for tiny (64, 2 layers,
#    4 heads, batch 8, 200 frames), small (256, 4, 4, 8, 400) and base (768, 4, 12, 2, 400): WARMUP steps each,
#    then STEPS timed steps each in blocks of BLOCK, torch and DJL alternating; medians, DJL/torch, GFLOP/s;
#    first a 1024^3 float32 matmul on both sides.
# 2. RssBenchmark: DJL VmRSS every 100 steps over 2,000 steps of tiny (batch 8, 200 frames, 2 threads).
# Settings: torch: OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = torch.set_num_threads = T, interop 1; DJL:
# -Dai.djl.pytorch.num_threads=T (Engines.pytorch(T)), interop 1, OMP_NUM_THREADS=T; OMP_WAIT_POLICY=PASSIVE for
# both; OPENBLAS_CORETYPE (below). Torch should use OpenBLAS (libopenblas0-pthread, installed here when run as root); the run prints the
# BLAS torch has loaded. Output: target/bench-step/ (step-T.txt, rss.txt).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
require_python_torch
[ -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ] || musicoder_apt_install libopenblas0-pthread ||
  echo "bench-step: without OpenBLAS Debian's torch uses the reference BLAS (slow)" >&2
# OpenBLAS 0.3.21 (Debian 12) does not know newer CPU models and falls back to its SSE3 "Prescott" kernels
# (measured here on a Xeon model 207 VM: 1024^3 GEMM 15 GFLOP/s instead of 61); pick the kernels by the CPU's
# flags unless OPENBLAS_CORETYPE is given. The run prints the core OpenBLAS uses.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  if grep -qw avx512f /proc/cpuinfo; then export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo; then export OPENBLAS_CORETYPE=Haswell; fi
fi
warmup=${1:-5}; steps=${2:-30}; block=${3:-5}
out="$root/target/bench-step"; rm -rf "$out"; mkdir -p "$out"
cd "$root"
mvn -q -B -ntp -Dstyle.color=never -pl musicoder test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
cp="musicoder/target/test-classes:musicoder/target/classes:$(cat "$out/cp.txt")"
export OMP_WAIT_POLICY=PASSIVE
for t in 1 2; do
  OMP_NUM_THREADS=$t java -Xmx2g -cp "$cp" -Dai.djl.pytorch.num_threads=$t org.musicoder.bench.StepBenchmark \
    "$t" "$warmup" "$steps" "$block" musicoder/src/test/python \
    tiny:64:2:4:8:200 small:256:4:4:8:400 base:768:4:12:2:400 2> "$out/step-$t.log" | tee "$out/step-$t.txt"
done
OMP_NUM_THREADS=2 java -Xmx2g -cp "$cp" -Dai.djl.pytorch.num_threads=2 org.musicoder.bench.RssBenchmark 2 2000 100 200 200 \
  2> "$out/rss.log" | tee "$out/rss.txt"
