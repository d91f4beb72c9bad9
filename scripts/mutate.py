"""Mutation testing of hirel's verdict and value modules, with `ast` and a focused test subset.

Each mutant changes one operator or constant in one module (`<` to `<=`, `+` to `-`, `and` to
`or`, a dropped `not`, a number plus one, a flipped boolean, a string that gains "XX", except the entries of
literal word tables), and the
module's focused tests run against it in a forked process that imports the mutated source in place
of the file. A mutant is *killed* when a test fails (or the run exceeds the time limit) and
*survives* when every test passes. The source files are never written.

    python scripts/mutate.py                      # every module in MODULES, summary per module
    python scripts/mutate.py src/hirel/comparing/verdicts.py --show-survivors
    python scripts/mutate.py --json mutants.json  # every mutant with its outcome

See docs/development.md for the kill rates and the surviving mutants.
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib.abc
import importlib.util
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

VERDICT_TESTS = [
    "tests/test_mutation_gaps.py",
    "tests/test_mutation_gaps_values.py",
    "tests/test_verdicts.py",
    "tests/test_verdicts_bounds_totals.py",
    "tests/test_precision_and_changes.py",
    "tests/test_positions.py",
    "tests/test_browse.py",
    "tests/test_chart.py",
]
VALUE_TESTS = [
    "tests/test_mutation_gaps_values.py",
    "tests/test_values.py",
    "tests/test_precision_and_changes.py",
    "tests/test_reporting_forms.py",
    "tests/test_real_world_phrases.py",
    "tests/test_find_values.py",
    "tests/test_value_properties.py",
]

# module -> the tests that own its behaviour (fast, in-process tests first: `-x` stops at the first
# failure, so a killed mutant costs little and a survivor costs the whole list).
MODULES: dict[str, list[str]] = {
    "src/hirel/comparing/verdicts.py": VERDICT_TESTS,
    "src/hirel/comparing/relations.py": VERDICT_TESTS,
    "src/hirel/comparing/explain.py": VERDICT_TESTS,
    "src/hirel/comparing/positions.py": VERDICT_TESTS + ["tests/test_positions_property.py"],
    "src/hirel/comparing/counting.py": VERDICT_TESTS + ["tests/test_counting_property.py"],
    "src/hirel/comparing/disputes.py": VERDICT_TESTS + ["tests/test_positions_property.py"],
    "src/hirel/comparing/sorted_search.py": VERDICT_TESTS + ["tests/test_counting_property.py"],
    "src/hirel/views/matrix.py": ["tests/test_mutation_gaps_matrix.py", "tests/test_browse.py",
                                  "tests/test_output_layer.py", "tests/test_mutation_gaps.py",
                                  "tests/test_browse_cli.py", "tests/test_daily_use.py"],
    "src/hirel/values/__init__.py": VALUE_TESTS,
    "src/hirel/values/changes.py": VALUE_TESTS,
    "src/hirel/values/parser.py": VALUE_TESTS + ["tests/test_mutation_gaps_parser.py", "tests/test_mutation_gaps_parser2.py"],
    "src/hirel/values/precision.py": VALUE_TESTS + ["tests/test_verdicts.py"],
    "src/hirel/values/quotes.py": VALUE_TESTS,
    "src/hirel/values/readers.py": VALUE_TESTS + ["tests/test_mutation_gaps_readers.py",
                                                  "tests/test_mutation_gaps_readers2.py"],
    "src/hirel/values/literals.py": VALUE_TESTS,
    "src/hirel/values/tokens.py": VALUE_TESTS,
    "src/hirel/values/units.py": VALUE_TESTS + ["tests/test_mutation_gaps_units.py", "tests/test_mutation_gaps_units2.py"],
    "src/hirel/values/vocabulary.py": ["tests/test_mutation_gaps_vocabulary.py",
                                       "tests/test_mutation_gaps_vocabulary2.py", *VALUE_TESTS],
    "src/hirel/values/words.py": VALUE_TESTS,
}

_SWAP_CMP = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
    ast.In: ast.NotIn, ast.NotIn: ast.In,
}
_SWAP_BIN = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
    ast.FloorDiv: ast.Div, ast.Mod: ast.Mult, ast.Pow: ast.Mult,
}


@dataclass
class Mutant:
    module: str
    index: int
    line: int
    description: str
    outcome: str = ""


def _docstring_ids(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _skipped_ids(tree: ast.AST) -> set[int]:
    """Nodes not worth mutating: docstrings, annotations, `__all__`, `TYPE_CHECKING` guards."""
    ids = _docstring_ids(tree)
    for node in ast.walk(tree):
        annotations = []
        if isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations.append(node.returns)
            args = node.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None:
                    annotations.append(arg.annotation)
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            annotations.append(node.value)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            annotations.append(node)
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
            # word tables: a changed entry is a changed vocabulary, not a changed behaviour
            annotations.extend(
                e for e in [*getattr(node, "elts", []), *getattr(node, "keys", []), *getattr(node, "values", [])]
                if isinstance(e, ast.Constant) and isinstance(e.value, str)
            )
        for annotation in annotations:
            if annotation is not None:
                ids.update(id(n) for n in ast.walk(annotation))
    return ids


def _sites(tree: ast.AST) -> list[tuple[ast.AST, int, str]]:
    """(node, variant, description) for every mutation of the tree, in a stable order."""
    skipped = _skipped_ids(tree)
    sites: list[tuple[ast.AST, int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _SWAP_CMP:
                    new = _SWAP_CMP[type(op)].__name__
                    sites.append((node, i, f"{type(op).__name__} -> {new}"))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _SWAP_BIN:
            sites.append((node, 0, f"{type(node.op).__name__} -> {_SWAP_BIN[type(node.op)].__name__}"))
        elif isinstance(node, ast.BoolOp):
            sites.append((node, 0, "And -> Or" if isinstance(node.op, ast.And) else "Or -> And"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            sites.append((node, 0, "drop not"))
        elif isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool):
                sites.append((node, 0, f"{value} -> {not value}"))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sites.append((node, 0, f"{value!r} -> {value + 1!r}"))
            elif isinstance(value, str) and value:
                sites.append((node, 0, f"{value[:30]!r} -> 'XX…XX'"))
    return sites


def _apply(node: ast.AST, variant: int) -> None:
    if isinstance(node, ast.Compare):
        node.ops[variant] = _SWAP_CMP[type(node.ops[variant])]()
    elif isinstance(node, (ast.BinOp, ast.AugAssign)):
        node.op = _SWAP_BIN[type(node.op)]()
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            node.value = not value
        elif isinstance(value, (int, float)):
            node.value = value + 1
        else:
            node.value = f"XX{value}XX"


def mutants_of(module: str) -> tuple[ast.Module, list[Mutant]]:
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found = [
        Mutant(module, i, getattr(node, "lineno", 0), description)
        for i, (node, _variant, description) in enumerate(_sites(tree))
    ]
    return tree, found


def mutated_source(tree: ast.Module, index: int) -> ast.Module:
    """A copy of the tree with mutation `index` applied; UnaryOp Not is replaced by its operand."""
    tree = copy.deepcopy(tree)
    node, variant, _description = _sites(tree)[index]
    if isinstance(node, ast.UnaryOp):
        operand = node.operand

        class Drop(ast.NodeTransformer):
            def visit_UnaryOp(self, n: ast.UnaryOp) -> ast.AST:
                self.generic_visit(n)
                return operand if n is node else n

        tree = Drop().visit(tree)
    else:
        _apply(node, variant)
    return ast.fix_missing_locations(tree)


def module_name(module: str) -> str:
    parts = list(Path(module).relative_to("src").with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the mutated code for one module name; every other import goes the usual way."""

    def __init__(self, name: str, code: object, path: Path) -> None:
        self.name, self.code, self.path = name, code, path

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname != self.name:
            return None
        is_package = self.path.name == "__init__.py"
        spec = importlib.util.spec_from_loader(fullname, self, origin=str(self.path), is_package=is_package)
        if is_package and spec is not None:
            spec.submodule_search_locations = [str(self.path.parent)]
        return spec

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__file__ = str(self.path)
        exec(self.code, module.__dict__)  # noqa: S102 - running the mutated module is the point


def run_tests(tests: list[str], finder: _Finder | None, timeout: float) -> str:
    """Run the tests in a forked child (with the finder installed); 'killed', 'survived' or 'timeout'."""
    pid = os.fork()
    if pid == 0:
        try:
            import pytest

            if finder is not None:
                sys.meta_path.insert(0, finder)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *tests])
            os._exit(0 if code == 0 else 1)
        except BaseException:  # noqa: BLE001 - the forked child exits, whatever happened
            os._exit(2)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="source files (default: every module in MODULES)")
    parser.add_argument("--show-survivors", action="store_true")
    parser.add_argument("--json", type=Path, help="write every mutant and its outcome here")
    parser.add_argument("--sample", type=int, default=0,
                        help="run only this many mutants per module, drawn at random (seed 0)")
    parser.add_argument("--rerun", type=Path,
                        help="a --json file of an earlier run: run again only its survivors (more "
                             "tests cannot revive a killed mutant)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant")
    args = parser.parse_args()

    os.chdir(ROOT)
    sys.path.insert(0, str(SRC))
    # Third-party imports happen once here, so each forked run only imports hirel and the tests.
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401
    import rapidfuzz  # noqa: F401
    import rich  # noqa: F401
    import typer  # noqa: F401
    import yaml  # noqa: F401

    modules = args.modules or list(MODULES)
    earlier = {}
    if args.rerun:
        earlier = {(m["module"], m["index"]): m for m in json.loads(args.rerun.read_text("utf-8"))}
        modules = list(dict.fromkeys(m for m, _ in earlier)) if not args.modules else modules
    results: list[Mutant] = []
    for module in modules:
        module = str(Path(module))
        tests = [t for t in MODULES.get(module, VERDICT_TESTS + VALUE_TESTS) if (ROOT / t).exists()]
        tests = list(dict.fromkeys(tests))
        if run_tests(tests, None, args.timeout * 3) != "survived":
            print(f"{module}: the tests fail without a mutant; fix them first", file=sys.stderr)
            return 2
        tree, found = mutants_of(module)
        name, path = module_name(module), ROOT / module
        if args.sample and len(found) > args.sample:
            import random

            found = sorted(random.Random(0).sample(found, args.sample), key=lambda m: m.index)
        started = time.monotonic()
        if earlier:
            found = [m for m in found if (module, m.index) in earlier]
        for mutant in found:
            before = earlier.get((module, mutant.index))
            if before and before["outcome"] != "survived":
                mutant.outcome = before["outcome"]
                continue
            try:
                code = compile(mutated_source(tree, mutant.index), str(path), "exec")
            except (SyntaxError, ValueError):
                mutant.outcome = "invalid"
                continue
            mutant.outcome = run_tests(tests, _Finder(name, code, path), args.timeout)
        valid = [m for m in found if m.outcome != "invalid"]
        killed = [m for m in valid if m.outcome in ("killed", "timeout")]
        rate = 100.0 * len(killed) / len(valid) if valid else 100.0
        print(f"{module}: {len(killed)}/{len(valid)} killed ({rate:.1f}%) "
              f"in {time.monotonic() - started:.0f} s", flush=True)
        if args.show_survivors:
            for m in valid:
                if m.outcome == "survived":
                    print(f"    survived  {module}:{m.line}  {m.description}", flush=True)
        results.extend(found)
        if args.json:  # after each module, so that a long run can be read while it goes on
            args.json.write_text(json.dumps([m.__dict__ for m in results], indent=1), encoding="utf-8")
    valid = [m for m in results if m.outcome != "invalid"]
    killed = sum(m.outcome in ("killed", "timeout") for m in valid)
    if len(modules) > 1 and valid:
        print(f"total: {killed}/{len(valid)} killed ({100.0 * killed / len(valid):.1f}%)")
    if args.json:
        args.json.write_text(json.dumps([m.__dict__ for m in results], indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
