"""FLAC files that exercise each part of the format, made by ffmpeg's encoder from test30.wav, and their
librosa.load(sr=None) waveforms (libsndfile + libFLAC: the oracle for the Java FLAC decoder).

Run inside the librosa chroot, with test30.wav in the current folder: python3 make_flac_cases.py OUTDIR
"""
import subprocess
import sys

import librosa
import numpy as np

out = sys.argv[1]
clip = ["-ss", "7", "-t", "0.4", "-i", "test30.wav"]
cases = {
    # name: ffmpeg output options
    "indep_s16": ["-ch_mode", "0"],                      # two independent channels
    "left_side_s16": ["-ch_mode", "1"],
    "right_side_s16": ["-ch_mode", "2"],
    "mid_side_s16": ["-ch_mode", "3"],
    "fixed_only_s16": ["-lpc_type", "0"],                # fixed predictors, orders 0-4
    "lpc32_s16": ["-compression_level", "12", "-lpc_type", "2", "-min_prediction_order", "32",
                  "-max_prediction_order", "32", "-exact_rice_parameters", "1", "-max_partition_order", "8"],
    "level0_s16": ["-compression_level", "0"],
    "mono_s16": ["-ac", "1"],
    "s24_48k": ["-sample_fmt", "s32", "-bits_per_raw_sample", "24", "-ar", "48000"],
    "six_ch_s16": ["-af", "pan=5.1|FL=c0|FR=c1|FC=0.5*c0+0.5*c1|LFE=0.3*c0|BL=0.7*c1|BR=0.6*c0"],
    "blocksize_576_s16": ["-frame_size", "576"],
}
for name, opts in cases.items():
    path = f"{out}/flac_{name}.flac"
    subprocess.run(["ffmpeg", "-v", "error", *clip, "-c:a", "flac", *opts, "-y", path], check=True)
    y, sr = librosa.load(path, sr=None, mono=True)
    np.save(f"{out}/flac_{name}.npy", y)
    print(name, sr, y.shape)
