"""Kernel start-up and cell latency, measured through jupyter_client the way a front end sees them.

    .venv/bin/python test/bench/kernel_startup.py [--starts 5] [--cells 20] [--pauses 0,3] [--modes snapshot,plain]
        [--tslab] [--no-write]

For each of N fresh starts: `ready` (start_kernel until wait_for_ready returns, i.e. kernel_info answered and
iopub live), `first reply` (start until the execute_reply of the first cell, `1 + 1`, which includes building
the TypeScript program and the prelude), `first after ready` (ready until that reply: what a learner who runs a
cell the moment the kernel is idle waits; with `--pauses 0,3` measured again for a first cell sent 3 s after ready,
as when the notebook is read first, which is when the kernel's warm-up runs), then warm trivial cells (`0 + 1`, `1 + 1`, …, request to execute_reply) and the
kernel's resident memory (VmRSS, with the snapshot's child process) after them. `--modes`: `snapshot` starts
from the kernel's start-up snapshot (a kernel is started first and kept until it has built one), `plain` without
(the default; POOLSCOPE_KERNEL_SNAPSHOT=1 opts in to the snapshot). Prints medians (min-max) and the load average, since the machine is shared and
the numbers are noisy, and writes them into its section of test/bench/RESULTS.md ("kernel", see results.mjs)
unless `--no-write`. `--tslab` measures plain tslab 1.0.22 the same way, for comparison. Reports, never asserts.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


RESULTS = Path(os.environ.get("BENCH_OUT", ROOT / "test" / "bench" / "RESULTS.md"))


def rss_mib(pid):
    """The process's resident memory and its children's (a kernel started from its snapshot is a child)."""
    total = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            total += rss_mib(int(child))
    except OSError:
        pass
    return total or float("nan")


def env_for(mode):
    env = dict(os.environ)
    env.pop("POOLSCOPE_KERNEL_SNAPSHOT", None)
    if mode == "snapshot":
        env["POOLSCOPE_KERNEL_SNAPSHOT"] = "1"
    return env


def ensure_snapshot(kernel_name, cwd):
    """Starts a kernel and keeps it until the start-up snapshot for cwd exists (the kernel builds it)."""
    from jupyter_client.manager import KernelManager

    entry = ROOT / "kernel" / "dist" / "startup-snapshot.js"
    script = f"import({str(entry)!r}).then((m) => console.log(m.snapshotFile({str(cwd)!r})))"
    blob = Path(subprocess.check_output(["node", "-e", script], text=True).strip())
    if blob.exists():
        return
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=str(cwd), env=env_for("snapshot"))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
        deadline = time.monotonic() + 300
        while not blob.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def measure(kernel_name, starts, cells, cwd, pause=0.0, mode="plain"):
    from jupyter_client.manager import KernelManager

    ready, first, after, warm, rss = [], [], [], [], []
    for _ in range(starts):
        km = KernelManager(kernel_name=kernel_name)
        t0 = time.perf_counter()
        km.start_kernel(cwd=str(cwd), env=env_for(mode))
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


def fmt(values, unit):
    scale = 1000 if unit == "ms" else 1
    f = (lambda v: f"{v * scale:.0f}") if unit in ("ms", "MiB") else (lambda v: f"{v:.2f}")
    return f"{f(statistics.median(values))} {unit} ({f(min(values))}–{f(max(values))})"


ROWS = [("ready", "ready", "s"), ("first", "first reply (1 + 1)", "s"), ("after", "  of it after ready", "s"),
        ("warm", "warm trivial cell", "ms"), ("rss", "resident memory", "MiB")]


def report(label, r):
    print(label)
    for key, name, unit in ROWS:
        print(f"  {name:<22} median {fmt(r[key], unit)}")


def replace_section(text, name, body):
    """As results.mjs's replaceSection: the section between its markers replaced, or appended."""
    start_marker, end_marker = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start_marker}\n{body.rstrip()}\n{end_marker}"
    start = text.find(start_marker)
    end = text.find(end_marker, start) if start >= 0 else -1
    if start < 0 or end < 0:
        return f"{text.rstrip()}\n\n{block}\n" if text else f"{block}\n"
    return text[:start] + block + text[end + len(end_marker):]


def write_section(runs, args, load_before, load_after):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "### Kernel start-up (`npm run bench:kernel`)",
        "",
        f"{stamp}; {args.starts} starts per row, {args.cells} warm cells each, cwd notebooks/; {os.cpu_count()} CPUs, "
        f"load average (1/5/15 min) before {' / '.join(f'{v:.2f}' for v in load_before)}, after "
        f"{' / '.join(f'{v:.2f}' for v in load_after)}. Median (min–max). `snapshot`: started from the kernel's "
        "start-up snapshot (POOLSCOPE_KERNEL_SNAPSHOT=1); `plain`: the default start.",
        "",
        "| start | first cell sent | ready | first `1 + 1` from start | of it after ready | warm cell | memory |",
        "|---|---|---|---|---|---|---|",
    ]
    for (mode, pause), r in runs:
        cells = " | ".join(fmt(r[key], unit) for key, _, unit in ROWS)
        lines.append(f"| {mode} | {pause:g} s after ready | {cells} |")
    text = RESULTS.read_text() if RESULTS.exists() else ""
    RESULTS.write_text(replace_section(text, "kernel", "\n".join(lines)))
    print(f"wrote {RESULTS}")


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
    ap.add_argument("--modes", default="snapshot,plain", help="snapshot (from the start-up snapshot), plain, or both")
    ap.add_argument("--tslab", action="store_true", help="also measure plain tslab 1.0.22")
    ap.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    ap.add_argument("--cwd", default=str(ROOT / "notebooks"), help="the kernels' working folder")
    args = ap.parse_args()
    if args.tslab:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(tslab_spec_dir()), os.environ.get("JUPYTER_PATH")]))

    load_before = os.getloadavg()
    print(f"load average before: {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    print(f"{args.starts} starts, {args.cells} warm cells each, cwd {args.cwd}")
    runs = []
    for mode in args.modes.split(","):
        if mode == "snapshot":
            ensure_snapshot(args.kernel, args.cwd)
        for pause in [float(p) for p in args.pauses.split(",")]:
            r = measure(args.kernel, args.starts, args.cells, args.cwd, pause, mode)
            report(f"{args.kernel} ({mode}), first cell {pause:g} s after ready:", r)
            runs.append(((mode, pause), r))
    if args.tslab:
        report("plain tslab 1.0.22:", measure("plain-tslab", args.starts, args.cells, args.cwd))
    load_after = os.getloadavg()
    print(f"load average after: {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    if not args.no_write and args.kernel == "poolscope":
        write_section(runs, args, load_before, load_after)


if __name__ == "__main__":
    main()
