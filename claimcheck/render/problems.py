"""Input problems in the machine formats, when a claims file could not be checked at all.

``check --format json|sarif|github`` must still print a document when loading fails, so
that CI uploads the problems (SARIF results with rule ids and locations, GitHub
``::error`` annotations, JSON ``problems``) rather than an empty file. The problems are
wrapped in a report with no claims, and the usual renderers draw it.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.model import ClaimsFile, Problem, Report


def problem_report(path: str, problems: Iterable[Problem]) -> Report:
    """A report of a claims file that could not be read: its problems and nothing else."""
    cf = ClaimsFile(path=path, version=1, sources=(), claims=())
    return Report(claims_file=cf, normalized=(), findings=(), problems=tuple(sorted(problems)))
