"""Run one `hirel` command in a fresh process and report its wall time and peak memory.

    python benchmarks/measure.py --data DIR compare PROP

Prints `seconds max_rss_mb` on stderr's last line; hirel's own output goes to /dev/null.
Used by bench_browse.py and bench_compare.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def measure(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, float]:
    """(seconds, peak resident memory in MB, exit code, CPU seconds) of `python -m hirel ARGS`.
    CPU time is the steadier figure on a busy machine."""
    code = ("import resource, runpy, sys\n"
            "sys.argv = ['hirel', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('hirel', run_name='__main__')\n"
            "except SystemExit as exc:\n    status = exc.code\n"
            "else:\n    status = 0\n"
            "usage = resource.getrusage(resource.RUSAGE_SELF)\n"
            "sys.stderr.write('\\nMAXRSS %d %f\\n' % (usage.ru_maxrss, usage.ru_utime + usage.ru_stime))\n"
            "sys.exit(status if isinstance(status, int) else 1)\n")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, env={**os.environ, **(env or {})}, check=False)
    elapsed = time.perf_counter() - start
    rss, cpu = 0, 0.0
    for line in done.stderr.splitlines():
        if line.startswith("MAXRSS "):
            rss, cpu = int(line.split()[1]), float(line.split()[2])
    return elapsed, rss / 1024, done.returncode, cpu


def best_of(repeat: int, args: list[str]) -> tuple[float, float, int, float]:
    runs = [measure(args) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2], min(r[3] for r in runs)


if __name__ == "__main__":
    seconds, mb, status, cpu = measure(sys.argv[1:])
    print(f"{seconds:.2f} s ({cpu:.2f} s CPU), {mb:.0f} MB, exit {status}")
