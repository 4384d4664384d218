"""A page with no date of its own but a year-less wire dateline ("NEW DELHI, July 2
(Reuters) -"): once its story's coverage says which year, the page is extracted again
as published that day, so its "on Tuesday" and "last week" resolve as on any dated
page, instead of its figures sharing the coverage's window of days.

Only pages the run dated by coverage come here, and only those whose dateline's day
falls in the coverage (``coverage.dateline_date``): a pasted page rarely keeps its
date, and a wire page's dateline is the one date it always keeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.extract.coverage import Window, dateline_date

__all__ = ["REDATED", "dateline_day_of", "redated", "redated_warning"]

REDATED = (
    "no publication date found; dated {day} by its dateline ({dateline}), in the year its "
    "story's coverage puts it ({start} to {end}); give another with --published YYYY-MM-DD"
)

_HEAD_BYTES = 4096
"""A dateline opens the story: the metadata of the page's head is enough to find it."""


def dateline_day_of(path: str, window: Window) -> date | None:
    """The day the page at ``path`` is dated by its year-less dateline within ``window``,
    or None (no such dateline, a date of its own, a day the coverage does not reach)."""
    from claimcheck.extract.metadata import detect_metadata
    from claimcheck.extract.run import _read

    try:
        text = _read(Path(path))
    except Exception:  # unreadable since it was extracted: left as the window dated it
        return None
    meta = detect_metadata(text[:_HEAD_BYTES], path=path)
    if meta.published is not None or meta.dateline_day is None:
        return None
    return dateline_date(meta.dateline_day, window)


def redated(
    path: str,
    source_id: str,
    display: str,
    day: date,
    aliases: Sequence[Sequence[str]] = (),
    rows: bool = False,
) -> dict[str, Any] | None:
    """The page extracted again as published on ``day`` (``run.extract_one``'s result),
    or None when it cannot be read now."""
    from claimcheck.extract.run import extract_one

    result = extract_one(path, source_id, display, aliases, published=day, rows=rows)
    return result if "source" in result else None


def redated_warning(display: str, day: date, window: Window) -> str:
    return f"{display}: " + REDATED.format(
        day=day.isoformat(),
        dateline=f"{day:%B} {day.day}",
        start=window.start.isoformat(),
        end=window.end.isoformat(),
    )
