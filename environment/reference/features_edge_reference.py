#!/usr/bin/env python3
"""Edge-case reference numbers for the Java STFT-derived features (librosa 1.0 as the oracle).

Writes OUT/<case>/ for short and degenerate clips, with the recipe of the project's docs/features.md (sr 44100,
n_fft 2048, hop 1024, periodic Hamming, center=True, pad 'constant', tuning 0, 128 Slaney mels,
power_to_db(ref=1, amin=1e-10, top_db=80), DCT-II ortho, 20 MFCC, delta width 9 'interp', ln(10 S + 1e-6)):
  y.npy                float32 input waveform (the Java test reads it back)
  stft_mag.npy         |librosa.stft| (1025 x frames), pad_mode='constant'
  stft_mag_reflect.npy same with pad_mode='reflect' (some cases)
  stft_mag_n{N}_h{H}.npy |librosa.stft| with n_fft N, hop H, pad 'constant' (frames10 only: other FFT sizes)
  mel_power.npy chroma.npy mfcc.npy log_mel.npy   (dims x frames)
  mfcc_delta.npy       librosa.feature.delta(width=9) if frames >= 9; for 2..8 frames (librosa raises)
                       scipy.signal.savgol_filter(mfcc, frames, 1, deriv=1, mode='interp'), the project's
                       documented fallback; not written for 1 frame (the project defines delta = 0 there)
and OUT/filters/: librosa.filters.mel / librosa.filters.chroma for a few (sr, n_fft, bands).

Usage (inside a chroot with librosa 1.0): python3 features_edge_reference.py OUT
"""
import os
import sys
import warnings

import numpy as np
import librosa
import scipy.signal

SR, N_FFT, HOP = 44100, 2048, 1024
STFT = dict(n_fft=N_FFT, hop_length=HOP, win_length=N_FFT, window="hamming", center=True)


def tone(n, amp=0.3, seed=0):
    """Deterministic test signal: two partials, a chirp and a little noise (float64 -> float32)."""
    t = np.arange(n, dtype=np.float64) / SR
    rng = np.random.default_rng(seed)
    y = (amp * np.sin(2 * np.pi * 440.0 * t) + 0.5 * amp * np.sin(2 * np.pi * 1318.5 * t)
         + 0.3 * amp * np.sin(2 * np.pi * (200.0 * t + 4000.0 * t * t)) + 0.01 * amp * rng.standard_normal(n))
    return y.astype(np.float32)


def quiet_8bit(n):
    """Quiet 8-bit-like clip: 0.3 s of digital silence, then a tone of ~2 LSB quantised to 1/128 steps."""
    y = tone(n, amp=2.5 / 128, seed=1).astype(np.float64)
    y[: int(0.3 * SR)] = 0.0
    return (np.round(y * 128) / 128).astype(np.float32)


CASES = {
    "empty": (np.zeros(0, np.float32), False),  # librosa pads and returns 1 frame of zeros
    "silence": (np.zeros(22050, np.float32), False),  # 22 frames of zeros
    "short300": (tone(300), True),  # shorter than one hop and than n_fft/2: 1 frame
    "one_frame": (tone(1023), True),  # longest clip with exactly 1 frame
    "two_frames": (tone(1024), False),  # 2 frames (delta fallback: slope through 2 frames)
    "frames9": (tone(8 * 1024 + 300), False),  # 9 frames = delta width
    "frames10": (tone(9 * 1024), True),  # 10 frames, length a multiple of hop (librosa's reflect quirk)
    "quiet_8bit": (quiet_8bit(SR), False),  # 44 frames
}
OTHER_SIZES = {"frames10": [(1000, 250), (256, 64)]}
FILTERS = [("mel", 44100, 2048, 128), ("mel", 16000, 512, 40), ("chroma", 44100, 2048, 12),
           ("chroma", 22050, 1024, 12)]


def main():
    out = sys.argv[1]
    warnings.simplefilter("ignore")
    for name, (y, reflect) in CASES.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        S = np.abs(librosa.stft(y, pad_mode="constant", **STFT))
        P = S ** 2
        mel = librosa.feature.melspectrogram(S=P, sr=SR, n_mels=128, fmin=0.0, fmax=SR / 2.0, htk=False,
                                             norm="slaney")
        chroma = librosa.feature.chroma_stft(S=P, sr=SR, norm=np.inf, tuning=0.0, n_chroma=12)
        mfcc = librosa.feature.mfcc(S=librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db=80), n_mfcc=20,
                                    dct_type=2, norm="ortho", lifter=0)
        frames = mfcc.shape[1]
        arrays = {"y": y, "stft_mag": S, "mel_power": mel, "chroma": chroma, "mfcc": mfcc,
                  "log_mel": np.log(10.0 * mel + 1e-6)}
        if frames >= 9:
            arrays["mfcc_delta"] = librosa.feature.delta(mfcc, width=9, order=1, axis=-1, mode="interp")
        elif frames >= 2:
            arrays["mfcc_delta"] = scipy.signal.savgol_filter(mfcc, frames, 1, deriv=1, axis=-1, mode="interp")
        if reflect:
            arrays["stft_mag_reflect"] = np.abs(librosa.stft(y, pad_mode="reflect", **STFT))
        for n_fft, hop in OTHER_SIZES.get(name, []):
            arrays[f"stft_mag_n{n_fft}_h{hop}"] = np.abs(librosa.stft(
                y, n_fft=n_fft, hop_length=hop, win_length=n_fft, window="hamming", center=True,
                pad_mode="constant"))
        for k, v in arrays.items():
            np.save(os.path.join(d, k + ".npy"), np.ascontiguousarray(v, dtype=np.float32))
        print(name, len(y), "samples", frames, "frames")
    d = os.path.join(out, "filters")
    os.makedirs(d, exist_ok=True)
    for kind, sr, n_fft, bands in FILTERS:
        if kind == "mel":
            w = librosa.filters.mel(sr=sr, n_fft=n_fft, n_mels=bands, fmin=0.0, fmax=sr / 2.0, htk=False,
                                    norm="slaney")
        else:
            w = librosa.filters.chroma(sr=sr, n_fft=n_fft, n_chroma=bands, tuning=0.0, ctroct=5.0, octwidth=2,
                                       norm=2, base_c=True)
        np.save(os.path.join(d, f"{kind}_{sr}_{n_fft}_{bands}.npy"), np.ascontiguousarray(w, dtype=np.float32))
    print("librosa", librosa.__version__, "scipy", scipy.__version__, "numpy", np.__version__)


if __name__ == "__main__":
    main()
