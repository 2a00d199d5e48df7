"""Time from launching a kernel to its first kernel_info reply, alternating kernels (A B A B ...).

Usage: /usr/bin/python3 startup.py ROUNDS KERNEL [KERNEL ...]   (kernelspec names; JUPYTER_PATH as needed)
Prints one line per launch (wall time, and the CPU time the kernel process used until then, which depends less
on other jobs) and the medians per kernel. A benchmark, not a test: nothing is asserted.
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def cpu_seconds(pid):
    """User + system CPU time of a process so far, from /proc/PID/stat."""
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_reply_seconds(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    kc.get_shell_msg(timeout=60)
    seconds = time.perf_counter() - t0
    cpu = cpu_seconds(km.provisioner.process.pid)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return seconds, cpu


rounds = int(sys.argv[1])
kernels = sys.argv[2:]
times = {k: [] for k in kernels}
cpus = {k: [] for k in kernels}
for r in range(rounds):
    for k in kernels:
        s, cpu = first_reply_seconds(k)
        times[k].append(s)
        cpus[k].append(cpu)
        print("round %d %-20s %.3f s wall, %.2f s CPU" % (r + 1, k, s, cpu), flush=True)
for k in kernels:
    print("median %-20s %.3f s wall (min %.3f, max %.3f), %.2f s CPU, n %d"
          % (k, statistics.median(times[k]), min(times[k]), max(times[k]), statistics.median(cpus[k]), len(times[k])))
