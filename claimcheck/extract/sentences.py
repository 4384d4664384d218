"""Sentence splitting with exact character spans, and page-furniture filtering.

Spans matter more than linguistic finesse: every claim's quote is a slice of
the source text, so the splitter never rewrites text, it only finds offsets.
It is one regex pass per line, fast enough for multi-megabyte inputs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

from claimcheck.recognize.lazyre import compile as _re_compile

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "no",
        "nos",
        "vol",
        "fig",
        "art",
        "sec",
        "dept",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
    ]
)
"""Tokens (lower case, without the final dot) after which a dot does not end a sentence."""

_BOUNDARY = _re_compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_GLUED = _re_compile(r"\.(?<=[a-z0-9]\.)(?=[A-Z][a-z])")
"""A dot glued to the next sentence ("said.The"); the literal dot first lets ``re`` skip ahead."""
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_WS_STRIP = _re_compile(r"\S(?:.*\S)?")
_INITIALS = _re_compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]")


class Sentence(NamedTuple):
    """A sentence and where it is: ``source[start:end] == text`` (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    line_start: bool = False  # first sentence of its line (a headline candidate)
    terminated: bool = True  # ends with . ! ? (headlines and labels do not)


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the dot at ``line[dot]`` belongs to an abbreviation or initial."""
    # Only the token right before the dot matters (letters and dots, at most 64 back).
    lo = max(0, dot - 64)
    i = dot
    while i > lo and line[i - 1] in _TOKEN_CHARS:
        i -= 1
    token = line[i : dot + 1].rstrip(".")
    if token.lower() in ABBREVIATIONS:
        return True
    # Single capital initial ("John F. Kennedy") or dotted acronym ("U.S", "D.C").
    return bool(_INITIALS.fullmatch(token))


def _cuts(line: str) -> list[int]:
    """Offsets in ``line`` where a sentence ends."""
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(line):
        if line[m.start()] == "." and _is_abbreviation(line, m.start()):
            # "U.S. troops" keeps going; "in the U.S. The" is ambiguous: keep going too.
            continue
        cuts.append(m.end())
    if "." in line:
        cuts.extend(m.end() for m in _GLUED.finditer(line))
        cuts.sort()
    cuts.append(len(line))
    return cuts


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; lines are hard boundaries (pages put headlines alone)."""
    out: list[Sentence] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        out.extend(_line_sentences(text, line, pos))
        pos += len(line)
    return out


# --- furniture -----------------------------------------------------------------------

_FURNITURE_LINE = _re_compile(
    r"""^\s*(?:
        (?:readers?\s+)?comments?\s*(?:\(\d+\))?\s*$
      | add\s+(?:your|a)\s+comment
      | post\s+a\s+comment
      | leave\s+a\s+(?:comment|reply)
      | enter\s+the\s+security\s+code
      | can'?t\s+read\s+this
      | (?:log\s*in|sign\s*in|sign\s*up|register|subscribe)\b.{0,40}$
      | remember\s+me | forgot\s+(?:your\s+)?password
      | required\s*$
      | share\s*(?:this)?\s*(?:\d+)?\s*$
      | \d+\s+(?:shares?|comments?|views?|likes?)\s*$
      | [\d\s]+$
      | a\+\s*a-
      | (?:advertisement|loader|newsfeed|chats|subscribe)\s*$
      | to\s+participate\s+in\s+the\s+discussion
      | all\s+rights\s+reserved
      | (?:copyright|\(c\))\s+\d{4}
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_SECTION_HEADER = _re_compile(
    r"^\s*(?:related\s+(?:news|articles|stories|posts|content)|read\s+(?:more|also)|"
    r"more\s+(?:news|stories|about)\b.*|latest\s+news|top\s+news|most\s+(?:read|popular)|"
    r"(?:readers?\s+)?comments?(?:\s*\(\d+\))?|you\s+may\s+also\s+like|recommended)\s*:?\s*$",
    re.IGNORECASE,
)
_CAPTION_TAIL = _re_compile(r"\s[-–—]\s[^.]{2,60},\s*(?:\d{1,4},\s*)?\d{1,2}\.\d{1,2}\.\d{4}\s*$")


def is_furniture_line(line: str) -> bool:
    """True for page furniture: copyright, comment boxes, login prompts, counters, captions."""
    if "©" in line or _FURNITURE_LINE.match(line) or _SECTION_HEADER.match(line):
        return True
    return bool(_CAPTION_TAIL.search(line))


_BOILERPLATE = _re_compile(
    r"\bcomments?\b|\bguidelines\b|\bmoderat|\bnewsletter\b|\bcookies?\b", re.IGNORECASE
)


def _looks_like_body(line: str) -> bool:
    """A long, punctuated paragraph: ends a furniture zone."""
    s = line.strip()
    if _BOILERPLATE.search(s):
        return False
    return len(s.split()) >= 15 and s.endswith((".", "!", "?", '"', "”"))


def body_sentences(text: str) -> list[Sentence]:
    """Sentences outside page furniture."""
    return Body(text).sentences()


class Body:
    """An article's lines, split into sentences only where asked.

    Extraction needs the sentences around its numbers, not all of them: splitting
    and furniture checks are done per line, on demand, and remembered. Lines are
    exactly ``str.splitlines`` lines, so spans agree with :func:`split_sentences`.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0, *accumulate(map(len, self.lines))]
        self._zones = _zone_lines(self.lines)
        self._split: dict[int, list[Sentence]] = {}

    def line_of(self, pos: int) -> int:
        """Index of the line holding offset ``pos``."""
        return bisect_right(self.starts, pos) - 1

    def is_furniture(self, i: int) -> bool:
        return i in self._zones or is_furniture_line(self.lines[i])

    def line_sentences(self, i: int) -> list[Sentence]:
        """Sentences of body line ``i`` (none for furniture)."""
        got = self._split.get(i)
        if got is None:
            got = [] if self.is_furniture(i) else _line_sentences(self.text, self.lines[i],
                                                                  self.starts[i])  # fmt: skip
            self._split[i] = got
        return got

    def sentences(self, near: Iterable[int] | None = None) -> list[Sentence]:
        """Body sentences in order; with ``near``, only those on lines holding those offsets."""
        if near is None:
            rows: Iterable[int] = range(len(self.lines))
        else:
            rows = sorted({self.line_of(p) for p in near if 0 <= p < len(self.text)})
        return [s for i in rows for s in self.line_sentences(i)]

    def before(self, sent: Sentence) -> Sentence | None:
        """The body sentence right before ``sent`` (looking back over earlier lines)."""
        i = self.line_of(sent.start)
        earlier = [s for s in self.line_sentences(i) if s.end <= sent.start]
        while not earlier and i > 0:
            i -= 1
            earlier = self.line_sentences(i)
        return earlier[-1] if earlier else None


def _line_sentences(text: str, line: str, offset: int) -> list[Sentence]:
    """Sentences of ``line`` (which starts at ``offset`` in ``text``): one loop, no generator."""
    out: list[Sentence] = []
    start = 0
    strip = _WS_STRIP.search
    for cut in _cuts(line):
        piece = strip(line, start, cut)
        start = cut
        if piece:
            chunk = piece.group(0)  # == text[offset + piece.start() : offset + piece.end()]
            ended = chunk.rstrip("\"'”’)]").endswith((".", "!", "?", "…"))
            s = offset + piece.start()
            out.append(Sentence(chunk, s, s + len(chunk), not out, ended))
    return out


def _zone_lines(lines: list[str]) -> set[int]:
    """Indices of lines inside "Related News"-style zones (header to next body paragraph)."""
    zone: set[int] = set()
    header = _SECTION_HEADER.match  # anchored: fails on the first letter of most lines
    for i, line in enumerate(lines):
        if i in zone or not header(line):
            continue
        zone.add(i)
        for j in range(i + 1, len(lines)):
            if _looks_like_body(lines[j]):
                break
            zone.add(j)
    return zone
