"""Kernel start-up and cell latency, measured through jupyter_client the way a front end sees them.

    .venv/bin/python test/bench/kernel_startup.py [--starts 5] [--cells 20] [--pauses 0,3] [--tslab]

For each of N fresh starts: `ready` (start_kernel until wait_for_ready returns, i.e. kernel_info answered and
iopub live), `first reply` (start until the execute_reply of the first cell, `1 + 1`, which includes building
the TypeScript program and the prelude), `first after ready` (ready until that reply: what a learner who runs a
cell the moment the kernel is idle waits; with `--pauses 0,3` measured again for a first cell sent 3 s after ready,
as when the notebook is read first, which is when the kernel's warm-up runs), then warm trivial cells (`0 + 1`, `1 + 1`, …, request to execute_reply) and the
kernel's resident memory (VmRSS) after them. Prints medians (min-max) and the load average, since the machine
is shared and the numbers are noisy. `--tslab` measures plain tslab 1.0.22 the same way, for comparison.
Reports, never asserts.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def rss_mib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def measure(kernel_name, starts, cells, cwd, pause=0.0):
    from jupyter_client.manager import KernelManager

    ready, first, after, warm, rss = [], [], [], [], []
    for _ in range(starts):
        km = KernelManager(kernel_name=kernel_name)
        t0 = time.perf_counter()
        km.start_kernel(cwd=str(cwd))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=60)
            ready.append(time.perf_counter() - t0)
            if pause:
                time.sleep(pause)
            t1 = time.perf_counter()
            reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
            first.append(time.perf_counter() - t0)
            after.append(time.perf_counter() - t1)
            assert reply["content"]["status"] == "ok", reply["content"]
            for i in range(cells):
                # a different small cell each time, so nothing is served from TypeScript's unchanged program
                t = time.perf_counter()
                kc.execute_interactive(f"{i} + 1", timeout=60, output_hook=lambda m: None)
                warm.append(time.perf_counter() - t)
            rss.append(rss_mib(km.provisioner.process.pid))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return {"ready": ready, "first": first, "after": after, "warm": warm, "rss": rss}


def summary(name, values, unit):
    scale = 1000 if unit == "ms" else 1
    fmt = (lambda v: f"{v * scale:.0f}") if unit == "ms" else (lambda v: f"{v:.2f}" if unit == "s" else f"{v:.0f}")
    return f"  {name:<22} median {fmt(statistics.median(values))} {unit} ({fmt(min(values))}-{fmt(max(values))})"


def report(label, r):
    print(label)
    print(summary("ready", r["ready"], "s"))
    print(summary("first reply (1 + 1)", r["first"], "s"))
    print(summary("  of it after ready", r["after"], "s"))
    print(summary("warm trivial cell", r["warm"], "ms"))
    print(summary("resident memory", r["rss"], "MiB"))


def tslab_spec_dir():
    """A throw-away kernelspec for plain tslab, found through JUPYTER_PATH; nothing global is touched."""
    d = Path(tempfile.mkdtemp(prefix="poolscope-bench-"))
    spec = d / "kernels" / "plain-tslab"
    spec.mkdir(parents=True)
    tslab = ROOT / "node_modules" / "tslab" / "bin" / "tslab"
    argv = ["node", str(tslab), "kernel", "--config-path", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "tslab", "language": "typescript"}))
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=20)
    ap.add_argument("--kernel", default="poolscope")
    ap.add_argument("--pauses", default="0,3", help="seconds between ready and the first cell, one run of starts each")
    ap.add_argument("--tslab", action="store_true", help="also measure plain tslab 1.0.22")
    ap.add_argument("--cwd", default=str(ROOT / "notebooks"), help="the kernels' working folder")
    args = ap.parse_args()
    if args.tslab:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(tslab_spec_dir()), os.environ.get("JUPYTER_PATH")]))

    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    print(f"{args.starts} starts, {args.cells} warm cells each, cwd {args.cwd}")
    for pause in [float(p) for p in args.pauses.split(",")]:
        label = f"{args.kernel}, first cell {pause:g} s after ready:"
        report(label, measure(args.kernel, args.starts, args.cells, args.cwd, pause))
    if args.tslab:
        report("plain tslab 1.0.22:", measure("plain-tslab", args.starts, args.cells, args.cwd))
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
