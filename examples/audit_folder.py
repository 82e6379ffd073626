"""Audit every record of a folder and print one line per record.

Usage::

    python examples/audit_folder.py FOLDER

Every ``*.txt`` (a published record) and ``*.json`` (the JSON of a sitting)
file directly inside ``FOLDER`` is read and audited on its own, in the order
of the file names.  Each gives one line: the file name, the verdict, and the
counts of errors and warnings::

    gbm-conseil-2026-06-25-rapport-26.txt  CONFORME  0 erreur, 10 avertissements

A record that cannot be read gives ``illisible`` and the place of the first
problem.  Exit status: ``2`` when a record cannot be read (or the folder holds
none), else ``1`` when a record has an error-level finding, else ``0``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import quorum

PATTERNS = ("*.txt", "*.json")


def _count(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 else ''}"


def audit_one(path: Path) -> tuple[int, str]:
    """The exit status of one record (0, 1 or 2) and its line."""
    try:
        sitting = quorum.read_record(path)
    except quorum.RecordError as error:
        return 2, f"illisible  {error.summary}"
    except quorum.QuorumError as error:  # facts that contradict each other
        return 2, f"illisible  {' '.join(str(error).split())}"
    report = quorum.audit(sitting)
    verdict = "CONFORME" if report.ok else "NON CONFORME"
    counts = f"{_count(len(report.errors), 'erreur')}, " \
             f"{_count(len(report.warnings), 'avertissement')}"
    return report.exit_status, f"{verdict}  {counts}"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[0])
    paths = sorted({p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file()})
    if not paths:
        print(f"{folder}: aucun relevé (*.txt, *.json)", file=sys.stderr)
        return 2
    width = max(len(p.name) for p in paths)
    worst = 0
    for path in paths:
        status, line = audit_one(path)
        print(f"{path.name:<{width}}  {line}")
        worst = max(worst, status)
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
