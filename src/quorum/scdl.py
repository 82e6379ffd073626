"""Rows of the SCDL « Délibérations » open-data schema, one per published deliberation.

The schema (OpenDataFrance, schema.data.gouv.fr ``scdl/deliberations``) has
17 columns, :data:`COLUMNS`.  Its vote columns are read here as (see
docs/scdl.md for the reasons):

- ``VOTE_EFFECTIF``: the members able to take part in the vote at that
  question, present + represented (votants), from the replay;
- ``VOTE_REEL``: those who actually took part, pour + contre + abstention as
  published, so that the schema's rule ``VOTE_POUR + VOTE_CONTRE +
  VOTE_ABSTENTION = VOTE_REEL`` holds;
- ``VOTE_POUR``, ``VOTE_CONTRE``, ``VOTE_ABSTENTION``: as published.

The vote columns are all filled or all empty (a rule of the schema): empty
when no tally is published.  Values the record does not give
(``COLL_SIRET``, ``DELIB_MATIERE_CODE``, …) are empty unless passed in.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING

from quorum.errors import UsageError, UsageTypeError
from quorum.model import Sitting

if TYPE_CHECKING:
    from quorum.auditing import AuditReport

__all__ = ["COLUMNS", "VOTE_COLUMNS", "scdl_rows", "write_scdl"]

COLUMNS: tuple[str, ...] = (
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE",
    "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
)
"""The columns of SCDL « Délibérations » (versions 2.0 to 2.1.3), in the schema's order."""

VOTE_COLUMNS: tuple[str, ...] = (
    "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION",
)


def scdl_rows(sitting: Sitting, report: AuditReport | None = None, *,
              coll_nom: str | None = None, coll_siret: str = "",
              extra: Mapping[str, Mapping[str, str]] | None = None) -> list[dict[str, str]]:
    """One SCDL row per deliberation of ``sitting``, in the order of passage.

    ``report`` is the audit of ``sitting`` (computed when not given): its tally
    checks give ``VOTE_EFFECTIF``.  ``coll_nom`` defaults to the sitting's body;
    ``extra`` maps a question key to values for other columns
    (``DELIB_MATIERE_CODE``, ``DELIB_URL``, …), which override ours.
    """
    if report is None:
        from quorum.auditing import audit

        report = audit(sitting)
    checks = {check.question: check for check in report.tallies}
    rows: list[dict[str, str]] = []
    for key in sitting.agenda:
        deliberation = sitting.deliberation(key)
        if deliberation is None:
            continue
        row = dict.fromkeys(COLUMNS, "")
        row.update({
            "COLL_NOM": coll_nom if coll_nom is not None else sitting.body,
            "COLL_SIRET": coll_siret,
            "DELIB_ID": deliberation.identifier or key,
            "DELIB_DATE": sitting.date.isoformat() if sitting.date else "",
            "DELIB_OBJET": deliberation.title or "",
        })
        tally = deliberation.tally
        if tally is not None:
            check = checks.get(key)
            voters = check.voters if check is not None else sitting.at(key).voters
            row.update({
                "VOTE_EFFECTIF": str(voters),
                "VOTE_REEL": str(tally.pour + tally.contre + tally.abstention),
                "VOTE_POUR": str(tally.pour),
                "VOTE_CONTRE": str(tally.contre),
                "VOTE_ABSTENTION": str(tally.abstention),
            })
        if extra and key in extra:
            unknown = set(extra[key]) - set(COLUMNS)
            if unknown:
                raise UsageError(f"colonnes qui ne sont pas du SCDL : {', '.join(sorted(unknown))}")
            row.update(extra[key])
        rows.append(row)
    return rows


def write_scdl(sittings_or_rows: Sitting | Iterable[Sitting] | Iterable[Mapping[str, str]],
               path_or_file: str | os.PathLike[str] | IO[str]) -> int:
    """Write SCDL rows as CSV (UTF-8, comma, header line); return how many rows were written.

    Takes a sitting, several sittings, or rows already built by :func:`scdl_rows`.
    """
    rows: list[Mapping[str, str]] = []
    items: Iterable[object] = ([sittings_or_rows] if isinstance(sittings_or_rows, Sitting)
                               else sittings_or_rows)
    for item in items:
        if isinstance(item, Sitting):
            rows += scdl_rows(item)
        elif isinstance(item, Mapping):
            rows.append(item)
        else:
            raise UsageTypeError("write_scdl prend des séances ou des lignes, "
                                 f"pas {type(item).__name__}")
    buffer = io.StringIO()
    import csv

    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    if isinstance(path_or_file, str | os.PathLike):
        Path(path_or_file).write_text(buffer.getvalue(), encoding="utf-8", newline="")
    else:
        path_or_file.write(buffer.getvalue())
    return len(rows)
