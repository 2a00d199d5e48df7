#!/usr/bin/env bash
# Corpus-scale feature extraction, side by side with librosa 1.0 on the same files in one run (docs/benchmarks.md).
#   environment/bench-corpus.sh LIBROSA_CHROOT [--clips N] [--reps R] [--formats "mp3 ogg flac wav"] [--workers "1 2"]
#                               [--rss N] [--scaling K]
# 1. The corpus (once, kept in LIBROSA_CHROOT/bench/clips): N clips (default 100) of 30 s, 44.1 kHz stereo, cut
#    from the debian-music tracks (fetched with `bin/musicoder corpus fetch debian-music` if missing) by the
#    chroot's ffmpeg and encoded as MP3 (LAME VBR -V2, as FMA's), Ogg Vorbis (q5), FLAC and WAV (PCM16).
# 2. Per format and worker count, R times alternating the sides (A B A B ...), each a whole process timed by
#    /usr/bin/time: librosa (environment/reference/bench_librosa.py: librosa.load + one shared STFT + CMVN +
#    np.save; --workers W, multiprocessing) and `bin/musicoder features --threads W` (one JVM, .npy out).
# 3. Medians of wall time, clips/s, CPU time; ratios ours/librosa and ours 2 threads/1; load averages; features of
#    both sides compared on a few clips. Results: target/bench-corpus/{runs.tsv,results.md}.
# 4. Decoding alone, 20 clips per format: ffmpeg's own -benchmark time (one thread, mono f32 to /dev/null, median per
#    clip) against ours in a warm JVM (org.musicoder.bench.DecodeCorpus, median per clip). Results: decode.md.
# --scaling K: instead of 2-4, ours alone with 1 and 2 threads over K x N clips per format (each clip K times,
#    through symlinks), alternating, so JVM start and JIT weigh less than in 100 clips (scaling.md).
# --rss N: instead of 2-4, `features --threads 2` over N clips (the WAV clips repeated through symlinks), its
#    resident memory sampled every second; prints it at 10 %, 50 % and 100 % of the run (rss.md).
# Run on a quiet machine (no builds, no helpers): the table quotes the load average before and after.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
[ $# -ge 1 ] || { sed -n 2,3p "$0" >&2; exit 2; }
chroot_dir=$(readlink -f "$1"); shift
clips=100 reps=3 formats="mp3 ogg flac wav" workers="1 2" rss= scaling=
while [ $# -gt 0 ]; do
  case $1 in
    --clips) clips=$2; shift 2;; --reps) reps=$2; shift 2;;
    --formats) formats=$2; shift 2;; --workers) workers=$2; shift 2;; --rss) rss=$2; shift 2;; --scaling) scaling=$2; shift 2;;
    *) echo "bench-corpus.sh: unknown option $1" >&2; exit 2;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "bench-corpus.sh: needs root (chroot)" >&2; exit 1; }
require_packages time:time
out="$root/target/bench-corpus"; mkdir -p "$out"; : > "$out/agree.txt"
bench="$chroot_dir/bench"; mkdir -p "$bench"

# 0. the chroot with librosa (built on first use, ~2 min)
if ! chroot "$chroot_dir" python3 -c 'import librosa' 2>/dev/null; then
  "$root/environment/reference/librosa-chroot.sh" "$chroot_dir" "$root/musicoder/src/test/resources/fixtures/audio/test30.wav" "$out/ref-check" >/dev/null
fi
cp "$root/environment/reference/bench_librosa.py" "$bench/"
# multiprocessing needs /proc and a writable /dev/shm in the chroot
mounted=()
for m in proc dev/shm; do
  mkdir -p "$chroot_dir/$m"
  mountpoint -q "$chroot_dir/$m" || { mount --bind "/$m" "$chroot_dir/$m"; mounted+=("$chroot_dir/$m"); }
done
trap 'for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done' EXIT
"$root/bin/musicoder" --help >/dev/null  # builds once, outside the timings

# 1. the corpus
clip_dir="$bench/clips"
if [ "$(ls "$clip_dir/wav" 2>/dev/null | wc -l)" -lt "$clips" ]; then
  corpus=${MUSICODER_CACHE:-$HOME/.cache/musicoder}/corpora/debian-music
  [ -f "$corpus/tracks.csv" ] || "$root/bin/musicoder" corpus fetch debian-music
  rm -rf "$bench/src" "$clip_dir"; mkdir -p "$bench/src" "$clip_dir"/{wav,mp3,ogg,flac}
  find "$corpus/tracks" -type f | sort > "$bench/tracks.txt"
  i=0; while read -r t; do cp "$t" "$bench/src/$(printf %03d $i).${t##*.}"; i=$((i + 1)); done < "$bench/tracks.txt"
  chroot "$chroot_dir" bash -c '
    set -e; cd /bench; k=0; pass=0
    while [ $k -lt '"$clips"' ] && [ $pass -lt 20 ]; do
      for s in src/*; do
        [ $k -lt '"$clips"' ] || break
        d=$(ffprobe -v quiet -show_entries format=duration -of csv=p=0 "$s") || continue  # some tracks ffmpeg 9 refuses
        start=$((15 + 30 * pass))
        awk -v d="$d" -v s="$start" "BEGIN { exit !(d >= s + 30) }" || continue
        n=$(printf clip%03d $k)
        ffmpeg -v quiet -ss $start -t 30 -i "$s" -ac 2 -ar 44100 -c:a pcm_s16le -y clips/wav/$n.wav || continue
        ffmpeg -v error -i clips/wav/$n.wav -c:a libmp3lame -q:a 2 -y clips/mp3/$n.mp3
        ffmpeg -v error -i clips/wav/$n.wav -c:a libvorbis -q:a 5 -y clips/ogg/$n.ogg
        ffmpeg -v error -i clips/wav/$n.wav -c:a flac -y clips/flac/$n.flac
        k=$((k + 1))
      done
      pass=$((pass + 1))
    done
    echo "corpus: $k clips of 30 s in /bench/clips/{wav,mp3,ogg,flac}"'
  rm -rf "$bench/src"
fi
for f in $formats; do
  n=$(ls "$clip_dir/$f" | wc -l)
  [ "$n" -ge "$clips" ] || { echo "bench-corpus.sh: only $n $f clips in $clip_dir/$f" >&2; exit 1; }
done
echo "corpus: $(du -sh "$clip_dir" | cut -f1) in $clip_dir; $(ls "$clip_dir/wav" | head -n "$clips" | wc -l) clips per format"

load() { cut -d' ' -f1-3 /proc/loadavg; }

# --rss: memory over a long run
if [ -n "$rss" ]; then
  many="$bench/many"; rm -rf "$many" "$bench/out-rss"; mkdir -p "$many"
  mapfile -t wavs < <(ls "$clip_dir/wav"/*.wav | head -n "$clips")
  python3 -c 'import os, sys
wavs, many, n = sys.argv[3:], sys.argv[1], int(sys.argv[2])
for i in range(n): os.symlink(wavs[i % len(wavs)], os.path.join(many, "c%06d.wav" % i))' "$many" "$rss" "${wavs[@]}"
  echo "rss run: $rss clips, --threads 2, load before: $(load)"
  "$root/bin/musicoder" features "$many"/*.wav --out "$bench/out-rss" --threads 2 > "$out/rss-run.log" 2>&1 &
  pid=$!; : > "$out/rss.tsv"; t=0
  while kill -0 "$pid" 2>/dev/null; do
    kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)  # bin/musicoder execs java
    done_n=$( (ls "$bench/out-rss" 2>/dev/null || true) | wc -l)
    [ -n "$kb" ] && printf '%s	%s	%s
' "$t" "$done_n" "$kb" >> "$out/rss.tsv"
    sleep 1; t=$((t + 1))
  done
  wait "$pid" || { tail "$out/rss-run.log" >&2; exit 1; }
  python3 - "$out/rss.tsv" "$rss" <<'PY' | tee "$out/rss.md"
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
n = int(sys.argv[2])
print("features --threads 2 over %d clips of 30 s (WAV), %d s; resident memory of the JVM:" % (n, rows[-1][0]))
for frac in (0.1, 0.5, 1.0):
    t, done, kb = next(r for r in rows if r[1] >= frac * n * 0.999) if any(r[1] >= frac * n * 0.999 for r in rows) else rows[-1]
    print("- after %d clips (%d s): %.0f MB" % (done, t, kb / 1024))
print("- peak: %.0f MB" % (max(r[2] for r in rows) / 1024))
PY
  rm -rf "$many" "$bench/out-rss"
  exit 0
fi

# --scaling: ours, 1 against 2 threads, on a longer run
if [ -n "$scaling" ]; then
  : > "$out/scaling.tsv"
  for f in $formats; do
    rep_dir="$bench/rep-$f"; rm -rf "$rep_dir"; mkdir -p "$rep_dir"
    mapfile -t src < <(ls "$clip_dir/$f"/* | head -n "$clips")
    python3 -c 'import os, sys
d, k, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for r in range(k):
    for f in files: os.symlink(f, os.path.join(d, "r%d_%s" % (r, os.path.basename(f))))' "$rep_dir" "$scaling" "${src[@]}"
    for rep in $(seq "$reps"); do
      for w in 1 2; do
        rm -rf "$bench/out-ours"; s=$(date +%s%N)
        /usr/bin/time -f "%U %S" -o "$out/time.txt" "$root/bin/musicoder" features "$rep_dir"/* --out "$bench/out-ours" \
          --threads "$w" > /dev/null 2>&1
        e=$(date +%s%N)
        printf '%s\t%s\t%s\t%s\n' "$f" "$w" "$(awk -v a="$s" -v b="$e" 'BEGIN { print (b - a) / 1e9 }')" \
          "$(awk '{print $1 + $2}' "$out/time.txt")" | tee -a "$out/scaling.tsv"
      done
    done
    rm -rf "$rep_dir"
  done
  python3 - "$out/scaling.tsv" "$((scaling * clips))" "$(load)" <<'PY' | tee "$out/scaling.md"
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
print("ours, %d clips of 30 s per format, medians of alternating runs; load after: %s" % (n, sys.argv[3]))
print()
print("| format | 1 thread s | 2 threads s | 2 threads vs 1 | CPU s 1 / 2 |")
print("|---|---|---|---|---|")
for f in dict.fromkeys(r[0] for r in rows):
    w1 = statistics.median(float(r[2]) for r in rows if r[0] == f and r[1] == "1")
    w2 = statistics.median(float(r[2]) for r in rows if r[0] == f and r[1] == "2")
    c1 = statistics.median(float(r[3]) for r in rows if r[0] == f and r[1] == "1")
    c2 = statistics.median(float(r[3]) for r in rows if r[0] == f and r[1] == "2")
    print("| %s | %.2f | %.2f | %.2fx | %.1f / %.1f |" % (f, w1, w2, w1 / w2, c1, c2))
PY
  exit 0
fi

# 2. the runs
runs="$out/runs.tsv"; : > "$runs"
echo "load before: $(load)" | tee "$out/load.txt"
timed() {  # side format workers rep command...
  local side=$1 fmt=$2 w=$3 rep=$4; shift 4
  local s e; s=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$out/time.txt" "$@" >"$out/last.log" 2>&1 ||
    { cat "$out/last.log" >&2; echo "bench-corpus.sh: $side $fmt failed" >&2; exit 1; }
  e=$(date +%s%N)
  printf '%s\t%s\t%s\t%s\t%.3f\t%s\n' "$side" "$fmt" "$w" "$rep" "$(awk -v a="$s" -v b="$e" 'BEGIN { print (b - a) / 1e9 }')" \
    "$(tr ' ' '\t' < "$out/time.txt")" | tee -a "$runs"
}
for f in $formats; do
  mapfile -t files < <(ls "$clip_dir/$f"/* | head -n "$clips")
  rel=("${files[@]#"$chroot_dir"}")
  for w in $workers; do
    for rep in $(seq "$reps"); do
      rm -rf "$bench/out-librosa" "$bench/out-ours"
      timed librosa "$f" "$w" "$rep" chroot "$chroot_dir" env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
        MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 python3 /bench/bench_librosa.py --workers "$w" --out /bench/out-librosa "${rel[@]}"
      timed ours "$f" "$w" "$rep" "$root/bin/musicoder" features "${files[@]}" --out "$bench/out-ours" --threads "$w"
    done
  done
  # both sides computed the same features (CMVN'd, so differences are in units of each column's std)
  chroot "$chroot_dir" python3 - /bench/out-librosa /bench/out-ours "$f" <<'PY' | tee -a "$out/agree.txt"
import os, sys
import numpy as np
a, b, fmt = sys.argv[1:]
names = sorted(os.listdir(a))[:10]
worst = [float(np.max(np.abs(np.load(os.path.join(a, n))[:, :] - np.load(os.path.join(b, n))))) for n in names]
med = [float(np.median(np.abs(np.load(os.path.join(a, n)) - np.load(os.path.join(b, n))))) for n in names]
print("%s: ours vs librosa on %d clips: median |diff| %.2e, worst clip max |diff| %.2e (CMVN units)"
      % (fmt, len(names), np.median(med), max(worst)))
PY
done
echo "load after: $(load)" | tee -a "$out/load.txt"

# 3. the table
python3 - "$runs" "$clips" "$out/load.txt" <<'PY' | tee "$out/results.md"
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
n = int(sys.argv[2])
med = {}
for side, fmt, w, rep, wall, user, sys_, rss in rows:
    med.setdefault((side, fmt, w), []).append((float(wall), float(user) + float(sys_), int(rss)))
print("%d clips x 30 s per format; medians of %d alternating runs; whole processes (imports, JVM start)."
      % (n, len(next(iter(med.values())))))
print(open(sys.argv[3]).read().strip().replace("\n", "; "))
print()
print("| format | workers | librosa s | ours s | librosa clips/s | ours clips/s | ours / librosa | "
      "CPU s librosa / ours | ours vs 1 thread |")
print("|---|---|---|---|---|---|---|---|---|")
for (side, fmt, w) in sorted(k for k in med if k[0] == "ours"):
    lw = statistics.median(r[0] for r in med[("librosa", fmt, w)])
    ow = statistics.median(r[0] for r in med[("ours", fmt, w)])
    lc = statistics.median(r[1] for r in med[("librosa", fmt, w)])
    oc = statistics.median(r[1] for r in med[("ours", fmt, w)])
    one = med.get(("ours", fmt, "1"))
    scale = "%.2fx" % (statistics.median(r[0] for r in one) / ow) if one and w != "1" else "-"
    print("| %s | %s | %.2f | %.2f | %.1f | %.1f | %.2fx | %.1f / %.1f | %s |"
          % (fmt, w, lw, ow, n / lw, n / ow, lw / ow, lc, oc, scale))
PY

# 4. decoding alone
(cd "$root" && mvn -q -B -ntp -Dstyle.color=never -pl musicoder test-compile dependency:build-classpath \
  -Dmdep.outputFile="$out/cp.txt" -Dmdep.includeScope=test)
cp="$root/musicoder/target/test-classes:$root/musicoder/target/classes:$(cat "$out/cp.txt")"
{
  echo "Decoding alone, 20 clips of 30 s per format, one thread, median per clip (load before: $(load))"
  echo
  echo "| format | ffmpeg (-benchmark rtime) | ours (warm JVM) | ours / ffmpeg |"
  echo "|---|---|---|---|"
  for f in $formats; do
    mapfile -t files < <(ls "$clip_dir/$f"/* | head -n 20)
    ff=$(for x in "${files[@]}"; do
      chroot "$chroot_dir" ffmpeg -benchmark -threads 1 -i "${x#"$chroot_dir"}" -ac 1 -f f32le -y /dev/null 2>&1 |
        sed -n 's/.*rtime=\([0-9.]*\)s.*/\1/p'
    done | sort -g | awk '{a[NR] = $1} END {print 1000 * a[int((NR + 1) / 2)]}')
    ours=$(java -Xmx4g -cp "$cp" org.musicoder.bench.DecodeCorpus 2 "${files[@]}" | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')
    echo "| $f | $ff ms | $ours ms | $(awk -v a="$ours" -v b="$ff" 'BEGIN { printf "%.2fx", a / b }') |"
  done
  echo "load after: $(load)"
} | tee "$out/decode.md"
