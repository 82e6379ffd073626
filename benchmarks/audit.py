"""Benchmark: the audit of a large synthetic sitting, at 20,000 and 40,000 members.

Builds, with the model API (not the reader), sittings of N members and 100
questions whose members leave and come back and give proxies (the windows of
benchmarks/replay.py), one published tally per question that adds up, and a
:class:`~quorum.RecordOrigin` placing every member and proxy on a line, as a
record read from a file has.  Times ``quorum.audit`` (best of five runs) at
both sizes: doubling the members should about double the time (target: under
1.5 s at 20,000 members on a 2-core machine, and at most 2.3 times that at
40,000).

Run: ``python benchmarks/audit.py``.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from replay import synthetic

import quorum
from quorum import Deliberation, Location, PublishedTally, RecordOrigin

QUESTIONS = 100


def audited_sitting(members: int, questions: int = QUESTIONS) -> quorum.Sitting:
    """A synthetic sitting with a consistent tally at every question and located facts."""
    base = synthetic(members, questions, 3 * members)
    states = quorum.replay(base)
    deliberations = [Deliberation(question=state.question,
                                  tally=PublishedTally(pour=state.castable, contre=0,
                                                       abstention=0))
                     for state in states]
    locations = [Location(what="member", key=m.name, line=10 + i)
                 for i, m in enumerate(base.members)]
    line = 10 + len(locations)
    locations += [Location(what="proxy", key=p.giver, line=line + i)
                  for i, p in enumerate(base.proxies)]
    line += len(base.proxies)
    locations += [Location(what="tally", key=d.question, line=line + i)
                  for i, d in enumerate(deliberations)]
    origin = RecordOrigin(files=("synthetique.txt",), locations=locations)
    return quorum.Sitting(
        body=base.body, date=base.date, in_office=base.in_office, agenda=base.agenda,
        members=base.members, attendance=base.attendance, proxies=base.proxies,
        deliberations=deliberations, origin=origin,
    )


def best_of(runs: int, sitting: quorum.Sitting) -> tuple[float, quorum.AuditReport]:
    best, report = float("inf"), None
    for _ in range(runs):
        gc.collect()  # each run starts from a clean heap: no collection left from the last
        start = time.perf_counter()
        report = quorum.audit(sitting)
        best = min(best, time.perf_counter() - start)
    assert report is not None
    return best, report


def main() -> None:
    print(f"{'membres':>8} {'questions':>9} {'procurations':>12} {'audit s':>8} {'constats':>9}")
    times: list[float] = []
    for members in (20_000, 40_000):
        sitting = audited_sitting(members)
        seconds, report = best_of(5, sitting)
        times.append(seconds)
        print(f"{members:>8} {QUESTIONS:>9} {len(sitting.proxies):>12} {seconds:>8.2f} "
              f"{len(report.findings):>9}")
    print(f"doubler les membres a multiplié la durée de l'audit par {times[1] / times[0]:.2f} "
          "(2 pour une croissance linéaire, cible ≤ 2,3)")


if __name__ == "__main__":
    main()
