#!/usr/bin/env bash
# Corpus-scale feature extraction, side by side with librosa 1.0 on the same files in one run (docs: README "Speed").
#   environment/bench-corpus.sh LIBROSA_CHROOT [--clips N] [--reps R] [--formats "mp3 ogg flac wav"] [--workers "1 2"]
# 1. The corpus (once, kept in LIBROSA_CHROOT/bench/clips): N clips (default 100) of 30 s, 44.1 kHz stereo, cut
#    from the debian-music tracks (fetched with `bin/musicoder corpus fetch debian-music` if missing) by the
#    chroot's ffmpeg and encoded as MP3 (LAME VBR -V2, as FMA's), Ogg Vorbis (q5), FLAC and WAV (PCM16).
# 2. Per format and worker count, R times alternating the sides (A B A B ...), each a whole process timed by
#    /usr/bin/time: librosa (environment/reference/bench_librosa.py: librosa.load + one shared STFT + CMVN +
#    np.save; --workers W, multiprocessing) and `bin/musicoder features --threads W` (one JVM, .npy out).
# 3. Medians of wall time, clips/s, CPU time; ratios ours/librosa and ours 2 threads/1; load averages; features of
#    both sides compared on a few clips. Results: target/bench-corpus/{runs.tsv,results.md}.
# Run on a quiet machine (no builds, no helpers): the table quotes the load average before and after.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/environment/require.sh"
require_java_maven
[ $# -ge 1 ] || { sed -n 2,3p "$0" >&2; exit 2; }
chroot_dir=$(readlink -f "$1"); shift
clips=100 reps=3 formats="mp3 ogg flac wav" workers="1 2"
while [ $# -gt 0 ]; do
  case $1 in
    --clips) clips=$2; shift 2;; --reps) reps=$2; shift 2;;
    --formats) formats=$2; shift 2;; --workers) workers=$2; shift 2;;
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

# 2. the runs
runs="$out/runs.tsv"; : > "$runs"
load() { cut -d' ' -f1-3 /proc/loadavg; }
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
