"""Every mutant of a module, in one pytest session: the tests that run the mutated line, in process.

The mutants are those of `scripts/mutate.py` (same operators, same order, same indexes). What
changes is how they run, so that every mutant can be run instead of a sample:

1. The suite is collected once (in a child process, with nothing of hirel run yet), and each test
   runs once under a line tracer: which lines of the mutated modules does it execute, and how long
   does it take. The result is kept in a file (`--coverage`), reused while the sources are the same.
2. For each mutant, a forked child of the collected session replaces, in place, the code of the
   function that holds the mutated line (`function.__code__`, so every reference to the function
   sees the change, `from x import f` included), clears hirel's caches, and runs only the tests
   that executed that line, fastest first, up to the first failure. A mutant no test executes
   survives without a run.
3. A mutant outside any function body (a module-level constant, a default argument, a class
   attribute) cannot be patched in place: it runs the way `scripts/mutate.py` runs it, the
   module's focused tests in a fresh process that imports the mutated module.

Tests that start `hirel` in a subprocess cannot see a mutant (neither here nor in mutate.py).

    python scripts/mutate_fast.py src/hirel/values/words.py --show-survivors --json words.json
    python scripts/mutate_fast.py            # every module of mutate.MODULES_MEASURED
"""

from __future__ import annotations

import argparse
import ast
import functools
import hashlib
import json
import os
import signal
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutate

ROOT = mutate.ROOT


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _in_function_body(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """True when the node runs when a function is called, not when the module is imported."""
    child, parent = node, parents.get(id(node))
    while parent is not None:
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
            child is statement for statement in parent.body
        ):
            return True
        if isinstance(parent, ast.Lambda) and child is parent.body:
            return True
        child, parent = parent, parents.get(id(parent))
    return False


def _lines(node: ast.AST, parents: dict[int, ast.AST]) -> set[int]:
    """The lines whose execution means the node ran: its own, and its statement's first line."""
    lines = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    parent = node
    while parent is not None and not isinstance(parent, ast.stmt):
        parent = parents.get(id(parent))
    if parent is not None:
        lines.add(parent.lineno)
    return lines


def _functions(module: types.ModuleType) -> dict[tuple[str, int], types.FunctionType]:
    """Every function defined by the module (methods, properties, cached functions unwrapped)."""
    found: dict[tuple[str, int], types.FunctionType] = {}
    seen: set[int] = set()

    def visit(obj: object) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, (staticmethod, classmethod)):
            visit(obj.__func__)
        elif isinstance(obj, property):
            for f in (obj.fget, obj.fset, obj.fdel):
                if f is not None:
                    visit(f)
        elif isinstance(obj, functools.cached_property):
            visit(obj.func)
        elif isinstance(obj, type) and obj.__module__ == module.__name__:
            for value in vars(obj).values():
                visit(value)
        elif isinstance(obj, types.FunctionType):
            if obj.__module__ == module.__name__:
                found[(obj.__code__.co_qualname, obj.__code__.co_firstlineno)] = obj
            if hasattr(obj, "__wrapped__"):
                visit(obj.__wrapped__)
        elif hasattr(obj, "__wrapped__") and callable(obj):  # functools.lru_cache and friends
            visit(obj.__wrapped__)

    for value in list(vars(module).values()):
        visit(value)
    return found


def _codes(code: types.CodeType) -> dict[tuple[str, int], types.CodeType]:
    found = {}
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found[(const.co_qualname, const.co_firstlineno)] = const
            found.update(_codes(const))
    return found


def _clear_caches() -> None:
    for name, module in list(sys.modules.items()):
        if not name.startswith("hirel") or module is None:
            continue
        for value in list(vars(module).values()):
            holders = [value, *vars(value).values()] if isinstance(value, type) else [value]
            for holder in holders:
                if callable(getattr(holder, "cache_clear", None)):
                    holder.cache_clear()


class _Session:
    """Inside the collected pytest session: the coverage pass and the runs of the mutants."""

    def __init__(self, args: argparse.Namespace, mutants: list[tuple[str, int, set[int]]]) -> None:
        self.args, self.mutants, self.failed = args, mutants, False
        self.results: dict[str, str] = {}
        self.killers: dict[str, str] = {}
        self.killer = ""
        self.inside = {(m, i): lines is not None for m, i, lines in mutants}

    def pytest_runtest_logreport(self, report) -> None:
        if report.failed:
            self.failed = True

    def _run(self, items: list) -> str:
        """Run the items in order; the id of the first that fails (it stops there), or ''."""
        for i, item in enumerate(items):
            item.ihook.pytest_runtest_protocol(item=item, nextitem=items[i + 1] if i + 1 < len(items) else None)
            if self.failed:
                return str(item.nodeid)
        return ""

    def _coverage(self, items: list, files: dict[str, str]) -> dict:
        """{'lines': {module: {line: [item index…]}}, 'seconds': [per item]}, from a forked child."""
        path = self.args.coverage
        key = hashlib.sha256("".join(sorted(files.values())).encode()).hexdigest()
        names = [item.nodeid for item in items]
        known: dict[str, tuple[float, bool, dict[str, list[int]]]] = {}  # nodeid -> what it did
        if path.exists():
            cached = json.loads(path.read_text("utf-8"))
            if cached.get("key") == key and "failing" in cached:
                if cached["items"] == names:
                    return cached
                failed_before = set(cached["failing"])
                per_item: dict[int, dict[str, list[int]]] = {}
                for m, lines in cached["lines"].items():
                    for line, indexes in lines.items():
                        for i in indexes:
                            per_item.setdefault(i, {}).setdefault(m, []).append(int(line))
                known = {name: (cached["seconds"][i], i in failed_before, per_item.get(i, {}))
                         for i, name in enumerate(cached["items"])}
        by_file = {str(ROOT / m): m for m in files}
        hits: dict[str, dict[int, set[int]]] = {m: {} for m in files}
        seconds: list[float] = []
        current = [0]
        failing: list[int] = []

        def local(frame, event, arg):
            if event == "line":
                hits[by_file[frame.f_code.co_filename]].setdefault(frame.f_lineno, set()).add(current[0])
            return local

        def tracer(frame, event, arg):
            if frame.f_code.co_filename in by_file:
                hits[by_file[frame.f_code.co_filename]].setdefault(frame.f_lineno, set()).add(current[0])
                return local
            return None

        pid = os.fork()
        if pid == 0:
            _quiet()
            for i, item in enumerate(items):
                current[0] = i
                if item.nodeid in known:  # traced by an earlier run of the same sources
                    took, failed, lines_of = known[item.nodeid]
                    seconds.append(took)
                    if failed:
                        failing.append(i)
                    for m, lines in lines_of.items():
                        for line in lines:
                            hits[m].setdefault(line, set()).add(i)
                    continue
                started = time.monotonic()
                sys.settrace(tracer)
                item.ihook.pytest_runtest_protocol(item=item, nextitem=items[i + 1] if i + 1 < len(items) else None)
                sys.settrace(None)
                seconds.append(time.monotonic() - started)
                if self.failed:
                    failing.append(i)
                    self.failed = False
            data = {"key": key, "items": names, "seconds": seconds, "failing": failing,
                    "lines": {m: {str(k): sorted(v) for k, v in lines.items()} for m, lines in hits.items()}}
            path.write_text(json.dumps(data), encoding="utf-8")
            os._exit(0)
        os.waitpid(pid, 0)
        return json.loads(path.read_text("utf-8"))

    def pytest_runtestloop(self, session) -> bool:
        items = list(session.items)
        modules = sorted({m for m, _, _ in self.mutants})
        # every measured module is traced, so that the file serves any later run of any of them
        files = {m: (ROOT / m).read_text("utf-8") for m in sorted({*modules, *map(str, map(Path, MEASURED))})}
        coverage = self._coverage(items, files)
        seconds = coverage["seconds"]
        failing = set(coverage["failing"])  # tests that fail without a mutant (or under the tracer)
        print(f"{len(items)} tests, {len(failing)} left out: they fail without a mutant", file=self.log)
        for m in modules:  # the unmutated code, through both paths, must pass
            everything = sorted({i for v in coverage["lines"][m].values() for i in v} - failing,
                                key=lambda i: seconds[i])[:200]
            same = compile(trees_source(m), str(ROOT / m), "exec")
            for inside in (False,):
                if self._one(m, same, [items[i] for i in everything], inside) != "survived":
                    print(f"{m}: the tests fail without a mutant (in_function={inside})", file=self.log)
                    return True
        trees = {m: mutate.mutants_of(m)[0] for m in modules}
        started = time.monotonic()
        for module, index, lines in self.mutants:
            if lines is None:  # module level: every test that runs a line of the module
                lines = {int(line) for line in coverage["lines"][module]}
            covering = sorted({i for line in lines for i in coverage["lines"][module].get(str(line), [])}
                              - failing,
                              key=lambda i: seconds[i])
            if not covering:
                self.results[f"{module}:{index}"] = "survived"
                continue
            try:
                code = compile(mutate.mutated_source(trees[module], index), str(ROOT / module), "exec")
            except (SyntaxError, ValueError):
                self.results[f"{module}:{index}"] = "invalid"
                continue
            inside = self.inside[(module, index)]
            self.results[f"{module}:{index}"] = self._one(module, code, [items[i] for i in covering], inside)
            self.killers[f"{module}:{index}"] = self.killer
        self.args.results.write_text(json.dumps({"outcomes": self.results, "killers": self.killers}),
                                     encoding="utf-8")
        print(f"{len(self.mutants)} mutants in {time.monotonic() - started:.0f} s", file=self.log)
        return True

    def _one(self, module: str, code: types.CodeType, items: list, inside: bool) -> str:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                _quiet()
                if inside:
                    target = sys.modules[mutate.module_name(module)]
                    codes = _codes(code)
                    for key, function in _functions(target).items():
                        if key in codes and len(codes[key].co_freevars) == len(function.__code__.co_freevars):
                            function.__code__ = codes[key]
                else:
                    _reimport(module, code)
                _clear_caches()
                failed = self._run(items)
                os.write(write_end, failed.encode())
                os._exit(1 if failed else 0)
            except BaseException:  # noqa: BLE001 - the forked child exits, whatever happened
                os._exit(2)
        os.close(write_end)
        deadline = time.monotonic() + self.args.timeout
        try:
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    self.killer = os.read(read_end, 4096).decode()
                    return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
                if time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    self.killer = "(time limit)"
                    return "timeout"
                time.sleep(0.01)
        finally:
            os.close(read_end)


_PLAIN = (int, float, str, bytes, bool, type(None))


def trees_source(module: str) -> ast.Module:
    return ast.parse((ROOT / module).read_text(encoding="utf-8"))


def _reimport(module: str, code: types.CodeType) -> None:
    """Import hirel again with the mutated module, and point the tests' globals at the new objects."""
    import importlib

    old = {name: m for name, m in sys.modules.items() if name == "hirel" or name.startswith("hirel.")}
    for name in old:
        del sys.modules[name]
    sys.meta_path.insert(0, mutate._Finder(mutate.module_name(module), code, ROOT / module))
    new = {}
    for name in old:
        try:
            new[name] = importlib.import_module(name)
        except ImportError:
            pass
    replacement: dict[int, object] = {}
    for name, old_module in old.items():
        if name not in new:
            continue
        replacement[id(old_module)] = new[name]
        fresh = vars(new[name])
        for attr, value in vars(old_module).items():
            if attr in fresh and not attr.startswith("__") and not isinstance(value, _PLAIN):
                replacement[id(value)] = fresh[attr]
    for name, other in list(sys.modules.items()):
        if other is None or name in new or name.split(".")[0] in ("hirel",):
            continue
        if not (name.startswith(("test", "conftest")) or "tests" in str(getattr(other, "__file__", ""))):
            continue
        namespace = vars(other)
        for attr, value in list(namespace.items()):
            if id(value) in replacement and not attr.startswith("__"):
                namespace[attr] = replacement[id(value)]


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="source files (default: MEASURED)")
    parser.add_argument("--show-survivors", action="store_true")
    parser.add_argument("--json", type=Path, help="write every mutant and its outcome here")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per mutant")
    parser.add_argument("--coverage", type=Path, default=ROOT / ".mutate-coverage.json",
                        help="which test runs which line, kept between runs")
    parser.add_argument("--only", type=int, nargs="*", help="only these mutant indexes (one module)")
    parser.add_argument("--rerun", type=Path,
                        help="a --json file of an earlier run: run again only its survivors")
    parser.add_argument("--tests", nargs="*", default=["tests"], help="the tests to collect")
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.path.insert(0, str(mutate.SRC))
    modules = [str(Path(m)) for m in (args.modules or MEASURED)]

    earlier = {}
    if args.rerun:
        earlier = {(m["module"], m["index"]): m for m in json.loads(args.rerun.read_text("utf-8"))}
    all_mutants: dict[str, list[mutate.Mutant]] = {}
    queued: list[tuple[str, int, set[int] | None]] = []
    for module in modules:
        tree, found = mutate.mutants_of(module)
        all_mutants[module] = found
        parents = _parents(tree)
        for mutant, (node, _variant, _d) in zip(found, mutate._sites(tree), strict=True):
            if args.only and mutant.index not in args.only:
                continue
            before = earlier.get((module, mutant.index))
            if before and before["outcome"] != "survived":
                mutant.outcome = before["outcome"]
                continue
            inside = _in_function_body(node, parents)
            queued.append((module, mutant.index, _lines(node, parents) if inside else None))

    args.results = ROOT / f".mutate-results-{os.getpid()}.json"
    args.results.unlink(missing_ok=True)
    pid = os.fork()
    if pid == 0:
        import pytest

        session = _Session(args, queued)
        session.log = os.fdopen(os.dup(2), "w", buffering=1)
        _quiet()
        _code = pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args.tests], plugins=[session])
        os._exit(0)
    os.waitpid(pid, 0)
    if not args.results.exists():
        print("the mutants did not run (see the messages above)", file=sys.stderr)
        return 2
    saved = json.loads(args.results.read_text("utf-8"))
    outcomes, killers = saved["outcomes"], saved["killers"]
    args.results.unlink()
    results: list[mutate.Mutant] = []
    for module in modules:
        found = all_mutants[module]
        for mutant in found:
            key = f"{module}:{mutant.index}"
            if key in outcomes:
                mutant.outcome = outcomes[key]
                mutant.killer = killers.get(key, "")
        valid = [m for m in found if m.outcome not in ("invalid", "")]
        killed = [m for m in valid if m.outcome in ("killed", "timeout")]
        rate = 100.0 * len(killed) / len(valid) if valid else 100.0
        timeouts = sum(m.outcome == "timeout" for m in valid)
        print(f"{module}: {len(killed)}/{len(valid)} killed ({rate:.1f}%)"
              + (f", {timeouts} of them by the time limit" if timeouts else ""), flush=True)
        if args.show_survivors:
            for m in valid:
                if m.outcome == "survived":
                    print(f"    survived  {module}:{m.line}  #{m.index}  {m.description}", flush=True)
                elif args.only and m.outcome:
                    print(f"    {m.outcome}  {module}:{m.line}  #{m.index}  {m.description}  by "
                          f"{getattr(m, 'killer', '')}", flush=True)
        results.extend(found)
    if args.json:
        args.json.write_text(json.dumps([m.__dict__ for m in results], indent=1), encoding="utf-8")
    return 0


MEASURED = [
    "src/hirel/comparing/verdicts.py", "src/hirel/comparing/relations.py",
    "src/hirel/comparing/positions.py", "src/hirel/comparing/disputes.py",
    "src/hirel/comparing/counting.py",
    *(f"src/hirel/values/{m}.py" for m in (
        "vocabulary", "tokens", "parser", "words", "precision", "changes", "readers", "literals",
        "quotes", "units", "periods", "figures", "__init__")),
]

if __name__ == "__main__":
    sys.exit(main())
