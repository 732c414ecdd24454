#!/usr/bin/env python3
"""Times whole-process builds: wall time, CPU (user + system) and peak memory.

    scripts/timebuild.py [--runs 5] [--warmup 1] [--outroot DIR] -- CMD ARG... {OUT} ...

Runs CMD warmup + runs times. Every run gets a fresh output folder that does
not exist yet, put where {OUT} stands, so no tool finds an earlier result to
reuse or delete. CPU and peak memory are the child's own, from wait4(2).
Prints one line per measure (min, median and max over the timed runs) and
the size of the last run's output; exits non-zero if any run failed.
Python standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, outroot):
    """One build into a fresh folder: (wall s, cpu s, peak MiB, exit code, output)."""
    holder = tempfile.mkdtemp(prefix="run-", dir=outroot)
    out = os.path.join(holder, "out")
    argv = [arg.replace("{OUT}", out) for arg in cmd]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=errors)
        # wait4 gives this child's own rusage; peak RSS is in KiB on Linux.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            sys.stderr.write(errors.read()[-4000:].decode("utf-8", "replace"))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, out


def size_of(folder):
    files = total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            files += 1
            total += os.path.getsize(os.path.join(root, name))
    return files, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--outroot", default=tempfile.gettempdir(),
                        help="where the fresh output folders go (tmpfs keeps disk noise out)")
    parser.add_argument("cmd", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd or not any("{OUT}" in arg for arg in cmd):
        parser.error("give the command after --, with {OUT} where its output folder goes")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    os.makedirs(args.outroot, exist_ok=True)

    timed, failed, last = [], 0, None
    for i in range(args.warmup + args.runs):
        wall, cpu, peak, code, out = run(cmd, args.outroot)
        if code != 0:
            failed += 1
            print(f"run {i + 1}: exit status {code}", file=sys.stderr)
        if i >= args.warmup:
            timed.append((wall, cpu, peak))
        if last is not None:
            shutil.rmtree(os.path.dirname(last), ignore_errors=True)
        last = out

    for k, label in enumerate(("wall s", "user+sys s", "peak MiB")):
        values = [row[k] for row in timed]
        print(f"{label:<11} min {min(values):9.3f}  median {statistics.median(values):9.3f}"
              f"  max {max(values):9.3f}")
    files, total = size_of(last)
    print(f"output: {files} files, {total} bytes")
    shutil.rmtree(os.path.dirname(last), ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
