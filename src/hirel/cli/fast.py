"""`hirel --version` and the plain forms of `hirel check`, answered without loading Typer.

pre-commit runs `hirel check FILES` on every commit; importing Typer (and pydantic, which it uses
to convert every option) would cost more than checking a changed file. This reader accepts only
what it fully understands: the global options `--data DIR`, `--color WHEN`, `--no-cache`, `--no-pager` and `--raw-csv`,
then `check` with FILES, `--format/-f`, `--strict`, `--exit-zero`, `--no-cache` and `--`.
Anything else (help, an unknown option, a bad value, another command) returns None and goes to
the Typer application, which answers it, errors included, as it always has. Both run the same
`run_check`.
"""

from pathlib import Path
from typing import Literal, TypedDict

from .check_run import FORMATS, run_check

_COLORS = ("auto", "always", "never")
_Flag = Literal["strict", "exit_zero", "no_cache"]
_FLAGS: dict[str, _Flag] = {"--strict": "strict", "--exit-zero": "exit_zero", "--no-cache": "no_cache"}


class _CheckArgs(TypedDict):
    """The arguments of `run_check`, as read from the command line."""

    data: Path | None
    color: str
    files: list[Path]
    format: str
    strict: bool
    exit_zero: bool
    no_cache: bool


def run_fast(argv: list[str]) -> int | None:
    """The exit code of the command ``argv``, or None when Typer must read it."""
    if argv == ["--version"]:
        import sys

        from .. import __version__
        from ..output import report_version

        report_version(__version__, sys.stdout)
        return 0
    parsed = _read_check(argv)
    if parsed is None:
        return None
    from ..patternstore import StoredPatterns  # (not for --version, which compiles nothing of its own)

    with StoredPatterns(enabled=not parsed["no_cache"]):
        return run_check(**parsed)


def _read_check(argv: list[str]) -> _CheckArgs | None:
    data: Path | None = None
    color = "auto"
    no_cache = False
    at = 0
    while at < len(argv) and argv[at] != "check":
        if argv[at] in ("--no-pager", "--raw-csv"):  # check is never paged and writes no CSV
            at += 1
            continue
        if argv[at] == "--no-cache":
            no_cache = True
            at += 1
            continue
        name, value, at = _option(argv, at, ("--data", "--color"))
        if name is None or not value:
            return None
        if name == "--data":
            data = Path(value)
        elif value.lower() in _COLORS:
            color = value.lower()
        else:
            return None
    if at == len(argv):
        return None
    found: _CheckArgs = {"data": data, "color": color, "files": [], "format": "text", "strict": False,
                         "exit_zero": False, "no_cache": no_cache}
    at += 1
    only_files = False
    while at < len(argv):
        arg = argv[at]
        if only_files or not arg.startswith("-"):
            if not arg or arg == "-":
                return None
            found["files"].append(Path(arg))
            at += 1
        elif arg == "--":
            only_files = True
            at += 1
        elif arg in _FLAGS:
            found[_FLAGS[arg]] = True
            at += 1
        else:
            name, value, at = _option(argv, at, ("--format", "-f"))
            if name is None or value.lower() not in FORMATS:
                return None
            found["format"] = value.lower()
    return found


def _option(argv: list[str], at: int, names: tuple[str, ...]) -> tuple[str | None, str, int]:
    """(option name, its value, next index) for one of ``names`` at ``argv[at]``, else (None, "", at)."""
    arg = argv[at]
    for name in names:
        if arg == name:
            if at + 1 < len(argv) and not argv[at + 1].startswith("-"):
                return name, argv[at + 1], at + 2
            return None, "", at
        if name.startswith("--") and arg.startswith(name + "="):
            return name, arg[len(name) + 1:], at + 1
        if not name.startswith("--") and arg.startswith(name) and len(arg) > len(name):
            return name, arg[len(name):], at + 1
    return None, "", at
