"""The naive recount: each question recomputed from scratch, as plainly as possible.

It reads the rules straight from BRIEF.md, with no intervals and no caching,
so that the engine (which works on intervals) has something simple to agree
with.  Slow on purpose: every question looks at every member and every proxy.
"""

from __future__ import annotations

import attrs

from quorum import Sitting


@attrs.frozen
class NaiveState:
    present: int
    represented: int
    interested_present: int
    quorum: int
    quorum_met: bool
    present_members: frozenset[str]
    exercised: frozenset[tuple[str, str]]


def _positions(sitting: Sitting, start: str | None, end: str | None) -> range:
    first = 1 if start is None else sitting.agenda.position(start)
    last = len(sitting.agenda) if end is None else sitting.agenda.position(end)
    return range(first, last + 1)


def _spans(sitting: Sitting) -> dict[str, list[range]]:
    return {entry.member: [_positions(sitting, w.start, w.end) for w in entry.windows]
            for entry in sitting.attendance}


def is_present(sitting: Sitting, name: str, position: int) -> bool:
    return any(position in span for span in _spans(sitting).get(name, []))


def naive_state(sitting: Sitting, question: str) -> NaiveState:
    position = sitting.agenda.position(question)
    rules = sitting.rule_set
    spans = _spans(sitting)

    def here(name: str, at: int) -> bool:
        return any(at in span for span in spans.get(name, []))

    present = {m.name for m in sitting.members if here(m.name, position)}
    deliberation = sitting.deliberation(question)
    interested = set(deliberation.interested) if deliberation else set()

    def priority(index: int) -> tuple[int, int, str]:
        proxy = sitting.proxies[index]
        window = _positions(sitting, proxy.window.start, proxy.window.end)
        return (window[0], window[-1], proxy.giver)

    exercised = set()
    used: dict[str, int] = {}
    for index in sorted(range(len(sitting.proxies)), key=priority):
        proxy = sitting.proxies[index]
        window = _positions(sitting, proxy.window.start, proxy.window.end)
        if position not in window:
            continue
        if sitting.member(proxy.giver).substitute:
            continue
        if proxy.giver in present:
            continue
        # A proxy takes effect at the first question of its window the giver misses. By
        # default a giver who comes in only suspends it; under « ends at arrival » the
        # giver's coming in after that ends it for good.
        missed = [p for p in window if not here(proxy.giver, p)]
        if rules.proxy_ends_at_arrival and any(
                here(proxy.giver, p) for p in range(missed[0], position)):
            continue
        # A seat has one vote: no proxy while the giver's substitute sits.
        if any(sitting.titular_of(m.name) == proxy.giver and m.name in present
               for m in sitting.members):
            continue
        if proxy.holder not in present:
            continue
        if proxy.giver in interested or proxy.holder in interested:
            continue
        if used.get(proxy.holder, 0) >= rules.proxies_per_holder:
            continue
        used[proxy.holder] = used.get(proxy.holder, 0) + 1
        exercised.add((proxy.giver, proxy.holder))

    interested_present = len(interested & present)
    counted = len(present) - interested_present
    if rules.quorum_counts_represented:
        counted += len(exercised)
    quorum = rules.quorum_threshold(sitting.in_office)
    return NaiveState(
        present=len(present),
        represented=len(exercised),
        interested_present=interested_present,
        quorum=quorum,
        quorum_met=counted >= quorum,
        present_members=frozenset(present),
        exercised=frozenset(exercised),
    )


def naive_replay(sitting: Sitting) -> list[NaiveState]:
    """Every question recounted from scratch."""
    return [naive_state(sitting, key) for key in sitting.agenda]
