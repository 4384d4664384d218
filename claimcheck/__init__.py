"""claimcheck: cross-check numeric and temporal claims in news articles.

The Python API (docs/api.md)::

    import claimcheck
    report = claimcheck.run("claims.yaml")        # load, normalize, group, compare
    status = claimcheck.check("claims.yaml")      # 0 clean, 1 as `claimcheck check` fails
    found = claimcheck.extract_files(["articles/"])

Everything is imported on first use (module ``__getattr__`` and imports inside the
functions), so ``import claimcheck`` and the ``claimcheck check`` start-up stay fast.
Extraction is ``extract_files``/``extract_text``: the name ``claimcheck.extract`` is the
extraction package, and a function of that name would be shadowed by it as soon as the
package is imported (the trap ``claimcheck.claimsfile.load`` fell into).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from claimcheck.extract.run import ExtractResult
    from claimcheck.model import ClaimsFile, Report

_LAZY = {
    "load": "claimcheck.claimsfile",
    "InputError": "claimcheck.errors",
    "ClaimcheckError": "claimcheck.errors",
    "ExtractResult": "claimcheck.extract.run",
    "Filters": "claimcheck.filters",
    **dict.fromkeys(
        (
            "Amount", "Claim", "ClaimsFile", "DateInterval", "Finding", "Location",
            "NormalizedClaim", "Problem", "Report", "Review", "Source", "ValueInterval",
        ),
        "claimcheck.model",
    ),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """The model types and ``load``, imported when first asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def run(
    claims: str | Path | ClaimsFile,
    *,
    settings: Mapping[str, float] | None = None,
    allow_outside: bool = False,
) -> Report:
    """Cross-check a claims file (a path, or a loaded ``ClaimsFile``): the ``Report`` with
    its normalized claims, findings (reviews applied) and warnings. ``settings``
    (about_tolerance, subject_threshold, rounding_cap) apply where the file sets none.
    Bad input raises ``InputError`` carrying every located problem."""
    import dataclasses

    from claimcheck import engine
    from claimcheck.claimsfile import load

    if isinstance(claims, (str, Path)):
        claims = load(claims, allow_outside=allow_outside)
    cf = claims
    if settings:
        merged = {k: float(v) for k, v in settings.items()}
        cf = dataclasses.replace(cf, settings={**merged, **cf.settings})
    return engine.run(cf)


def check(
    claims: str | Path | ClaimsFile | Report,
    *,
    settings: Mapping[str, float] | None = None,
    allow_outside: bool = False,
) -> int:
    """``claimcheck check``'s verdict: 1 when the file has errors or a contradiction or
    discrepancy no editor has reviewed, else 0 (bad input raises ``InputError``)."""
    from claimcheck.model import Report

    report = (
        claims
        if isinstance(claims, Report)
        else run(claims, settings=settings, allow_outside=allow_outside)
    )
    if any(p.severity == "error" for p in report.problems):
        return 1
    return int(any(f.tier != "update" and not f.reviewed for f in report.findings))


def extract_files(
    paths: Iterable[str | Path], *, jobs: int = 1, published: date | None = None
) -> ExtractResult:
    """Sources, claims and warnings from article files or folders (.txt, .md, .html), in
    a deterministic order; ``published`` dates the pages that show no date."""
    from claimcheck.extract.run import extract_paths

    return extract_paths([Path(p) for p in paths], jobs=jobs, published=published)


def extract_text(
    text: str, *, name: str = "article.txt", published: date | None = None
) -> ExtractResult:
    """Claims from one article given as text; its source's ``path`` is ``name`` (whose
    suffix, .txt, .md or .html, says how the text is read)."""
    import dataclasses
    import tempfile

    with tempfile.TemporaryDirectory(prefix="claimcheck-") as tmp:
        path = Path(tmp) / Path(name).name
        path.write_text(text, encoding="utf-8")
        result = extract_files([path], published=published)
    result.sources[:] = [dataclasses.replace(s, path=name) for s in result.sources]
    result.warnings[:] = [w.replace(str(path), name) for w in result.warnings]
    return result


__all__ = [
    "Amount", "Claim", "ClaimcheckError", "ClaimsFile", "DateInterval", "ExtractResult",
    "Filters", "Finding", "InputError", "Location", "NormalizedClaim", "Problem", "Report",
    "Review", "Source", "ValueInterval", "__version__", "check", "extract_files",
    "extract_text", "load", "run",
]  # fmt: skip
