"""One exception root, mapped to exit codes in one place (``cli.main``).

0 clean, 1 findings or errors in a checked file, 2 bad usage or bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a cached `check` raises nothing and never needs the model
    from claimcheck.model import Problem


class ClaimcheckError(Exception):
    """Base of every error the CLI turns into a message and exit code 2."""

    exit_code = 2


class InputError(ClaimcheckError):
    """The user's input is unusable; carries every located problem at once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(p.format() for p in self.problems))


class OutputError(ClaimcheckError):
    """An output cannot be written, or writing it would destroy something the user owns."""
