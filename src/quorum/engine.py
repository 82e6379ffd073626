"""The replay engine: a sitting, question by question, in order of passage.

Terms (see :mod:`quorum.model` for the model):

- *present*: the seats occupied when a question is taken up: titular members
  present plus substitutes sitting for their titular.
- *absent*: the other seats, ``in_office - present``.
- *represented*: the proxies *exercised* at the question.  A proxy is exercised
  only when the question lies inside its window, its giver is not present (a
  giver who arrives suspends the proxy, which applies again when they leave;
  under :attr:`~quorum.rules.RuleSet.proxy_ends_at_arrival` the arrival ends
  it for good, status ``GIVER_ARRIVED``), its giver is a titular whose
  substitute is not sitting (a seat has one vote; a substitute gives no
  proxy), its holder is present, neither is interested in the question, and
  the holder is not already exercising as many proxies as the rules allow.
- *voters* (votants): present + represented.
- *interested*: members who take part neither in the debate nor in the vote
  (CGCT L2131-11).  An interested member present still counts among the
  present seats, but not towards the quorum (CE 19/01/1983 Chauré), and their
  vote is not cast.
- *representatives* (CGCT L1111-6 II): the council's representatives in the body
  a question concerns, who take no part in the decision; not counted present,
  and, where a text says so (:data:`quorum.rules.REPRESENTATIVES_OUT_OF_OFFICE`,
  L2131-11), not members in office for the quorum of that question either.
- *quorum*: the threshold of the rules in force, compared with those present
  (less the interested and the representatives), plus those represented where
  the rules count them.

When a holder is offered more proxies than the rules allow, the proxies
whose window starts earliest in the order of passage are exercised first
(ties broken by the earlier end, then the giver's name), so the result never
depends on the order of the lists.

The replay works on intervals of positions along the order of passage, so its
cost grows with members + windows + questions, not with their product; the
members and proxies behind each figure are worked out only when asked for.
"""

from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from collections.abc import Sequence
from itertools import accumulate, pairwise
from typing import NamedTuple

from quorum.errors import DetachedStateError
from quorum.model import (
    DETACHED,
    Member,
    Proxy,
    ProxyStatus,
    ProxyUse,
    QuestionState,
    Replay,
    Sitting,
    Views,
    Window,
)
from quorum.rules import representatives_article

__all__ = [
    "ProxyStatus",
    "ProxyUse",
    "QuestionState",
    "Replay",
    "Tables",
    "explain",
    "merge_spans",
    "replay",
    "tables",
]

Interval = tuple[int, int]  # positions along the order of passage, both included


def merge_spans(intervals: Sequence[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covers(intervals: Sequence[Interval], position: int) -> bool:
    index = bisect.bisect_right(intervals, (position, float("inf"))) - 1
    return index >= 0 and intervals[index][0] <= position <= intervals[index][1]


def _first_absent_from(intervals: Sequence[Interval], position: int) -> int:
    """The first position at or after ``position`` that ``intervals`` leave uncovered."""
    index = bisect.bisect_right(intervals, (position, float("inf"))) - 1
    if index >= 0 and intervals[index][0] <= position <= intervals[index][1]:
        return intervals[index][1] + 1  # merged intervals: the next one starts later
    return position


def _first_from(intervals: Sequence[Interval], position: int) -> int | None:
    """The first position at or after ``position`` that ``intervals`` cover."""
    for start, end in intervals[max(0, bisect.bisect_right(intervals, (position, 0)) - 1):]:
        if end >= position:
            return max(start, position)
    return None


class _Segment(NamedTuple):
    """A run of consecutive positions where a proxy keeps one status."""

    start: int
    end: int
    status: ProxyStatus


class Tables:
    """Interval tables of one sitting, from which every figure is read."""

    def __init__(self, sitting: Sitting):
        self.sitting = sitting
        agenda = sitting.agenda
        self.count = len(agenda)
        self.rules = sitting.rule_set

        span = agenda.span
        self.presence: dict[str, list[Interval]] = {}
        for entry in sitting.attendance:
            self.presence[entry.member] = merge_spans([span(w) for w in entry.windows])
        self.interested: dict[int, frozenset[str]] = {}
        self.interested_by_member: dict[str, set[int]] = defaultdict(set)
        for deliberation in sitting.deliberations:
            position = agenda.position(deliberation.question)
            self.interested[position] = frozenset(deliberation.interested)
            for name in deliberation.interested:
                self.interested_by_member[name].add(position)
        # L1111-6 representatives: out of the members in office for the quorum where a text
        # says so (quorum.rules.representatives_article), else not counted present.
        self.apart_article = representatives_article(sitting.kind.value, sitting.date)
        self.apart: dict[int, frozenset[str]] = {
            agenda.position(d.question): frozenset(d.representatives)
            for d in sitting.deliberations if d.representatives}

        self.substitutes: dict[str, list[str]] = defaultdict(list)
        self.substitute_names = {m.name for m in sitting.members if m.substitute}
        for name in self.substitute_names:
            titular = sitting.titular_of(name)
            if titular is not None:
                self.substitutes[titular].append(name)
        self.proxy_spans = [span(proxy.window) for proxy in sitting.proxies]
        self.by_giver: dict[str, list[int]] = defaultdict(list)
        self.by_holder: dict[str, list[int]] = defaultdict(list)
        for index, proxy in enumerate(sitting.proxies):
            self.by_giver[proxy.giver].append(index)
            self.by_holder[proxy.holder].append(index)
        self.segments = self._proxy_segments()
        self.segment_starts = [[s.start for s in segments] for segments in self.segments]

        present = [0] * (self.count + 2)
        for intervals in self.presence.values():
            for start, end in intervals:
                present[start] += 1
                present[end + 1] -= 1
        represented = [0] * (self.count + 2)
        for segments in self.segments:
            for segment in segments:
                if segment.status is ProxyStatus.EXERCISED:
                    represented[segment.start] += 1
                    represented[segment.end + 1] -= 1
        self.present_counts = list(accumulate(present))
        self._throughout: set[str] | None = None
        self._partial: list[str] = []
        self._edges: dict[int, set[str]] = {}
        self._stab: list[list[tuple[int, ProxyStatus]]] | None = None
        self.represented_counts = list(accumulate(represented))

    # -- proxies -------------------------------------------------------------

    def _proxy_segments(self) -> list[list[_Segment]]:
        """Per proxy, its window cut into runs of one status."""
        candidates: list[list[_Segment]] = []
        for proxy, (start, end) in zip(self.sitting.proxies, self.proxy_spans, strict=True):
            candidates.append(self._segments_of(proxy, start, end))
        by_holder: dict[str, list[int]] = defaultdict(list)
        for index, proxy in enumerate(self.sitting.proxies):
            by_holder[proxy.holder].append(index)
        limit = self.rules.proxies_per_holder
        for indexes in by_holder.values():
            if len(indexes) > limit:
                self._apply_limit(indexes, candidates, limit)
        return candidates

    def _segments_of(self, proxy: Proxy, start: int, end: int) -> list[_Segment]:
        giver = self.presence.get(proxy.giver, [])
        holder = self.presence.get(proxy.holder, [])
        # The proxy takes effect once its giver is away; under ``proxy_ends_at_arrival`` it
        # ends for good when they come (back) in, else it resumes when they leave again.
        arrival = _first_from(giver, _first_absent_from(giver, start))
        cuts = {start, end + 1}
        seat = [self.presence.get(name, []) for name in self.substitutes.get(proxy.giver, ())]
        for intervals in (giver, holder, *seat):
            for a, b in intervals:
                cuts.update(p for p in (a, b + 1) if start < p <= end)
        for name in (proxy.giver, proxy.holder):
            for p in self.interested_by_member.get(name, ()):
                cuts.update(q for q in (p, p + 1) if start < q <= end)
        points = sorted(cuts)
        segments: list[_Segment] = []
        for a, b in pairwise(points):
            status = self._status(proxy, a, giver, holder, arrival, seat)
            if segments and segments[-1].status is status:
                segments[-1] = _Segment(segments[-1].start, b - 1, status)
            else:
                segments.append(_Segment(a, b - 1, status))
        return segments

    def _status(self, proxy: Proxy, position: int, giver: list[Interval],
                holder: list[Interval], arrival: int | None,
                seat: list[list[Interval]]) -> ProxyStatus:
        if proxy.giver in self.substitute_names:
            return ProxyStatus.GIVER_SUBSTITUTE
        if _covers(giver, position):
            return ProxyStatus.GIVER_PRESENT
        if self.rules.proxy_ends_at_arrival and arrival is not None and arrival < position:
            return ProxyStatus.GIVER_ARRIVED
        if any(_covers(intervals, position) for intervals in seat):
            return ProxyStatus.GIVER_REPLACED
        if not _covers(holder, position):
            return ProxyStatus.HOLDER_ABSENT
        interested = self.interested.get(position, frozenset())
        if proxy.giver in interested:
            return ProxyStatus.GIVER_INTERESTED
        if proxy.holder in interested:
            return ProxyStatus.HOLDER_INTERESTED
        return ProxyStatus.EXERCISED

    def _apply_limit(self, indexes: list[int], candidates: list[list[_Segment]],
                     limit: int) -> None:
        """Hold one holder to ``limit`` proxies at a time, earliest given first."""
        proxies = self.sitting.proxies
        priority = {index: (self.proxy_spans[index], proxies[index].giver) for index in indexes}
        events: list[tuple[int, int, int]] = []  # (position, +1 starts / -1 ends, proxy)
        for index in indexes:
            for segment in candidates[index]:
                if segment.status is ProxyStatus.EXERCISED:
                    events.append((segment.start, 1, index))
                    events.append((segment.end + 1, -1, index))
        events.sort()
        chosen: dict[int, list[Interval]] = defaultdict(list)
        active: set[int] = set()
        crowded = False
        for at, (position, _, _) in enumerate(events):
            change = events[at]
            (active.add if change[1] > 0 else active.discard)(change[2])
            following = events[at + 1][0] if at + 1 < len(events) else None
            if following is None or following == position or not active:
                continue
            crowded = crowded or len(active) > limit
            exercised = active if len(active) <= limit else heapq.nsmallest(
                limit, active, key=priority.__getitem__)
            for index in exercised:
                chosen[index].append((position, following - 1))
        if not crowded:
            return
        for index in indexes:
            kept = merge_spans(chosen.get(index, []))
            rebuilt: list[_Segment] = []
            for segment in candidates[index]:
                if segment.status is not ProxyStatus.EXERCISED:
                    rebuilt.append(segment)
                    continue
                cursor = segment.start
                for first, last in kept:
                    if last < segment.start or first > segment.end:
                        continue
                    first, last = max(first, segment.start), min(last, segment.end)
                    if cursor < first:
                        rebuilt.append(_Segment(cursor, first - 1, ProxyStatus.HOLDER_AT_MAXIMUM))
                    rebuilt.append(_Segment(first, last, ProxyStatus.EXERCISED))
                    cursor = last + 1
                if cursor <= segment.end:
                    rebuilt.append(_Segment(cursor, segment.end, ProxyStatus.HOLDER_AT_MAXIMUM))
            candidates[index] = rebuilt

    def proxy_positions(self, index: int) -> dict[ProxyStatus, list[int]]:
        """The positions inside proxy ``index``'s window, by status, each list in order."""
        by_status: dict[ProxyStatus, list[int]] = defaultdict(list)
        for segment in self.segments[index]:
            by_status[segment.status].extend(range(segment.start, segment.end + 1))
        return by_status

    def proxy_has_status(self, index: int, statuses: frozenset[ProxyStatus],
                         positions: Sequence[int]) -> bool:
        """Whether proxy ``index`` has one of ``statuses`` at one of the sorted ``positions``."""
        for segment in self.segments[index]:
            if segment.status in statuses:
                at = bisect.bisect_left(positions, segment.start)
                if at < len(positions) and positions[at] <= segment.end:
                    return True
        return False

    def proxy_status(self, index: int, position: int) -> ProxyStatus:
        start, end = self.proxy_spans[index]
        if not start <= position <= end:
            return ProxyStatus.OUTSIDE_WINDOW
        found = bisect.bisect_right(self.segment_starts[index], position) - 1
        return self.segments[index][found].status

    # -- members -------------------------------------------------------------

    def is_present(self, member: str, position: int) -> bool:
        return _covers(self.presence.get(member, []), position)

    def present_somewhere(self, member: str) -> bool:
        """Whether ``member`` is present at one question at least."""
        return bool(self.presence.get(member))

    def _member_tables(self) -> None:
        """Members present throughout, members present only in part, and where each
        window opens and closes (built on first use)."""
        if self._throughout is not None:
            return
        whole = [(1, self.count)]
        self._throughout = set()
        self._partial = []
        self._edges = defaultdict(set)
        for member in self.sitting.members:
            intervals = self.presence.get(member.name, [])
            if intervals == whole:
                self._throughout.add(member.name)
            elif intervals:
                self._partial.append(member.name)
                for start, end in intervals:
                    if start > 1:
                        self._edges[start].add(member.name)
                    if end < self.count:
                        self._edges[end].add(member.name)

    def present_members(self, position: int) -> tuple[str, ...]:
        self._member_tables()
        throughout, presence = self._throughout, self.presence
        assert throughout is not None
        return tuple(m.name for m in self.sitting.members if m.name in throughout
                     or _covers(presence.get(m.name, []), position))

    def partial_members(self) -> list[str]:
        """Members present at some questions only, in the order of the sitting's members."""
        self._member_tables()
        return self._partial

    def edge_members(self, position: int) -> set[str]:
        """Members arriving at ``position`` (after the first) or leaving after it (before the
        last): present at ``position`` but not at the question before or after."""
        self._member_tables()
        return self._edges.get(position, set())

    def in_window(self, position: int) -> list[tuple[int, ProxyStatus]]:
        """The proxies whose window holds ``position``, by index in order, with their status."""
        if self._stab is None:
            stab: list[list[tuple[int, ProxyStatus]]] = [[] for _ in range(self.count + 2)]
            for index, segments in enumerate(self.segments):
                for segment in segments:
                    for at in range(segment.start, segment.end + 1):
                        stab[at].append((index, segment.status))
            self._stab = stab
        return self._stab[position]

    def state(self, position: int) -> QuestionState:
        key = self.sitting.agenda.key(position)
        interested = self.interested.get(position, frozenset())
        interested_present = sum(1 for name in interested if self.is_present(name, position))
        present = self.present_counts[position]
        represented = self.represented_counts[position]
        apart = self.apart.get(position, frozenset())
        apart_present = sum(1 for name in apart if self.is_present(name, position))
        quorum_count = present - interested_present - apart_present
        if self.rules.quorum_counts_represented:
            quorum_count += represented
        in_office = self.sitting.in_office - (len(apart) if self.apart_article else 0)
        quorum = self.rules.quorum_threshold(in_office)
        return QuestionState(
            question=key,
            position=position,
            in_office=self.sitting.in_office,
            present=present,
            represented=represented,
            interested=len(interested),
            interested_present=interested_present,
            quorum=quorum,
            quorum_count=quorum_count,
            quorum_met=quorum_count >= quorum,
            engine=self,
        )


def replay(sitting: Sitting) -> Replay:
    """Replay ``sitting``: the state of every question, in order of passage."""
    engine = Tables(sitting)
    return Replay(sitting, tuple(engine.state(p) for p in range(1, engine.count + 1)))


def tables(state: QuestionState) -> Tables:
    """The interval tables ``state`` was read from, for the figures behind its counts.

    Raises :class:`~quorum.errors.DetachedStateError` for a state read back
    from JSON without its sitting.
    """
    if not isinstance(state.engine, Tables):
        raise DetachedStateError(DETACHED)
    return state.engine


def _agree(member: Member, masculine: str, feminine: str) -> str:
    return feminine if member.feminine else masculine


def _window_note(window: Window) -> str:
    parts = ["procuration"]
    if window.start is not None:
        parts.append(f"à compter de la question {window.start}")
    if window.end is not None:
        parts.append(f"jusqu'à la question {window.end}")
    return ", ".join(parts)


def explain(sitting: Sitting, name: str, question: str | int,
            state: QuestionState | None = None) -> str:
    """Why member ``name`` counts, or does not, at ``question``: one French sentence.

    The sentence names the member, says whether they are present, represented
    (and by whom, under which proxy) or neither, and why.
    """
    member = sitting.member(name)
    name = member.name  # a name looked up loosely (« clement darcq ») is the member's from here
    key = str(question)
    state = state if state is not None else sitting.at(key)
    engine = tables(state)
    position = state.position
    interested = name in engine.interested.get(position, frozenset())
    subject = f"{member.display}"
    at = f"à la question {key}"
    role = ""
    if member.substitute:
        sits_for = sitting.titular_of(name)
        titular = f" de {sitting.member(sits_for).display}" if sits_for \
            else (f" pour {member.commune}" if member.commune else "")
        role = f", {_agree(member, 'suppléant', 'suppléante')}{titular},"
    if engine.is_present(name, position):
        sentence = f"{subject}{role} est {_agree(member, 'présent', 'présente')} {at}"
        held = [(i, p) for i, p in enumerate(sitting.proxies) if p.holder == name]
        if interested:
            sentence += (f", mais {_agree(member, 'intéressé', 'intéressée')} à la question, "
                         "ne prend part ni au débat ni au vote et ne compte pas pour le quorum")
            if held:
                sentence += "; les procurations que ce membre détient ne sont pas exercées"
        else:
            exercised = [sitting.member(p.giver).display for i, p in held
                         if engine.proxy_status(i, position) is ProxyStatus.EXERCISED]
            if exercised:
                sentence += f" et vote aussi pour {', '.join(exercised)} (procuration)"
        return sentence + "."
    absent = _agree(member, "absent", "absente")
    given = [(i, p) for i, p in enumerate(sitting.proxies) if p.giver == name]
    for index, proxy in given:
        status = engine.proxy_status(index, position)
        holder = sitting.member(proxy.holder).display
        if status is ProxyStatus.EXERCISED:
            return (f"{subject}{role} est {absent} {at} et "
                    f"{_agree(member, 'représenté', 'représentée')} par {holder} "
                    f"({_window_note(proxy.window)}).")
        if status is not ProxyStatus.OUTSIDE_WINDOW:
            return (f"{subject}{role} est {absent} {at} et n'est pas "
                    f"{_agree(member, 'représenté', 'représentée')} : sa procuration à {holder} "
                    f"n'est pas exercée ({status.reason}).")
    if given:
        ends = "; ".join(_window_note(p.window) for _, p in given)
        return (f"{subject}{role} est {absent} {at} et n'est pas "
                f"{_agree(member, 'représenté', 'représentée')} : la question est hors de "
                f"la période de sa procuration ({ends}).")
    return (f"{subject}{role} est {absent} {at} et n'a pas donné de procuration.")


Views.replay.provide(replay)
Views.explain.provide(explain)
