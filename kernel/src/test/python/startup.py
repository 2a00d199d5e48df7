"""Time from launching a kernel to its first kernel_info reply, alternating kernels (A B A B ...).

Usage: /usr/bin/python3 startup.py ROUNDS KERNEL [KERNEL ...]   (kernelspec names; JUPYTER_PATH as needed)
Prints one line per launch and the median per kernel. A benchmark, not a test: nothing is asserted.
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def first_reply_seconds(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    kc.get_shell_msg(timeout=60)
    seconds = time.perf_counter() - t0
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    return seconds


rounds = int(sys.argv[1])
kernels = sys.argv[2:]
times = {k: [] for k in kernels}
for r in range(rounds):
    for k in kernels:
        s = first_reply_seconds(k)
        times[k].append(s)
        print("round %d %-10s %.3f s" % (r + 1, k, s), flush=True)
for k in kernels:
    print("median %-10s %.3f s (min %.3f, max %.3f, n %d)" % (k, statistics.median(times[k]), min(times[k]),
                                                              max(times[k]), len(times[k])))
