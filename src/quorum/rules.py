"""The rules in force at a sitting: quorum and proxies, as data.

Terms:

- *members in office* (membres en exercice): the seats of the council that are
  filled; vacancies lower it.
- *quorum*: how many members must be present when a question is taken up for
  the council to deliberate validly.  Under the Code général des collectivités
  territoriales (CGCT L2121-17, L3121-14, L4132-13) it is the majority of the
  members in office: strictly more than half, i.e. ``in_office // 2 + 1``.
  Proxies do not count.
- *proxy* (procuration, pouvoir): CGCT L2121-20 lets a member hold one proxy.

During the health emergency of 2020–2022 temporary laws lowered the quorum to
one third of the members in office and let each member hold two proxies; from
3 April to 10 July 2020 (ordonnance 2020-391) members present *or represented*
counted towards that third.  :class:`RuleCalendar` selects the rules from
the date of the sitting; every boundary date is a parameter of
:meth:`RuleCalendar.health_emergency`, and callers may pass any
:class:`RuleSet` of their own.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from fractions import Fraction
from itertools import pairwise

import attrs

from quorum.errors import SittingError

__all__ = [
    "ACCOUNTS_TITLES",
    "CGCT",
    "DEFAULT_CALENDAR",
    "ELECTION_EXPRESSLY_SECRET_TITLES",
    "ELECTION_MAJORITY_SHARE",
    "ELECTION_RELATIVE_ROUND",
    "HEALTH_EMERGENCY",
    "HEALTH_EMERGENCY_REPRESENTED",
    "PUBLIC_BALLOT_SHARE",
    "PUBLIC_BALLOT_SHARE_COUNCILS",
    "RECONVENED_CLEAR_DAYS",
    "REMOTE_EPCI_FROM",
    "REMOTE_EXCLUDED_TITLES",
    "REPORTS_DAYS",
    "REPRESENTATIVES_OUT_OF_OFFICE",
    "SUBSTITUTE_EPCI_KINDS",
    "SUBSTITUTE_STATUTORY_KINDS",
    "URGENCY_CLEAR_DAYS",
    "RuleCalendar",
    "RulePeriod",
    "RuleSet",
    "representatives_article",
    "rules_for",
]

# -- delays and words of the law, as data (docs/rules.md gives the sources) ----------

URGENCY_CLEAR_DAYS = 1
"""Clear days an urgent convocation still needs (CGCT L2121-11, L2121-12 al. 3; L5211-1)."""

REPORTS_DAYS = 12
"""Days between sending the reports and the sitting, départements and régions (L3121-19,
L4132-18); one clear day in urgency (same articles, third paragraph)."""

RECONVENED_CLEAR_DAYS = 3
"""Days between a failed sitting and the one reconvened for the same items (L2121-17)."""

REMOTE_EPCI_FROM = datetime.date(2022, 8, 1)
"""From this day (the end of the health-emergency texts), the council of an EPCI may sit in
several places by teleconference under CGCT L5211-11-1 as amended by loi 2022-217 (3DS)
art. 170; a commune's council may not."""

REMOTE_EXCLUDED_TITLES: tuple[str, ...] = (
    "election du president", "election des vice presidents", "election du bureau",
    "budget primitif", "election des delegues", "designation des delegues",
    "designation des representants")
"""Words of a deliberation's title (case and accents folded) for the items that an EPCI's
council may not take by teleconference (L5211-11-1: election of the president and the
bureau, budget primitif, election of delegates, appointments to outside bodies under
L2121-33)."""

ELECTION_MAJORITY_SHARE = Fraction(1, 2)
"""An election's absolute majority: more than this share of the votes cast (suffrages
exprimés), that is ``cast // 2 + 1`` (CGCT L2121-21, L2122-7; L5211-2 for EPCI)."""

ELECTION_RELATIVE_ROUND = 3
"""The round from which the relative majority elects, the eldest winning a tie; the
rounds before it need the absolute majority (CGCT L2121-21, L2122-7)."""

ELECTION_EXPRESSLY_SECRET_TITLES: tuple[str, ...] = (
    "election du maire", "election des adjoints", "election d'un adjoint",
    "election du president", "election des vice presidents", "election d'un vice president")
"""Words of a title (folded) for the elections a law expressly holds by secret ballot
(the mayor and adjoints, L2122-7 and L2122-7-1; an EPCI's president and vice-presidents,
L5211-2): the council cannot decide unanimously to vote openly (L2121-21)."""

SECRET_BALLOT_SHARE = Fraction(1, 3)
"""Share of the members present whose request makes the vote secret (CGCT L2121-21 1°;
L5211-1 for EPCI); it prevails over a simultaneous request for a public ballot."""

PUBLIC_BALLOT_SHARE = Fraction(1, 4)
"""Share of the members present whose request makes the vote public (L2121-21)."""

PUBLIC_BALLOT_SHARE_COUNCILS = Fraction(1, 6)
"""The same for départements and régions (L3121-15, L4132-14), which have no rule on a
request for a secret ballot."""

ACCOUNTS_TITLES: tuple[str, ...] = ("compte administratif", "comptes administratifs",
                                    "compte financier unique", "comptes financiers uniques")
"""Words of a deliberation's title (case and accents folded) that make it the vote of the
accounts: compte administratif (L1612-12, L2121-14) or the compte financier unique that
replaces it (loi 2018-1317 art. 242 as amended; loi 2023-1322 art. 205)."""


SUBSTITUTE_EPCI_KINDS: tuple[str, ...] = ("communaute-de-communes",
                                          "communaute-d-agglomeration")
"""The kinds of EPCI (values of :class:`quorum.model.EpciKind`) in which a commune with a
single seat has a substitute (suppléant) who sits with a vote when the titular is absent:
CGCT L5211-6 as rewritten by loi 2013-403 art. 37 (« dans les communautés de communes et
les communautés d'agglomération, lorsqu'une commune ne dispose que d'un seul conseiller
communautaire »).  Communautés urbaines and métropoles have none."""

SUBSTITUTE_STATUTORY_KINDS: tuple[str, ...] = ("syndicat-de-communes", "syndicat-mixte",
                                               "other")
"""Kinds whose substitutes come from their statutes, which a record does not show: a
substitute listed there is not questioned."""


REPRESENTATIVES_OUT_OF_OFFICE: tuple[tuple[str, datetime.date, str], ...] = (
    ("commune", datetime.date(2022, 2, 23), "CGCT L2131-11"),
    ("small-commune", datetime.date(2022, 2, 23), "CGCT L2131-11"),
    ("epci", datetime.date(2022, 2, 23), "CGCT L2131-11"),
    ("departement", datetime.date(2025, 12, 24), "CGCT L3132-5"),
    ("region", datetime.date(2025, 12, 24), "CGCT L4142-5"),
)
"""Where, and from which day, the representatives of the council in another body who do
not take part in a decision under CGCT L1111-6 II (a public contract awarded to that body…)
are not members in office for the quorum of that question: (kind of council, as the values
of :class:`quorum.model.BodyKind`, first day, article).  Communes since loi 2022-217 (3DS)
art. 217; départements and régions since loi 2025-1249 art. 32 (JO 23 December 2025).  The
EPCI row is our option (the texts read name the conseil municipal; L5211-1 and L5211-3 carry
the communes' rules to EPCI).  Elsewhere, or before, they are not counted present, like an
interested member (docs/rules.md)."""


def representatives_article(kind: str, day: datetime.date | None) -> str | None:
    """The article that takes L1111-6 representatives out of the members in office for the
    quorum of a council of ``kind`` sitting on ``day``, or ``None`` where none does.

    >>> representatives_article("commune", datetime.date(2026, 6, 25))
    'CGCT L2131-11'
    >>> representatives_article("departement", datetime.date(2025, 6, 1)) is None
    True
    """
    for row_kind, start, article in REPRESENTATIVES_OUT_OF_OFFICE:
        if row_kind == kind and (day is None or day >= start):
            return article
    return None


_LABELS = {"proxies_per_holder": "le nombre de procurations par mandataire",
           "quorum_fraction": "la fraction du quorum"}
"""The fields of :class:`RuleSet` as its messages say them."""


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    label = _LABELS[attribute.name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise SittingError(f"{label} doit être un nombre entier, pas {value!r}")
    if value < 1:
        raise SittingError(f"{label} doit valoir au moins 1, pas {value}")


def _fraction(instance: object, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    label = _LABELS[attribute.name]
    # A float is refused: 1/3 written 0.333… would move the threshold at 3, 6, 9… in office.
    if not isinstance(value, Fraction | int) or isinstance(value, bool):
        raise SittingError(f"{label} doit être une fraction exacte, par exemple "
                           f"Fraction(1, 3), pas {value!r}")
    if not 0 < value <= 1:
        raise SittingError(f"{label} doit être strictement positive et au plus 1, pas {value}")


@attrs.frozen(kw_only=True)
class RuleSet:
    """How quorum is reckoned and how many proxies one holder may exercise.

    ``quorum_strict`` says whether the count must *exceed* the fraction of the
    members in office (the CGCT majority: more than half) or only *reach* it
    (the temporary one third: "le tiers des membres en exercice est présent").

    ``proxy_ends_at_arrival`` chooses between two readings of L2121-20, which
    does not say what becomes of a proxy whose giver arrives and leaves again:
    by default (``False``) the arrival only suspends it, and it is exercised
    again at every question of its window where the giver is absent and the
    holder present; with ``True`` the giver's arrival ends it for good.

    ``remote_attendance`` says whether the rules themselves let any council
    (communes included) sit by teleconference, as the health-emergency texts
    did; outside them only EPCI may (CGCT L5211-11-1, see
    :data:`REMOTE_EPCI_FROM`).
    """

    name: str
    quorum_fraction: Fraction = attrs.field(default=Fraction(1, 2), validator=_fraction)
    quorum_strict: bool = True
    quorum_counts_represented: bool = False
    proxies_per_holder: int = attrs.field(default=1, validator=_positive)
    reference: str = ""
    proxy_ends_at_arrival: bool = False
    remote_attendance: bool = False

    def quorum_threshold(self, in_office: int) -> int:
        """The smallest count of members that satisfies the quorum.

        >>> CGCT.quorum_threshold(122)
        62
        >>> CGCT.quorum_threshold(39)
        20
        >>> HEALTH_EMERGENCY.quorum_threshold(122)
        41
        """
        share = self.quorum_fraction * in_office
        if self.quorum_strict:
            return math.floor(share) + 1
        return math.ceil(share)


CGCT = RuleSet(
    name="CGCT",
    reference="CGCT L2121-17 (quorum), L2121-20 (one proxy per holder)",
)

HEALTH_EMERGENCY = RuleSet(
    name="état d'urgence sanitaire",
    quorum_fraction=Fraction(1, 3),
    quorum_strict=False,
    proxies_per_holder=2,
    remote_attendance=True,
    reference="loi 2020-290 art. 10; loi 2020-760; loi 2020-1379 art. 6; loi 2021-1465 art. 10",
)

HEALTH_EMERGENCY_REPRESENTED = attrs.evolve(
    HEALTH_EMERGENCY,
    name="état d'urgence sanitaire (présents ou représentés)",
    quorum_counts_represented=True,
    reference="ordonnance 2020-391 art. 2",
)


def _day(instance: object, attribute: attrs.Attribute[datetime.date],
         value: datetime.date) -> None:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise SittingError(f"une période de règles commence et finit à un jour "
                           f"(datetime.date), pas {value!r}")


def _rule_set(instance: object, attribute: attrs.Attribute[RuleSet], value: RuleSet) -> None:
    if not isinstance(value, RuleSet):
        raise SittingError(f"une période de règles donne un RuleSet, pas {value!r}")


@attrs.frozen
class RulePeriod:
    """A rule set in force from ``start`` to ``end``, both days included."""

    start: datetime.date = attrs.field(validator=_day)
    end: datetime.date = attrs.field(validator=_day)
    rules: RuleSet = attrs.field(validator=_rule_set)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise SittingError(f"la période de règles finit le {self.end} avant de commencer "
                               f"le {self.start}")

    def __contains__(self, day: object) -> bool:
        return isinstance(day, datetime.date) and self.start <= day <= self.end


def _no_overlap(
    instance: RuleCalendar, attribute: attrs.Attribute[tuple[RulePeriod, ...]],
    periods: tuple[RulePeriod, ...],
) -> None:
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in pairwise(ordered):
        if after.start <= before.end:
            raise SittingError(f"deux périodes de règles se chevauchent : du {before.start} au "
                               f"{before.end}, et à partir du {after.start}")


def _by_start(periods: Iterable[RulePeriod]) -> tuple[RulePeriod, ...]:
    items = tuple(periods)
    for item in items:
        if not isinstance(item, RulePeriod):
            raise SittingError(f"un calendrier de règles est fait de RulePeriod, pas {item!r}")
    return tuple(sorted(items, key=lambda p: p.start))


@attrs.frozen
class RuleCalendar:
    """Which rule set applies on which day; ``default`` outside every period."""

    periods: tuple[RulePeriod, ...] = attrs.field(converter=_by_start, validator=_no_overlap)
    default: RuleSet = CGCT

    def rules_for(self, day: datetime.date) -> RuleSet:
        """The rule set in force on ``day``.

        >>> import datetime
        >>> DEFAULT_CALENDAR.rules_for(datetime.date(2026, 6, 25)).name
        'CGCT'
        >>> DEFAULT_CALENDAR.rules_for(datetime.date(2020, 5, 1)).quorum_counts_represented
        True
        """
        for period in self.periods:
            if day in period:
                return period.rules
        return self.default

    @classmethod
    def health_emergency(
        cls,
        *,
        first_start: datetime.date = datetime.date(2020, 3, 24),
        represented_start: datetime.date = datetime.date(2020, 4, 3),
        represented_end: datetime.date = datetime.date(2020, 7, 10),
        first_end: datetime.date = datetime.date(2020, 8, 30),
        second_start: datetime.date = datetime.date(2020, 11, 15),
        second_end: datetime.date = datetime.date(2021, 9, 30),
        third_start: datetime.date = datetime.date(2021, 11, 12),
        third_end: datetime.date = datetime.date(2022, 7, 31),
        default: RuleSet = CGCT,
    ) -> RuleCalendar:
        """The temporary health-emergency rules, every boundary a parameter.

        The defaults follow the texts as we read them (see docs/rules.md):
        loi 2020-290 art. 10 from its entry into force on 24 March 2020;
        ordonnance 2020-391 counting members present or represented from
        3 April to 10 July 2020 (end of the state of emergency); loi 2020-760
        keeping the third (present only) and two proxies until 30 August 2020;
        the common law from 31 August to 14 November 2020; loi 2020-1379
        art. 6 from 15 November 2020, extended by lois 2021-160 and 2021-689
        to 30 September 2021; loi 2021-1465 art. 10 from 12 November 2021
        (the day after its publication) to 31 July 2022.
        """
        periods: list[RulePeriod] = []
        if first_start < represented_start:
            before = min(first_end, represented_start - datetime.timedelta(days=1))
            periods.append(RulePeriod(first_start, before, HEALTH_EMERGENCY))
        periods.append(
            RulePeriod(represented_start, represented_end, HEALTH_EMERGENCY_REPRESENTED)
        )
        if represented_end < first_end:
            after = represented_end + datetime.timedelta(days=1)
            periods.append(RulePeriod(after, first_end, HEALTH_EMERGENCY))
        periods.append(RulePeriod(second_start, second_end, HEALTH_EMERGENCY))
        periods.append(RulePeriod(third_start, third_end, HEALTH_EMERGENCY))
        return cls(tuple(periods), default)


DEFAULT_CALENDAR = RuleCalendar.health_emergency()


def rules_for(day: datetime.date, calendar: RuleCalendar = DEFAULT_CALENDAR) -> RuleSet:
    """The rule set in force on ``day`` under ``calendar``."""
    return calendar.rules_for(day)
