"""Placing a page that names no place where its story's other pages are."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.extract.coverage import page, subject_place
from claimcheck.extract.story_place import story_countries

NAMES = ("ridgeline", "cal", "paradise")


def _page(pid: str, subjects: list[str], names: tuple[str, ...] = NAMES) -> object:
    return page(pid, date(2024, 7, 30), subjects, [], names)


def test_a_subjects_place_is_a_name_after_its_last_in() -> None:
    assert subject_place("deaths in Kerala") == "Kerala"
    assert subject_place("people still in hospital") is None
    assert subject_place("people still in hospital in Greece") == "Greece"
    assert subject_place("deaths") is None


def test_a_placeless_page_takes_the_country_its_story_is_placed_in() -> None:
    pages = [
        _page("a", ["area burned in Chile", "containment in Chile"]),
        _page("b", ["area burned in Valparaiso"]),
        _page("c", ["area burned", "containment"]),
    ]
    assert story_countries(pages) == {"c": "Chile"}  # type: ignore[arg-type]


def test_a_page_of_another_story_or_a_split_story_stays_placeless() -> None:
    pages = [
        _page("a", ["area burned in Chile"]),
        _page("b", ["area burned in Argentina"]),
        _page("c", ["area burned"]),  # its story's pages disagree on the country
        _page("d", ["deaths"], names=("tempi", "larissa")),  # shares no names with any
    ]
    assert story_countries(pages) == {}  # type: ignore[arg-type]


def test_a_page_naming_a_place_of_its_own_keeps_it() -> None:
    pages = [_page("a", ["deaths in Chile"]), _page("b", ["deaths in Lima", "injured"])]
    assert story_countries(pages) == {}  # type: ignore[arg-type]


STORY = {
    "a.txt": (
        "Ridgeline Fire grows\n\nJuly 29, 2024\n\nThe Ridgeline Fire near Quilpue in Chile "
        "has burned 9,200 hectares, Conaf said, citing fire chief Jorquera.\n"
    ),
    "b.txt": (
        "Fire update\n\nJuly 30, 2024\n\nConaf said the Ridgeline Fire had burned 9,800 "
        "hectares by Tuesday, fire chief Jorquera told reporters.\n"
    ),
}


def _both_outputs(tmp_path: Path, files: dict[str, str]) -> tuple[list[dict[str, str]], str]:
    """The run's claims as ``extract --format json`` streams them, and the claims file
    ``extract --into`` writes: the two paths must place and fold alike."""
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    env = {"CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    out = runner.invoke(cli, ["extract", "--format", "json", str(tmp_path)], env=env)
    assert out.exit_code == 0, out.output
    claims = json.loads(out.stdout)["claims"]
    into = tmp_path / "claims.yaml"
    out = runner.invoke(cli, ["extract", str(tmp_path), "--into", str(into)], env=env)
    assert out.exit_code == 0, out.output
    return claims, into.read_text(encoding="utf-8")


def test_extract_places_the_page_in_both_outputs(tmp_path: Path) -> None:
    claims, written = _both_outputs(tmp_path, STORY)
    subjects = {c["source"]: c["subject"] for c in claims}
    assert subjects == {"a": "area burned in Chile", "b": "area burned in Chile"}
    assert written.count("subject: area burned in Chile") == 2


PROTEST = {
    "a.txt": "Rally\n\nMarch 8, 2025\n\nPolice said 40,000 people marched in Quito on Saturday.\n",
    "b.txt": "Rally\n\nMarch 8, 2025\n\nOrganisers said 250,000 people marched in Ecuador on "
    "Saturday.\n",
    "c.txt": "Rally\n\nMarch 9, 2025\n\nAbout 900,000 people marched across Ecuador on "
    "Saturday, unions said, including 60,000 in Quito.\n",
}


def test_a_countrys_crowd_meets_the_runs_one_crowd_city_but_not_the_nations(
    tmp_path: Path,
) -> None:
    claims, written = _both_outputs(tmp_path, PROTEST)
    got = sorted((c["source"], c["value"], c["subject"]) for c in claims)
    assert got == [
        ("a", "40,000", "crowd in Quito"),
        ("b", "250,000", "crowd in Quito"),  # police and organisers meet
        ("c", "60,000", "crowd in Quito"),
        ("c", "About 900,000", "crowd nationwide in Ecuador"),  # not the city's
    ]
    assert written.count("subject: crowd in Quito") == 3


def test_a_short_page_sharing_one_name_and_the_same_news_is_placed() -> None:
    def dated(pid: str, subjects: list[str], names: tuple[str, ...], day: int) -> object:
        return page(pid, date(2024, 7, day), subjects, [], names)

    pages = [
        dated("a", ["deaths in Chile", "injured in Chile"], ("quilpue", "valparaiso"), 30),
        dated("b", ["deaths", "injured"], ("quilpue", "bomberos"), 31),
        dated("c", ["deaths"], ("quilpue", "ruta"), 31),  # one quantity in common: not enough
        dated("d", ["deaths", "injured"], ("quilpue", "ruta"), 20),  # ten days apart
    ]
    assert story_countries(pages) == {"b": "Chile"}  # type: ignore[arg-type]
