"""Benchmark: a corpus of 120 records audited with ``quorum.audit_many`` at 1 and 2 jobs.

Copies the test records (tests/data/records, every one of which audits
without error) into a temporary folder until there are 120 files, then times
``quorum.audit_many(folder, jobs=N)`` (best of three runs) at 1 and 2 jobs and
prints records per second, and per second and core, and the speed-up of two
jobs over one (target: at least 1.4 on a 2-core machine).  It first times, in
this process, reading and auditing the reference record
(examples/gbm-conseil-2026-06-25-rapport-26.txt, best of 30 runs), and each
part alone: the rate of one core on a real record.  With
``--keep FOLDER`` the corpus is written there and kept, for timing the command
line on it (``quorum audit --each FOLDER --jobs 2``).

Run: ``python benchmarks/corpus.py [--keep FOLDER]``.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import quorum

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "tests" / "data" / "records").glob("*.txt"))
COUNT = 120
REFERENCE = ROOT / "examples" / "gbm-conseil-2026-06-25-rapport-26.txt"


def make_corpus(folder: Path, count: int = COUNT) -> list[Path]:
    """``count`` copies of the test records in ``folder``, numbered."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number, source in zip(range(count), itertools.cycle(SOURCES), strict=False):
        target = folder / f"{number:04d}-{source.name}"
        shutil.copy(source, target)
        made.append(target)
    return made


def best_of(runs: int, folder: Path, jobs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        results = list(quorum.audit_many([folder], jobs=jobs))
        best = min(best, time.perf_counter() - start)
        assert len(results) == COUNT and all(r.exit_status == 0 for r in results)
    return best


def best_ms(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def reference_figures() -> None:
    sitting = quorum.read_record(REFERENCE)
    both = best_ms(30, lambda: quorum.audit(quorum.read_record(REFERENCE)))
    reading = best_ms(30, lambda: quorum.read_record(REFERENCE))
    auditing = best_ms(30, lambda: quorum.audit(sitting))
    print(f"relevé de référence, dans ce processus : lecture + audit {both:.1f} ms "
          f"(lecture {reading:.1f} ms, audit {auditing:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the corpus there and keep it")
    args = parser.parse_args()
    reference_figures()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch) / "corpus"
        make_corpus(folder)
        print(f"{COUNT} relevés dans {folder}")
        print(f"{'jobs':>4} {'durée s':>8} {'relevés/s':>10} {'relevés/s/cœur':>15}")
        times = {}
        for jobs in (1, 2):
            seconds = best_of(3, folder, jobs)
            times[jobs] = seconds
            print(f"{jobs:>4} {seconds:>8.3f} {COUNT / seconds:>10.0f} "
                  f"{COUNT / seconds / jobs:>15.0f}")
        print(f"2 jobs sont {times[1] / times[2]:.2f} fois plus rapides qu'un seul "
              "(cible ≥ 1,4 sur 2 cœurs)")


if __name__ == "__main__":
    main()
