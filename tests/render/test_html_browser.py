"""Load the HTML report in headless Chromium: the DOM has the rows and SVGs, no console
errors, no network. Skipped where chromium is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck.model import Report
from claimcheck.render.html import render_html

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium is not installed")


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )


def test_html_in_chromium(report: Report, tmp_path: Path) -> None:
    browser = _chromium()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    run = _run(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    assert dom.count('<tr class="finding') == 3
    assert dom.count("<svg") == 3
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console
    assert "Content Security Policy" not in run.stderr  # nothing was blocked either
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    run2 = _run(
        browser,
        tmp_path / "profile2",
        "--window-size=1200,2400",
        f"--screenshot={shot}",
        page.as_uri(),
    )
    assert run2.returncode == 0 and shot.stat().st_size > 10_000
