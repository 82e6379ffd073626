"""Hypothesis strategies shared by the test suite: members, windows, proxies, sittings.

Every sitting generated here is structurally valid (it builds without error):
titular and substitute never sit at the same question, one giver's proxies
never overlap, and every name and question exists.  Proxies may still be
unexercisable (holder absent, giver present, holder over the limit): that is
the engine's business, and the point of many tests.
"""

from __future__ import annotations

import datetime
import string

import attrs
from hypothesis import strategies as st

from quorum import (
    Agenda,
    Attendance,
    BodyKind,
    Deliberation,
    Member,
    Proxy,
    PublishedTally,
    Sitting,
    Window,
)
from quorum.rules import CGCT, HEALTH_EMERGENCY, HEALTH_EMERGENCY_REPRESENTED, RuleSet

__all__ = [
    "FIRST_NAMES",
    "LAST_NAMES",
    "agendas",
    "rule_sets",
    "sittings",
    "windows_on",
    "with_tally",
]

FIRST_NAMES = ["Anne", "Bruno", "Céline", "Didier", "Émile", "Flora", "Gérard", "Hélène",
               "Isabelle", "Jérémy", "Kévin", "Laurence", "Martine", "Noël", "Océane",
               "Pascal", "Quentin", "Rémi", "Sophie", "Thierry", "Ugo", "Valérie"]
LAST_NAMES = ["AUBERT", "BAILLY", "CAIRE", "DEVAUX", "ÉTIENNE", "FALGA", "GIRARD",
              "HENRY", "JEUNET", "KRIEGER", "LIND", "MONNIER", "NAPPEZ", "OLSZAK",
              "PERRIN", "REYES", "SIMONIN", "TAILLARD", "VIENET", "WERTHE", "YILDIRIM",
              "MULOT CESARI", "HUOT-CUSENIER", "DE JACQUELOT"]
COMMUNES = ["Besançon", "Beure", "Chalèze", "Devecey", "Fontain", "Gennes", "Larnod",
            "Morre", "Pirey", "Thise", "Saint-Vit", "Roche-Lez-Beaupré"]

rule_sets: st.SearchStrategy[RuleSet] = st.sampled_from(
    [CGCT, HEALTH_EMERGENCY, HEALTH_EMERGENCY_REPRESENTED]
)


@st.composite
def agendas(draw: st.DrawFn, min_size: int = 1, max_size: int = 12) -> Agenda:
    """Question keys: plain numbers (maybe examined out of order) or keys like ``D98/13``."""
    size = draw(st.integers(min_size, max_size))
    style = draw(st.sampled_from(["numbered", "shuffled", "coded"]))
    if style == "coded":
        year = draw(st.integers(1998, 2030))
        keys = [f"D{year % 100:02d}/{n}" for n in range(1, size + 1)]
    else:
        keys = [str(n) for n in range(1, size + 1)]
        if style == "shuffled":
            keys = draw(st.permutations(keys))
    return Agenda(tuple(keys))


def windows_on(count: int, max_windows: int = 2) -> st.SearchStrategy[tuple[tuple[int, int], ...]]:
    """Up to ``max_windows`` disjoint, non-adjacent position intervals within 1..count."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[tuple[int, int], ...]:
        cuts = sorted(draw(st.sets(st.integers(1, count + 1), max_size=2 * max_windows)))
        points = list(cuts)
        if len(points) % 2:
            points.append(count + 1)
        spans = []
        for start, stop in zip(points[::2], points[1::2], strict=True):
            if stop > start:
                spans.append((start, stop - 1))
        return tuple(spans)

    return build()


def _window(agenda: Agenda, span: tuple[int, int]) -> Window:
    start, end = span
    return Window(
        start=None if start == 1 else agenda.key(start),
        end=None if end == len(agenda) else agenda.key(end),
    )


def _complement(spans: tuple[tuple[int, int], ...], count: int) -> list[tuple[int, int]]:
    gaps, cursor = [], 1
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor, start - 1))
        cursor = end + 1
    if cursor <= count:
        gaps.append((cursor, count))
    return gaps


@st.composite
def _names(draw: st.DrawFn, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for index in range(count):
        name = f"{draw(st.sampled_from(FIRST_NAMES))} {draw(st.sampled_from(LAST_NAMES))}"
        if name in seen:
            name = f"{name} {string.ascii_uppercase[index % 26]}{index}"
        seen.add(name)
        names.append(name)
    return names


@st.composite
def sittings(
    draw: st.DrawFn,
    *,
    min_members: int = 1,
    max_members: int = 14,
    max_questions: int = 10,
    rules: st.SearchStrategy[RuleSet | None] | None = None,
    substitutes: bool = True,
    deliberations: bool = True,
) -> Sitting:
    """A structurally valid sitting; presence, proxies and interests drawn at random."""
    agenda = draw(agendas(max_size=max_questions))
    count = len(agenda)
    size = draw(st.integers(min_members, max_members))
    names = draw(_names(size))
    members: list[Member] = []
    attendance: list[Attendance] = []
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    for name in names:
        span = draw(windows_on(count))
        spans[name] = span
        members.append(Member(
            name=name,
            civility=draw(st.sampled_from(["M.", "Mme", None])),
            commune=draw(st.sampled_from([*COMMUNES, None])),
        ))
        attendance.append(Attendance(member=name, windows=tuple(_window(agenda, s) for s in span)))

    if substitutes and names:
        titulars = draw(st.lists(st.sampled_from(names), unique=True, max_size=2))
        for index, titular in enumerate(titulars):
            gaps = _complement(spans[titular], count)
            chosen = tuple(draw(st.lists(st.sampled_from(gaps), unique=True, max_size=2))
                           if gaps else [])
            name = f"Suppléant {titular} {index}"
            if draw(st.booleans()):  # the record names the titular
                members.append(Member(name=name, civility="Mme", substitute=True,
                                      substitute_for=titular, commune=None))
            else:  # only the commune ties them: the titular is its only member
                commune = f"Commune-{index}"
                at = next(i for i, m in enumerate(members) if m.name == titular)
                members[at] = attrs.evolve(members[at], commune=commune)
                members.append(Member(name=name, civility="Mme", substitute=True,
                                      commune=commune))
            ordered = tuple(sorted(chosen))
            spans[name] = ordered
            attendance.append(
                Attendance(member=name, windows=tuple(_window(agenda, s) for s in ordered))
            )

    everyone = [m.name for m in members]
    proxies: list[Proxy] = []
    if len(everyone) >= 2:
        givers = draw(st.lists(st.sampled_from(everyone), unique=True, max_size=len(everyone)))
        for giver in givers:
            holder = draw(st.sampled_from([n for n in everyone if n != giver]))
            span = draw(windows_on(count, max_windows=1))
            if span:
                proxies.append(Proxy(giver=giver, holder=holder, window=_window(agenda, span[0])))

    delibs: list[Deliberation] = []
    if deliberations:
        for key in draw(st.lists(st.sampled_from(agenda.questions), unique=True, max_size=3)):
            interested = tuple(draw(st.lists(st.sampled_from(everyone), unique=True, max_size=2)))
            delibs.append(Deliberation(question=key, interested=interested))

    seats = sum(1 for m in members if not m.substitute)
    return Sitting(
        body=draw(st.sampled_from(["Conseil municipal de Beure", "Conseil de Communauté"])),
        date=draw(st.dates(datetime.date(2019, 1, 1), datetime.date(2027, 12, 31))),
        in_office=seats,
        agenda=agenda,
        members=members,
        attendance=attendance,
        proxies=proxies,
        deliberations=delibs,
        kind=draw(st.sampled_from(list(BodyKind))),
        rules=draw(rules) if rules is not None else draw(st.one_of(st.none(), rule_sets)),
    )


def with_tally(sitting: Sitting, question: str, tally: PublishedTally) -> Sitting:
    """``sitting`` with ``tally`` published under ``question``."""
    kept = [d for d in sitting.deliberations if d.question != question]
    old = sitting.deliberation(question)
    new = (attrs.evolve(old, tally=tally) if old
           else Deliberation(question=question, tally=tally))
    return attrs.evolve(sitting, deliberations=[*kept, new])
