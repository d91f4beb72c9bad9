"""Every mutant of a module, in one pytest session: the tests that run the mutated line, in process.

The mutants are those of `scripts/mutate.py` (same operators, same order, same indexes). What
changes is how they run, so that every mutant can be run instead of a sample:

1. The suite is collected once (in a child process, with nothing of hirel run yet), and each test
   runs once under a tracer, hirel's caches cleared before it (so a cached function's body counts
   for every test that calls it, not only the first): which lines of the measured modules does it
   run, which files of hirel does it run code of, and how long does it take. The result is kept
   in a file (`--coverage`), reused test by test while the sources are the same.
2. For each mutant, a forked child of the collected session replaces, in place, the code of the
   function that holds the mutated line (`function.__code__`, so every reference to the function
   sees the change, `from x import f` included), clears hirel's caches, and runs only the tests
   that executed that line, fastest first, up to the first failure.
3. A mutant outside any function body (a module-level constant, a default argument, a class
   attribute), or in a function that no test runs once collected (it runs on import only, as
   when a table is built), cannot be patched in place: a forked child forgets hirel and the test
   modules, imports them again with the mutated module and collects the tests again (a test's
   parameters are then built from the classes the code under test uses), and runs the tests that
   can read what the mutated statement defines, by name (see `_Session._readers`), those running
   a line of the module that names it first, up to the first failure. The files are collected in
   growing batches (10 tests, 80, 640…), so a mutant killed early does not pay for collecting
   them all. Before the mutants, the unmutated module goes through this path with all those
   tests, and must pass.

A mutant no test executes survives without a run. A run that fails for another reason than a
test (a test not found when collected again) is an "error", shown with the survivors. Tests that
start `hirel` in a subprocess cannot see a mutant (neither here nor in mutate.py).

    python scripts/mutate_fast.py src/hirel/values/words.py --show-survivors --json words.json
    python scripts/mutate_fast.py            # every module of MEASURED (below)
"""

from __future__ import annotations

import argparse
import ast
import functools
import hashlib
import importlib
import json
import os
import re
import signal
import sys
import time
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutate

ROOT = mutate.ROOT
_ERROR = "!error: "  # what a child writes in place of a test id when the run itself failed


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
        self.killer = self.reason = ""

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
        """{'lines': {module: {line: [item index…]}}, 'files': {hirel file: [item index…]},
        'seconds': [per item]}, from a forked child."""
        path = self.args.coverage
        key = hashlib.sha256(("files, cold caches\0" + "".join(sorted(files.values()))).encode()).hexdigest()
        names = [item.nodeid for item in items]
        known: dict[str, tuple[float, bool, dict[str, list[int]], list[str]]] = {}  # nodeid -> what it did
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
                files_of: dict[int, list[str]] = {}
                for f, indexes in cached["files"].items():
                    for i in indexes:
                        files_of.setdefault(i, []).append(f)
                known = {name: (cached["seconds"][i], i in failed_before, per_item.get(i, {}), files_of.get(i, []))
                         for i, name in enumerate(cached["items"])}
        by_file = {str(ROOT / m): m for m in files}
        hits: dict[str, dict[int, set[int]]] = {m: {} for m in files}
        # every file of hirel a test runs code of (not its lines): the tests a module-level mutant runs
        package = str(mutate.SRC / "hirel") + os.sep
        file_hits: dict[str, set[int]] = {}
        seconds: list[float] = []
        current = [0]
        failing: list[int] = []

        def local(frame, event, arg):
            if event == "line":
                hits[by_file[frame.f_code.co_filename]].setdefault(frame.f_lineno, set()).add(current[0])
            return local

        def tracer(frame, event, arg):
            filename = frame.f_code.co_filename
            if filename.startswith(package):
                file_hits.setdefault(filename, set()).add(current[0])
            if filename in by_file:
                hits[by_file[frame.f_code.co_filename]].setdefault(frame.f_lineno, set()).add(current[0])
                return local
            return None

        pid = os.fork()
        if pid == 0:
            _quiet()
            for i, item in enumerate(items):
                current[0] = i
                if item.nodeid in known:  # traced by an earlier run of the same sources
                    took, failed, lines_of, ran = known[item.nodeid]
                    seconds.append(took)
                    if failed:
                        failing.append(i)
                    for m, lines in lines_of.items():
                        for line in lines:
                            hits[m].setdefault(line, set()).add(i)
                    for f in ran:
                        file_hits.setdefault(str(ROOT / f), set()).add(i)
                    continue
                started = time.monotonic()
                _clear_caches()  # a cached function's body is traced for every test that calls it
                sys.settrace(tracer)
                item.ihook.pytest_runtest_protocol(item=item, nextitem=items[i + 1] if i + 1 < len(items) else None)
                sys.settrace(None)
                seconds.append(time.monotonic() - started)
                if self.failed:
                    failing.append(i)
                    self.failed = False
            data = {"key": key, "items": names, "seconds": seconds, "failing": failing,
                    "lines": {m: {str(k): sorted(v) for k, v in lines.items()} for m, lines in hits.items()},
                    "files": {str(Path(f).relative_to(ROOT)): sorted(v) for f, v in file_hits.items()}}
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
        started = time.monotonic()
        trees = {m: mutate.mutants_of(m)[0] for m in modules}
        plans: list[tuple[str, int, list[int], bool]] = []  # module, index, tests in order, in place?
        for module, index, lines in self.mutants:
            covering = []
            if lines is not None:
                covering = sorted({i for line in lines for i in coverage["lines"][module].get(str(line), [])}
                                  - failing,
                                  key=lambda i: seconds[i])
            if covering:
                plans.append((module, index, covering, True))
                continue
            # Outside any function, or in a function no test runs once the tests are collected (one
            # that runs on import only, as a table is built): the module imported again, and the
            # tests that can read what the mutated statement defines.
            readers, closest = self._readers(module, trees[module], index, coverage, items)
            readers -= failing
            plans.append((module, index, sorted(readers & closest, key=lambda i: seconds[i])
                          + sorted(readers - closest, key=lambda i: seconds[i]), False))
        for m in modules:  # the unmutated module, imported again, must pass what its mutants will run
            if all(inside for mm, _, _, inside in plans if mm == m):
                continue
            everything = sorted({i for mm, _, tests, inside in plans if mm == m and not inside for i in tests},
                                key=lambda i: seconds[i])
            same = compile(trees_source(m), str(ROOT / m), "exec")
            if self._one(m, same, [items[i] for i in everything], inside=False) != "survived":
                print(f"{m}: the tests fail without a mutant, the module imported again: "
                      f"{self.killer or 'the child failed before its tests'} {self.reason}", file=self.log)
                return True
            print(f"{m}: {len(everything)} tests for a mutant outside any function, "
                  f"checked without a mutant in {time.monotonic() - started:.0f} s", file=self.log)
        for done, (module, index, covering, inside) in enumerate(plans):
            if done and done % 25 == 0:
                print(f"{done}/{len(plans)} mutants, {time.monotonic() - started:.0f} s", file=self.log)
            if not covering:
                self.results[f"{module}:{index}"] = "survived"
                continue
            try:
                code = compile(mutate.mutated_source(trees[module], index), str(ROOT / module), "exec")
            except (SyntaxError, ValueError):
                self.results[f"{module}:{index}"] = "invalid"
                continue
            # the time limit: what the tests took when traced, five times over and half a minute
            # more (a mutant that loops for ever is stopped without waiting for --timeout)
            limit = min(self.args.timeout, 30.0 + 5 * sum(seconds[i] for i in covering))
            self.results[f"{module}:{index}"] = self._one(module, code, [items[i] for i in covering], inside,
                                                          limit)
            self.killers[f"{module}:{index}"] = self.killer
            self._save()  # after every mutant: a run stopped half-way still tells what it found
        self._save()
        print(f"{len(self.mutants)} mutants in {time.monotonic() - started:.0f} s", file=self.log)
        return True

    def _save(self) -> None:
        partial = self.args.results.with_suffix(".part")
        partial.write_text(json.dumps({"outcomes": self.results, "killers": self.killers}), encoding="utf-8")
        os.replace(partial, self.args.results)

    def _module_level_tests(self, module: str, coverage: dict, items: list) -> set[int]:
        """The tests a mutant outside any function runs: those that run code of the module or of a
        hirel module importing it (directly or not: a table built at import from its words), and
        every test of a test file that imports it."""
        files = {module, *_importers(module)}
        found = {i for f in files for i in coverage["files"].get(f, [])}
        readers = _test_files_importing(mutate.module_name(module))
        found.update(i for i, item in enumerate(items) if item.nodeid.split("::", 1)[0] in readers)
        return found

    def _readers(self, module: str, tree: ast.Module, index: int, coverage: dict,
                 items: list) -> tuple[set[int], set[int]]:
        """The tests that can read what the mutated top-level statement defines (its names): those
        that run a line of the statement, or a line of a traced module that names one of them,
        or code of another hirel file whose text names one, and every test of a test file whose
        text names one. The names grow with every top-level statement of hirel that reads one on
        import (a table built from a word list defines a name of its own). A statement defining a
        name Python calls by itself (a module's `__getattr__`) reads widely: every test that runs
        code of the module or of a module importing it. Second, those closest: the tests that run
        a line of the module naming one (they run first)."""
        node = mutate._sites(tree)[index][0]
        parents = _parents(tree)
        statement = node
        while not isinstance(parents.get(id(statement)), ast.Module):
            statement = parents[id(statement)]
        if isinstance(statement, ast.FunctionDef) and statement.name.startswith("__"):
            return self._module_level_tests(module, coverage, items), set()
        names = _names_read_on_import(_bound_names(statement))
        closest: set[int] = set()
        found = {i for line in range(statement.lineno, (statement.end_lineno or statement.lineno) + 1)
                 for i in coverage["lines"][module].get(str(line), [])}
        for m in coverage["lines"]:
            lines_of = _name_lines(m)
            found.update(i for name in names for line in lines_of.get(name, ())
                         for i in coverage["lines"][m].get(str(line), []))
            if m == module:
                closest = set(found)
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names))) + r")\b")
        for f, indexes in coverage["files"].items():
            if f not in coverage["lines"] and pattern.search(_text(f)):
                found.update(indexes)
        naming = {f for f in {item.nodeid.split("::", 1)[0] for item in items} if pattern.search(_text(f))}
        found.update(i for i, item in enumerate(items) if item.nodeid.split("::", 1)[0] in naming)
        return found, closest

    def _one(self, module: str, code: types.CodeType, items: list, inside: bool,
             limit: float | None = None) -> str:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read_end)
                _quiet()
                if inside:
                    # (imported now if no test module imported it at collection: some import it lazily)
                    target = importlib.import_module(mutate.module_name(module))
                    codes = _codes(code)
                    for key, function in _functions(target).items():
                        if key in codes and len(codes[key].co_freevars) == len(function.__code__.co_freevars):
                            function.__code__ = codes[key]
                    _clear_caches()
                    failed = self._run(items)
                else:
                    failed = _run_fresh(module, code, [item.nodeid for item in items])
                os.write(write_end, failed.encode())
                os._exit(1 if failed else 0)
            except BaseException as error:  # noqa: BLE001 - the forked child exits, whatever happened
                os.write(write_end, f"{_ERROR}{error}".encode()[:4000])
                os._exit(2)
        os.close(write_end)
        deadline = time.monotonic() + (self.args.timeout if limit is None else limit)
        try:
            while True:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    self.killer, _, self.reason = os.read(read_end, 4096).decode(errors="replace").partition("\n")
                    if self.killer.startswith(_ERROR):  # the run went wrong: neither killed nor survived
                        return "error"
                    return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
                if time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    self.killer = "(time limit)"
                    return "timeout"
                time.sleep(0.01)
        finally:
            os.close(read_end)


@functools.cache
def _text(path: str) -> str:
    return (ROOT / path).read_text("utf-8")


def _bound_names(statement: ast.stmt) -> set[str]:
    """The names a top-level statement defines (assigned, or changed through `name[...] =`)."""
    names = set()
    for part in _top_level_nodes(statement):
        if isinstance(part, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(part.name)
        elif isinstance(part, ast.Name) and isinstance(part.ctx, ast.Store):
            names.add(part.id)
        elif isinstance(part, (ast.Subscript, ast.Attribute)) and isinstance(part.ctx, ast.Store):
            base = part.value
            if isinstance(base, ast.Name):
                names.add(base.id)
    return names


@functools.cache
def _import_time_statements() -> list[tuple[frozenset[str], frozenset[str]]]:
    """(names read on import, names defined) for every top-level statement of hirel."""
    found = []
    for path in sorted((mutate.SRC / "hirel").rglob("*.py")):
        for statement in ast.parse(path.read_text("utf-8")).body:
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                continue
            read = set()
            for part in _top_level_nodes(statement):
                if isinstance(part, ast.Name) and isinstance(part.ctx, ast.Load):
                    read.add(part.id)
                elif isinstance(part, ast.Attribute):
                    read.add(part.attr)
            found.append((frozenset(read), frozenset(_bound_names(statement))))
    return found


def _names_read_on_import(names: set[str]) -> set[str]:
    """The names, and those defined by every top-level statement that reads one on import."""
    names = set(names)
    grew = True
    while grew:
        grew = False
        for read, defined in _import_time_statements():
            if read & names and not defined <= names:
                names |= defined
                grew = True
    return names


@functools.cache
def _name_lines(module: str) -> dict[str, set[int]]:
    """Every name a module reads (a bare name or an attribute), and the lines it is read on."""
    found: dict[str, set[int]] = {}
    for node in ast.walk(trees_source(module)):
        if isinstance(node, ast.Name):
            found.setdefault(node.id, set()).add(node.lineno)
        elif isinstance(node, ast.Attribute):
            found.setdefault(node.attr, set()).add(node.lineno)
    return found


def _imported_names(tree: ast.Module, package: str, top_level: bool = False) -> set[str]:
    """The full names of the modules a module imports, anywhere in it (a function's lazy import
    too) or `top_level` only (run on import; not under `if TYPE_CHECKING`), with `from a import b`
    also as `a.b` in case b is a module."""
    names = set()
    for node in (_top_level_nodes(tree) if top_level else ast.walk(tree)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base_name = ".".join(base + ([node.module] if node.module else []))
            else:
                base_name = node.module or ""
            names.add(base_name)
            names.update(f"{base_name}.{alias.name}" for alias in node.names)
    return names


def _top_level_nodes(tree: ast.AST):
    """The nodes that run when the module is imported: not a function's body (its decorators and
    defaults, yes), not a lambda's, not under `if TYPE_CHECKING`."""
    todo: list[ast.AST] = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            todo.extend([*node.decorator_list, *node.args.defaults,
                         *(d for d in node.args.kw_defaults if d is not None)])
            continue
        if isinstance(node, ast.Lambda):
            continue
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                todo.extend(child.orelse)
                continue
            todo.append(child)


@functools.cache
def _import_graph(top_level: bool) -> dict[str, set[str]]:
    """{module name: the hirel source files (relative paths) that import it (on import only, or
    anywhere)}."""
    importers: dict[str, set[str]] = {}
    for path in sorted((mutate.SRC / "hirel").rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        name = mutate.module_name(relative)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for imported in _imported_names(ast.parse(path.read_text("utf-8")), package, top_level):
            importers.setdefault(imported, set()).add(relative)
    return importers


def _importers(module: str) -> set[str]:
    """The hirel source files that can read what the module defines: those that import it
    (anywhere, a function's lazy import too), and, through imports run on import, those that
    import a module whose import read it (a table built from its words)."""
    name = mutate.module_name(module)
    built = {module}  # modules whose import runs with the mutated module's values
    todo = [name]
    while todo:
        for relative in _import_graph(True).get(todo.pop(), ()):
            if relative not in built:
                built.add(relative)
                todo.append(mutate.module_name(relative))
    direct = {relative for m in built for relative in _import_graph(False).get(mutate.module_name(m), ())}
    return (built | direct) - {module}


def _test_files_importing(name: str) -> set[str]:
    """The test files (as pytest names them, 'tests/test_x.py') that import the module by name."""
    found = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if name in _imported_names(ast.parse(path.read_text("utf-8")), ""):
            found.add(str(path.relative_to(ROOT)))
    return found


def trees_source(module: str) -> ast.Module:
    return ast.parse((ROOT / module).read_text(encoding="utf-8"))


class _FirstFailure:
    """A plugin of the run in a fresh collection: the id of the first test that fails, and which
    of the wanted tests were collected."""

    def __init__(self, wanted: list[str]) -> None:
        self.wanted, self.failed, self.found = wanted, "", set()
        self.reason: list[str] = []  # the last line of the failure

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        # in the suite's order: a test then runs after the tests it follows in the suite (a test
        # whose result depends on what ran before it passes as it does in the suite)
        wanted = set(self.wanted)
        kept = [item for item in items if item.nodeid in wanted]
        self.found = {item.nodeid for item in kept}
        items[:] = kept

    def pytest_runtest_logreport(self, report) -> None:
        if report.failed and not self.failed:
            self.failed = report.nodeid
            self.reason = report.longreprtext.strip().splitlines()[-1:]

    def pytest_collectreport(self, report) -> None:  # the mutated module broke an import
        if report.failed and not self.failed:
            self.failed = f"{report.nodeid} (collection)"


def _forget(also) -> None:
    """Drop the modules of tests/ (and those `also` names) from `sys.modules`."""
    tests = str(ROOT / "tests")
    for name, loaded in list(sys.modules.items()):
        if also(name) or str(getattr(loaded, "__file__", None) or "").startswith(tests):
            del sys.modules[name]


def _run_fresh(module: str, code: types.CodeType, wanted: list[str]) -> str:
    """In a forked child: import hirel and the tests again, with the mutated module, and run the
    wanted tests in that order up to the first failure; the id of the failing test, or ''.

    Everything of hirel and of tests/ is forgotten first, so the tests are collected again against
    the new import: a test parameter or a test module's constant built from a hirel class is an
    instance of the class the code under test uses (a dataclass is equal only to one of its own
    class, and the collected session's instances are of the first import's classes).
    """
    import pytest

    _forget(lambda name: name == "hirel" or name.startswith("hirel."))
    sys.meta_path.insert(0, mutate._Finder(mutate.module_name(module), code, ROOT / module))
    # In growing batches, each collecting only its own test files: a mutant killed by one of its
    # first tests does not pay for collecting every file of the module's tests.
    size, start = 10, 0
    while start < len(wanted):
        batch = wanted[start:start + size]
        # The test modules are imported again for each batch: collecting a module twice is not the
        # same (pytest escapes the `ids=` list of a parametrize mark in place, so the second
        # collection escapes it again, and a test id with a non-ASCII character changes).
        _forget(lambda name: False)
        files = list(dict.fromkeys(nodeid.split("::", 1)[0] for nodeid in batch))
        recorder = _FirstFailure(batch)
        exit_code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *files],
                                plugins=[recorder])
        if recorder.failed:
            return "\n".join([recorder.failed, *recorder.reason])
        missing = [nodeid for nodeid in batch if nodeid not in recorder.found]
        if exit_code != 0 or missing:  # not a kill: the run itself went wrong
            raise RuntimeError(f"fresh collection: exit code {exit_code}, {len(missing)} tests not collected"
                               + (f", first {missing[0]}" if missing else ""))
        start, size = start + size, size * 8
    return ""


def _quiet() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="source files (default: MEASURED)")
    parser.add_argument("--show-survivors", action="store_true")
    parser.add_argument("--json", type=Path, help="write every mutant and its outcome here")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds per mutant at most (the limit is 30 s plus five times what its tests "
                             "took when traced, if that is less)")
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
        found = json.loads(args.rerun.read_text("utf-8"))
        if isinstance(found, dict):  # the file a stopped run left beside --json: {"outcomes": {"module:index": …}}
            found = [{"module": key.rpartition(":")[0], "index": int(key.rpartition(":")[2]), "outcome": outcome}
                     for key, outcome in found["outcomes"].items()]
        earlier = {(m["module"], m["index"]): m for m in found}
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
            if before and before["outcome"] not in ("survived", "error", ""):
                mutant.outcome = before["outcome"]
                continue
            inside = _in_function_body(node, parents)
            queued.append((module, mutant.index, _lines(node, parents) if inside else None))

    # The child writes what it found after every mutant, beside --json when one is given, so that a
    # run stopped half-way (or killed) keeps its outcomes: `--rerun` that file to finish the run.
    args.results = (args.json.with_name(args.json.name + ".partial") if args.json
                    else ROOT / f".mutate-results-{os.getpid()}.json")
    args.results.unlink(missing_ok=True)
    pid = os.fork()
    if pid == 0:
        import pytest

        session = _Session(args, queued)
        session.log = os.fdopen(os.dup(2), "w", buffering=1)
        _quiet()
        _code = pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:randomly", *args.tests], plugins=[session])
        os._exit(0)
    try:
        os.waitpid(pid, 0)
    except KeyboardInterrupt:  # the child got the interrupt too; keep what it wrote
        print("interrupted: the outcomes found so far follow", file=sys.stderr)
    if not args.results.exists():
        print("the mutants did not run (see the messages above)", file=sys.stderr)
        return 2
    saved = json.loads(args.results.read_text("utf-8"))
    outcomes, killers = saved["outcomes"], saved["killers"]
    if not args.json:
        args.results.unlink()
    results: list[mutate.Mutant] = []
    queued_keys = {(module, index) for module, index, _ in queued}
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
        errors = sum(m.outcome == "error" for m in valid)
        unrun = sum(1 for m in found if m.outcome == "" and (module, m.index) in queued_keys)
        if unrun:
            print(f"{module}: {unrun} mutants not run (the run was stopped); `--rerun` the --json file to "
                  f"run them", flush=True)
        print(f"{module}: {len(killed)}/{len(valid)} killed ({rate:.1f}%)"
              + (f", {timeouts} of them by the time limit" if timeouts else "")
              + (f"; {errors} not run to the end (error: the run itself failed)" if errors else ""), flush=True)
        if args.show_survivors:
            for m in valid:
                if m.outcome in ("survived", "error"):
                    print(f"    {m.outcome}  {module}:{m.line}  #{m.index}  {m.description}", flush=True)
                elif args.only and m.outcome:
                    print(f"    {m.outcome}  {module}:{m.line}  #{m.index}  {m.description}  by "
                          f"{getattr(m, 'killer', '')}", flush=True)
        results.extend(found)
    if args.json:
        args.json.write_text(json.dumps([m.__dict__ for m in results], indent=1), encoding="utf-8")
        args.results.unlink(missing_ok=True)
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
