#!/usr/bin/python3
"""Training-step benchmark of the PyTorch twin (the torch side of environment/bench-step.sh).

  stepbench.py HIDDEN LAYERS HEADS THREADS BATCH_DIR
      Builds twin.MusiCoderTwin (nn.TransformerEncoderLayer, dropout on) for the configuration and Adam
      (0.9, 0.999, eps 1e-6), and loads the batch the DJL side drew (BATCH_DIR/input.npy, target.npy, mask.npy,
      float32 [B, T, 324] each: masked input, original frames, 1 at the cells in the loss; no padding, so no
      key-padding mask, as on the DJL side). Then reads commands on stdin, one per line, and answers on stdout:
        gemm N   -> "gemm GFLOPS": median of N float32 1024 x 1024 x 1024 matmuls (after one warm-up)
        steps N  -> "steps MS MS ...": the wall time of each of N training steps (forward, masked Huber over the
                    masked frames' cells, backward, Adam, zero_grad), in milliseconds
        blas     -> "blas ...": the BLAS torch is built with and the BLAS libraries loaded (/proc/self/maps;
                    Debian's alternatives pick libblas.so.3)
      and stops at end of input. Threads: torch.set_num_threads(THREADS); set OPENBLAS_NUM_THREADS and
      OMP_NUM_THREADS in the environment as well (Debian's torch ignores set_num_threads for BLAS).
"""
import ctypes
import os
import re
import statistics
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin import MusiCoderTwin  # noqa: E402


def load(folder):
    """The drawn batch as tensors: (input, target, cell mask, cells)."""
    x, y, mask = (torch.from_numpy(np.load(os.path.join(folder, n + ".npy"))) for n in ("input", "target", "mask"))
    return x, y, mask, float(mask.sum())


def twin_step(hidden, layers, heads, threads, folder):
    """The twin's training step on the batch in folder: (forward with dropout, Huber on the masked cells, backward,
    torch.optim.Adam, zero_grad) as a function returning the loss; threads as in the module's docstring."""
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    cfg = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": 4 * hidden, "dropout": 0.1,
           "input_dim": 324, "max_frames": 1600}
    model = MusiCoderTwin(cfg)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-6)
    x, y, mask, cells = load(folder)

    def step():
        _, out = model(x, None)
        loss = (nn.functional.huber_loss(out, y, reduction="none", delta=1.0) * mask).sum() / cells
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=False)
        return loss

    return step


def main(hidden, layers, heads, threads, folder):
    step = twin_step(hidden, layers, heads, threads, folder)

    for line in sys.stdin:
        cmd, *arg = line.split()
        if cmd == "gemm":
            a, c = torch.randn(1024, 1024), torch.randn(1024, 1024)
            torch.mm(a, c)
            times = []
            for _ in range(int(arg[0])):
                s = time.perf_counter()
                torch.mm(a, c)
                times.append(time.perf_counter() - s)
            print("gemm %.2f" % (2 * 1024 ** 3 / statistics.median(times) / 1e9), flush=True)
        elif cmd == "steps":
            ms = []
            for _ in range(int(arg[0])):
                s = time.perf_counter()
                step()
                ms.append(1e3 * (time.perf_counter() - s))
            print("steps " + " ".join("%.3f" % v for v in ms), flush=True)
        elif cmd == "blas":
            built = re.search(r"BLAS_INFO=([^,]*)", torch.__config__.show())
            with open("/proc/self/maps") as f:
                loaded = sorted({l.split()[-1] for l in f if "blas" in l.split()[-1]})
            core = "?"
            try:
                lib = ctypes.CDLL(next(p for p in loaded if "libopenblas" in p))
                lib.openblas_get_corename.restype = ctypes.c_char_p
                core = lib.openblas_get_corename().decode()
            except (StopIteration, OSError, AttributeError):
                pass
            print("blas torch %s, BLAS_INFO=%s, loaded %s, OpenBLAS core %s (OPENBLAS_CORETYPE=%s), torch threads %d"
                  % (torch.__version__, built.group(1) if built else "?", " ".join(loaded), core,
                     os.environ.get("OPENBLAS_CORETYPE"), torch.get_num_threads()), flush=True)
        else:
            raise SystemExit("stepbench.py: unknown command " + cmd)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit(__doc__)
    main(*(int(v) for v in sys.argv[1:5]), sys.argv[5])
