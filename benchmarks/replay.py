"""Benchmark: a full replay of a large synthetic sitting, against the naive recount.

Builds sittings of N members, Q questions and 3N windows (presence windows
and proxy windows), times ``quorum.replay`` (best of five runs) at two sizes,
so that growth can be read off: doubling members, questions and windows
should roughly double the replay time (linear in their sum), not quadruple
it.  At the first size it also times the naive per-question recount of
tests/oracle.py (which grows with the product, so it is not run at the
second) and checks that both agree.

Run: ``python benchmarks/replay.py`` (target: under 50 ms at 1,000 members,
500 questions, 3,000 windows on a 2-core machine).
"""

from __future__ import annotations

import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.oracle import naive_replay

import quorum
from quorum import Agenda, Attendance, Member, Proxy, Window


def synthetic(members: int, questions: int, windows: int, seed: int = 7) -> quorum.Sitting:
    """A sitting with ``windows`` windows in all: presence windows, then proxy windows."""
    rng = random.Random(seed)
    names = [f"Membre {i:05d}" for i in range(members)]
    agenda = Agenda.numbered(questions)
    spans: dict[str, list[tuple[int, int]]] = {}
    for name in names:
        roll = rng.random()
        if roll < 0.2:
            spans[name] = []  # absent throughout
        elif roll < 0.6:
            spans[name] = [(1, questions)]
        else:  # leaves, then comes back
            leave = rng.randint(2, questions - 2)
            back = rng.randint(leave + 1, questions)
            spans[name] = [(1, leave - 1), (back, questions)]
    present = [n for n in names if spans[n]]

    def window(start: int, end: int) -> Window:
        return Window(start=None if start == 1 else str(start),
                      end=None if end == questions else str(end))

    # Proxies cover each giver's absences in consecutive chunks, until the budget is spent.
    budget = windows - sum(len(s) for s in spans.values())
    proxies: list[Proxy] = []
    givers = list(names)
    rng.shuffle(givers)
    for giver in givers:
        cursor = 1
        gaps = []
        for start, end in spans[giver] + [(questions + 1, questions + 1)]:
            if start > cursor:
                gaps.append((cursor, start - 1))
            cursor = end + 1
        for start, end in gaps:
            while start <= end and budget > 0:
                stop = min(end, start + rng.randint(10, 120))
                holder = rng.choice(present)
                if holder != giver:
                    proxies.append(Proxy(giver=giver, holder=holder, window=window(start, stop)))
                    budget -= 1
                start = stop + 1
    attendance = [Attendance(member=n, windows=tuple(window(a, b) for a, b in spans[n]))
                  for n in names]
    return quorum.Sitting(
        body="Conseil synthétique", date=datetime.date(2026, 6, 25), in_office=members,
        agenda=agenda, members=[Member(name=n) for n in names], attendance=attendance,
        proxies=proxies,
    )


def best_of(runs: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    print(f"{'members':>8} {'questions':>9} {'windows':>8} {'replay ms':>10} "
          f"{'naive ms':>10} {'ratio':>6}")
    previous: float | None = None
    for scale in (1, 2):
        members, questions, windows = 1000 * scale, 500 * scale, 3000 * scale
        sitting = synthetic(members, questions, windows)
        counted = sum(len(a.windows) for a in sitting.attendance) + len(sitting.proxies)
        fast = best_of(5, lambda s=sitting: quorum.replay(s))
        if scale == 1:  # the naive recount grows with the product: only at the first size
            start = time.perf_counter()
            recount = naive_replay(sitting)
            naive = time.perf_counter() - start
            assert [(s.present, s.represented) for s in quorum.replay(sitting)] == [
                (n.present, n.represented) for n in recount]
            versus = f"{naive * 1000:>10.0f} {naive / fast:>5.0f}x"
        else:
            versus = f"{'-':>10} {'-':>6}"
        print(f"{members:>8} {questions:>9} {counted:>8} {fast * 1000:>10.1f} {versus}")
        if previous is not None:
            print(f"doubling every dimension multiplied the replay time by {fast / previous:.2f} "
                  "(2 for linear growth, 4 for a product of two)")
        previous = fast


if __name__ == "__main__":
    main()
