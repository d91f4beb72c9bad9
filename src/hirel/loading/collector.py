"""The cyclic garbage collector paused while a corpus is read.

Loading makes hundreds of thousands of small acyclic objects; the collector would walk them again
and again for nothing (about 15% of `hirel check`). Every loader pauses it the same way, and puts
it back as it found it, whatever happens.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
