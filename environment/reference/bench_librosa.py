#!/usr/bin/env python3
"""librosa used well, for environment/bench-corpus.sh: the MusiCoder recipe over many files, timed as a process.

Each file: librosa.load(sr=44100, mono) -> one power STFT shared by chroma_stft, melspectrogram and mfcc (S=...),
delta, cqt from the waveform -> 324 x frames -> CMVN (float64) -> np.save. Parameters as extract_reference.py.
  python3 bench_librosa.py --workers N --out DIR FILE...
Prints one line: files done, failed, seconds inside Python after the imports.
"""
import argparse
import multiprocessing
import os
import sys
import time

import numpy as np
import librosa

SR, N_FFT, HOP = 44100, 2048, 1024
FMIN = float(librosa.note_to_hz("C1"))


def features(path):
    y, sr = librosa.load(path, sr=SR, mono=True)
    p = np.abs(librosa.stft(y, n_fft=N_FFT, hop_length=HOP, window="hamming", center=True,
                            pad_mode="constant")) ** 2
    chroma = librosa.feature.chroma_stft(S=p, sr=sr, n_fft=N_FFT, norm=np.inf, tuning=0.0, n_chroma=12)
    mel = librosa.feature.melspectrogram(S=p, sr=sr, n_fft=N_FFT, n_mels=128, fmin=0.0, fmax=sr / 2.0,
                                         htk=False, norm="slaney")
    mfcc = librosa.feature.mfcc(S=librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db=80.0), n_mfcc=20,
                                dct_type=2, norm="ortho", lifter=0)
    delta = librosa.feature.delta(mfcc, width=9, order=1, axis=-1, mode="interp")
    c = np.abs(librosa.cqt(y, sr=sr, hop_length=HOP, fmin=FMIN, n_bins=144, bins_per_octave=24, tuning=0.0,
                           filter_scale=1, norm=1, sparsity=0.01, window="hann", scale=True,
                           pad_mode="constant", res_type="soxr_hq"))
    x = np.concatenate([chroma, mfcc, delta, np.log(10.0 * mel + 1e-6), np.log(10.0 * c + 1e-6)]).T
    x = x.astype(np.float32).astype(np.float64)
    return ((x - x.mean(axis=0)) / np.maximum(x.std(axis=0), 1e-8)).astype(np.float32)


def one(job):
    path, out = job
    try:
        np.save(os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".npy"), features(path))
        return True
    except Exception as e:  # a bad file is counted, as `musicoder features` counts it
        print(f"{path}: {e}", file=sys.stderr)
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    jobs = [(f, a.out) for f in a.files]
    t0 = time.perf_counter()
    if a.workers == 1:
        ok = [one(j) for j in jobs]
    else:
        # fork: workers are this process's children, so their CPU time counts in its own (Python 3.14 defaults to
        # forkserver, whose workers /usr/bin/time never sees)
        pool = multiprocessing.get_context("fork").Pool(a.workers)
        ok = pool.map(one, jobs, chunksize=1)
        pool.close()
        pool.join()  # reaped workers count in the CPU time /usr/bin/time reports
    print(f"librosa {librosa.__version__}: {sum(ok)} files, {len(ok) - sum(ok)} failed, "
          f"{time.perf_counter() - t0:.2f} s after imports")


if __name__ == "__main__":
    main()
