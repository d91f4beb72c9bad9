"""How `--help` names arguments and option values: in capitals, as the help text refers to them.

Typer prints an argument as `CLAIM_ID <str>` (the Python type after the name), wraps a required
one in braces in the usage line (`{CLAIM_ID}`), names an argument without a metavar in lower case
(`[code]`), and names an option's value after its Python type or its choices (`--unit <str>`,
`--format <table|json>`). hirel's help shows the metavar, else the parameter's name in capitals,
and nothing else: `hirel show [OPTIONS] CLAIM_ID`, `CLAIM_ID  A claim id.`, `[CODE]`,
`--unit UNIT`, `--format FORMAT` (the help text of an option lists its choices).
"""

from __future__ import annotations

from typing import Any

# `Any`: the parameters and contexts are Typer's private classes (TyperArgument, TyperOption and
# the click context it vendors), patched here; their types are not part of Typer's API.

def _label(param: Any) -> str:
    return param.metavar or (param.name or "value").upper()


def use_metavars() -> None:
    """Patch Typer's help rendering as described above (called once, when the CLI is built)."""
    from typer.core import TyperArgument, TyperOption

    if getattr(TyperArgument, "_hirel_metavars", False):
        return

    def argument_name(self: Any) -> str:
        return _label(self) + ("..." if self.nargs != 1 else "")

    def argument_usage(self: Any) -> str:
        return (_label(self) if self.required else f"[{_label(self)}]") + ("..." if self.nargs != 1 else "")

    def option_value(self: Any, ctx: Any) -> str:
        return _label(self) + ("..." if self.nargs != 1 else "")

    # Typer has no setting for these names: its methods are replaced (mypy forbids assigning methods).
    TyperArgument._rich_display_name = argument_name  # type: ignore[method-assign]
    TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
    TyperArgument._usage_display_name = argument_usage  # type: ignore[method-assign]
    TyperOption.display_type_rich = option_value  # type: ignore[method-assign]
    TyperArgument._hirel_metavars = True  # type: ignore[attr-defined]  # marks the patch as done
