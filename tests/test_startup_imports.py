"""Start-up: what a process imports before it needs it (fast pre-commit hooks)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("claimcheck.rules", "claimcheck.recognize", "claimcheck.engine", "claimcheck.normalize",
         "rapidfuzz", "fastjsonschema", "jsonschema", "rich", "ruamel")  # fmt: skip


def _modules(code: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> list[str]:
    code += "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(out.stdout.strip().splitlines()[-1])
    return loaded


def _heavy(mods: list[str]) -> list[str]:
    return [m for m in mods if m.startswith(HEAVY)]


def test_importing_the_cli_loads_no_pipeline() -> None:
    assert _heavy(_modules("import claimcheck.cli")) == []


def test_importing_the_engine_loads_no_rule() -> None:
    mods = _modules("import claimcheck.engine")
    assert [m for m in mods if m.startswith(("claimcheck.rules", "claimcheck.recognize"))] == []


def test_an_unchanged_check_loads_no_pipeline(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    run = "from claimcheck.cli import main\ntry:\n    main(['check', 'claims.yaml'])\n"
    run += "except SystemExit:\n    pass"
    first = _modules(run, env=env)
    assert "claimcheck.engine" in first  # the first run did the work
    again = _modules(run, env=env)
    assert _heavy(again) == [], "a result-cache hit imported the pipeline"
    assert "claimcheck.model" not in again, "a result-cache hit built the data model"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_loads_only_its_renderer(tmp_path: Path, fmt: str) -> None:
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    run = "from claimcheck.cli import main\ntry:\n    main(['check', '--no-cache', '--format', "
    run += f"'{fmt}', 'claims.yaml'])\nexcept SystemExit:\n    pass"
    renderers = [m for m in _modules(run, env=env) if m.startswith("claimcheck.render.")]
    assert f"claimcheck.render.{fmt}" in renderers
    others = {"claimcheck.render.html", "claimcheck.render.terminal", "claimcheck.render.sarif"}
    assert others.isdisjoint(renderers)


SMALL_RUNS = [
    ["check", "--no-cache", "claims.yaml"],
    ["extract", "--no-cache", "--format", "json", "seeds/000_ec8027eaf503b8ac.txt"],
]
"""A small check (the pre-commit case) and a one-article extraction."""


def _warm_run_modules(tmp_path: Path, argv: list[str]) -> list[str]:
    """The modules a second run of ``argv`` imports (the first builds the places index and
    the regex store in a fresh user cache)."""
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    run = f"from claimcheck.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass"
    _modules(run, env=env)
    return _modules(run, env=env)


SPARE = ("tempfile", "shutil", "pkgutil", "importlib.resources", "yaml", "ruamel")
"""What a one-article JSON extraction or a small check never needs."""


@pytest.mark.parametrize("argv", SMALL_RUNS, ids=["check", "extract-json"])
def test_a_small_run_loads_no_spare_module(tmp_path: Path, argv: list[str]) -> None:
    mods = _warm_run_modules(tmp_path, argv)
    spare = [m for m in mods if m.startswith(SPARE) and not (argv[0] == "check" and m == "yaml")]
    spare = [m for m in spare if not (argv[0] == "check" and m.startswith("yaml."))]
    if argv[0] == "extract":  # OpenSSL only for hashing whole articles into the cache
        spare += [m for m in mods if m in ("hashlib", "_hashlib")]
    assert spare == [], "a small run imported what it does not use"


LAZY = ("rapidfuzz", "decimal", "_decimal")
"""Loaded only when needed: rapidfuzz when two subjects could be spelling variants (none
of the shipped claims file's can), decimal when a Decimal could be validated."""


@pytest.mark.parametrize("argv", SMALL_RUNS, ids=["check", "extract-json"])
def test_a_small_run_loads_no_fuzzy_matcher_nor_decimal(tmp_path: Path, argv: list[str]) -> None:
    mods = _warm_run_modules(tmp_path, argv)
    assert [m for m in mods if m.startswith(LAZY)] == []
    if argv[0] == "check":
        assert "claimcheck.normalize.subjects" in mods  # subjects were folded and keyed


@pytest.mark.parametrize("module", ["claimcheck.normalize.subjects", "claimcheck.render.common"])
def test_importing_reads_no_regex_store(module: str) -> None:
    code = f"import {module}\nfrom claimcheck.recognize import lazyre\n"
    code += "print(lazyre._STORE.entries is None)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr


def test_a_text_check_imports_no_json(tmp_path: Path) -> None:
    env = {**os.environ, "CLAIMCHECK_CACHE": str(tmp_path / "cache")}
    code = (
        "import sys\nfrom claimcheck.cli import main\ntry:\n    main(['check', '--no-cache', "
        "'claims.yaml'])\nexcept SystemExit:\n    pass\nprint('json' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, check=True)  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "False"
