"""Merging several extracts of one sitting into one.

Councils often publish one extract per deliberation, each repeating the
header of the sitting.  The extracts must be of the same sitting (same date,
same council); their deliberations are gathered, and every fact on which two
headers disagree is kept as a :class:`~quorum.model.Disagreement` (the first
extract's version is the one the merged sitting keeps).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import attrs

from quorum.errors import QuorumError, ReadProblem, RecordError
from quorum.model import Deliberation, Disagreement, Fact, RecordOrigin, Sitting
from quorum.reader._names import key

__all__ = ["merge"]

_SCALARS = ("in_office", "kind", "convened", "opened", "closed", "place", "president",
            "secretary", "header_counts", "reconvened", "urgent", "agenda")
_WHERE = {"in_office": ("in_office", None), "president": ("president", None),
          "secretary": ("secretary", None), "header_counts": ("header_counts", "sitting"),
          "agenda": ("agenda", "agenda")}


def _file(sitting: Sitting) -> str | None:
    origin = sitting.origin
    return origin.files[0] if origin is not None and origin.files else None


def _line(sitting: Sitting, what: str, name: str | None) -> int | None:
    origin = sitting.origin
    if origin is None:
        return None
    for location in origin.locations:
        if location.what == what and (name is None or location.key == name):
            return location.line
    return None


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "questions"):
        return ", ".join(value.questions)
    return str(value.value if hasattr(value, "value") else value)


def merge(sittings: Sequence[Sitting]) -> Sitting:
    """One sitting from extracts of it; see the module docstring."""
    first = sittings[0]
    problems: list[ReadProblem] = []
    disagreements: list[Disagreement] = []

    def disagree(fact: Fact, a: Any, b: Any, other: Sitting, where: str, name: str | None,
                 subject: str | None = None) -> None:
        disagreements.append(Disagreement(
            fact=fact, subject=subject, first=_show(a), second=_show(b), first_file=_file(first),
            first_line=_line(first, where, name), second_file=_file(other),
            second_line=_line(other, where, name),
        ))

    def compare(fact: Fact, items_a: Sequence[Any], items_b: Sequence[Any],
                by: Callable[[Any], Hashable], subject: Callable[[Any], str], other: Sitting,
                where: str) -> None:
        index_a = {by(item): item for item in items_a}
        index_b = {by(item): item for item in items_b}
        for name, item in index_a.items():
            if index_b.get(name) != item:
                disagree(fact, item, index_b.get(name), other, where, str(name), subject(item))
        for name, item in index_b.items():
            if name not in index_a:
                disagree(fact, None, item, other, where, str(name), subject(item))

    deliberations: dict[str, Deliberation] = {}
    counts_disagree = False
    for other in sittings:
        if other is not first:
            if other.date != first.date or key(other.body) != key(first.body):
                problems.append(ReadProblem(
                    message=(f"pas la même séance : {other.body} du {other.date} ici, "
                             f"{first.body} du {first.date} dans {_file(first) or 'le premier'}"),
                    line=_line(other, "date", None) or 1, column=1, file=_file(other)))
                continue
            for field in _SCALARS:
                a, b = getattr(first, field), getattr(other, field)
                if a != b:
                    where, name = _WHERE.get(field, ("date", None))
                    disagree(Fact(field), a, b, other, where, name if name else None)
                    counts_disagree |= field == "header_counts"
            compare(Fact.MEMBER, first.members, other.members, lambda m: m.name,
                    lambda m: m.name, other, "member")
            compare(Fact.ATTENDANCE, first.attendance, other.attendance, lambda a: a.member,
                    lambda a: a.member, other, "member")
            compare(Fact.PROXY, first.proxies, other.proxies, lambda p: (p.giver, p.window),
                    lambda p: p.giver, other, "proxy")
        for deliberation in other.deliberations:
            known = deliberations.get(deliberation.question)
            if known is None:
                deliberations[deliberation.question] = deliberation
            elif known != deliberation:
                disagree(Fact.DELIBERATION, known, deliberation, other, "deliberation",
                         deliberation.question, deliberation.question)
    if problems:
        raise RecordError(problems)
    if counts_disagree:
        # Counts printed in each extract's header belong to that extract's deliberation.
        for other in sittings:
            if len(other.deliberations) == 1 and other.header_counts is not None:
                only = other.deliberations[0]
                current = deliberations[only.question]
                if current.header_counts is None:
                    deliberations[only.question] = attrs.evolve(
                        current, header_counts=other.header_counts)
    origins = [s.origin or RecordOrigin() for s in sittings]
    origin = RecordOrigin(
        files=tuple(f for o in origins for f in o.files),
        reconciliations=tuple(r for o in origins for r in o.reconciliations),
        locations=tuple(loc for o in origins for loc in o.locations),
        disagreements=tuple(d for o in origins for d in o.disagreements) + tuple(disagreements),
        notes=tuple(n for o in origins for n in o.notes),
    )
    try:
        return attrs.evolve(first, deliberations=tuple(deliberations.values()), origin=origin)
    except QuorumError as error:
        raise RecordError([ReadProblem(message=f"les extraits ne s'accordent pas : {error}",
                                       line=1, column=1, file=_file(first))]) from None
