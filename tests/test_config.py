"""Project configuration: where it is found, what it may say, and who wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import config
from claimcheck.cli import cli
from claimcheck.errors import InputError
from tests.test_cli import ARTICLE_A, ARTICLE_B, CLAIMS


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with two disagreeing articles, as the working directory."""
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_no_configuration_means_defaults(tmp_path: Path) -> None:
    cfg = config.load(tmp_path)
    assert cfg.path is None
    assert cfg.claims_file() == "claims.yaml"
    assert cfg.get("check_format") == "auto"
    assert cfg.settings() == {}


def test_pyproject_table_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimcheck]\nabout_tolerance = 0.25\n'
        'check_format = "json"\n',
        encoding="utf-8",
    )
    deep = tmp_path / "stories" / "2024"
    deep.mkdir(parents=True)
    cfg = config.load(deep)
    assert cfg.path == tmp_path / "pyproject.toml"
    assert cfg.settings() == {"about_tolerance": 0.25}
    assert cfg.get("check_format") == "json"
    assert "[tool.claimcheck]" in cfg.origin("about_tolerance")
    assert cfg.origin("subject_threshold") == "default"


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".claimcheck.toml").write_text('color = "never"\n', encoding="utf-8")
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.ruff]\nline-length = 90\n", encoding="utf-8")
    cfg = config.load(inner)
    assert cfg.path == tmp_path / ".claimcheck.toml"
    assert cfg.get("color") == "never"


def test_dot_file_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.claimcheck]\nreport_format = "html"\n', encoding="utf-8"
    )
    (tmp_path / ".claimcheck.toml").write_text('report_format = "markdown"\n', encoding="utf-8")
    assert config.load(tmp_path).get("report_format") == "markdown"


def test_configured_claims_file_is_relative_to_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".claimcheck.toml").write_text(
        'claims_file = "desk/claims.yaml"\n', encoding="utf-8"
    )
    sub = tmp_path / "desk" / "drafts"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert Path(config.load().claims_file()).resolve() == tmp_path / "desk" / "claims.yaml"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('color = "never"\nabout_tolerence = 0.2\n', 2, "did you mean 'about_tolerance'"),
        ("about_tolerance = 3\n", 1, "between 0 and 1"),
        ('subject_threshold = "high"\n', 1, "must be a number"),
        ('check_format = "xml"\n', 1, "must be one of"),
        ("allow_outside = 1\n", 1, "true or false"),
        ('color = "never\n', 1, "invalid TOML"),
    ],
)
def test_bad_configuration_is_located(tmp_path: Path, body: str, line: int, words: str) -> None:
    (tmp_path / ".claimcheck.toml").write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as info:
        config.load(tmp_path)
    problem = info.value.problems[0]
    assert problem.location.line == line
    assert words in problem.format()


def test_bad_configuration_is_exit_2_with_location(newsroom: Path) -> None:
    (newsroom / ".claimcheck.toml").write_text("rounding_capp = 0.1\n", encoding="utf-8")
    code, out, err = invoke("check")
    assert code == 2
    assert err.startswith(".claimcheck.toml:1:1: error: unknown key 'rounding_capp'")
    assert "Traceback" not in out + err


def test_configured_format_is_the_default_and_an_option_overrides_it(newsroom: Path) -> None:
    (newsroom / ".claimcheck.toml").write_text('check_format = "json"\n', encoding="utf-8")
    code, out, _ = invoke("check")
    assert code == 1
    assert json.loads(out)["command"] == "check"
    code, out, _ = invoke("check", "--format", "text")
    assert out.splitlines()[0].startswith("claims.yaml:")


def test_configured_tolerance_changes_the_verdict(newsroom: Path) -> None:
    """'about 40' vs 43: within a 10 % hedge, a contradiction only without one; the
    configured tolerance decides, and the claims file's own setting overrides it."""
    claims = newsroom / "claims.yaml"
    text = (
        CLAIMS.replace("value: at least 42", "value: about 40")
        .replace("At least 42 people", "About 40 people")
        .replace('value: "17"', 'value: "43"')
        .replace("killed 17 people", "killed 43 people")
    )
    (newsroom / "a.txt").write_text(
        ARTICLE_A.replace("At least 42 people", "About 40 people"), encoding="utf-8"
    )
    (newsroom / "b.txt").write_text(
        ARTICLE_B.replace("killed 17 people", "killed 43 people"), encoding="utf-8"
    )
    claims.write_text(text, encoding="utf-8")

    def tiers() -> list[str]:
        code, out, err = invoke("check", "--format", "json", "--severity", "info")
        assert code in (0, 1), err
        return sorted(f["kind"] for f in json.loads(out)["findings"])

    loose = tiers()
    (newsroom / ".claimcheck.toml").write_text("about_tolerance = 0.0\n", encoding="utf-8")
    strict = tiers()
    assert "contradiction" in strict and "contradiction" not in loose
    claims.write_text(
        text.replace("version: 1\n", "version: 1\nsettings:\n  about_tolerance: 0.1\n")
    )
    assert tiers() == loose


def test_config_command_shows_values_and_origins(newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text(
        "[tool.claimcheck]\nsubject_threshold = 90\nabout_tolerance = 0.2\n", encoding="utf-8"
    )
    claims = newsroom / "claims.yaml"
    claims.write_text(
        CLAIMS.replace("version: 1\n", "version: 1\nsettings:\n  about_tolerance: 0.05\n")
    )
    code, out, _ = invoke("config")
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines()[1:]}
    assert (
        lines["subject_threshold"] == "subject_threshold = 90  # pyproject.toml [tool.claimcheck]"
    )
    assert lines["about_tolerance"] == "about_tolerance = 0.05  # claims.yaml settings"
    assert lines["check_format"] == 'check_format = "auto"  # default'
    code, out, _ = invoke("config", "--format", "json")
    doc = json.loads(out)
    assert doc["subject_threshold"] == {"value": 90, "origin": "pyproject.toml [tool.claimcheck]"}
    assert doc["rounding_cap"]["origin"] == "default"


def test_config_output_is_valid_toml(newsroom: Path) -> None:
    code, out, _ = invoke("config")
    assert code == 0
    table = config._toml().loads(out)["tool"]["claimcheck"]
    assert table["claims_file"] == "claims.yaml"
    assert set(table) == set(config.KEYS)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tolerance=st.floats(0, 1, allow_nan=False),
    threshold=st.integers(0, 100) | st.floats(0, 100, allow_nan=False),
    fmt=st.sampled_from(config.REPORT_FORMATS),
    outside=st.booleans(),
    dashed=st.booleans(),
)
def test_config_output_round_trips(
    tmp_path: Path, tolerance: float, threshold: float, fmt: str, outside: bool, dashed: bool
) -> None:
    """Whatever valid values a file holds, `claimcheck config` prints them back as TOML
    that reads as the same values (so it can be pasted as a configuration)."""
    key = "about-tolerance" if dashed else "about_tolerance"
    (tmp_path / ".claimcheck.toml").write_text(
        f"{key} = {tolerance!r}\nsubject_threshold = {threshold!r}\n"
        f'check_format = "{fmt}"\nallow_outside = {str(outside).lower()}\n',
        encoding="utf-8",
    )
    cfg = config.load(tmp_path)
    table = config._toml().loads(config.to_toml(config.effective(cfg)))["tool"]["claimcheck"]
    assert table["about_tolerance"] == tolerance
    assert table["subject_threshold"] == threshold
    assert table["check_format"] == fmt and table["allow_outside"] is outside
    assert cfg.settings() == {"about_tolerance": tolerance, "subject_threshold": threshold}


def test_odd_pyprojects_are_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("tool = 3\n", encoding="utf-8")
    assert config.load(tmp_path).path is None
    (tmp_path / "pyproject.toml").write_text("[tool.claimcheck]\n", encoding="utf-8")
    assert config.load(tmp_path).values == {}
    (tmp_path / "pyproject.toml").write_text("[tool]\nclaimcheck = 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="must be a table"):
        config.load(tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "[tool.claimcheck]\nabout_tolerance = 0.3\n",
        '[tool."claimcheck"]  # ours\nabout_tolerance = 0.3\n',
        "[tool]\nclaimcheck = { about_tolerance = 0.3 }\n",
        "tool.claimcheck.about_tolerance = 0.3\n",
        "tool = { claimcheck = { about_tolerance = 0.3 } }\n",
        '[project]\nname = "x"\n\n[ tool . claimcheck ]\nabout_tolerance = 0.3\n',
    ],
)
def test_every_way_toml_writes_our_table_is_read(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    assert config.load(tmp_path).settings() == {"about_tolerance": 0.3}


def test_a_pyproject_that_only_mentions_us_is_not_parsed(tmp_path: Path) -> None:
    """A comment or a script named claimcheck is no table: the file is passed over
    unparsed (so even TOML we could not read costs a hook nothing)."""
    (tmp_path / "pyproject.toml").write_text(
        '[project.scripts]\nclaimcheck = "claimcheck.cli:main"  # see [tool.claimcheck]\n'
        "[tool.ruff\n",  # broken, but not ours
        encoding="utf-8",
    )
    assert config.load(tmp_path).path is None
