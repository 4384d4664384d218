"""The ``review`` command's work, kept out of ``cli.py`` (which only declares its options):
recording a verdict on a finding, migrating reviews of older fingerprints, and the
editor's walk through the open findings. Imported only when ``review`` runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from claimcheck.cli_support import current_config, inert

if TYPE_CHECKING:
    from claimcheck.model import Report


def review_args(args: tuple[str, ...]) -> tuple[str | None, str]:
    import re

    if len(args) > 2:
        raise click.UsageError("expected at most FINGERPRINT and CLAIMS_FILE")
    fingerprint = claims_file = None
    for a in args:
        if re.fullmatch(r"[0-9a-fA-F]{4,12}", a) and fingerprint is None:
            fingerprint = a
        elif claims_file is None:
            claims_file = a
        else:
            raise click.UsageError(f"unexpected argument {a!r}")
    return fingerprint, claims_file or current_config().claims_file()


def record(rep: Report, found: Any, verdict: str, note: str, claims_file: str) -> None:
    from claimcheck import engine
    from claimcheck.claimsfile.write import write_review

    replaces = engine.replaced_reviews(rep, found)
    write_review(Path(claims_file), found.fingerprint, verdict, note, replaces=replaces)
    click.echo(f"{claims_file}: {found.fingerprint} {verdict}", err=True)


def migrate(rep: Report, claims_file: str) -> None:
    """Reviews found under an older fingerprint, with no claim new since, are rewritten."""
    from claimcheck import engine

    n = 0
    verdicts = {r.fingerprint.lower(): r.verdict for r in rep.claims_file.reviews}
    for f in rep.findings:
        old = engine.replaced_reviews(rep, f) if f.review is not None else []
        if f.review is None or f.new_since_review or not old:
            continue
        if len({verdicts.get(fp.lower(), f.review.verdict) for fp in old}) > 1:
            # Accepted and dismissed pairs now one finding: the editor decides, not us.
            click.echo(
                f"{claims_file}: {f.fingerprint} left as it is: its older reviews disagree "
                f"(run `claimcheck review {f.fingerprint} --accept|--dismiss`)",
                err=True,
            )
            continue
        record(rep, f, f.review.verdict, f.review.note, claims_file)
        n += 1
    click.echo(f"{claims_file}: {n} review(s) migrated", err=True)


def walk(rep: Report, claims_file: str) -> None:
    """The editor's triage: each open finding with its evidence, then a verdict."""
    from claimcheck.render.common import Index, claim_value_text, fmt_interval, sort_findings

    index = Index(rep)
    open_findings = [
        f for f in sort_findings(rep.findings) if not f.reviewed and f.tier != "update"
    ]
    if not open_findings:
        click.echo("no open findings")
        return
    for k, f in enumerate(open_findings, 1):
        head = f"[{k}/{len(open_findings)}] {f.tier}: {f.subject}  ({f.fingerprint})"
        click.echo("\n" + inert(head))
        if f.new_since_review:
            click.echo(inert(f"  reopened: new since the review: {', '.join(f.new_since_review)}"))
        for r in index.rows(f.claims):
            click.echo(
                inert(
                    f"  {r.source_label}: {claim_value_text(r.claim)} ({fmt_interval(r.time)})"
                    f"  “{' '.join(r.claim.quote.split())}”"
                )
            )
        for line in f.evidence:
            click.echo(inert(f"  - {line}"))
        choice = click.prompt(
            "  [a]ccept, [d]ismiss, [s]kip, [q]uit",
            type=click.Choice(["a", "d", "s", "q"]),
            show_choices=False,
        )
        if choice == "q":
            break
        if choice == "s":
            continue
        note = click.prompt("  note", default="", show_default=False)
        record(rep, f, "accepted" if choice == "a" else "dismissed", note, claims_file)
