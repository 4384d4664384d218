"""Renderers: Report -> output. Each module imports its heavy dependencies lazily.

``REPORT_FORMATS`` serve ``claimcheck report``, ``CHECK_FORMATS`` serve
``claimcheck check``; ``FORMATS`` maps every name to its function. The terminal
renderer writes to a rich Console instead of returning a string."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimcheck.render.github import render_github
from claimcheck.render.html import render_html
from claimcheck.render.json import render_json
from claimcheck.render.markdown import render_markdown
from claimcheck.render.sarif import render_sarif
from claimcheck.render.terminal import render_report
from claimcheck.render.text import render_check

REPORT_FORMATS: dict[str, Callable[..., Any]] = {
    "terminal": render_report,
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}
CHECK_FORMATS: dict[str, Callable[..., Any]] = {
    "text": render_check,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
FORMATS: dict[str, Callable[..., Any]] = {**REPORT_FORMATS, **CHECK_FORMATS}

__all__ = ["CHECK_FORMATS", "FORMATS", "REPORT_FORMATS"]
