"""The cyclic garbage collector paused while a big file is read, compared and written.

Those steps allocate millions of small objects (values, claims, findings, output
records) that all live until the run ends, and are freed by reference counting: they
form no cycles. With the collector on, every full collection walks all of them
again, so the time per claim grows with the file (about a third of ``check`` at 100k
claims). Pausing is scoped and nests: the collector is back on when the outermost
pause ends, and collects anything cyclic then.

A block that left many objects alive (a big file's claims) moves them into the
collector's permanent generation (``gc.freeze``) before the collector is back on:
otherwise the first collections after the pause walk them all (about 1 s of ``check``
at 100k claims, once after each of reading, comparing and rendering). Frozen objects
are still freed by reference counting as usual; only cyclic garbage made inside such a
block would stay, and these steps make none.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FREEZE_AFTER = 20_000
"""Tracked objects a paused block must leave behind (net of those freed) for them to be
frozen: a file of a few thousand claims (10k claims leave ~90,000 after reading, whose
first collections took ~45 ms); a small run's collections are cheap and left as they
are (the repository's claims file leaves under 10,000)."""


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside the block; restored as it was after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_count()[0] >= FREEZE_AFTER:
                gc.freeze()
            gc.enable()
