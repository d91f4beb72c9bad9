"""The one family of exceptions the library raises on bad input.

Every error hirel raises for something a user wrote or asked for is a ``HirelError``: the
command line turns each into a one-line message and an exit code in one place
(``hirel.cli.common``), and a notebook user can catch them all with one ``except``. The message
is always one sentence that names what was wrong.
"""

from __future__ import annotations


class HirelError(Exception):
    """Base class: bad input to the library (a path, a name, a value phrase)."""
