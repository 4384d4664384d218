"""Data files shipped inside the package (the schema, the places list).

Read through the package's own loader, as ``pkgutil.get_data`` does, so they are
found in a wheel, a zip or a source tree alike. ``importlib.resources`` would do the
same but costs ~5 ms of imports (tempfile, shutil, zipfile helpers) on every run of
``check``, which a pre-commit hook pays on every commit.
"""

from __future__ import annotations

import pkgutil


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of ``name`` (a "/"-separated path) inside ``package``."""
    data = pkgutil.get_data(package, name)
    if data is None:  # a loader that cannot read data files (never for our installs)
        raise FileNotFoundError(f"{package}: {name}")
    return data.decode("utf-8")
