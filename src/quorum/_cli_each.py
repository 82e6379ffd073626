"""``quorum audit --each``: a corpus audited record by record, one row per record.

Private to the command line.  Terms: a *record* is one file audited as its
own sitting (see :mod:`quorum.batch`); a *row* is what the command prints
for it, in the order of the records (files in the order given, each folder's
files sorted), whatever order the worker processes finish in, so that two
runs over one corpus give the same output.  The *summary* is the last line
in text form: how many records were conforming, not, or unreadable.  The
*progress bar* goes to stderr, and only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from collections.abc import Iterator
from typing import Any, Protocol, TextIO

from quorum._cli_french import json_for
from quorum._french import french_date, plural
from quorum.batch import RecordResult, audit_many_indexed, expand_paths

__all__ = ["CSV_COLUMNS", "audit_each", "csv_row", "text_row"]

CSV_COLUMNS: tuple[str, ...] = (
    "fichier", "conseil", "date", "verdict", "lisible", "conforme", "erreurs",
    "avertissements", "premiere_erreur", "raison",
)
"""The columns of ``--format csv``, in order (French: the file opens in a spreadsheet)."""


def _yes(value: bool) -> str:
    return "oui" if value else "non"


def csv_row(result: RecordResult) -> list[str | int]:
    """One CSV row: booleans « oui » / « non », the date ISO, empty cells for what is unknown."""
    return [
        result.path, result.body or "", result.date.isoformat() if result.date else "",
        result.verdict, _yes(result.readable), _yes(result.ok), result.errors, result.warnings,
        result.first_error or "", result.error or "",
    ]


def text_row(result: RecordResult) -> str:
    """One French line: the file, its verdict, the council and date, the counts, the first
    error (or why the record could not be read)."""
    if not result.readable:
        return f"{result.path} : ILLISIBLE — {result.error}"
    about = result.body or "conseil non nommé"
    if result.date:
        about += f", séance du {french_date(result.date)}"
    line = (f"{result.path} : {result.verdict.upper()} — {about} ; "
            f"{plural(result.errors, 'erreur')}, {plural(result.warnings, 'avertissement')}")
    if result.first_error:
        line += f" ; première erreur : {result.first_error}"
    return line


def summary(results: list[RecordResult]) -> str:
    """The last line of the text form: how many records of each verdict."""
    conforming = sum(1 for r in results if r.exit_status == 0)
    failing = sum(1 for r in results if r.exit_status == 1)
    unreadable = sum(1 for r in results if r.exit_status == 2)
    return (f"{plural(len(results), 'relevé')} : {plural(conforming, 'conforme')}, "
            f"{plural(failing, 'non conforme', 'non conformes')}, "
            f"{plural(unreadable, 'illisible')}.")


class _Progress(Protocol):
    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class _PlainProgress:
    """A one-line counter, when tqdm is not installed."""

    def __init__(self, total: int, err: TextIO):
        self.total, self.done, self.err = total, 0, err

    def update(self, n: int = 1) -> None:
        self.done += n
        self.err.write(f"\raudit : {self.done}/{self.total} relevés")
        self.err.flush()

    def close(self) -> None:
        self.err.write("\n")
        self.err.flush()


class _NoProgress:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, err: TextIO) -> _Progress:
    if not (hasattr(err, "isatty") and err.isatty()) or total < 2:
        return _NoProgress()
    try:
        from tqdm import tqdm
    except ImportError:
        return _PlainProgress(total, err)
    bar: _Progress = tqdm(total=total, file=err, desc="audit", unit=" relevé", leave=False)
    return bar


def _in_order(results: Iterator[tuple[int, RecordResult]],
              progress: _Progress) -> Iterator[RecordResult]:
    """Results as they come, handed on in the order of the records."""
    waiting: dict[int, RecordResult] = {}
    following = 0
    for index, result in results:
        progress.update(1)
        waiting[index] = result
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def audit_each(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``quorum audit --each``; return the exit status (the worst of the records)."""
    if "-" in args.records:
        err.write("quorum: --each lit des fichiers et des dossiers, pas l'entrée standard\n")
        return 2
    if args.jobs is not None and args.jobs < 1:
        err.write(f"quorum: --jobs attend 1 processus ou plus, pas {args.jobs}\n")
        return 2
    if args.format != "csv" and args.sep != ",":
        err.write("quorum: --sep va avec --format csv\n")
        return 2
    records = expand_paths(args.records)
    if not records:
        err.write("quorum: aucun relevé .txt ou .pdf dans "
                  f"{', '.join(args.records)}\n")
        return 2
    jobs = args.jobs if args.jobs is not None else os.cpu_count() or 1
    progress = _progress(len(records), err)
    ordered = _in_order(audit_many_indexed(records, jobs=jobs),
                        progress)
    results: list[RecordResult] = []
    try:
        if args.format == "csv":
            writer = csv.writer(out, delimiter=args.sep, lineterminator="\n")
            writer.writerow(CSV_COLUMNS)
            for result in ordered:
                writer.writerow(csv_row(result))
                results.append(result)
        elif args.format == "json":
            results = list(ordered)
            data: dict[str, Any] = {"schema": 1, "records": [r.to_json() for r in results],
                                    "exit_status": _worst(results)}
            out.write(json_for(out, json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
        else:
            for result in ordered:
                out.write(text_row(result) + "\n")
                results.append(result)
            out.write(summary(results) + "\n")
    finally:
        progress.close()
    return _worst(results)


def _worst(results: list[RecordResult]) -> int:
    return max((r.exit_status for r in results), default=0)
