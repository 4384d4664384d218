"""Renderers: Report -> output, a name -> function registry (as yamllint's formats).

The registry names modules rather than importing them, so ``claimcheck check``
loads only the renderer it uses (the terminal one pulls in rich). The terminal
renderer draws on a rich Console; every other one returns a string.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

REPORT_FORMATS: dict[str, str] = {
    "terminal": "claimcheck.render.terminal:render_report",
    "markdown": "claimcheck.render.markdown:render_markdown",
    "json": "claimcheck.render.json:render_json",
    "html": "claimcheck.render.html:render_html",
}
CHECK_FORMATS: dict[str, str] = {
    "text": "claimcheck.render.text:render_check",
    "json": "claimcheck.render.json:render_json",
    "github": "claimcheck.render.github:render_github",
    "sarif": "claimcheck.render.sarif:render_sarif",
}
FORMATS: dict[str, str] = {**REPORT_FORMATS, **CHECK_FORMATS}


def renderer(name: str) -> Callable[..., Any]:
    """The function of format ``name`` (KeyError for an unknown one), run with the cyclic
    garbage collector paused (``claimsfile.gcpause``: a big report is millions of objects)."""
    from functools import wraps

    from claimcheck.claimsfile.gcpause import paused

    module, _, func = FORMATS[name].partition(":")
    found: Callable[..., Any] = getattr(import_module(module), func)

    @wraps(found)
    def render(*args: Any, **kwargs: Any) -> Any:
        with paused():
            return found(*args, **kwargs)

    return render


__all__ = ["CHECK_FORMATS", "FORMATS", "REPORT_FORMATS", "renderer"]
