"""Write a sitting back as a record, in the French of the reference record.

>>> import datetime, quorum
>>> sitting = quorum.Sitting(
...     body="Conseil municipal de Beure", date=datetime.date(2026, 1, 15), in_office=3,
...     agenda=quorum.Agenda(["1", "2"]),
...     members=[quorum.Member(name="Bruno LIND", civility="M."),
...              quorum.Member(name="Anne FALGA", civility="Mme"),
...              quorum.Member(name="Pascal DIMANCHE", civility="M.")],
...     attendance=[quorum.Attendance.present("Bruno LIND"),
...                 quorum.Attendance.present("Anne FALGA", quorum.Window.from_question(2)),
...                 quorum.Attendance.absent("Pascal DIMANCHE")],
...     proxies=[quorum.Proxy(giver="Pascal DIMANCHE", holder="Bruno LIND")],
... )
>>> text = quorum.render_record(sitting)
>>> print(text[text.index("Étaient"):].strip())
Étaient présents : M. Bruno LIND, Mme Anne FALGA (à compter de la question n° 2)
<BLANKLINE>
Étaient absents : M. Pascal DIMANCHE
<BLANKLINE>
Procurations de vote : M. Pascal DIMANCHE à M. Bruno LIND
>>> quorum.read_record(text) == sitting
True

The record lists those present, then those absent, each list with those of
no commune first; :func:`in_record_order` gives a sitting in that order, and
``read_record(render_record(s)) == in_record_order(s)`` for every sitting
whose members all have an attendance entry.  What a record cannot say is
left out: the rule set (chosen from the date again when read), times to the
second.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from quorum._french import french_date
from quorum.model import (
    Attendance,
    BodyKind,
    Deliberation,
    HeaderCounts,
    Member,
    PublishedTally,
    Sitting,
)
from quorum.reader._build import body_kind

__all__ = ["in_record_order", "render_record"]

_KIND_WORDS = {BodyKind.EPCI: "EPCI", BodyKind.COMMUNE: "commune",
               BodyKind.SMALL_COMMUNE: "petite commune", BodyKind.DEPARTEMENT: "département",
               BodyKind.REGION: "région"}


def _time(value: datetime.time) -> str:
    return f"{value.hour}h{value.minute:02d}"


def in_record_order(sitting: Sitting) -> Sitting:
    """``sitting`` with its members in the order a record lists them.

    Those present, then those absent; in each list the members of no
    commune first (a commune heading applies to every name after it).
    The rule set, which no record states, is dropped, and empty header
    counts become none.
    """
    attendance = {entry.member: entry for entry in sitting.attendance}

    def listed(present: bool) -> list[Member]:
        chosen = [m for m in sitting.members
                  if m.name in attendance and bool(attendance[m.name].windows) == present]
        return ([m for m in chosen if m.commune is None]
                + [m for m in chosen if m.commune is not None])

    members = listed(True) + listed(False)
    members += [m for m in sitting.members if m.name not in attendance]

    def counts(value: HeaderCounts | None) -> HeaderCounts | None:
        return None if value == HeaderCounts() else value

    return attrs.evolve(
        sitting, members=members,
        attendance=[attendance[m.name] for m in members if m.name in attendance],
        deliberations=[attrs.evolve(d, header_counts=counts(d.header_counts))
                       for d in sitting.deliberations],
        header_counts=counts(sitting.header_counts), rules=None,
    )


def _counts(counts: HeaderCounts) -> str:
    parts = [(label, value) for label, value in (
        ("En exercice", counts.in_office), ("Présents", counts.present),
        ("Pouvoirs", counts.proxies), ("Votants", counts.voters)) if value is not None]
    return " ".join(f"{label} {value}" for label, value in parts)


def _annotations(sitting: Sitting, member: Member, entry: Attendance) -> str:
    parts = []
    if member.substitute:
        word = "suppléante" if member.feminine else "suppléant"
        if member.substitute_for is not None:
            word += f" de {sitting.member(member.substitute_for).display}"
        parts.append(word)
    if entry.remote:
        parts.append("visioconférence")
    if entry.excused:
        parts.append("excusée" if member.feminine else "excusé")
    parts.extend(window.describe() for window in entry.windows if not window.whole)
    return f" ({', '.join(parts)})" if parts else ""


def _listing(label: str, items: Iterable[tuple[str | None, str]]) -> str:
    """« Label : **Commune :** item, item, **Commune :** item »."""
    pieces = []
    current: str | None = None
    for commune, text in items:
        if commune is not None and commune != current:
            text = f"**{commune} :** {text}"
            current = commune
        pieces.append(text)
    return f"{label} : " + ", ".join(pieces)


def _tally(tally: PublishedTally, sitting: Sitting | None = None,
           deliberation: Deliberation | None = None) -> list[str]:
    def named(names: tuple[str, ...]) -> str:
        if sitting is None or not names:
            return ""
        return f" ({', '.join(sitting.member(name).display for name in names)})"

    pour, contre, abstention = ((deliberation.voted_pour, deliberation.voted_contre,
                                 deliberation.voted_abstention) if deliberation else ((), (), ()))
    lines = [f"Pour : {tally.pour}{named(pour)}", f"Contre : {tally.contre}{named(contre)}",
             f"Abstention : {tally.abstention}{named(abstention)}"]
    for label, value in (("Conseiller intéressé", tally.interested),
                         ("Ne prend pas part au vote", tally.not_voting),
                         ("Blancs", tally.blank)):
        if value is not None:
            lines.append(f"{label} : {value}")
    return lines


def _deliberation(sitting: Sitting, deliberation: Deliberation) -> list[str]:
    lines = []
    if deliberation.identifier:
        lines.append(f"Délibération n°{deliberation.identifier}")
    title = f" - {deliberation.title}" if deliberation.title else ""
    lines.append(f"Rapport n°{deliberation.question}{title}")
    for name in deliberation.interested:
        member = sitting.member(name)
        role = "conseillère intéressée" if member.feminine else "conseiller intéressé"
        lines.append(f"{member.display}, {role}, ne prend part ni au débat ni au vote.")
    for name in deliberation.not_voting:
        lines.append(f"{sitting.member(name).display} ne prend pas part au vote.")
    if deliberation.secret_ballot:
        lines.append("Il est procédé au vote à bulletin secret.")
    if deliberation.header_counts is not None and deliberation.header_counts != HeaderCounts():
        lines.append(_counts(deliberation.header_counts))
    if deliberation.unanimous:
        lines.append("Rapport adopté à l'unanimité :")
    if deliberation.tally is not None:
        lines.extend(_tally(deliberation.tally, sitting, deliberation))
    return lines


def render_record(sitting: Sitting) -> str:
    """The sitting as a published record (see the module docstring)."""
    sitting = in_record_order(sitting)
    attendance = {entry.member: entry for entry in sitting.attendance}
    lines = [sitting.body]
    if sitting.date is not None:
        lines.append(f"Séance du {french_date(sitting.date, weekday=True)}")
    implied = body_kind(sitting.body)
    if sitting.kind is BodyKind.SMALL_COMMUNE and implied is BodyKind.COMMUNE:
        lines.append("Commune de moins de 3 500 habitants")
    elif sitting.kind is not implied:
        lines.append(f"Type d'assemblée : {_KIND_WORDS[sitting.kind]}")
    lines.append(f"Membres en exercice : {sitting.in_office}")
    if sitting.header_counts is not None and sitting.header_counts != HeaderCounts():
        lines.append(_counts(sitting.header_counts))
    sentence = "Le Conseil"
    if sitting.convened is not None:
        sentence += f", convoqué le {french_date(sitting.convened)},"
    if sitting.place is not None or sitting.president is not None:
        sentence += " s'est réuni"
        if sitting.place is not None:
            sentence += f" {sitting.place}"
        if sitting.president is not None:
            if sitting.place is not None:
                sentence += ","
            sentence += f" sous la présidence de {sitting.member(sitting.president).display}"
    if sentence != "Le Conseil":
        lines.append(sentence.rstrip(",") + ".")
    if sitting.reconvened:
        lines.append("Le Conseil, réuni à nouveau faute de quorum, délibère sans condition de "
                     "quorum.")
    if sitting.urgent:
        lines.append("Le Conseil a été convoqué en urgence.")
    lines.append("Ordre de passage des rapports : " + ", ".join(sitting.agenda.questions))
    if sitting.opened is not None and sitting.closed is not None:
        lines.append(f"La séance est ouverte à {_time(sitting.opened)} et levée à "
                     f"{_time(sitting.closed)}")
    elif sitting.opened is not None:
        lines.append(f"La séance est ouverte à {_time(sitting.opened)}")
    elif sitting.closed is not None:
        lines.append(f"La séance est levée à {_time(sitting.closed)}")

    def items(present: bool) -> list[tuple[str | None, str]]:
        return [(m.commune, m.display + _annotations(sitting, m, attendance[m.name]))
                for m in sitting.members
                if m.name in attendance and bool(attendance[m.name].windows) == present]

    present, absent = items(True), items(False)
    if present:
        lines.append(_listing("Étaient présents", present))
    if absent:
        lines.append(_listing("Étaient absents", absent))
    if sitting.secretary is not None:
        lines.append(f"Secrétaire de séance : {sitting.member(sitting.secretary).display}")
    if sitting.proxies:
        proxies = []
        for proxy in sitting.proxies:
            giver = sitting.member(proxy.giver)
            window = proxy.window.describe()
            text = f"{giver.display} à {sitting.member(proxy.holder).display}"
            proxies.append((giver.commune, text + (f" ({window})" if window else "")))
        lines.append(_listing("Procurations de vote", proxies))
    for deliberation in sitting.deliberations:
        lines.extend(_deliberation(sitting, deliberation))
    return "\n\n".join(lines) + "\n"

