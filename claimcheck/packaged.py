"""Data files shipped inside the package (the schema, the places list).

Read through the package's own loader, as ``pkgutil.get_data`` does, so they are
found in a wheel, a zip or a source tree alike. ``importlib.resources`` would do the
same but costs ~5 ms of imports (tempfile, shutil, zipfile helpers) on every run of
``check``, which a pre-commit hook pays on every commit; ``pkgutil`` itself ~0.4 ms,
for the few lines below.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of ``name`` (a "/"-separated path) inside ``package``."""
    data = _get_data(package, name)
    if data is None:  # a loader that cannot read data files (never for our installs)
        raise FileNotFoundError(f"{package}: {name}")
    return data.decode("utf-8")


def _get_data(package: str, name: str) -> bytes | None:
    """``pkgutil.get_data(package, name)``: the package's loader reads the file beside
    its ``__init__``."""
    module = sys.modules.get(package) or import_module(package)
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    where = getattr(module, "__file__", None)
    if loader is None or not hasattr(loader, "get_data") or where is None:
        return None
    data: bytes = loader.get_data(os.path.join(os.path.dirname(where), *name.split("/")))
    return data
