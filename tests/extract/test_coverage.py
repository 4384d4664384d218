"""Undated pages dated by the coverage of their story (``extract/coverage.py``)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.coverage import (
    COVERAGE_GAP,
    LEAD_IN,
    Page,
    Window,
    date_by_coverage,
    page,
    page_of,
    story_names,
)
from claimcheck.extract.coverage import coverage_windows as _windows
from claimcheck.model import Claim, Source


def _src(sid: str, published: date | None) -> Source:
    return Source(id=sid, path=f"{sid}.txt", published=published)


def _claim(sid: str, subject: str, time: str | None, source: str = "publication") -> Claim:
    return Claim(
        id=f"{sid}-{subject}-{time}",
        source=sid,
        subject=subject,
        kind="count",
        value="12",
        unit="people",
        quote="12",
        time=time,
        time_source=source,  # type: ignore[arg-type]
    )


FLOOD = "people drowned in Valmora"


def coverage_windows(sources: list[Source], claims: list[Claim]) -> dict[str, Window]:
    return _windows([page_of(s, claims) for s in sources])


def test_an_undated_page_takes_the_window_of_its_story() -> None:
    sources = [
        _src("wire", date(2019, 3, 4)),
        _src("daily", date(2019, 3, 6)),
        _src("mirror", None),
    ]
    claims = [
        _claim("wire", FLOOD, "2019-03-04"),
        _claim("wire", "homes flooded in Valmora", "2019-03-02", "event"),
        _claim("daily", FLOOD, "2019-03-06"),
        _claim("mirror", FLOOD, None),
        _claim("mirror", FLOOD, "Tuesday", "stated"),
    ]
    dated, windows = date_by_coverage(sources, claims)
    assert windows == {"mirror": Window(date(2019, 3, 2), date(2019, 3, 6), ("wire", "daily"))}
    # the window (Saturday to Wednesday) holds one Tuesday: the page's "Tuesday" is it
    mirror = [c.time for c in dated if c.source == "mirror"]
    assert mirror == ["2019-03-02/2019-03-06", "2019-03-05"]
    assert [c.time_source for c in dated if c.source == "mirror"] == ["publication", "stated"]
    assert dated[:3] == claims[:3]  # dated pages are untouched


def test_a_page_sharing_no_subject_stays_undated() -> None:
    sources = [_src("wire", date(2019, 3, 4)), _src("other", None)]
    claims = [_claim("wire", FLOOD, "2019-03-04"), _claim("other", "strikers in Dunmore", None)]
    dated, windows = date_by_coverage(sources, claims)
    assert windows == {} and dated == claims


def test_the_run_of_coverage_sharing_most_subjects_wins() -> None:
    """A generic subject shared with another year's story does not stretch the window."""
    sources = [
        _src("old", date(2012, 6, 1)),
        _src("new1", date(2019, 3, 4)),
        _src("new2", date(2019, 3, 5)),
        _src("mirror", None),
    ]
    claims = [
        _claim("old", FLOOD, None),
        _claim("new1", FLOOD, None),
        _claim("new1", "people missing in Valmora", None),
        _claim("new2", "people missing in Valmora", None),
        _claim("mirror", FLOOD, None),
        _claim("mirror", "people missing in Valmora", None),
    ]
    assert coverage_windows(sources, claims)["mirror"] == Window(
        date(2019, 3, 4), date(2019, 3, 5), ("new1", "new2")
    )


def test_an_event_long_before_the_coverage_does_not_open_the_window() -> None:
    sources = [_src("wire", date(2019, 3, 4)), _src("mirror", None)]
    claims = [
        _claim("wire", FLOOD, "2019-03-04"),
        _claim("wire", FLOOD, "1998-07-01", "stated"),  # an earlier flood, for comparison
        _claim("mirror", FLOOD, None),
    ]
    window = coverage_windows(sources, claims)["mirror"]
    assert (window.start, window.end) == (date(2019, 3, 4), date(2019, 3, 4))


def test_subjects_meet_whatever_their_spacing_and_case() -> None:
    sources = [_src("wire", date(2019, 3, 4)), _src("mirror", None)]
    claims = [_claim("wire", FLOOD, None), _claim("mirror", "People  drowned in VALMORA", None)]
    assert "mirror" in coverage_windows(sources, claims)


def test_names_are_the_capitalised_words_inside_sentences() -> None:
    text = (
        "Rescuers reached Valmora on Monday. The Red Cross said the Sava river rose. "
        "Police said police divers were called."
    )
    assert story_names(text) == ("cross", "red", "sava", "valmora")


def test_a_country_and_a_measure_alone_do_not_make_one_story() -> None:
    """Two floods in one country: the undated page names the other flood's places."""
    sources = [
        _src("north", date(2019, 3, 4)),
        _src("south", date(2019, 5, 20)),
        _src("mirror", None),
    ]
    claims = [
        _claim("north", FLOOD, None),
        _claim("south", FLOOD, None),
        _claim("mirror", FLOOD, None),
    ]
    names = {
        "north": ("valmora", "sava", "dunmore"),
        "south": ("kestria", "orlo", "dunmore"),
        "mirror": ("kestria", "orlo", "vesk"),
    }
    _dated, windows = date_by_coverage(sources, claims, names)
    assert windows["mirror"].sisters == ("south",)
    unknown = {k: v for k, v in names.items() if k != "south"}  # south's names unknown
    _dated, windows = date_by_coverage(sources, claims, unknown)
    assert windows["mirror"].sisters == ("south",)  # north shares too few: only south left


def _one_run_plain(shared: dict[str, int], dated: dict[str, Page]) -> tuple[str, ...]:
    """The run of coverage sharing the most (ties: the later run), as first written."""
    if not shared:
        return ()

    def day(pid: str) -> date:
        published = dated[pid].published
        assert published is not None
        return published

    ordered = sorted(shared, key=lambda pid: (day(pid), pid))
    runs: list[list[str]] = [[ordered[0]]]
    for pid in ordered[1:]:
        if day(pid) - day(runs[-1][-1]) > COVERAGE_GAP:
            runs.append([])
        runs[-1].append(pid)
    return tuple(max(reversed(runs), key=lambda run: sum(shared[pid] for pid in run)))


def _windows_pairwise(pages: list[Page]) -> dict[str, Window]:
    """The plain definition: every undated page against every dated page."""
    dated = {p.id: p for p in sorted(pages, key=lambda p: p.id) if p.published is not None}
    out: dict[str, Window] = {}
    for undated in pages:
        if undated.published is not None or not undated.subjects:
            continue
        subjects, names = set(undated.subjects), set(undated.names)
        shared = {
            pid: len(subjects & set(d.subjects)) + len(names & set(d.names))
            for pid, d in dated.items()
            if subjects & set(d.subjects)
            and (
                not names
                or not d.names
                or len(names & set(d.names)) >= 2
                or (names & set(d.names) and len(subjects & set(d.subjects)) >= 3)
            )
        }
        sisters = _one_run_plain(shared, dated)
        if sisters:
            first, last = dated[sisters[0]].published, dated[sisters[-1]].published
            assert first is not None and last is not None
            early = [d for s in sisters for d in dated[s].days() if first - LEAD_IN <= d < first]
            out[undated.id] = Window(min(early, default=first), last, sisters)
    return out


SUBJECTS = st.sampled_from(["deaths in valmora", "troops in iraq", "jobs", "flood victims"])
NAMES = st.sampled_from(["valmora", "reuters", "nile", "smith", "unicef"])
TIMES = st.sampled_from(["2019-03-02", "2019-03-03", "March 2019", "2019-02-20", "current"])


@st.composite
def _pages(draw: st.DrawFn) -> list[Page]:
    out = []
    for i in range(draw(st.integers(0, 12))):
        day = draw(st.none() | st.integers(0, 200).map(lambda n: date(2019, 2, 25) + timedelta(n)))
        out.append(
            page(
                f"p{i:02d}",
                day,
                draw(st.frozensets(SUBJECTS, max_size=3)),
                draw(st.lists(TIMES, max_size=3)),
                draw(st.frozensets(NAMES, max_size=4)),
            )
        )
    return out


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_windows_are_the_pairwise_definitions(pages: list[Page]) -> None:
    """Comparing only pages that share a subject, and parsing each sister's days once,
    gives the windows of comparing every pair."""
    assert _windows(pages) == _windows_pairwise(pages)


def test_a_yearless_datelines_day_is_dated_within_its_storys_coverage() -> None:
    from claimcheck.extract.coverage import Window, dateline_date

    window = Window(date(2023, 12, 30), date(2024, 1, 3), ("b",))
    assert dateline_date((1, 2), window) == date(2024, 1, 2)
    assert dateline_date((12, 31), window) == date(2023, 12, 31)
    assert dateline_date((1, 10), window) == date(2024, 1, 10)  # a later follow-up
    assert dateline_date((9, 20), window) == date(2023, 9, 20)  # an older page
    assert dateline_date((6, 30), window) is None  # half a year from the coverage either way
    assert dateline_date((2, 30), window) is None


def test_a_weekday_is_the_one_day_of_its_name_in_the_window() -> None:
    from claimcheck.extract.coverage import Window, weekday_in

    week = Window(date(2022, 8, 1), date(2022, 8, 5), ("a",))  # Monday to Friday
    assert weekday_in("Wednesday", week) == date(2022, 8, 3)
    assert weekday_in("late on Monday night", week) == date(2022, 8, 1)
    assert weekday_in("Sunday", week) is None  # none in the window
    assert weekday_in("last Wednesday", week) is None  # not a bare weekday
    fortnight = Window(date(2022, 8, 1), date(2022, 8, 14), ("a",))
    assert weekday_in("Wednesday", fortnight) is None  # two of them


@given(st.dates(date(1990, 1, 1), date(2040, 1, 1)), st.integers(0, 6), st.integers(0, 6))
def test_the_weekday_found_lies_in_the_window_and_has_its_name(
    start: date, span: int, wanted: int
) -> None:
    from claimcheck.extract.coverage import Window, weekday_in
    from claimcheck.recognize.lexicon import WEEKDAYS

    window = Window(start, start + timedelta(days=span), ("a",))
    name = next(n for n, i in WEEKDAYS.items() if i == wanted)
    found = weekday_in(name, window)
    days = [start + timedelta(days=i) for i in range(span + 1)]
    if found is None:  # a week or less holds each weekday at most once
        assert wanted not in [d.weekday() for d in days]
    else:
        assert found in days and found.weekday() == wanted


def test_the_weekend_is_the_one_weekend_the_window_meets() -> None:
    from claimcheck.extract.coverage import Window, weekend_in

    sat_to_mon = Window(date(2024, 3, 2), date(2024, 3, 4), ("a",))
    assert weekend_in("over the weekend", sat_to_mon) == date(2024, 3, 2)
    assert weekend_in("the weekend", Window(date(2024, 3, 4), date(2024, 3, 6), ("a",))) is None
    assert weekend_in("the weekend", Window(date(2024, 3, 3), date(2024, 3, 9), ("a",))) is None


def test_a_brief_sharing_one_name_and_three_quantities_is_of_the_story() -> None:
    """A short wire brief names little beyond its country: with three of a dated page's
    quantities it is of that page's story; with one, it is not."""
    dated = page(
        "wire",
        date(2021, 7, 8),
        ["deaths in valmora", "missing in valmora", "displaced in valmora"],
        [],
        ["valmora", "ruiz"],
    )
    brief = page(
        "brief",
        None,
        ["deaths in valmora", "missing in valmora", "displaced in valmora"],
        [],
        ["valmora"],
    )
    lone = page("lone", None, ["deaths in valmora"], [], ["valmora"])
    windows = _windows([dated, brief, lone])
    assert set(windows) == {"brief"}
