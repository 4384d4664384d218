"""Subject text -> canonical key ``"<entity words>|<place>"``.

Two claims are about the same thing only when they are about the same place
and the same actor: "US troops in Iraq" and "American forces in Iraq" fold to
one key, while "US troops in Afghanistan" (another place) and "Iraqi forces in
Iraq" (another actor) never join it, however similar the words. A place the
gazetteer does not know is still a place when the subject ends with it after
a preposition and it is capitalised ("deaths in Tacloban", "distance to
Kisumu"): "strikers in Marseille" and "strikers in Lyon" stay apart.

Subjects are merged only when they mean the same quantity: built-in folds and
the file's ``aliases`` (troops/soldiers/forces; killed/dead/death toll ->
deaths; wounded/hurt -> injured), and spelling variants: the same words in
the same number, where each differing word is a variant of its counterpart
(rapidfuzz ``ratio`` >= 80: labourers/laborers, metres/meters) and the whole
reaches ``subject_threshold`` (``token_set_ratio``). A word more or less
("deaths" / "deaths confirmed") or another head word ("Afghan survivors" /
"Afghan children", "deaths" / "injured") never merges, however high the
score. Merging happens inside a block of the same place, actors and numbers,
so the cost grows with the size of a block, never with the square of the file.
``merge_notes`` says which written subjects were merged and why.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lazyre import compile as stored_compile

DEFAULT_SUBJECT_THRESHOLD = 85.0

# Phrase folds applied after aliases; whole words only, longest first.
_FOLDS: dict[str, str] = {
    "troops": "troops",
    "troop": "troops",
    "soldiers": "troops",
    "soldier": "troops",
    "forces": "troops",
    "force": "troops",
    "military force": "troops",
    "military forces": "troops",
    "armed forces": "troops",
    "military personnel": "troops",
    "service members": "troops",
    "servicemembers": "troops",
    "troop levels": "troops",
    "troop level": "troops",
    "troop numbers": "troops",
    "troop presence": "troops",
    "force levels": "troops",
    "force level": "troops",
    "personnel": "troops",
    "people": "people",
    "persons": "people",
    "individuals": "people",
    "rubble": "debris",
    "inmates": "prisoners",
    "inmate": "prisoners",
    "prisoner": "prisoners",
    "dollars": "usd",
    "dollar": "usd",
    "air force": "air_force",
    # measures: aliases of one quantity (never across measures)
    "death toll": "deaths",
    "death tolls": "deaths",
    "dead": "deaths",
    "killed": "deaths",
    "people killed": "deaths",
    "people dead": "deaths",
    "fatalities": "deaths",
    "death": "deaths",
    "wounded": "injured",
    "injuries": "injured",
    "people injured": "injured",
    "people wounded": "injured",
    "hurt": "injured",
    "evacuees": "evacuated",
    "people evacuated": "evacuated",
}

# "people killed" and "persons killed" are both deaths: a counted noun before a measure goes.
_MEASURES = frozenset({"deaths", "injured", "evacuated", "missing", "displaced"})

_STOP = frozenset(
    {
        "the", "a", "an", "of", "and", "or", "its", "their", "his", "her", "our", "this",
        "that", "these", "those", "number", "numbers", "total", "size", "count", "amount",
        "level", "figure", "s",
    }
)
_ARTICLES = frozenset({"the", "a", "an"})
_LOCATIVE = frozenset(
    {
        "in", "from", "to", "into", "at", "across", "throughout", "inside", "within", "on",
        "for", "of", "out", "over",
    }
)
# An actor the reader knows from a place name must never be read as the place itself.
_NEVER_IMPLICIT_PLACE = frozenset({"us"})


@dataclass(frozen=True)
class Place:
    canonical: str
    demonym: bool


@dataclass(frozen=True)
class SubjectParts:
    """A subject taken apart: the words, the actors among them, and the place."""

    entity: str
    actors: tuple[str, ...]
    place: str | None


_POSSESSIVE = Lazy(r"'s\b")
_INITIAL = Lazy(r"\b([a-z])\.")
_NON_WORD = Lazy(r"[^\w%]+")  # letters of every script: a subject in Greek is words
_PLAIN = Lazy(r"[A-Za-z0-9_%\s]*", re.ASCII)  # text that folding only lower-cases


# Characters that draw nothing (zero-width space/joiners, soft hyphen, word joiner, BOM,
# bidi marks and overrides, Hangul fillers, variation selectors): dropped from subjects.
_INVISIBLE = Lazy(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)

# Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables.txt,
# the common part): what a subject written with a look-alike really says.
_LOOKALIKES = {
    **dict(zip("АВЕЅІЈКМНОРСТХУԁԛԝһӏӀ", "ABESIJKMHOPCTXYdqwhlI", strict=True)),
    **dict(zip("аеіјоѕрсухѵ", "aeijospcyxv", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϜ", "ABEZHIKMNOPTYXF", strict=True)),
    **dict(zip("αοιρνυχκϲϳ", "aoipvuxkcj", strict=True)),
}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
_WORD = Lazy(r"\w+")


def _unconfuse(word: str) -> str:
    """A word mixing Latin with look-alikes, or made only of look-alikes, is read as Latin;
    a real Cyrillic or Greek word (with letters that have no Latin twin) is left alone."""
    if not any(ch in _LOOKALIKES for ch in word):
        return word
    latin = any("a" <= ch.lower() <= "z" for ch in word)
    if latin or all(ch in _LOOKALIKES or not ch.isalpha() for ch in word):
        return word.translate(_LOOKALIKE_TABLE)
    return word


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The text as it looks: NFKC (full-width forms, ligatures), invisible characters
    dropped, look-alike letters read as Latin. Two subjects that differ only in how they
    were typed must never hide a contradiction by landing under different keys."""
    if text.isascii():
        return text  # NFKC keeps ASCII as it is, nothing invisible is ASCII: no import
    import unicodedata

    s = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    if s.isascii():
        return s
    return _WORD.sub(lambda m: _unconfuse(m.group(0)), s)


def fold_text(text: str) -> str:
    """Lower-case, "U.S." -> "us", possessives and punctuation folded to spaces."""
    if _PLAIN.fullmatch(text):  # nothing to unconfuse, no apostrophe, dot or punctuation
        return " ".join(text.lower().split())
    return _fold_full(text)


def _fold_full(text: str) -> str:
    s = skeleton(text).lower().replace("’", "'").replace("‘", "'")
    s = _POSSESSIVE.sub("", s)
    s = _INITIAL.sub(r"\1", s)
    s = _NON_WORD.sub(" ", s)
    return " ".join(s.split())


@lru_cache(maxsize=1)
def gazetteer() -> dict[tuple[str, ...], Place]:
    """Phrase (as a token tuple) -> place, from the shipped ``places.txt``."""
    from claimcheck.packaged import read_text

    text = read_text("claimcheck.normalize", "places.txt")
    table: dict[tuple[str, ...], Place] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        canonical, names, demonyms = (part.strip() for part in ([*line.split(";"), "", ""])[:3])
        place = Place(canonical, False)  # one instance per place: equal values, built once
        table[tuple(canonical.replace("_", " ").split())] = place
        table[(canonical,)] = place
        for name in filter(None, (n.strip() for n in names.split(","))):
            table[tuple(fold_text(name).split())] = place
        demonym = Place(canonical, True)
        for name in filter(None, (n.strip() for n in demonyms.split(","))):
            table[tuple(fold_text(name).split())] = demonym
    return table


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k in gazetteer() if k)


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    if not ordered:
        return None
    return stored_compile(r"\b(" + "|".join(re.escape(p) for p in ordered) + r")\b")


_FOLD_RE = Lazy(
    r"\b(" + "|".join(re.escape(p) for p in sorted(_FOLDS, key=lambda p: (-len(p), p))) + r")\b"
)
"""The built-in folds as one alternation (as ``_phrase_regex`` builds it), compiled on
first use: importing this module reads no regex store."""


class SubjectFolder:
    """Folds subject strings; caches per distinct string (files repeat subjects a lot)."""

    def __init__(self, aliases: Sequence[Sequence[str]] = ()) -> None:
        self._alias_map: dict[str, str] = {}
        for group in aliases:
            names = [fold_text(n) for n in group if fold_text(n)]
            if not names:
                continue
            canonical = names[0].replace(" ", "_") if len(names[0].split()) > 1 else names[0]
            for name in names:
                self._alias_map.setdefault(name, canonical)
        self._alias_re = _phrase_regex(self._alias_map)
        self._cache: dict[str, SubjectParts] = {}

    def parts(self, subject: str) -> SubjectParts:
        cached = self._cache.get(subject)
        if cached is None:
            cached = self._cache[subject] = self._parts(subject)
        return cached

    def _parts(self, subject: str) -> SubjectParts:
        subject = skeleton(subject)
        s = fold_text(subject)
        if self._alias_re is not None:
            s = self._alias_re.sub(lambda m: self._alias_map[m.group(1)], s)
        s = _FOLD_RE.sub(lambda m: _FOLDS[m.group(1)], s)
        tokens = [t for t in s.split() if t not in _ARTICLES]
        tokens = [t for k, t in enumerate(tokens)
                  if not (t == "people" and k + 1 < len(tokens) and tokens[k + 1] in _MEASURES)]
        parts = _split_place(tokens)
        if parts.place is None:
            parts = _unknown_place(subject, parts) or parts
        return parts


_TRAILING_PLACE = Lazy(
    r"\b(?:in|at|near|to|from|across|inside)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.'’-]*)(?:\s+(?:[A-Z][\w.'’-]*|of|and|de|del|la|le|upon|on))*)\s*$"
)


def _unknown_place(subject: str, parts: SubjectParts) -> SubjectParts | None:
    """A capitalised name after a preposition at the end: a place the gazetteer lacks."""
    m = _TRAILING_PLACE.search(subject.strip())
    if m is None:
        return None
    place_tokens = fold_text(m.group(1)).split()
    place = "_".join(place_tokens)
    if not place:
        return None
    head = fold_text(subject[: m.start()]).split()
    words = [w for w in parts.entity.split() if w not in place_tokens] if not head else None
    entity = parts.entity
    if words is None:
        # drop the place words from the end of the entity
        ent = entity.split()
        while ent and ent[-1] in place_tokens:
            ent.pop()
        while ent and ent[-1] in _LOCATIVE:
            ent.pop()
        entity = " ".join(ent)
    else:
        entity = " ".join(words)
    return SubjectParts(entity=entity or parts.entity, actors=parts.actors, place=place)


def _mentions(tokens: Sequence[str]) -> list[tuple[int, int, Place]]:
    """Greedy longest gazetteer matches: (start, end, place)."""
    table = gazetteer()
    firsts = _first_words()
    found: list[tuple[int, int, Place]] = []
    i = 0
    while i < len(tokens):
        if tokens[i] not in firsts:
            i += 1
            continue
        for size in (4, 3, 2, 1):
            place = table.get(tuple(tokens[i : i + size]))
            if place is not None and i + size <= len(tokens):
                found.append((i, i + size, place))
                i += size
                break
        else:
            i += 1
    return found


def _is_locative(tokens: Sequence[str], start: int, end: int, place: Place) -> bool:
    """"in Iraq", "from Iraq to ...": a name after a preposition that ends its phrase.

    "withdrawal of US troops" and "pullout of American forces" name an actor, not a
    place: the mention is followed by the noun it qualifies, or is a demonym.
    """
    if place.demonym or start == 0 or tokens[start - 1] not in _LOCATIVE:
        return False
    return end == len(tokens) or tokens[end] in _LOCATIVE or tokens[end] in _STOP


def _split_place(tokens: list[str]) -> SubjectParts:
    mentions = _mentions(tokens)
    chosen: tuple[int, int, Place] | None = None
    drop_from = 0
    for start, end, place in mentions:
        if _is_locative(tokens, start, end, place):
            chosen, drop_from = (start, end, place), start - 1
            if start > 1 and tokens[start - 2] == "out":  # "out of Iraq"
                drop_from = start - 2
            break
    if chosen is None and mentions:
        start, end, place = mentions[0]
        if start == 0 and not place.demonym and place.canonical not in _NEVER_IMPLICIT_PLACE:
            chosen, drop_from = (start, end, place), start  # "Iraq budget deficit"
    words: list[str] = []
    actors: list[str] = []
    i = 0
    by_start = {m[0]: m for m in mentions}
    while i < len(tokens):
        if chosen is not None and i == drop_from:
            i = chosen[1]
            continue
        mention = by_start.get(i)
        if mention is not None:
            words.append(mention[2].canonical)
            actors.append(mention[2].canonical)
            i = mention[1]
            continue
        if tokens[i] not in _STOP:
            words.append(tokens[i])
        i += 1
    deduped = [w for k, w in enumerate(words) if k == 0 or w != words[k - 1]]
    return SubjectParts(
        entity=" ".join(deduped),
        actors=tuple(sorted(set(actors))),
        place=chosen[2].canonical if chosen else None,
    )


SPELLING_RATIO = 80.0


def spelling_variant(a: str, b: str) -> str | None:
    """Why two entities are one spelt two ways ("labourers ~ laborers"), or None.

    The same number of words, and every word of one side without an equal on the
    other pairs with a word of close spelling; numbers must be equal.
    """
    from rapidfuzz import fuzz

    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return None
    only_a = [w for w in wa if w not in wb]
    only_b = [w for w in wb if w not in wa]
    if len(only_a) != len(only_b) or not only_a:
        return None
    pairs = []
    for x in only_a:
        best = max(only_b, key=lambda y: (fuzz.ratio(x, y), y))
        if any(c.isdigit() for c in x + best) or fuzz.ratio(x, best) < SPELLING_RATIO:
            return None
        only_b.remove(best)
        pairs.append(f"{x} ~ {best}")
    return "spelling: " + ", ".join(pairs)


def _may_be_variant(a: str, b: str) -> bool:
    """False when ``spelling_variant(a, b)`` is None for certain, decided without rapidfuzz:
    the word counts differ, the differing words are not one for one, a differing word of
    ``a`` holds a digit, or one of them shares too few letters with every counterpart to
    reach SPELLING_RATIO (ratio is 200·LCS/(len+len), and the LCS is at most the letters
    the two words have in common). Most blocks then never import rapidfuzz (~10 ms)."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    only_a = [w for w in wa if w not in wb]
    only_b = [w for w in wb if w not in wa]
    if len(only_a) != len(only_b) or not only_a:
        return False
    if any(c.isdigit() for x in only_a for c in x):
        return False
    for x in only_a:
        letters = Counter(x)
        if not any(_could_reach(letters, x, y) for y in only_b):
            return False
    return True


def _could_reach(letters: Counter[str], x: str, y: str) -> bool:
    """Whether ``fuzz.ratio(x, y)`` can reach SPELLING_RATIO: 200·common >= SPELLING_RATIO·
    (len x + len y), exact in floats for these small integers."""
    common = sum((letters & Counter(y)).values())
    return 200 * common >= SPELLING_RATIO * (len(x) + len(y))


_PLAIN_CHECK_REPS = 32


def _closest(entity: str, reps: Sequence[str], threshold: float) -> tuple[str, str] | None:
    """(representative, reason) of the best candidate that is a spelling variant.

    A small block is first asked without rapidfuzz (a small claims file, the pre-commit
    case, then never imports it); a big one goes to rapidfuzz at once, whose C search
    is faster than the pure-Python test over many representatives. Same answer."""
    if (
        len(reps) <= _PLAIN_CHECK_REPS
        and "rapidfuzz" not in sys.modules
        and not any(_may_be_variant(entity, rep) for rep in reps)
    ):
        return None
    return _fuzzy_closest(entity, reps, threshold)


def _fuzzy_closest(entity: str, reps: Sequence[str], threshold: float) -> tuple[str, str] | None:
    """The rapidfuzz search: the best-scoring candidates, the first a spelling variant."""
    from rapidfuzz import fuzz, process

    for rep, _score, _index in process.extract(
        entity, reps, scorer=fuzz.token_set_ratio, score_cutoff=threshold, limit=5
    ):
        why = spelling_variant(entity, str(rep))
        if why is not None:
            return str(rep), why
    return None


Block = tuple[str, tuple[str, ...], tuple[str, ...]]


def _block(p: SubjectParts) -> Block:
    """Subjects merge only with the same place, the same actors and the same numbers."""
    return (p.place or "", p.actors, tuple(sorted(re.findall(r"\d+", p.entity))))


def canonical_keys(
    subjects: Sequence[str],
    aliases: Sequence[Sequence[str]] = (),
    threshold: float = DEFAULT_SUBJECT_THRESHOLD,
) -> dict[str, tuple[str, str | None]]:
    """Each distinct subject string -> (canonical key, place).

    Fuzzy merging happens only inside a block of equal (place, actors, numbers);
    within a block the most frequent wording becomes the representative.
    """
    return {s: (k, p) for s, (k, p, _why) in _keys(subjects, aliases, threshold).items()}


def merge_notes(
    subjects: Sequence[str],
    aliases: Sequence[Sequence[str]] = (),
    threshold: float = DEFAULT_SUBJECT_THRESHOLD,
) -> list[tuple[str, str, str]]:
    """(key, written subject, why) for every key written more than one way."""
    keys = _keys(subjects, aliases, threshold)
    by_key: dict[str, list[str]] = {}
    for s, (k, _p, _why) in keys.items():
        by_key.setdefault(k, []).append(s)
    folder = SubjectFolder(aliases)
    out = []
    for k in sorted(by_key):
        written = sorted(by_key[k])
        if len(written) < 2:
            continue
        for s in written:
            why = keys[s][2]
            if not why.startswith("spelling"):
                entity = folder.parts(s).entity
                unchanged = set(entity.split()) <= set(fold_text(s).split())
                why = "as written" if unchanged else f"folds and aliases read it as “{entity}”"
            out.append((k, s, why))
    return out


def folder_for(aliases: Sequence[Sequence[str]] = ()) -> SubjectFolder:
    """The run's folder for these aliases: the loader's unit check and normalization fold
    the same subjects, so each distinct subject is folded once."""
    return _shared_folder(tuple(tuple(str(n) for n in group) for group in aliases))


@lru_cache(maxsize=16)
def _shared_folder(aliases: tuple[tuple[str, ...], ...]) -> SubjectFolder:
    return SubjectFolder(aliases)


def _keys(
    subjects: Sequence[str],
    aliases: Sequence[Sequence[str]],
    threshold: float,
) -> dict[str, tuple[str, str | None, str]]:
    folder = folder_for(aliases)
    counts = Counter(subjects)
    parts = {s: folder.parts(s) for s in counts}
    entity_counts: Counter[tuple[Block, str]] = Counter()
    blocks: dict[Block, set[str]] = {}
    for s, p in parts.items():
        block = _block(p)
        blocks.setdefault(block, set()).add(p.entity)
        entity_counts[(block, p.entity)] += counts[s]
    rep_of: dict[tuple[Block, str], tuple[str, str]] = {}
    for block in sorted(blocks, key=repr):
        reps: list[str] = []
        ordered = sorted(blocks[block], key=lambda e: (-entity_counts[(block, e)], len(e), e))
        for entity in ordered:
            match = _closest(entity, reps, threshold) if reps else None
            if match is None:
                reps.append(entity)
                rep_of[(block, entity)] = (entity, "same words after folds and aliases")
            else:
                rep_of[(block, entity)] = match
    result: dict[str, tuple[str, str | None, str]] = {}
    for s, p in parts.items():
        block = _block(p)
        rep, why = rep_of[(block, p.entity)]
        result[s] = (f"{rep}|{p.place or ''}", p.place, why)
    return result


def subject_key(subject: str, aliases: Sequence[Sequence[str]] = ()) -> str:
    """The key of one subject alone (no fuzzy merging: that needs the other subjects)."""
    p = SubjectFolder(aliases).parts(subject)
    return f"{p.entity}|{p.place or ''}"
