#!/usr/bin/python3
"""Operation-by-operation profile of one training step, the PyTorch twin against DJL (docs/benchmarks.md).

  stepprofile.py HIDDEN LAYERS HEADS THREADS WARMUP STEPS DIR
      Loads the batch that StepProfile (the DJL half) wrote to DIR (input.npy, target.npy, mask.npy), runs WARMUP
      training steps of the twin exactly as stepbench.py does (forward with dropout, Huber on the masked cells,
      backward, torch.optim.Adam, zero_grad), then STEPS steps under torch.autograd.profiler and writes
      DIR/torch-trace.json. Then reads both chrome traces (DIR/torch-trace.json and DIR/djl-trace.json, STEPS steps
      each) and prints, per operation name, the self time (its duration minus that of the operations nested in it
      on the same thread) in ms per step and the calls per step on both sides, largest first, and the totals.
      Run StepProfile first with the same configuration, thread count and STEPS.
"""
import collections
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stepbench import twin_step  # noqa: E402


def profile_torch(hidden, layers, heads, threads, warmup, steps, folder):
    """Profiles the twin's steps; returns the mean ms/step without and with the profiler."""
    step = twin_step(hidden, layers, heads, threads, folder)

    def run():
        start = time.perf_counter()
        for _ in range(steps):
            step()
        return 1e3 * (time.perf_counter() - start) / steps

    for _ in range(warmup):
        step()
    plain = run()
    with torch.autograd.profiler.profile(record_shapes=True) as prof:
        profiled = run()
    prof.export_chrome_trace(os.path.join(folder, "torch-trace.json"))
    return plain, profiled


def self_times(path):
    """Per operation name: (self time in us, calls) over a chrome trace's complete events."""
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    threads = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X" and "dur" in e:
            threads[(e.get("pid"), e.get("tid"))].append(e)
    own, calls = collections.Counter(), collections.Counter()
    for evs in threads.values():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        stack, nested = [], collections.Counter()
        for i, e in enumerate(evs):
            start = float(e["ts"])
            while stack and float(evs[stack[-1]]["ts"]) + float(evs[stack[-1]]["dur"]) <= start:
                stack.pop()
            if stack:
                nested[stack[-1]] += float(e["dur"])
            stack.append(i)
        for i, e in enumerate(evs):
            own[e["name"]] += float(e["dur"]) - nested[i]
            calls[e["name"]] += 1
    return own, calls


def main(hidden, layers, heads, threads, warmup, steps, folder):
    plain, profiled = profile_torch(hidden, layers, heads, threads, warmup, steps, folder)
    print("torch: %.1f ms/step, %.1f ms/step under the profiler (%d steps each)" % (plain, profiled, steps))
    t_own, t_calls = self_times(os.path.join(folder, "torch-trace.json"))
    d_own, d_calls = self_times(os.path.join(folder, "djl-trace.json"))
    print("%-48s %9s %7s %9s %7s" % ("self time per step (ms) and calls per step", "torch ms", "calls", "DJL ms", "calls"))
    for name in sorted(set(t_own) | set(d_own), key=lambda n: -(t_own[n] + d_own[n])):
        if (t_own[name] + d_own[name]) / steps < 50:
            continue
        print("%-48s %9.2f %7.1f %9.2f %7.1f" % (name[:48], t_own[name] / 1e3 / steps, t_calls[name] / steps,
                                                 d_own[name] / 1e3 / steps, d_calls[name] / steps))
    print("%-48s %9.2f %7s %9.2f" % ("total", sum(t_own.values()) / 1e3 / steps, "",
                                     sum(d_own.values()) / 1e3 / steps))


if __name__ == "__main__":
    if len(sys.argv) != 8:
        raise SystemExit(__doc__)
    main(*(int(v) for v in sys.argv[1:7]), sys.argv[7])
