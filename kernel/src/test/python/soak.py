"""Soak of one MusiCoder kernel through Jupyter's client (run by environment/soak.sh, see docs/soak.md).

Modes:
  rounds    N rounds of %features --plot, %mask, %pretrain --steps 5, a Java cell and a %%js cell
  pretrain  one long %pretrain of tiny steps, probed from outside while it runs
  finetune  N rounds of %finetune with a grid
Probes (CSV row): after a forced full GC (jcmd GC.run) the used and committed heap, NMT's committed total, heap and
metaspace, the process's RSS, and the live DJL NDArrays and NDManagers (walked from PyTorch's system manager).
--no-gc probes the rounds without forcing a GC; --idle S then leaves the kernel idle for S seconds, probing every 30 s without forcing a GC (what the user's
machine sees: does the collector give memory back?).
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel

CLIP = "dataset:orchestral-siege-of-laurelmor-a"
GRID = '"batch=16;lr=1e-3;epochs=1;dropout=0.1"'
TIMEOUT = 3600

# a Java method the probes call: live NDArrays and NDManagers under PyTorch's system manager
DJL_COUNT = """
long[] djlCount() throws Exception {
    var f = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
    f.setAccessible(true);
    try (var m = ai.djl.engine.Engine.getEngine("PyTorch").newBaseManager()) {
        long[] n = new long[2];
        var todo = new ArrayDeque<Object>(List.of(m.getParentManager()));
        while (!todo.isEmpty()) {
            var r = todo.pop();
            if (r instanceof ai.djl.ndarray.NDArray) n[0]++;
            if (r instanceof ai.djl.ndarray.BaseNDManager b && b != m) {
                n[1]++;
                todo.addAll(((Map<?, ?>) f.get(b)).values());
            }
        }
        n[1]--; // the system manager itself
        return n;
    }
}
"""

FIELDS = ["mode", "round", "seconds", "heap_used_mb", "heap_committed_mb", "nmt_committed_mb", "nmt_heap_mb",
          "nmt_metaspace_mb", "nmt_other_mb", "rss_mb", "ndarrays", "ndmanagers"]


def jcmd(pid, *args):
    return subprocess.run(["jcmd", str(pid), *args], capture_output=True, text=True, timeout=300).stdout


def heap(pid, gc):
    """(used, committed) MB of the heap from GC.heap_info (G1, serial or parallel), after a full GC if gc."""
    if gc:
        jcmd(pid, "GC.run")
    used = total = 0
    for m in re.finditer(r"(garbage-first heap|def new generation|tenured generation|PSYoungGen|ParOldGen)"
                         r"\s+total (\d+)K, used (\d+)K", jcmd(pid, "GC.heap_info")):
        total += int(m.group(2))
        used += int(m.group(3))
    return used / 1024, total / 1024


def nmt(pid):
    """NMT committed MB: total, Java heap, metaspace (metadata and class space)."""
    text = jcmd(pid, "VM.native_memory", "summary")
    def committed(label):
        m = re.search(label + r"[^\n]*\n?[^\n]*?committed=(\d+)KB", text)
        return int(m.group(1)) / 1024 if m else float("nan")
    return (committed("Total:"), committed("Java Heap"), committed(r"Metadata:") + committed(r"Class space:"))


def rss(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1)) / 1024


class Soak:
    def __init__(self, args):
        self.args = args
        self.km, self.kc = start_new_kernel(kernel_name="musicoder", startup_timeout=120)
        self.pid = self.km.provisioner.process.pid
        self.t0 = time.time()
        self.out = open(args.csv, "w", newline="")
        self.rows = csv.DictWriter(self.out, FIELDS)
        self.rows.writeheader()

    def run(self, code, timeout=TIMEOUT):
        """Runs a cell; fails the soak on an error. Returns the text/plain of its execute_result, if any."""
        result = []
        def hook(m):
            if m["msg_type"] == "execute_result":
                result.append(m["content"]["data"]["text/plain"])
            if m["msg_type"] == "error":
                print("cell failed: %s\n%s" % (code, m["content"]["evalue"]), file=sys.stderr)
        reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook)
        if reply["content"]["status"] != "ok":
            raise SystemExit("soak: cell failed: " + code.splitlines()[0])
        return result[0] if result else None

    def probe(self, mode, rnd, djl=True, gc=True):
        counts = [float("nan")] * 2
        if djl:
            counts = [int(x) for x in re.findall(r"\d+", self.run("java.util.Arrays.toString(djlCount())"))]
        used, committed = heap(self.pid, gc)
        total, jheap, meta = nmt(self.pid)
        row = dict(mode=mode, round=rnd, seconds=round(time.time() - self.t0), heap_used_mb=round(used, 1),
                   heap_committed_mb=round(committed, 1), nmt_committed_mb=round(total, 1), nmt_heap_mb=round(jheap, 1),
                   nmt_metaspace_mb=round(meta, 1), nmt_other_mb=round(total - jheap - meta, 1), rss_mb=round(rss(self.pid), 1),
                   ndarrays=counts[0], ndmanagers=counts[1])
        self.rows.writerow(row)
        self.out.flush()
        print(" ".join("%s=%s" % kv for kv in row.items()), flush=True)

    def histogram(self, tag):
        if self.args.histograms:
            with open("%s.histo-%s.txt" % (self.args.csv, tag), "w") as f:
                f.write(jcmd(self.pid, "GC.class_histogram"))

    def close(self):
        self.out.close()
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def due(rnd, every):
    return rnd in (1, 10, 50) or rnd % every == 0


def rounds(s, a):
    s.run(DJL_COUNT)
    for rnd in range(1, a.rounds + 1):
        s.run("%features " + CLIP + " --plot")
        s.run("%mask cfm --seed " + str(rnd))
        s.run("%pretrain --config tiny --steps 5 --batch 4 --crop 32:64 --data demo")
        s.run("float[] x%d = features.cmvn()[0].clone();\ndouble sum = 0;\nfor (float v : x%d) sum += v;\nsum"
              % (rnd % 7, rnd % 7))
        s.run("%%js\n[...Array(1000).keys()].reduce((a, b) => a + b, 0) + " + str(rnd))
        last = rnd == a.rounds or a.minutes and due(rnd, a.every) and time.time() - s.t0 > 60 * a.minutes
        if due(rnd, a.every) or last:
            s.probe("rounds", rnd, gc=not a.no_gc)
        if rnd == 50 or last:
            s.histogram(str(rnd))
        if last:
            break
    idle(s, a)


def idle(s, a):
    """The kernel left alone: probes every 30 s without a forced GC."""
    for t in range(30, a.idle + 1, 30):
        time.sleep(30)
        s.probe("idle", t, djl=False, gc=False)


def pretrain(s, a):
    """One long %pretrain in a thread; probes every a.every seconds from outside (no DJL count while it runs)."""
    s.run(DJL_COUNT)
    s.probe("pretrain", 0)
    done = threading.Event()
    def train():
        s.run("%%pretrain --config tiny --steps %d --batch 2 --crop 16:32 --data demo" % a.steps)
        done.set()
    threading.Thread(target=train, daemon=True).start()
    while not done.wait(a.every):
        s.probe("pretrain", round(time.time() - s.t0), djl=False)
    s.probe("pretrain", a.steps)


def finetune(s, a):
    s.run(DJL_COUNT)
    s.run("%pretrain --config tiny --steps 5 --batch 4 --crop 32:64 --data demo")
    for rnd in range(1, a.rounds + 1):
        s.run("%finetune --task genre --grid " + GRID)
        if due(rnd, a.every):
            s.probe("finetune", rnd)
    idle(s, a)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["rounds", "pretrain", "finetune"])
    p.add_argument("--rounds", type=int, default=100)
    p.add_argument("--steps", type=int, default=10000, help="steps of the long %%pretrain")
    p.add_argument("--every", type=int, default=25, help="probe every N rounds (pretrain: seconds)")
    p.add_argument("--minutes", type=float, default=0, help="rounds: stop at the first probe after M minutes")
    p.add_argument("--no-gc", action="store_true", help="probe rounds without forcing a GC (what the user sees)")
    p.add_argument("--idle", type=int, default=0, help="then idle S seconds, probing without a forced GC")
    p.add_argument("--csv", required=True)
    p.add_argument("--histograms", action="store_true", help="class histograms at round 50 and the last")
    a = p.parse_args()
    s = Soak(a)
    try:
        {"rounds": rounds, "pretrain": pretrain, "finetune": finetune}[a.mode](s, a)
    finally:
        s.close()


if __name__ == "__main__":
    main()
