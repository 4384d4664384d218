"""Who or what a number counts, who does it and where: the parts of a claim's subject.

Everything here is word-list driven (``data/*.txt``) and general: the counted
noun next to the number, a nationality or alliance word beside it (or the
clause's subject when the noun says "its"), a place after a locative
preposition, and the speaker of a reporting verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.lazyre import code_key, stored_text
from claimcheck.recognize.lazyre import compile as _re_compile

# --- lexicons ---------------------------------------------------------------------------


_DATA = Path(__file__).parent / "data"
"""The word lists, read as files beside this module (as ``recognize.places`` reads its
stoplist): ``importlib.resources`` cost more than the reading on every start."""


def _data_lines(name: str) -> list[str]:
    text = (_DATA / name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    names: dict[str, str]  # surface form -> canonical (places and actors)
    places: frozenset[str]  # canonical names that are places
    name_re: re.Pattern[str]
    nouns: dict[str, tuple[str, str]]  # word -> (group, unit)
    noun_re: re.Pattern[str]


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternative for many literals, as a character trie.

    Python's ``re`` tries the branches of ``a|b|c`` one by one at every position; a trie
    tries one branch per character, so hundreds of names cost little more than a few.
    Longest match wins, as with a longest-first alternation. Building the lexicon's two
    (~3 ms of every ``extract``) is done once: the text is kept in the regex store, keyed
    by the words and by the code that builds it.
    """
    listed = sorted(set(words))
    key = code_key(_built_trie, "\0".join(listed))
    return stored_text(f"trie\0{key}", lambda: _built_trie(listed))


def _built_trie(words: Iterable[str]) -> str:
    """``trie_pattern`` built from the words."""
    trie: _Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    names: dict[str, str] = {}
    places: set[str] = set()
    for line in _data_lines("places.txt"):
        canon, *aliases = line.split("|")
        places.add(canon)
        for alias in (canon, *aliases):
            names[alias] = canon
    for line in _data_lines("actors.txt"):
        canon, *aliases = line.split("|")
        for alias in (canon, *aliases):
            names[alias] = canon
    nouns: dict[str, tuple[str, str]] = {}
    for line in _data_lines("nouns.txt"):
        group, unit, words = line.split("|")
        for w in words.split(","):
            nouns[w.strip()] = (group, unit)
    # The look-ahead on first letters (capitals, mostly) rejects most positions cheaply.
    first = "".join(sorted({re.escape(n[0]) for n in names}))
    name_re = _re_compile(rf"(?<![\w-])(?=[{first}])(?:{trie_pattern(names)})(?:['’]s)?(?![\w])")
    noun_re = _re_compile(r"\b(?:" + trie_pattern(nouns) + r")\b", re.IGNORECASE)
    return Lexicon(names, frozenset(places), name_re, nouns, noun_re)


# --- mentions ---------------------------------------------------------------------------


class NameMention(NamedTuple):
    canon: str
    start: int
    end: int
    is_place: bool


def name_mentions(text: str) -> list[NameMention]:
    """Places and actors named in ``text`` (US/U.S./American all fold to "US")."""
    if len(text) > 2000:  # whole articles: not worth keeping in the sentence cache
        return list(_scan_names(text))
    return list(_name_mentions(text))


@lru_cache(maxsize=1024)
def _name_mentions(text: str) -> tuple[NameMention, ...]:
    """Sentences are asked about several times (actor, place, coordination): remembered."""
    return _scan_names(text)


def _scan_names(text: str) -> tuple[NameMention, ...]:
    lex = lexicon()
    out: list[NameMention] = []
    for m in lex.name_re.finditer(text):
        surface = m.group(0)
        if surface.endswith(("'s", "’s")):
            surface = surface[:-2]
        canon = lex.names.get(surface)
        if canon is None:
            continue
        out.append(NameMention(canon, m.start(), m.end(), canon in lex.places))
    return tuple(out)


_LOCATIVE = _re_compile(
    r"\b(?:in|into|inside|within|from|to|out\s+of|across|throughout|on|at)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_COORDINATED = _re_compile(
    r"\b(?:in|into|inside|within|from|across|throughout)\s+(?:the\s+)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?,?\s+(?:and|or|&)\s+(?:the\s+)?$"
)
_NOT_PLACE_BEFORE = _re_compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


_LAND_AFTER = _re_compile(r"\s+(?:soil|territory|land|waters|airspace)\b")
_FROM_BEFORE = _re_compile(r"\b(?:from|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_AND_GAP = _re_compile(r",?\s+(?:and|or|&)\s+(?:the\s+)?")


def is_locative(text: str, m: NameMention) -> bool:
    """A place used as a location ("in Iraq", "Iraq's", "on Iraqi soil"), not as an actor."""
    lo = max(0, m.start - 20)
    if _NOT_PLACE_BEFORE.search(text, lo, m.start):
        return False
    if text.endswith(("'s", "’s"), m.start, m.end):
        return True
    if _LOCATIVE.search(text, lo, m.start) or _COORDINATED.search(
        text, max(0, m.start - 40), m.start
    ):
        return True
    return bool(_LAND_AFTER.match(text, m.end, m.end + 12))


@lru_cache(maxsize=1024)
def _roles(text: str) -> tuple[tuple[NameMention, bool], ...]:
    """Each name in a sentence with whether it is used as a location (asked per number)."""
    return tuple((m, is_locative(text, m)) for m in name_mentions(text))


def place_near(
    text: str, start: int, end: int, *, actor: str | None, prefer_from: bool = False
) -> str | None:
    """Place of the counted thing: a locative mention, preferring one after ``end``."""
    best: tuple[int, str] | None = None
    roles = _roles(text)
    for m, locative in roles:
        if not m.is_place or not locative:
            continue
        distance = m.start - end if m.start >= end else (start - m.end) * 2
        if prefer_from and _FROM_BEFORE.search(text, max(0, m.start - 12), m.start):
            distance -= 1000
        if best is None or distance < best[0]:
            best = (distance, _coordinated(text, m))
    if best is None:
        # No locative: a place named as an adjective ("the Afghan government"), not "X-backed".
        for m, _ in roles:
            if m.is_place and m.canon != actor and text[m.end : m.end + 1] != "-":
                return m.canon
    return best[1] if best else None


def _coordinated(text: str, m: NameMention) -> str:
    """ "in Iraq and Syria" names both places: keep them together, in text order."""
    group = [m.canon]
    for x, _ in _roles(text):
        if not x.is_place:
            continue
        if x.end <= m.start and _AND_GAP.fullmatch(text, x.end, m.start):
            group.insert(0, x.canon)
        elif x.start >= m.end and _AND_GAP.fullmatch(text, m.end, x.start):
            group.append(x.canon)
    return " and ".join(dict.fromkeys(group))


def actor_inside(text: str, start: int, end: int) -> str | None:
    """A name inside ``text[start:end]`` used as an adjective or owner ("Syrian refugees")."""
    inside = [m for m, loc in _roles(text) if start <= m.start and m.end <= end and not loc]
    return inside[-1].canon if inside else None


def actor_near(text: str, start: int, end: int, *, either_side: bool = False) -> str | None:
    """Actor of a noun phrase ``text[start:end]``, else the nearest actor before it."""
    roles = _roles(text)
    inside = [m for m, _ in roles if start <= m.start and m.end <= end]
    if inside:
        return inside[-1].canon
    actors = [m for m, locative in roles if not locative]
    before = [m for m in actors if m.end <= start]
    if before:
        # "the United States ... its military force": the nearest earlier name
        return before[-1].canon
    if either_side:
        after = [m for m in actors if m.start >= end]
        if after:
            return after[0].canon
    return None


# --- counted nouns ----------------------------------------------------------------------

_MODIFIER = r"(?:[A-Za-z][\w.'’-]*\s+){0,3}?"
_AFTER_NOUN = _re_compile(
    r"^\s*(?:of\s+(?:the\s+|its\s+|their\s+)?)?(?P<mods>"
    + _MODIFIER
    + r")(?P<noun>[A-Za-z]+(?:\s+[a-z]+)?)"
)


class Counted(NamedTuple):
    """A counted noun phrase (a tuple: one is made per number, so it must be cheap)."""

    group: str  # "troops", "people" or a plain plural noun ("sites")
    unit: str
    start: int  # span of the noun phrase (modifiers included) in the clause text
    end: int
    noun: str  # the noun as written
    listed: bool = True  # a noun from data/nouns.txt (else a plain plural: "sites")


_OF_PREFIX = _re_compile(r"\s*(?:of\s+(?:the\s+|its\s+|their\s+)?)?")
_WORD = _re_compile(r"[A-Za-z][\w.'’-]*")
_GAP_BREAK = _re_compile(r"[,;:()\"“”]")


def counted_after(text: str, pos: int) -> Counted | None:
    """Noun phrase right after a number: "2,500 US troops", "five thousand soldiers"."""
    lex = lexicon()
    m = _OF_PREFIX.match(text, pos, pos + 60)
    base = m.end() if m else pos
    words: list[re.Match[str]] = []
    for w in _WORD.finditer(text, base, base + 50):
        words.append(w)
        if len(words) == 4:
            break
    prev_end = base
    for i, w in enumerate(words):
        if _GAP_BREAK.search(text, prev_end, w.start()):
            break
        prev_end = w.end()
        word = w.group(0).rstrip(".")
        low = word.lower()
        two = f"{low} {words[i + 1].group(0).lower()}" if i + 1 < len(words) else ""
        hit = lex.nouns.get(two) or lex.nouns.get(low)
        if hit:
            return Counted(hit[0], hit[1], base, w.end(), word)
        if low in _STOP_AFTER:
            break
        if i == 0 and _PLAIN_PLURAL.fullmatch(low) and low not in _NOT_COUNTED:
            return Counted(low, low, base, w.end(), word, listed=False)
        if not (word[:1].isupper() or low in _NOUN_MODIFIERS):
            break
    return None


_STOP_AFTER = frozenset(
    [
        "to",
        "from",
        "in",
        "on",
        "at",
        "by",
        "for",
        "and",
        "or",
        "but",
        "than",
        "as",
        "with",
        "per",
        "a",
        "an",
        "the",
        "of",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "percent",
    ]
)
_NOUN_MODIFIERS = frozenset(
    [
        "additional",
        "more",
        "other",
        "extra",
        "new",
        "fresh",
        "further",
        "remaining",
        "armed",
        "security",
        "combat",
        "ground",
        "special",
        "elite",
        "military",
        "coalition",
        "foreign",
        "allied",
        "local",
        "federal",
        "government",
        "regular",
        "active",
        "front-line",
        "frontline",
        "unarmed",
        "innocent",
    ]
)
_PLAIN_PLURAL = _re_compile(r"[a-z]{3,}s")
_NOT_COUNTED = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "times",
        "percent",
        "points",
        "cents",
        "dollars",
        "euros",
        "pounds",
        "others",
        "this",
        "thus",
        "has",
        "was",
        "is",
        "its",
        "yes",
        "as",
        "us",
        "plus",
        "less",
    ]
)

_LEVEL_NOUN = _re_compile(
    r"(?P<np>(?:\b(?:number|numbers|size|total|level|levels|strength|count|presence|"
    r"contingent)\s+of\s+(?:its\s+|their\s+|the\s+)?)?(?:[A-Za-z][\w.'’-]*\s+){0,3}?"
    r"\b(?P<noun>troops?|soldiers?|forces?|personnel|contingents?|garrison|military(?:\s+force)?)"
    r"(?:\s+(?:numbers?|levels?|totals?|strength|presence))?)",
    re.IGNORECASE,
)


_PEOPLE_LEVEL = _re_compile(
    r"\b(?P<noun>(?:death\s+|casualty\s+)?toll|crowds?|turnout|attendance|"
    r"(?:number|numbers|total)\s+of\s+(?P<listed>(?:[a-z][\w-]*\s+){0,2}[a-z]+))\b",
    re.IGNORECASE,
)
_SET_TO = _re_compile(
    r"\b(?:to|at|from|of|reached|reach|was|were|is|are|stood|stands|totalled|totaled|"
    r"numbered|hit|topped|exceeded)\b"
)
_BETWEEN_BREAK = _re_compile(r"[;:]|\b(?:and|but|while|which|who|that)\b")


def counted_before(text: str, pos: int) -> Counted | None:
    """A level noun before the number it is set to: "troop numbers ... to 2,500",
    "the death toll rose to 57", "put the crowd at 250,000", "the number of cases ... 1,250"."""
    lex = lexicon()
    window_start = max(0, pos - 90)
    best: Counted | None = None
    for m in _LEVEL_NOUN.finditer(text, window_start, pos):
        if _set_to(text, m.end(), pos):
            noun = m["noun"].lower()
            group, unit = lex.nouns.get(noun, ("troops", "troops"))
            best = Counted(group, unit, m.start(), m.end(), m["noun"])
    for m in _PEOPLE_LEVEL.finditer(text, window_start, pos):
        if best is not None and m.start() < best.start:
            continue
        if not _set_to(text, m.end(), pos):
            continue
        if m["listed"]:
            # "the number of confirmed cases": the first listed noun among the words
            word = next((w for w in m["listed"].lower().split() if w in lex.nouns), None)
            if word is None:
                continue
            hit = lex.nouns[word]
            best = Counted(hit[0], hit[1], m.start(), m.end(), word)
        else:
            crowd = not m["noun"].lower().endswith("toll")
            best = Counted("people", "people", m.start(), m.end(), "crowd" if crowd else m["noun"])
    return best


def _set_to(text: str, start: int, pos: int) -> bool:
    """The words between a level noun and its number set one to the other ("... rose to")."""
    return not _BETWEEN_BREAK.search(text, start, pos) and bool(_SET_TO.search(text, start, pos))


_ELIDED = _re_compile(
    r"\s+(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|remain|remained)\s+)?"
    r"(?P<w>killed|dead|died|injured|wounded|hurt|missing|arrested|detained|displaced|"
    r"evacuated|rescued|hospitali[sz]ed|drowned|attended|marched|gathered|rallied|protested|"
    r"demonstrated|turned\s+out|took\s+part|joined)\b",
    re.IGNORECASE,
)
_OTHERS = _re_compile(r"\s+others\b", re.IGNORECASE)


def counted_elided(text: str, pos: int, *, casualty_before: bool) -> Counted | None:
    """People left unnamed: "more than 100 injured", "40,000 attended", "injured 9,000 others"."""
    m = _ELIDED.match(text, pos)
    if m is None and casualty_before:
        m = _OTHERS.match(text, pos)
    if m is None:
        return None
    crowd = m.groupdict().get("w") in _CROWD_VERBS
    return Counted("people", "people", pos, pos, "crowd" if crowd else "")


_CROWD_VERBS = frozenset(
    ["attended", "marched", "gathered", "rallied", "protested", "demonstrated", "joined"]
)
