from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from claimcheck.model import Report
from claimcheck.render.html import anchor, render_html


def test_golden(report: Report, check_golden: Callable[[str, str], None]) -> None:
    check_golden("report.html", render_html(report))


def test_deterministic(report: Report) -> None:
    assert render_html(report) == render_html(report)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        d = dict(attrs)
        if d.get("id"):
            self.ids.append(d["id"] or "")
        if d.get("href"):
            self.hrefs.append(d["href"] or "")
        if d.get("src"):
            self.srcs.append(d["src"] or "")


def test_self_contained_and_escaped(report: Report) -> None:
    page = render_html(report)
    p = _Collect()
    p.feed(page)
    assert "script" not in p.tags and not p.srcs
    assert "link" not in p.tags  # no external stylesheet
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src &#x27;none&#x27;" in page
    assert "\x1b" not in page and "\\x1b[31m" in page
    assert all(h.startswith("#") for h in p.hrefs)  # no request leaves the page
    assert len(p.ids) == len(set(p.ids))
    assert {h[1:] for h in p.hrefs} <= set(p.ids)  # every quote link has its target


def test_table_timeline_and_passages(report: Report) -> None:
    page = render_html(report)
    assert page.count('<tr class="finding') == 3
    assert 'class="finding open error"' in page and 'class="finding reviewed warning"' in page
    assert page.count("<svg ") == 3
    svg = page[page.index("<svg ") : page.index("</svg>")]
    assert '<circle class="target' in svg and ">2022</text>" in svg  # budget: target, ticks
    assert re.search(r'<rect class="span flagged"', page)  # protesters, open finding
    # the quote in context, marked, using the span for the hostile claim
    assert "The council approved a budget of $1.2bn for 2021</mark>, officials said." in page
    assert "<mark>[bold red]x[/] [link=http://evil]" in page


def test_anchor_is_safe() -> None:
    assert anchor("q", "a-b_1") == "q-a-b_1"
    a = anchor("q", 'x" onmouseover="y')
    assert re.fullmatch(r"q-[A-Za-z0-9_-]+", a)
