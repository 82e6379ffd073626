"""Audit a corpus: every file its own sitting, in parallel processes, one result per record.

Terms:

- *record*: one file, ``.txt`` or ``.pdf``, read as one sitting on its own
  (never merged with another extract, unlike ``quorum audit A B``).  A folder
  stands for every record under it, walked recursively in sorted order.
- *result*: what became of one record, :class:`RecordResult`: its council,
  date, verdict and counts of findings when it was read, or the *reason* it
  could not be (the one-line summary of the :class:`~quorum.QuorumError`).  A
  record that cannot be read is a result too, never an exception: the run goes
  on.
- *exit status* of a result, as the command line's: ``0`` nothing wrong at
  error level, ``1`` at least one error-level finding, ``2`` the record could
  not be read.
- *jobs*: how many processes audit at once (every core by default): this
  process and ``jobs - 1`` worker processes.  With one job everything happens
  in this process and each result keeps its :class:`~quorum.AuditReport`;
  with more, records go in small chunks to the workers and to this process,
  and the workers' reports stay there (``reports=True`` brings them back).

:func:`audit_record` is the per-record function, the same one
:func:`audit_many` runs in its workers; it is a plain top-level function of
one path, so any scheduler can run it (docs/scale.md runs it on Dask).

>>> import quorum
>>> result = quorum.audit_record("examples/gbm-conseil-2026-06-25-rapport-26.txt")
>>> result.verdict, result.exit_status, result.errors
('conforme', 0, 0)
>>> missing = quorum.audit_record("nulle-part.txt")
>>> missing.verdict, missing.exit_status, missing.readable
('illisible', 2, False)
"""

from __future__ import annotations

import datetime
import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quorum._french import os_reason
from quorum.auditing import AuditReport, audit
from quorum.errors import QuorumError, RecordError, UsageError

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "EXTENSIONS",
    "VERDICTS",
    "RecordResult",
    "audit_many",
    "audit_record",
    "expand_paths",
]

EXTENSIONS: tuple[str, ...] = (".txt", ".pdf")
"""The files a folder stands for (compared without case)."""

VERDICTS: dict[int, str] = {0: "conforme", 1: "non conforme", 2: "illisible"}
"""The verdict of a result by its exit status."""


@attrs.frozen(kw_only=True)
class RecordResult:
    """What became of one record of a corpus.

    ``path`` is the file as given (or found in a folder); ``body`` and
    ``date`` the council and the date of the sitting when it was read;
    ``verdict`` one of :data:`VERDICTS` (``"conforme"``, ``"non conforme"``,
    ``"illisible"``); ``exit_status`` ``0``, ``1`` or ``2``; ``errors`` and
    ``warnings`` how many findings of each severity; ``first_error`` the
    message of the first error-level finding; ``error`` why the record could
    not be read (``None`` when it was); ``report`` the whole
    :class:`~quorum.AuditReport` when it was kept (not part of equality).
    """

    path: str
    exit_status: int
    body: str | None = None
    date: datetime.date | None = None
    errors: int = 0
    warnings: int = 0
    first_error: str | None = None
    error: str | None = None
    report: AuditReport | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def verdict(self) -> str:
        """``"conforme"``, ``"non conforme"`` or ``"illisible"``."""
        return VERDICTS[self.exit_status]

    @property
    def readable(self) -> bool:
        """Whether the record could be read (and so was audited)."""
        return self.error is None

    @property
    def ok(self) -> bool:
        """Whether the record was read and no finding is an error."""
        return self.exit_status == 0

    def to_json(self) -> dict[str, Any]:
        """The result as ``quorum audit --each --format json`` writes it."""
        return {
            "path": self.path,
            "body": self.body,
            "date": self.date.isoformat() if self.date else None,
            "verdict": self.verdict,
            "exit_status": self.exit_status,
            "errors": self.errors,
            "warnings": self.warnings,
            "first_error": self.first_error,
            "error": self.error,
        }


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _reason(error: BaseException) -> str:
    if isinstance(error, RecordError):
        return _one_line(error.summary)
    if isinstance(error, QuorumError):
        return _one_line(str(error)) or type(error).__name__
    if isinstance(error, OSError):
        return _one_line(os_reason(error))
    return (f"erreur interne ({type(error).__name__}) : {_one_line(str(error))} ; "
            "merci de la signaler avec le relevé")


def audit_record(path: str | os.PathLike[str], *, report: bool = True) -> RecordResult:
    """Read and audit the record at ``path`` as one sitting; never raises for a bad record.

    ``report=False`` leaves the :class:`~quorum.AuditReport` out of the result
    (what workers do, so that only the figures travel between processes).
    """
    from quorum.reader import read_record

    name = os.fspath(path)
    try:
        if Path(name).is_dir():
            raise IsADirectoryError(0, "un dossier, pas un relevé", name)
        if not Path(name).exists():
            raise FileNotFoundError(errno.ENOENT, "fichier introuvable", name)
        sitting = read_record(Path(name))
        found = audit(sitting)
    except Exception as error:  # any record that cannot be read is a result, not a stop
        return RecordResult(path=name, exit_status=2, error=_reason(error))
    errors = found.errors
    return RecordResult(
        path=name, exit_status=found.exit_status, body=found.body, date=found.date,
        errors=len(errors), warnings=len(found.warnings),
        first_error=errors[0].message if errors else None,
        report=found if report else None,
    )


def _audit_chunk(paths: Sequence[tuple[int, str]],
                 report: bool) -> list[tuple[int, RecordResult]]:
    """Worker: audit ``paths`` (numbered by their index in the run) one after the other."""
    return [(index, audit_record(path, report=report)) for index, path in paths]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Every record ``paths`` stand for: files as given, folders walked (sorted, recursive)
    for ``.txt`` and ``.pdf`` files."""
    found: list[str] = []
    for path in paths:
        name = os.fspath(path)
        folder = Path(name)
        if folder.is_dir():
            found += sorted(str(p) for p in folder.rglob("*")
                            if p.suffix.lower() in EXTENSIONS and p.is_file())
        else:
            found.append(name)
    return found


def _jobs(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"jobs doit être un nombre entier de processus, 1 ou plus, pas {jobs!r}")
    return jobs


def audit_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int | None = None,
               reports: bool | None = None) -> Iterator[RecordResult]:
    """Audit every record ``paths`` stand for, each as its own sitting; yield results as
    they come.

    Folders are walked (sorted, recursive) for ``.txt`` and ``.pdf`` files.
    ``jobs`` processes audit at once (every core when ``None``); with one job
    the results come in the order of the records, with more in the order they
    finish (sort them by :attr:`RecordResult.path`, or see the command line,
    which prints them in the order of the records).  ``reports``: keep each
    :class:`~quorum.AuditReport` in its result (by default only with one job).
    """
    records = expand_paths(paths)
    workers = min(_jobs(jobs), max(1, len(records)))
    keep = workers == 1 if reports is None else reports
    if workers == 1:
        for path in records:
            yield audit_record(path, report=keep)
        return
    yield from (result for _, result in _parallel(records, workers, keep))


def audit_many_indexed(records: Sequence[str], *, jobs: int,
                       reports: bool = False) -> Iterator[tuple[int, RecordResult]]:
    """Like :func:`audit_many` over records already expanded, each result with its index
    in ``records`` (the command line uses it to print in the order of the records)."""
    workers = min(_jobs(jobs), max(1, len(records)))
    if workers == 1:
        for index, path in enumerate(records):
            yield index, audit_record(path, report=reports)
        return
    yield from _parallel(records, workers, reports)


def _parallel(records: Sequence[str], workers: int,
              keep: bool) -> Iterator[tuple[int, RecordResult]]:
    """``workers - 1`` worker processes and this one audit chunks of records side by side.

    This process works too rather than wait: on two cores, two jobs are one worker
    and this process.  Chunks are small (a few round trips between processes, yet
    results keep coming and every process stays busy until the end), and at most
    two chunks per worker wait in the pool, so a national corpus is never held in
    memory as futures.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    size = max(1, min(16, len(records) // (workers * 8)))
    chunks = iter([(i, path) for i, path in enumerate(records[start:start + size], start)]
                  for start in range(0, len(records), size))
    depth = (workers - 1) * 2
    with ProcessPoolExecutor(max_workers=workers - 1) as pool:
        pending: list[Future[list[tuple[int, RecordResult]]]] = []
        while True:
            for future in [f for f in pending if f.done()]:
                pending.remove(future)
                yield from future.result()
            while len(pending) < depth:
                queued = next(chunks, None)
                if queued is None:
                    break
                pending.append(pool.submit(_audit_chunk, queued, keep))
            mine = next(chunks, None)
            if mine is None:
                break
            yield from _audit_chunk(mine, keep)
        for future in as_completed(pending):
            yield from future.result()
