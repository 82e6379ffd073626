"""A sitting played forward question by question, checked against a plain dict model.

Members arrive and leave, give and revoke proxies, declare an interest, and
the council moves on to the next question.  After every step the engine's
view of the current question, computed from the record the steps have
written so far, must match the dict model, which applies BRIEF rule 2
directly: a proxy counts when its giver is away, its holder is present,
neither is interested, and the holder exercises no other proxy given earlier.
A giver who comes back suspends the proxy, which counts again when they leave;
the second machine plays the optional reading where the giver's return after
the proxy took effect ends it for good (``RuleSet.proxy_ends_at_arrival``).
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

import quorum
from quorum import Agenda, Attendance, Deliberation, Member, Proxy, Window

NAMES = ["Anne A", "Bruno B", "Céline C", "Didier D"]
MAX_QUESTIONS = 12


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p - 1:
            runs[-1] = (runs[-1][0], p)
        else:
            runs.append((p, p))
    return runs


class SittingMachine(RuleBasedStateMachine):
    ENDS_AT_ARRIVAL = False

    def __init__(self) -> None:
        super().__init__()
        self.question = 1
        self.present: dict[str, bool] = dict.fromkeys(NAMES, False)
        # giver -> (holder, first question, in effect (the giver missed a question), ended)
        self.proxy: dict[str, tuple[str, int, bool, bool]] = {}
        self.interested: set[str] = set()
        # What the record says, question by question (positions 1..question-1 are final).
        self.presence_log: dict[str, list[int]] = {n: [] for n in NAMES}
        self.proxy_log: list[tuple[str, str, int, int]] = []  # closed proxies
        self.interest_log: dict[int, set[str]] = {}

    # -- steps ---------------------------------------------------------------

    @rule(name=st.sampled_from(NAMES))
    def arrive(self, name: str) -> None:
        self.present[name] = True

    @rule(name=st.sampled_from(NAMES))
    def leave(self, name: str) -> None:
        self.present[name] = False

    @rule(giver=st.sampled_from(NAMES), holder=st.sampled_from(NAMES))
    def give_proxy(self, giver: str, holder: str) -> None:
        if giver == holder:
            return
        self.revoke(giver)
        if self.proxy_log and self.proxy_log[-1][0] == giver and \
                self.proxy_log[-1][3] == self.question:
            return  # one proxy per giver per question, as a record can write it
        self.proxy[giver] = (holder, self.question, False, False)

    @rule(giver=st.sampled_from(NAMES))
    def revoke(self, giver: str) -> None:
        if giver in self.proxy:
            holder, start, _, _ = self.proxy.pop(giver)
            if start < self.question:
                self.proxy_log.append((giver, holder, start, self.question - 1))

    @rule(name=st.sampled_from(NAMES))
    def declare_interest(self, name: str) -> None:
        self.interested.add(name)

    @precondition(lambda self: self.question < MAX_QUESTIONS)
    @rule()
    def next_question(self) -> None:
        for name, here in self.present.items():
            if here:
                self.presence_log[name].append(self.question)
        self.interest_log[self.question] = set(self.interested)
        self.interested = set()
        # A proxy takes effect when its giver misses a question, and ends when they come back.
        for giver, (holder, start, effective, ended) in list(self.proxy.items()):
            if not self.present[giver]:
                self.proxy[giver] = (holder, start, True, ended)
            elif effective:
                self.proxy[giver] = (holder, start, True, True)
        self.question += 1

    # -- the record so far ---------------------------------------------------

    def sitting(self) -> quorum.Sitting:
        agenda = Agenda.numbered(self.question)

        def window(start: int, end: int) -> Window:
            return Window(start=None if start == 1 else str(start),
                          end=None if end == self.question else str(end))

        attendance = []
        for name in NAMES:
            positions = self.presence_log[name] + ([self.question] if self.present[name] else [])
            attendance.append(Attendance(
                member=name, windows=tuple(window(a, b) for a, b in _runs(positions))))
        proxies = [Proxy(giver=g, holder=h, window=window(a, b)) for g, h, a, b in self.proxy_log]
        proxies += [Proxy(giver=g, holder=h, window=window(start, self.question))
                    for g, (h, start, _, _) in self.proxy.items()]
        interests = {**self.interest_log, self.question: self.interested}
        deliberations = [Deliberation(question=str(q), interested=tuple(sorted(names)))
                         for q, names in interests.items() if names]
        return quorum.Sitting(
            body="Conseil municipal", date=datetime.date(2026, 1, 8), in_office=len(NAMES),
            agenda=agenda, members=[Member(name=n) for n in NAMES], attendance=attendance,
            proxies=proxies, deliberations=deliberations,
            rules=attrs.evolve(quorum.CGCT, proxy_ends_at_arrival=self.ENDS_AT_ARRIVAL),
        )

    def expected_exercised(self) -> set[tuple[str, str]]:
        used: set[str] = set()
        exercised = set()
        ordered = sorted(self.proxy.items(), key=lambda item: (item[1][1], item[0]))
        for giver, (holder, _, _, ended) in ordered:
            if self.present[giver] or (ended and self.ENDS_AT_ARRIVAL) \
                    or not self.present[holder]:
                continue
            if giver in self.interested or holder in self.interested or holder in used:
                continue
            used.add(holder)
            exercised.add((giver, holder))
        return exercised

    @invariant()
    def engine_matches_the_model(self) -> None:
        state = self.sitting().at(str(self.question))
        present = {n for n, here in self.present.items() if here}
        exercised = self.expected_exercised()
        assert set(state.present_members) == present
        assert state.present == len(present)
        assert {(p.giver, p.holder) for p in state.exercised} == exercised
        assert state.voters == len(present) + len(exercised)
        counted = len(present - self.interested)
        assert state.quorum_count == counted
        assert state.quorum_met == (counted > len(NAMES) // 2)


SittingMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=40,
                                            deadline=None)
TestSittingMachine = SittingMachine.TestCase


class EndsAtArrivalMachine(SittingMachine):
    ENDS_AT_ARRIVAL = True


EndsAtArrivalMachine.TestCase.settings = SittingMachine.TestCase.settings
TestEndsAtArrivalMachine = EndsAtArrivalMachine.TestCase
