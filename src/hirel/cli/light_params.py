"""Option values converted without pydantic.

Typer converts every option and argument through a pydantic TypeAdapter, and importing pydantic
costs more than most hirel commands take. hirel's options are plain: strings, paths, a choice
among words (`Literal`), and lists of these. For those, this converter gives each Typer parameter
the value Typer's own would give, using Typer's own helpers (`coerce_cli_choice`,
`coerce_cli_path`); a value it would refuse, or any other type, goes to Typer's converter
unchanged, so that errors read as they always have (pydantic is then imported, for that error).

It reaches into Typer's internals (typer.core._TyperParameter); when they are not as expected,
`install` leaves Typer as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

# `Any`: Typer's private parameter descriptors, click parameters and contexts, and the values a
# converter is given and returns (whatever the option's annotation says).


class _Refused(Exception):
    """Not converted here: Typer's own converter decides (and words the error)."""


def install() -> bool:
    """Give Typer's parameters the light converter; False (and nothing changed) if Typer differs."""
    try:
        from typer import core
        from typer._coercion import build_runtime_param
        from typer._param_types import coerce_cli_choice, coerce_cli_path
    except ImportError:  # pragma: no cover - another Typer
        return False
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param"):  # pragma: no cover
        return False

    class LightParam:
        def __init__(self, descriptor: Any) -> None:
            self.descriptor = descriptor
            self.full: Any = None

        def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
            multiple = param.multiple or param.nargs == -1
            if value is None:
                return () if multiple else None
            try:
                if getattr(self.descriptor, "file_annotation", None) is not None or (
                        multiple and isinstance(value, str)):
                    raise _Refused
                return self.convert(self.descriptor.annotation, value, param, ctx)
            except _Refused:
                if self.full is None:
                    self.full = build_runtime_param(self.descriptor)
                return self.full.coerce(value, param=param, ctx=ctx)

        def convert(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
            info = self.descriptor.parameter_info
            if info.parser is not None:
                raise _Refused
            origin = get_origin(annotation)
            if origin is Union:
                inner = [arg for arg in get_args(annotation) if arg is not type(None)]
                if len(inner) != 1:
                    raise _Refused
                return self.convert(inner[0], value, param, ctx)
            if origin is list:
                (item_type,) = get_args(annotation) or (None,)
                items = value if isinstance(value, (list, tuple)) else [value]
                return [self.convert(item_type, item, param, ctx) for item in items]
            if origin is Literal:
                try:
                    return coerce_cli_choice(value, choices=get_args(annotation),
                                             case_sensitive=info.case_sensitive, ctx=ctx)
                except ValueError:
                    raise _Refused from None
            if annotation is str and isinstance(value, str):
                return str(value)
            if annotation is bool and isinstance(value, bool):
                return value
            if annotation is Path and isinstance(value, str) and value and info.path_type is None:
                try:
                    return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
                except Exception:  # noqa: BLE001 - Typer's converter words the error
                    raise _Refused from None
            raise _Refused

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            self._runtime_param = LightParam(self.type_descriptor)
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    return True
