"""Time what a commit costs: `hirel check` on one changed claims file, with a warm cache, against
start-up figures, all measured side by side (interleaved, so that a busy machine slows all alike).

    python benchmarks/bench_precommit.py [--articles 1000] [--claims 20] [--rounds 15] [--baseline SRC]

Each round edits one claims file (a new claim, a different file each time), then runs, in turn:
`hirel check FILE` (what pre-commit runs), the same after changing the stance of one claim in
another file (a claim without a value: the value reader is not needed), `hirel check` (just after
those edits), `hirel --version`, `hirel --version` through the Typer application (as it ran before
`hirel.cli.fast`), `python -c "import typer, rich"` and `python -c pass`; then, once the edits are
more than two seconds old and a `hirel check` has read them, `hirel check` again (nothing changed
since: what most commits' calls find). Prints the best and median CPU time (user + system, of the
child process: other work on a shared machine does not count) of each and their ratios.

Python's bytecode caches (``__pycache__``) are used and written, as for an installed hirel (pip
compiles them on install), even when ``PYTHONDONTWRITEBYTECODE`` is set: without them every call
compiles hirel's source again, which is not what a user pays. ``--no-bytecode`` measures that case:
it removes the ``__pycache__`` folders of the hirel packages timed (caches Python makes again) and
sets ``PYTHONDONTWRITEBYTECODE`` (Python would still read bytecode it finds).

``--baseline SRC``: the same three `check` calls with another copy of hirel (SRC: the folder
holding its ``hirel`` package, e.g. a ``git archive`` of main), on an identical copy of the corpus
edited identically, in the same rounds; both then run as ``python -c "…main()"`` (without the
console script's own start-up) so that they are timed alike.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus

# `hirel --version` as it ran before the fast path: through the Typer application and its commands.
VIA_TYPER = "import sys; sys.argv = ['hirel', '--version']; from hirel.cli.typer_app import app; app()"
HIREL = [str(Path(sys.executable).with_name("hirel"))]  # the console script, as pre-commit runs it
# What the console script runs (`run` where there is one: `main` and a quick exit after `check`).
MAIN = "import sys; sys.argv[0] = 'hirel'; import hirel.cli as cli; getattr(cli, 'run', cli.main)()"


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


ENV = dict(os.environ)


def timed(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,), env: dict[str, str] | None = None) -> float:
    start = cpu_seconds()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=env or ENV)
    elapsed = cpu_seconds() - start  # CPU time: other work on the machine does not count
    if done.returncode not in ok:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-2000:]}{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="another hirel's source folder, timed side by side")
    parser.add_argument("--no-bytecode", action="store_true", help="as with PYTHONDONTWRITEBYTECODE=1")
    args = parser.parse_args()
    if args.no_bytecode:
        ENV["PYTHONDONTWRITEBYTECODE"] = "1"
        import hirel

        for package in [Path(hirel.__file__).parent] + ([args.baseline / "hirel"] if args.baseline else []):
            for folder in list(package.rglob("__pycache__")):
                shutil.rmtree(folder)
    else:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "this"
        root = write_corpus(work / "data", args.articles, args.claims)
        cache = work / ".hirel"
        runs = {"": (work, HIREL, ENV)}
        if args.baseline:  # both as `python -c`, each with its own corpus (and so its own cache)
            shutil.copytree(work, Path(tmp) / "baseline")
            ours = str(Path(__file__).resolve().parent.parent / "src")
            runs = {" [this]": (work, [sys.executable, "-c", MAIN], ENV | {"PYTHONPATH": ours}),
                    " [baseline]": (Path(tmp) / "baseline", [sys.executable, "-c", MAIN],
                                    ENV | {"PYTHONPATH": str(args.baseline.resolve())})}
        colds = [timed(command + ["check"], where, env=env) for where, command, env in runs.values()]
        times: dict[str, list[float]] = {}
        for label in runs:
            for name in ("check FILE (warm)", "check FILE, a stance", "check (warm)", "check, nothing changed"):
                times[name + label] = []
        for name in ("hirel --version", "--version via Typer", "import typer, rich", "python -c pass"):
            times[name] = []
        claims = sorted(path.name for path in (root / "claims").iterdir())
        for round_ in range(args.rounds):
            for label, (where, command, env) in runs.items():
                changed = where / "data" / "claims" / claims[(round_ * 37) % len(claims)]
                with changed.open("a", encoding="utf-8") as stream:  # one more claim, copied from the first
                    first = changed.read_text(encoding="utf-8").split("\n  - ", 2)[1]
                    stream.write("  - " + first.replace("-c00\n", f"-c00-copy{round_}\n", 1) + "\n")
                relative = changed.relative_to(where).as_posix()
                times["check FILE (warm)" + label].append(timed(command + ["check", relative], where, env=env))
            for label, (where, command, env) in runs.items():
                other = where / "data" / "claims" / claims[(round_ * 37 + 11) % len(claims)]
                text = other.read_text(encoding="utf-8")
                flipped = text.replace("stance: supports", "stance: refutes", 1) if "stance: supports" in text \
                    else text.replace("stance: refutes", "stance: supports", 1)
                other.write_text(flipped, encoding="utf-8")
                times["check FILE, a stance" + label].append(
                    timed(command + ["check", other.relative_to(where).as_posix()], where, env=env))
            for label, (where, command, env) in runs.items():
                times["check (warm)" + label].append(timed(command + ["check"], where, env=env))
            edited = time.monotonic()
            times["hirel --version"].append(timed(HIREL + ["--version"], work))
            times["--version via Typer"].append(timed([sys.executable, "-c", VIA_TYPER], work))
            times["import typer, rich"].append(timed([sys.executable, "-c", "import typer, rich"], work))
            times["python -c pass"].append(timed([sys.executable, "-c", "pass"], work))
            # Nothing changed since the last call, which read every file well after its last change
            # (a file changed less than two seconds before it is read is compared by content).
            time.sleep(max(0.0, 2.5 - (time.monotonic() - edited)))
            for label, (where, command, env) in runs.items():
                timed(command + ["check"], where, env=env)
                times["check, nothing changed" + label].append(timed(command + ["check"], where, env=env))
        cache_size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    claims_total = args.articles * args.claims
    print(f"corpus: {args.articles} articles x {args.claims} claims = {claims_total} claims; "
          f"{args.rounds} rounds, interleaved; cache {cache_size / 1e6:.1f} MB")
    print(f"first check (cold, writes the cache): {', '.join(f'{cold:.3f} s{label}' for cold, label in zip(colds, runs))}")
    version = times["hirel --version"]
    print(f"bytecode caches: {'not used' if args.no_bytecode else 'used'}")
    print(f"{'':36} {'best':>8} {'median':>8}   best/--version  median/--version")
    for name, values in times.items():
        best, median = min(values), statistics.median(values)
        print(f"{name:36} {best:8.3f} {median:8.3f}   {best / min(version):8.2f} x     "
              f"{median / statistics.median(version):8.2f} x")
    typer_rich = times["import typer, rich"]
    print(f"hirel --version / import typer, rich: best {min(version) / min(typer_rich):.2f} x, "
          f"median {statistics.median(version) / statistics.median(typer_rich):.2f} x")


if __name__ == "__main__":
    main()
