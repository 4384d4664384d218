"""The cyclic garbage collector paused while a big file is read, compared and written.

Those steps allocate millions of small objects (values, claims, findings, output
records) that all live until the run ends, and are freed by reference counting: they
form no cycles. With the collector on, every full collection walks all of them
again, so the time per claim grows with the file (about a third of ``check`` at 100k
claims). Pausing is scoped and nests: the collector is back on when the outermost
pause ends, and collects anything cyclic then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; restored as it was after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
