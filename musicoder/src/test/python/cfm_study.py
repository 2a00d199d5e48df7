#!/usr/bin/python3
"""The PyTorch side of the CFM study (docs/pretraining.md): trains the twin (twin.py) with CFM on a folder of
feature files and reports the held-out masked loss against predicting 0 and linear interpolation.

It shares nothing with the Java trainer but the recipe: its own crops, its own CFM masking (Geo(0.2) spans in
[2, 7], 15 % budget, 70/20/10 zero/random/keep, paper 3.3), its own Adam loop. Runs with Debian's python3-torch.

  cfm_study.py --train DIR --held DIR [--config tiny] [--minutes M | --steps N] [--batch B] [--crop MIN:MAX]
               [--lr PEAK] [--warmup W] [--dropout P] [--seed S] [--eval-every K] [--threads T] [--log FILE]
               [--shift] [--crop-cmvn] [--position alibi|sinusoidal] [--segment N]

DIR holds raw (pre-CMVN) features as written by `bin/musicoder features --raw`, frames x 324 float32 .npy; CMVN
is applied per file. The held-out clips are evaluated whole (at most 1600 frames) with masks drawn once from
seed 12345. The learning rate is the Transformer schedule rescaled to peak at PEAK after W steps (Java's
--warmup W --lr-scale PEAK*sqrt(H*W)). Prints one JSON line per evaluation.
"""
import argparse
import glob
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from twin import MusiCoderTwin  # noqa: E402

CONFIGS = {"tiny": (2, 64, 4), "small": (4, 256, 4), "base": (4, 768, 12)}
P, LMIN, LMAX = 0.2, 2, 7
LEN_P = np.array([P * (1 - P) ** (l - 1) for l in range(LMIN, LMAX + 1)])
LEN_P /= LEN_P.sum()


def load(folder, segment=0):
    """CMVN features of each file, or of each consecutive SEGMENT frames of it (the last piece joins the one before
    when shorter than half a segment)."""
    clips = []
    for f in sorted(glob.glob(os.path.join(folder, "*.npy"))):
        raw = np.load(f).astype(np.float64)
        cuts = list(range(0, len(raw), segment)) if segment else [0]
        if len(cuts) > 1 and len(raw) - cuts[-1] < segment // 2:
            cuts.pop()
        for a, b in zip(cuts, cuts[1:] + [len(raw)]):
            x = raw[a:b]
            x = (x - x.mean(0)) / np.maximum(x.std(0), 1e-8)
            clips.append(x.astype(np.float32))
    if not clips:
        raise SystemExit(f"{folder}: no .npy files")
    return clips


def cfm(frames, rng):
    """Spans (start, length, action, source) covering >= ceil(15 %) of the frames, disjoint."""
    budget = -(-frames * 15 // 100)
    free = np.ones(frames, bool)
    spans, count = [], 0
    while count < budget:
        length = int(rng.choice(np.arange(LMIN, LMAX + 1), p=LEN_P))
        run = np.convolve(free, np.ones(length, int), "valid") == length
        starts = np.flatnonzero(run)
        if len(starts) == 0:
            length = 1
            starts = np.flatnonzero(free)
        start = int(rng.choice(starts))
        free[start : start + length] = False
        count += length
        r = rng.integers(100)
        action = "zero" if r < 70 else ("random" if r < 90 else "keep")
        source = int(rng.integers(frames - length + 1))
        spans.append((start, length, action, source))
    return spans


def mask(x, rng, zeroed=None):
    """Masked copy and the loss mask (frames) of one clip; marks the zeroed frames in ZEROED if given."""
    out = x.copy()
    chosen = np.zeros(len(x), bool)
    for start, length, action, source in cfm(len(x), rng):
        chosen[start : start + length] = True
        if action == "zero":
            out[start : start + length] = 0
            if zeroed is not None:
                zeroed[start : start + length] = True
        elif action == "random":
            out[start : start + length] = x[source : source + length]
    return out, chosen


def interpolate(masked, chosen):
    out = masked.copy()
    t = np.arange(len(masked))
    vis = np.flatnonzero(~chosen)
    for d in range(masked.shape[1]):
        out[chosen, d] = np.interp(t[chosen], vis, masked[vis, d])
    return out


def huber(a):
    a = np.abs(a)
    return np.where(a <= 1, 0.5 * a * a, a - 0.5)


class Evaluation:
    def __init__(self, clips, seed=12345):
        rng = np.random.default_rng(seed)
        self.items = []
        z = i = n = zz = zi = zn = 0.0
        for x in clips:
            x = x[:1600]
            zeroed = np.zeros(len(x), bool)
            m, c = mask(x, rng, zeroed)
            self.items.append((x, m, c, zeroed))
            it = interpolate(m, c)
            z += huber(x[c]).sum()
            i += huber(it[c] - x[c]).sum()
            n += c.sum() * x.shape[1]
            zz += huber(x[zeroed]).sum()
            zi += huber(it[zeroed] - x[zeroed]).sum()
            zn += zeroed.sum() * x.shape[1]
        self.zero, self.interp, self.cells = z / n, i / n, n
        self.zeroed_zero, self.zeroed_interp, self.zeroed_cells = zz / zn, zi / zn, zn

    def model(self, net):
        """Masked Huber of the model over all masked cells and over the zeroed ones."""
        net.eval()
        total = zeroed_total = 0.0
        with torch.no_grad():
            for x, m, c, zeroed in self.items:
                _, y = net(torch.from_numpy(m)[None])
                y = y[0].numpy()
                total += huber(y[c] - x[c]).sum()
                zeroed_total += huber(y[zeroed] - x[zeroed]).sum()
        net.train()
        return total / self.cells, zeroed_total / self.zeroed_cells


def batch(clips, size, lo, hi, rng, crop_cmvn=False):
    xs, ms, cs = [], [], []
    for _ in range(size):
        x = clips[rng.integers(len(clips))]
        n = min(int(rng.integers(lo, hi + 1)), len(x))
        s = int(rng.integers(len(x) - n + 1))
        x = x[s : s + n]
        if crop_cmvn:
            x = ((x - x.mean(0)) / np.maximum(x.std(0), 1e-8)).astype(np.float32)
        m, c = mask(x, rng)
        xs.append(x), ms.append(m), cs.append(c)
    rows = max(len(x) for x in xs)
    X = np.zeros((size, rows, 324), np.float32)
    M = np.zeros_like(X)
    C = np.zeros((size, rows), bool)
    pad = np.ones((size, rows), bool)
    for b in range(size):
        n = len(xs[b])
        X[b, :n], M[b, :n], C[b, :n], pad[b, :n] = xs[b], ms[b], cs[b], False
    return torch.from_numpy(X), torch.from_numpy(M), torch.from_numpy(C), torch.from_numpy(pad)


def forward(net, x, padding, offset):
    """The twin's reconstruction with positions offset..offset+T-1 (twin.MusiCoderTwin.forward uses 0..T-1)."""
    return net.head(net.encode(x, padding, offset))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--held", required=True)
    ap.add_argument("--config", default="tiny", choices=CONFIGS)
    ap.add_argument("--hidden", type=int, default=0, help="override the config's hidden size (FFN 4H)")
    ap.add_argument("--layers", type=int, default=0, help="override the config's layer count")
    ap.add_argument("--minutes", type=float, default=0)
    ap.add_argument("--steps", type=int, default=0)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--crop", default="431:1508")
    ap.add_argument("--segment", type=int, default=0, help="CMVN per piece of this many frames (0: per file)")
    ap.add_argument("--shift", action="store_true", help="positions of each batch start at a random offset")
    ap.add_argument("--crop-cmvn", action="store_true", help="CMVN per crop (Java's default --crop-cmvn)")
    ap.add_argument("--position", default="alibi", choices=("alibi", "sinusoidal"),
                    help="position scheme (Java's tiny and small: alibi; the study's runs A-J: sinusoidal)")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval-every", type=int, default=250)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--log")
    a = ap.parse_args()
    if not a.minutes and not a.steps:
        raise SystemExit("give --minutes or --steps")
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    lo, hi = (int(v) for v in a.crop.split(":"))
    layers, hidden, heads = CONFIGS[a.config]
    layers, hidden = a.layers or layers, a.hidden or hidden
    cfg = dict(layers=layers, hidden=hidden, heads=heads, ffn=4 * hidden, dropout=a.dropout, input_dim=324, position=a.position,
               max_frames=1600)
    net = MusiCoderTwin(cfg)
    opt = torch.optim.Adam(net.parameters(), lr=a.lr, betas=(0.9, 0.999), eps=1e-6)
    train, ev = load(a.train, a.segment), Evaluation(load(a.held))
    log = open(a.log, "a") if a.log else None

    def report(step, seconds, train_loss):
        held, held_zeroed = ev.model(net)
        rec = dict(step=step, seconds=round(seconds, 1), train_loss=round(train_loss, 4), held=round(held, 4),
                   zero=round(ev.zero, 4), interp=round(ev.interp, 4), held_zeroed=round(held_zeroed, 4),
                   zeroed_zero=round(ev.zeroed_zero, 4), zeroed_interp=round(ev.zeroed_interp, 4),
                   **{k: v for k, v in vars(a).items() if k not in ("log", "train", "held")})
        line = json.dumps(rec)
        print(line, flush=True)
        if log:
            log.write(line + "\n")
            log.flush()

    t0, step, recent = time.time(), 0, []
    while True:
        step += 1
        lr = a.lr * min(step / a.warmup, math.sqrt(a.warmup / step))
        for g in opt.param_groups:
            g["lr"] = lr
        X, M, C, pad = batch(train, a.batch, lo, hi, rng, a.crop_cmvn)
        offset = int(rng.integers(1600 - X.shape[1] + 1)) if a.shift else 0
        y = forward(net, M, pad, offset)
        cells = C.unsqueeze(2).expand_as(y)
        loss = nn.functional.huber_loss(y[cells], X[cells], delta=1.0)
        opt.zero_grad()
        loss.backward()
        opt.step()
        recent = (recent + [loss.item()])[-50:]
        seconds = time.time() - t0
        done = (a.steps and step >= a.steps) or (a.minutes and seconds >= 60 * a.minutes)
        if step % a.eval_every == 0 or done:
            report(step, seconds, float(np.mean(recent)))
        if done:
            break


if __name__ == "__main__":
    main()
