"""Who says a figure: the speaker a sentence names ("the health ministry said", "according
to the coroner's office", "Tulsa police said"), folded so outlets naming one body
alike agree. Apart from ``subjects`` (what is counted, whose it is) because a speaker is
attribution, not part of the quantity."""

from __future__ import annotations

from functools import lru_cache

from claimcheck.extract.subjects import lexicon
from claimcheck.recognize.lazyre import compile as _re_compile

_BODY_HEAD = (
    r"[a-z'’]+(?=\s+(?:[a-z]+\s+)?(?:institute|cent(?:re|er)|bureau|observatory|committee|"
    r"directorate|department|ministry|agency|service|office|authority|commission|council)\b)"
)
"""A lower-case word opening a body's name: "the coroner's office", "the seismology centre"."""
_SPEAKER = (
    r"(?:the\s+)?(?P<who>(?:[A-Z][\w.'’-]*|" + _BODY_HEAD + r"|officials|spokesman|spokeswoman|"
    r"spokesperson|minister|secretary|sources?|police|authorities|officers?|military|army|ministry|"
    r"organi[sz]ers|witnesses|activists|rescuers|medics|doctors|coastguard|election|rights|"
    r"health|interior|fire|local|city|state|government|council|commission|agency|union|"
    r"defen[cs]e|foreign|statistics|electoral|mayor|governor|president|premier|chief|director|"
    r"commissioner|media|broadcaster|newspapers?|television|radio)\b"
    r"(?:\s+(?:[A-Z][\w.'’-]*|of|the|" + _BODY_HEAD + r"|officials|spokesman|spokeswoman|"
    r"spokesperson|minister|secretary|sources?|police|authorities|press|general|defense|defence|health|foreign|"
    r"groups?|commission|council|agency|union|service|ministry|department|office|workers|"
    r"institute|cent(?:re|er)|bureau|observatory|committee|directorate|administration|"
    r"authority|monitor|board|hospitals?|state|media|broadcaster|television|radio|news)\b)"
    r"{0,6})"
)
_SAID_VERBS = (
    r"(?:said|says|told|claimed|claims|confirmed|confirms|announced|announces|"
    r"stated|reported|reports|estimated|estimates|added|noted|insisted|put|puts|measured)"
)
_SAID_PATTERNS = (
    _re_compile(r"\b[Aa]ccording\s+to\s+" + _SPEAKER),
    # "officials in Chile said": the speaker is the officials, not the place they are in
    _re_compile(
        _SPEAKER + r"(?:\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w.'’-]*"
        r"(?:\s+[A-Z][\w.'’-]*){0,3})?\s+(?:has\s+|have\s+|had\s+)?" + _SAID_VERBS + r"\b"
    ),
    _re_compile(r"\b" + _SAID_VERBS + r"\s+" + _SPEAKER + r"\s*(?:[.,;\"”]|$)"),
)
_BAD_SPEAKERS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "this",
        "that",
        "there",
        "today",
        "yesterday",
        "earlier",
        "later",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "in",
        "on",
    ]
)
_TRAILING = _re_compile(
    r"\s+(?:on|in|at|the|of|to|and|previously|also|earlier|later|last|"
    r"this|that|today|yesterday|[A-Z][a-z]+day)$"
)


_SPEAKER_REACH = 120
"""Characters before a reporting verb a speaker can start (longer names are rejected)."""
_LEAD_WORD = _re_compile(r"^(?:The|A|An|And|But|In|On|Earlier|Later|However)\s+")
_ROLE_WORD = _re_compile(
    r"official|source|spokes|police|author|minist|organi[sz]er|witness|activist|rescuer|medic|"
    r"doctor|coastguard|commission|council|agency|union|group|service|government|department|"
    r"office|institute|cent(?:re|er)|bureau|observatory|committee|directorate|administration|"
    r"authority|monitor|board|hospital|mayor|governor|president|premier|chief|director|"
    r"commissioner|media|broadcast|television|radio"
)
_SAID_CUE = _re_compile(r"\b[Aa]ccording\s+to\b|\b" + _SAID_VERBS + r"\b")


_PLACED_BEFORE = _re_compile(r"\b(?:in|at|near|from|outside|inside)\s+(?:the\s+)?$")


@lru_cache(maxsize=1024)
def said_by(sentence: str) -> str | None:
    """The speaker a sentence attributes its figures to, if named."""
    cue = _SAID_CUE.search(sentence)  # one cheap scan rules out most sentences
    if cue is None:
        return None
    # Where each pattern can start: "according to" at that phrase; "X said" at most a
    # speaker's length before the first reporting word; "said X" at that word.
    according = sentence.find("ccording") - 1  # "according to" or "According to"
    reach = max(0, cue.start() - _SPEAKER_REACH)
    if not cue.group(0)[1:].startswith("ccording"):
        reach = _speaker_run_start(sentence, reach, cue.start())
    starts = (according, reach, cue.start())
    for pat, lo in zip(_SAID_PATTERNS, starts, strict=True):
        if lo < 0:
            continue
        for m in pat.finditer(sentence, lo):
            if _PLACED_BEFORE.search(sentence, max(0, m.start("who") - 12), m.start("who")):
                continue  # "organisers of the march in Lima said": Lima is where, not who
            who = m["who"].strip()
            while True:
                trimmed = _TRAILING.sub("", who)
                if trimmed == who:
                    break
                who = trimmed
            who = _LEAD_WORD.sub("", who)
            who = who.rstrip(".,;")
            if not who or who.lower() in _BAD_SPEAKERS or len(who) > 80:
                continue
            if not (who[:1].isupper() or _ROLE_WORD.search(who)):
                continue
            return _fold_speaker(who)
    return None


_NOT_SPEAKER_CHAR = _re_compile(r"[^\w.'’\s-]")


def _speaker_run_start(sentence: str, lo: int, verb: int) -> int:
    """Where "X said" can start: a speaker and its verb are only words, dots, dashes,
    apostrophes and spaces, so a match ending at (or after) the first reporting word starts
    after the last other character before it. Skips scanning positions that cannot match."""
    for m in _NOT_SPEAKER_CHAR.finditer(sentence, lo, verb):
        lo = m.end()
    return lo


@lru_cache(maxsize=1024)
def _fold_speaker(who: str) -> str:
    """Fold nationality words inside a speaker ("American officials" -> "US officials")."""
    lex = lexicon()
    words = who.split()
    return " ".join(
        lex.names.get(w, w) if lex.names.get(w) == "US" and w != "US" else w for w in words
    )
