#!/usr/bin/env bash
# Feature-extraction benchmark, side by side with librosa in one run (docs/benchmarks.md).
#   environment/bench-features.sh [LIBROSA_CHROOT]
# 1. librosa 1.0 (extract_reference.py --time 7, median of warm runs) on test30.wav, if a chroot made by
#    environment/reference/librosa-chroot.sh is given (it is built there on first use; root, ~2 min);
# 2. JMH: FeatureBenchmark (musicoder tests): the full 324-dim extraction of the same clip ("extract") and
#    each block, one thread, SampleTime (p0.50 = median);
# 3. librosa again (A B A), so drift on a shared machine shows;
# 4. multi-file throughput of `bin/musicoder features` on the 94 demo clips (10 s Ogg each, decode included),
#    --threads 1 and --threads 2 alternated 3 times (wall-clock medians; one JVM start each).
# Results: target/bench/ (JMH json, librosa meta.json).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
[ -x /usr/bin/time ] || { echo "bench-features.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
chroot_dir=${1:-}
out="$root/target/bench"; rm -rf "$out"; mkdir -p "$out"
wav="$root/musicoder/src/test/resources/fixtures/audio/test30.wav"

librosa_run() {
  [ -n "$chroot_dir" ] || return 0
  # one thread, like the Java side
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 \
    "$root/environment/reference/librosa-chroot.sh" "$chroot_dir" "$wav" "$out/librosa-$1" --time 7 >/dev/null
  python3 - "$out/librosa-$1/meta.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["timing_s"]["warm_median"]
print("librosa run %s: total %.1f ms | " % (sys.argv[1].split("librosa-")[1].split("/")[0], 1e3 * t["total"]) +
      " ".join("%s %.1f" % (k, 1e3 * v) for k, v in t.items() if k != "total"))
PY
}

cd "$root"
mvn -q -B -ntp -Dstyle.color=never -pl musicoder test-compile dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test
cp="musicoder/target/test-classes:musicoder/target/classes:$(cat "$out/cp.txt")"
librosa_run A
java -cp "$cp" org.openjdk.jmh.Main \
  'org.musicoder.features.FeatureBenchmark|org.musicoder.bench.CqtBench' -f 1 -t 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/jmh.json" \
  -jvmArgs "-Xmx4g" > "$out/jmh.log"
librosa_run B
python3 - "$out/jmh.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1])):
    p = b["primaryMetric"]
    med = p.get("scorePercentiles", {}).get("50.0", p["score"])
    print("java %-45s median %.2f %s" % (b["benchmark"].split(".")[-1], med, p["scoreUnit"]))
PY

# 4. throughput, --threads 1 vs 2: the 94 demo clips, and the same clips five times over (470 links), where the
#    JVM's start and JIT (which already keep the second core ~60 % busy in a 4 s run) weigh less
clips="$out/demo-clips"
MUSICODER_CACHE="$out/cache" "$root/bin/musicoder" demo --features-only --threads 2 >/dev/null
rm -rf "$clips" "$out/clips5"; cp -r "$out/cache/demo-clips" "$clips"; mkdir "$out/clips5"
for k in 1 2 3 4 5; do for f in "$clips"/*.ogg; do ln -s "$f" "$out/clips5/r${k}_$(basename "$f")"; done; done
for set in demo-clips clips5; do
  for rep in 1 2 3; do
    for t in 1 2; do
      s=$(date +%s%N)
      /usr/bin/time -f "%U %S" -o "$out/cpu.txt" \
        "$root/bin/musicoder" features "$out/$set"/*.ogg --out "$out/feat-$t" --threads "$t" >/dev/null
      e=$(date +%s%N)
      echo "$set $t $(( (e - s) / 1000000 )) $(cat "$out/cpu.txt")" >> "$out/throughput.txt"
    done
  done
done
python3 - "$out/throughput.txt" "$out" <<'PY'
import os, statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for name in ("demo-clips", "clips5"):
    n = len(os.listdir(os.path.join(sys.argv[2], name)))
    for t in ("1", "2"):
        sel = [r for r in rows if r[0] == name and r[1] == t]
        m = statistics.median(float(r[2]) / 1e3 for r in sel)
        cpu = statistics.median(float(r[3]) + float(r[4]) for r in sel)
        print("bin/musicoder features, %d clips x 10 s, --threads %s: median %.2f s (%.1f clips/s), CPU %.1f s"
              % (n, t, m, n / m, cpu))
PY
