"""The console-script entry point's own settings (not seen through click's CliRunner)."""

from __future__ import annotations

import gc
import subprocess
import sys

from claimcheck import cli


def _after_main(argv: list[str]) -> str:
    code = (
        "import gc\nfrom claimcheck.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\nprint(gc.get_threshold())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def test_a_run_collects_young_objects_less_often() -> None:
    young, *older = gc.get_threshold()
    assert young < cli.YOUNG_GC_THRESHOLD  # importing the CLI changed nothing
    assert _after_main(["--version"]) == str((cli.YOUNG_GC_THRESHOLD, *older))


def test_a_higher_threshold_of_the_user_is_kept() -> None:
    code = (
        "import gc\ngc.set_threshold(10**6, 3, 4)\nfrom claimcheck.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\nprint(gc.get_threshold())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "(1000000, 3, 4)"
