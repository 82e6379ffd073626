"""The model of a council sitting (séance), free of any I/O or text format.

Terms, with the French of the records:

- *sitting* (séance): one meeting of the council, :class:`Sitting`.
- *members in office* (membres en exercice): the filled seats, ``in_office``.
- *member* (conseiller): :class:`Member`, known by ``name`` within a sitting.
  A *substitute* (suppléant·e) sits, with a vote, in place of the titular of a
  single-seat commune when that titular is absent; the two never both count.
- *agenda* (ordre de passage des rapports): the question keys in the order the
  council examined them, :class:`Agenda`.  Keys are strings as the record
  writes them ("26", "D98/13", "2020.03.05").
- *window*: the questions, along the order of passage, from ``start`` up to
  ``end`` inclusive, :class:`Window`.  "À compter de la question n° 17" is
  ``Window(start="17")``; "jusqu'à la question n° 16 incluse" is
  ``Window(end="16")``.
- *attendance*: the windows in which a member is present, :class:`Attendance`;
  none means absent for the whole sitting.  A member may leave and come back.
- *proxy* (procuration, pouvoir): :class:`Proxy`, from the *giver* (mandant)
  to the *holder* (mandataire), valid within a window.
- *interested member* (conseiller intéressé): takes part neither in the debate
  nor in the vote on a question, :class:`Deliberation`.
- *published tally*: the figures printed under a deliberation,
  :class:`PublishedTally` (pour, contre, abstention, …).

Cross-field rules are checked when a :class:`Sitting` is built and raise the
errors of :mod:`quorum.errors`.  The values of a replay (:class:`QuestionState`,
:class:`Replay`, :class:`ProxyUse`, :class:`ProxyStatus`) are defined here, beside
the sitting they name; :mod:`quorum.engine` computes them.  This module imports
nothing above it: what it offers but cannot compute or render (the replay, the
tables, the chart) goes through :class:`Views`, which the layers above provide.
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

import attrs

from quorum._french import french_date
from quorum._lookup import html_summary, resolve
from quorum._views import View
from quorum.errors import (
    AttendanceChangeError,
    DetachedStateError,
    DuplicateAttendanceError,
    DuplicateMemberError,
    InOfficeError,
    InvertedWindowError,
    OverlappingProxiesError,
    PresentAndAbsentError,
    SelfProxyError,
    SittingError,
    TitularAndSubstituteError,
    UnknownMemberError,
    UnknownQuestionError,
    UsageError,
)
from quorum.rules import DEFAULT_CALENDAR, RuleSet

if TYPE_CHECKING:
    from pathlib import Path

    import pandas
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_T = TypeVar("_T")

__all__ = [
    "Agenda",
    "Attendance",
    "BodyKind",
    "Deliberation",
    "Disagreement",
    "ElectionRound",
    "EpciKind",
    "Fact",
    "HeaderCounts",
    "Location",
    "MatchReason",
    "Member",
    "Proxy",
    "ProxyStatus",
    "ProxyUse",
    "PublishedTally",
    "QuestionState",
    "ReadNote",
    "Reconciliation",
    "RecordOrigin",
    "Replay",
    "Sitting",
    "Views",
    "Window",
]


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise SittingError(f"{attribute.name} doit être un nombre entier, pas {value!r}")
    if value < 0:
        raise SittingError(f"{attribute.name} ne peut pas être négatif ({value})")


def _key(value: str | int) -> str:
    return str(value)


def _optional_key(value: str | int | None) -> str | None:
    return None if value is None else str(value)


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise SittingError(f"le nom d'un membre doit être un texte, pas {value!r}")
    if not value.strip():
        raise SittingError(f"le nom d'un membre ne peut pas être vide ({value!r})")


def _date(value: object) -> datetime.date | None:
    """A day: a :class:`datetime.date`, or its ISO text (``"2026-01-15"``) converted."""
    if isinstance(value, datetime.datetime):  # a date too for Python, but it breaks comparisons
        raise SittingError(f"un jour est attendu (datetime.date), pas une date et une heure "
                           f"({value!r}) : écrire {value!r}.date()")
    return _iso(value, datetime.date, datetime.date.fromisoformat,
                "une date", "AAAA-MM-JJ", "2026-01-15")


def _time(value: object) -> datetime.time | None:
    """An hour: a :class:`datetime.time`, or its ISO text (``"18:30"``) converted."""
    return _iso(value, datetime.time, datetime.time.fromisoformat, "une heure", "HH:MM", "18:30")


def _iso(value: object, kind: type[_T], parse: Callable[[str], _T],
         what: str, form: str, example: str) -> _T | None:
    """``value`` if ``None`` or a ``kind``, else its ISO text parsed; anything else refused."""
    if value is None or isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return parse(value.strip())
        except ValueError:
            raise SittingError(f"« {value} » n'est pas {what} au format ISO ({form}, "
                               f"par exemple {example})") from None
    raise SittingError(f"{what} est attendue (datetime.{kind.__name__} ou texte {form}), "
                       f"pas {value!r}")


def _each(items: Iterable[Any], kind: type[Any], what: str, example: str) -> tuple[Any, ...]:
    """``items`` as a tuple; a single text, or any item not of ``kind``, is refused.

    ``what`` names the list in French (« les membres »), ``example`` shows how to
    write one item.
    """
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise SittingError(f"{what} : une liste est attendue, pas {items!r}"
                           f" ; écrire par exemple [{example}]")
    converted = tuple(items)
    for item in converted:
        if not isinstance(item, kind):
            raise SittingError(f"{what} : chaque élément doit être un {kind.__name__} "
                               f"({example}), pas {item!r}")
    return converted


class BodyKind(enum.Enum):
    """The kind of council, which sets the convocation delay (CGCT L2121-11/12)."""

    EPCI = "epci"
    COMMUNE = "commune"  # 3,500 inhabitants and more
    SMALL_COMMUNE = "small-commune"  # under 3,500 inhabitants
    DEPARTEMENT = "departement"
    REGION = "region"

    @property
    def clear_days(self) -> int:
        """Clear days (jours francs) between convocation and sitting."""
        return 3 if self is BodyKind.SMALL_COMMUNE else 5


class EpciKind(enum.Enum):
    """The kind of an EPCI or syndicat, which says whether it has substitutes (suppléants).

    CGCT L5211-6 gives a substitute to a commune with a single seat in a communauté de
    communes or d'agglomération only; communautés urbaines and métropoles have none;
    syndicats have them where their statutes provide them (docs/rules.md).
    """

    COMMUNAUTE_DE_COMMUNES = "communaute-de-communes"
    COMMUNAUTE_D_AGGLOMERATION = "communaute-d-agglomeration"
    COMMUNAUTE_URBAINE = "communaute-urbaine"
    METROPOLE = "metropole"
    SYNDICAT_DE_COMMUNES = "syndicat-de-communes"  # SIVU, SIVOM (L5212-1)
    SYNDICAT_MIXTE = "syndicat-mixte"  # L5711-1, L5721-1
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Member:
    """A member of the council, or a substitute who may sit for a titular.

    ``substitute_for`` names the titular when the record does; a substitute
    for a titular the record never names has it ``None`` and sits in the
    seat of ``commune``.
    """

    name: str = attrs.field(validator=_non_empty)
    civility: str | None = None
    commune: str | None = None
    substitute: bool = False
    substitute_for: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.substitute_for is not None and not self.substitute:
            raise SittingError(f"« {self.name} » supplée « {self.substitute_for} » "
                               "sans être marqué comme suppléant")
        if self.substitute_for == self.name:
            raise SittingError(f"« {self.name} » ne peut pas se suppléer lui-même")

    @property
    def display(self) -> str:
        """The name with its civility, as a record writes it: ``M. Ludovic FAGAUT``."""
        return f"{self.civility} {self.name}" if self.civility else self.name

    @property
    def feminine(self) -> bool:
        """Whether French agreement is feminine (civility ``Mme``)."""
        return self.civility in {"Mme", "Mlle"}

    def __str__(self) -> str:
        return self.display


@attrs.frozen
class Window:
    """Questions from ``start`` to ``end`` inclusive, along the order of passage.

    ``None`` at either end means the opening or the close of the sitting.
    """

    start: str | None = attrs.field(default=None, converter=_optional_key)
    end: str | None = attrs.field(default=None, converter=_optional_key)

    @classmethod
    def from_question(cls, key: str | int) -> Window:
        """Present or valid from question ``key`` on (« à compter de la question n° … »)."""
        return cls(start=str(key))

    @classmethod
    def until_question(cls, key: str | int) -> Window:
        """Present or valid up to question ``key`` included (« jusqu'à … incluse »)."""
        return cls(end=str(key))

    @classmethod
    def between(cls, start: str | int, end: str | int) -> Window:
        """From question ``start`` to question ``end``, both included."""
        return cls(start=str(start), end=str(end))

    @property
    def whole(self) -> bool:
        """Whether the window spans the whole sitting."""
        return self.start is None and self.end is None

    def describe(self) -> str:
        """The window in the French of the records, empty when it is the whole sitting.

        >>> print(Window.between(3, 16).describe())
        à compter de la question n° 3, jusqu'à la question n° 16 incluse
        """
        parts = []
        if self.start is not None:
            parts.append(f"à compter de la question n° {self.start}")
        if self.end is not None:
            parts.append(f"jusqu'à la question n° {self.end} incluse")
        return ", ".join(parts)


def _windows(items: Iterable[Window]) -> tuple[Window, ...]:
    return _each(items, Window, "les périodes de présence", "Window.until_question(16)")


@attrs.frozen(kw_only=True)
class Attendance:
    """When one member sat: the windows of presence, none when absent throughout."""

    member: str
    windows: tuple[Window, ...] = attrs.field(default=(Window(),), converter=_windows)
    remote: bool = False
    excused: bool = False

    @classmethod
    def present(cls, member: str, *windows: Window, remote: bool = False) -> Attendance:
        """Present in ``windows``, or throughout when none is given."""
        return cls(member=member, windows=windows or (Window(),), remote=remote)

    @classmethod
    def absent(cls, member: str, *, excused: bool = False) -> Attendance:
        """Absent for the whole sitting."""
        return cls(member=member, windows=(), excused=excused)

    @property
    def is_absent(self) -> bool:
        return not self.windows


@attrs.frozen(kw_only=True)
class Proxy:
    """A written proxy: the absent ``giver`` lets the present ``holder`` vote for them."""

    giver: str
    holder: str
    window: Window = Window()

    def __attrs_post_init__(self) -> None:
        if self.giver == self.holder:
            raise SelfProxyError(self.giver)

    def __str__(self) -> str:
        window = self.window.describe()
        return f"{self.giver} → {self.holder}" + (f" ({window})" if window else "")


def _unique_keys(instance: Agenda, attribute: attrs.Attribute[tuple[str, ...]],
                 keys: tuple[str, ...]) -> None:
    if not keys:
        raise SittingError("l'ordre de passage ne nomme aucune question")
    seen: set[str] = set()
    for key in keys:
        if not key.strip():
            raise SittingError("une clé de l'ordre de passage ne peut pas être vide")
        if key in seen:
            raise SittingError(f"la question « {key} » figure deux fois dans l'ordre de passage")
        seen.add(key)


def _keys(keys: Iterable[str | int]) -> tuple[str, ...]:
    return tuple(str(key) for key in keys)


@attrs.frozen
class Agenda:
    """The question keys in the order the council examined them."""

    questions: tuple[str, ...] = attrs.field(converter=_keys, validator=_unique_keys)
    _positions: dict[str, int] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        positions = {key: index for index, key in enumerate(self.questions, start=1)}
        object.__setattr__(self, "_positions", positions)

    @classmethod
    def numbered(cls, count: int) -> Agenda:
        """Questions ``"1"`` … ``"count"`` examined in numeric order."""
        return cls(tuple(str(n) for n in range(1, count + 1)))

    def position(self, key: str | int) -> int:
        """The 1-based position of question ``key`` in the order of passage."""
        try:
            return self._positions[str(key)]
        except KeyError:
            raise UnknownQuestionError(str(key)) from None

    def span(self, window: Window) -> tuple[int, int]:
        """The first and last positions ``window`` covers (the opening and close for ``None``)."""
        start = 1 if window.start is None else self.position(window.start)
        end = len(self.questions) if window.end is None else self.position(window.end)
        return start, end

    def key(self, position: int) -> str:
        """The key of the question at 1-based ``position``."""
        if not 1 <= position <= len(self.questions):
            raise UnknownQuestionError(f"#{position}")
        return self.questions[position - 1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and str(key) in self._positions

    def __iter__(self) -> Iterator[str]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)


@attrs.frozen(kw_only=True)
class PublishedTally:
    """The vote figures printed under a deliberation.

    ``interested`` counts the interested members listed apart
    ("Conseiller intéressé : 1"); ``not_voting`` those who "ne prennent pas
    part au vote"; ``blank`` the blank or void ballots.  ``None`` means the
    record does not print that line.
    """

    pour: int = attrs.field(validator=_non_negative)
    contre: int = attrs.field(default=0, validator=_non_negative)
    abstention: int = attrs.field(default=0, validator=_non_negative)
    interested: int | None = attrs.field(default=None, validator=_non_negative)
    not_voting: int | None = attrs.field(default=None, validator=_non_negative)
    blank: int | None = attrs.field(default=None, validator=_non_negative)

    @property
    def cast(self) -> int:
        """Votes cast (suffrages exprimés): pour + contre."""
        return self.pour + self.contre

    @property
    def total(self) -> int:
        """Every vote the tally accounts for, interested members included."""
        return (self.pour + self.contre + self.abstention + (self.interested or 0)
                + (self.not_voting or 0) + (self.blank or 0))


@attrs.frozen(kw_only=True)
class HeaderCounts:
    """Counts a record prints in its header, kept for the audit to cross-check.

    "En exercice 39 Présents 36 Pouvoirs 3 Votants 39".
    """

    in_office: int | None = attrs.field(default=None, validator=_non_negative)
    present: int | None = attrs.field(default=None, validator=_non_negative)
    proxies: int | None = attrs.field(default=None, validator=_non_negative)
    voters: int | None = attrs.field(default=None, validator=_non_negative)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


# A single name where a list is expected is refused rather than wrapped: « Anne FALGA,
# Hasni ALEM » would otherwise be taken silently for one name.
def _names(items: Iterable[str]) -> tuple[str, ...]:
    return _each(items, str, "les noms", '"Anne FALGA"')


def _rounds(items: Iterable[ElectionRound]) -> tuple[ElectionRound, ...]:
    return _each(items, ElectionRound, "les tours de scrutin", "ElectionRound(number=1)")


def _candidates(items: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple((name, votes) for name, votes in items)


@attrs.frozen(kw_only=True)
class Deliberation:
    """What the record says of one question: who is interested, what was published."""

    question: str = attrs.field(converter=_key)
    identifier: str | None = None
    title: str | None = None
    interested: tuple[str, ...] = attrs.field(default=(), converter=_names)
    not_voting: tuple[str, ...] = attrs.field(default=(), converter=_names)
    # Representatives of the council in the body concerned, who take no part in the decision
    # under CGCT L1111-6 II (a public contract awarded to it…); see quorum.rules.
    representatives: tuple[str, ...] = attrs.field(default=(), converter=_names)
    tally: PublishedTally | None = None
    unanimous: bool = False
    secret_ballot: bool = False
    header_counts: HeaderCounts | None = None
    # The members named under each heading of the tally (« Contre : 1 (M. X) »), when printed.
    voted_pour: tuple[str, ...] = attrs.field(default=(), converter=_names)
    voted_contre: tuple[str, ...] = attrs.field(default=(), converter=_names)
    voted_abstention: tuple[str, ...] = attrs.field(default=(), converter=_names)
    # How many members asked for a secret, or a public, ballot (CGCT L2121-21), when said.
    secret_requested: int | None = attrs.field(default=None, validator=_non_negative)
    public_requested: int | None = attrs.field(default=None, validator=_non_negative)
    # An election or appointment (CGCT L2121-21, L2122-7): its rounds as printed, the name
    # proclaimed as written, and whether the proclamation says « au bénéfice de l'âge ».
    rounds: tuple[ElectionRound, ...] = attrs.field(default=(), converter=_rounds)
    elected: str | None = None
    elected_by_age: bool = False


@attrs.frozen(kw_only=True)
class ElectionRound:
    """One round of an election (« Premier tour : Nombre de votants : 21 – … »).

    ``voters``, ``blank`` (blank or spoilt ballots), ``cast`` (suffrages exprimés) and
    ``majority`` (the absolute majority printed) are ``None`` when not printed;
    ``candidates`` pairs each name, as written, with its votes.
    """

    number: int = attrs.field(default=1, validator=_non_negative)
    voters: int | None = attrs.field(default=None, validator=_non_negative)
    blank: int | None = attrs.field(default=None, validator=_non_negative)
    cast: int | None = attrs.field(default=None, validator=_non_negative)
    majority: int | None = attrs.field(default=None, validator=_non_negative)
    candidates: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_candidates)


@attrs.frozen(kw_only=True)
class Location:
    """Where something was read: ``what`` (``"member"``, ``"proxy"``, …) and its ``key``."""

    what: str
    key: str
    line: int
    column: int = 1
    file: str | None = None


class MatchReason(enum.Enum):
    """Why the reader took a written name for a listed one: the step of the match that found it.

    The audit words each in French (:mod:`quorum._audit_checks`, the one place); the
    reader hands over only these values and the names they quote.
    """

    SAME_KEY = "accents-case-spacing"  # differ only by accents, case, hyphens or spacing
    WORD_ORDER = "word-order"  # the same words in another order
    SPELLING = "spelling"  # a close spelling (a letter or two)
    PART_OF = "part-of"  # communes: one name ends the other
    SURNAME_ONLY = "surname-only"
    INITIALS = "initials"  # the initials of the first names
    ONLY_ONE_OF_COMMUNE = "only-one-of-commune"  # several matched; one sits for ``commune``
    NO_CIVILITY = "no-civility"  # written without the civility the lists give
    OTHER_CIVILITY = "other-civility"  # ``written_civility`` here, ``listed_civility`` listed


def _match_reasons(items: Iterable[MatchReason | str]) -> tuple[MatchReason, ...]:
    return tuple(MatchReason(item) for item in items)


def _reasons_quoted(instance: Reconciliation, attribute: attrs.Attribute[Any],
                    value: tuple[MatchReason, ...]) -> None:
    """A reason that quotes a name comes with it."""
    if MatchReason.ONLY_ONE_OF_COMMUNE in value and instance.commune is None:
        raise UsageError("MatchReason.ONLY_ONE_OF_COMMUNE sans la commune (commune=…)")
    if MatchReason.OTHER_CIVILITY in value and None in (instance.written_civility,
                                                          instance.listed_civility):
        raise UsageError("MatchReason.OTHER_CIVILITY sans les deux civilités "
                         "(written_civility=…, listed_civility=…)")


@attrs.frozen(kw_only=True)
class Reconciliation:
    """Two spellings read as one member (or one commune), both places kept.

    ``reasons`` say why they were read as one (:class:`MatchReason`);
    ``commune`` is the commune that singled the member out
    (``ONLY_ONE_OF_COMMUNE``), ``written_civility`` and ``listed_civility``
    the two civilities of ``OTHER_CIVILITY``.
    """

    kind: str  # "member" or "commune"
    canonical: str
    written: str
    line: int
    column: int = 1
    canonical_line: int | None = None
    file: str | None = None
    reasons: tuple[MatchReason, ...] = attrs.field(default=(), converter=_match_reasons,
                                                   validator=_reasons_quoted)
    canonical_column: int | None = None
    canonical_file: str | None = None
    commune: str | None = None
    written_civility: str | None = None
    listed_civility: str | None = None


class Fact(enum.Enum):
    """A fact of a sitting on which two extracts of it may disagree.

    The first ones are fields of :class:`Sitting` (the value is the field's
    name); the last four concern one member, proxy or question, named by
    :attr:`Disagreement.subject`.
    """

    IN_OFFICE = "in_office"
    KIND = "kind"
    CONVENED = "convened"
    OPENED = "opened"
    CLOSED = "closed"
    PLACE = "place"
    PRESIDENT = "president"
    SECRETARY = "secretary"
    HEADER_COUNTS = "header_counts"
    RECONVENED = "reconvened"
    URGENT = "urgent"
    AGENDA = "agenda"
    MEMBER = "member"  # subject: the member's name
    ATTENDANCE = "attendance"  # subject: the member's name
    PROXY = "proxy"  # subject: the giver's name
    DELIBERATION = "deliberation"  # subject: the question's key

    @property
    def changes_figures(self) -> bool:
        """Whether the replay's figures may depend on it (not the place or the hours)."""
        return self not in (Fact.PLACE, Fact.OPENED, Fact.CLOSED)


@attrs.frozen(kw_only=True)
class Disagreement:
    """Two extracts of one sitting that say different things about the same fact.

    ``fact`` is the :class:`Fact`, ``subject`` the member, giver or question
    it concerns (``None`` for a fact of the sitting); ``first`` and ``second``
    are the two values as text, each with the file and line it was read
    from.  The merged sitting keeps ``first``.
    """

    fact: Fact = attrs.field(converter=Fact)
    first: str
    second: str
    subject: str | None = None
    first_file: str | None = None
    first_line: int | None = None
    second_file: str | None = None
    second_line: int | None = None


@attrs.frozen(kw_only=True)
class ReadNote:
    """What the reader inferred or doubted while reading, for the audit to report.

    A record that does not say something (no members in office, a president
    missing from the list of those present) or says it in a way the reader had
    to interpret (a departure told in prose, a proxy printed twice, a list cut
    by text it could not read) is read anyway, and each such reading leaves a
    note: ``code`` is the audit's finding code, ``subject`` the member, commune
    or fact concerned, ``question`` the question when there is one, and
    ``values`` the few words or figures the message quotes, in an order fixed
    per code (see :mod:`quorum._audit_reading`).
    """

    code: str
    line: int = 1
    column: int = 1
    file: str | None = None
    subject: str | None = None
    question: str | None = None
    values: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _notes(items: Iterable[ReadNote]) -> tuple[ReadNote, ...]:
    return tuple(items)


def _disagreements(items: Iterable[Disagreement]) -> tuple[Disagreement, ...]:
    return tuple(items)


def _reconciliations(items: Iterable[Reconciliation]) -> tuple[Reconciliation, ...]:
    return tuple(items)


def _locations(items: Iterable[Location]) -> tuple[Location, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class RecordOrigin:
    """Where a sitting was read from; not part of a sitting's equality."""

    files: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    reconciliations: tuple[Reconciliation, ...] = attrs.field(default=(),
                                                              converter=_reconciliations)
    locations: tuple[Location, ...] = attrs.field(default=(), converter=_locations)
    disagreements: tuple[Disagreement, ...] = attrs.field(default=(), converter=_disagreements)
    notes: tuple[ReadNote, ...] = attrs.field(default=(), converter=_notes)

    def locate(self, what: str, key: str) -> Location | None:
        """The first place ``what`` named ``key`` was read, if known."""
        for location in self.locations:
            if location.what == what and location.key == key:
                return location
        return None


def _members(items: Iterable[Member]) -> tuple[Member, ...]:
    return _each(items, Member, "les membres", 'Member(name="Anne FALGA")')


def _attendance(items: Iterable[Attendance]) -> tuple[Attendance, ...]:
    return _each(items, Attendance, "les présences", 'Attendance.present("Anne FALGA")')


def _proxies(items: Iterable[Proxy]) -> tuple[Proxy, ...]:
    return _each(items, Proxy, "les procurations",
                 'Proxy(giver="Anne FALGA", holder="Hasni ALEM")')


def _deliberations(items: Iterable[Deliberation]) -> tuple[Deliberation, ...]:
    return _each(items, Deliberation, "les délibérations", 'Deliberation(question="1")')


def _in_office(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value is None:
        raise SittingError("le nombre de membres en exercice est obligatoire")
    _non_negative(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Sitting:
    """One sitting of a council: who is in office, who sat when, who held whose proxy.

    Building a sitting checks that its facts hold together and raises a
    :class:`~quorum.errors.QuorumError` subclass naming the members and
    questions at fault when they do not.
    """

    body: str
    # None: the record does not say (common-law rules apply); ISO text is converted.
    date: datetime.date | None = attrs.field(converter=_date)
    in_office: int = attrs.field(validator=_in_office)
    agenda: Agenda
    members: tuple[Member, ...] = attrs.field(converter=_members)
    attendance: tuple[Attendance, ...] = attrs.field(converter=_attendance)
    proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=_proxies)
    deliberations: tuple[Deliberation, ...] = attrs.field(default=(), converter=_deliberations)
    kind: BodyKind = BodyKind.EPCI
    # The kind of EPCI, when known (from its name): which bodies have substitutes (L5211-6).
    epci: EpciKind | None = None
    convened: datetime.date | None = attrs.field(default=None, converter=_date)
    opened: datetime.time | None = attrs.field(default=None, converter=_time)
    closed: datetime.time | None = attrs.field(default=None, converter=_time)
    place: str | None = None
    president: str | None = None
    secretary: str | None = None
    header_counts: HeaderCounts | None = None
    reconvened: bool = False
    urgent: bool = False  # « convoqué en urgence » (CGCT L2121-12 al. 2)
    # Départements and régions: the day the reports were sent (L3121-19, L4132-18).
    reports_sent: datetime.date | None = attrs.field(default=None, converter=_date)
    # A reconvened sitting (L2121-17): the agenda of the sitting where the quorum failed,
    # when known; the reconvened sitting deliberates without quorum on those items only.
    failed_agenda: Agenda | None = None
    rules: RuleSet | None = None
    origin: RecordOrigin | None = attrs.field(default=None, eq=False, repr=False)
    # Derived once: the members by name and the replay (never compared or shown).
    _members_by_name: dict[str, Member] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )
    _titulars: dict[str, str] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _deliberations_by_question: dict[str, Deliberation] = attrs.field(
        init=False, eq=False, repr=False, hash=False)
    _replayed: list[Replay] = attrs.field(factory=list, init=False, eq=False, repr=False,
                                          hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_members_by_name", {m.name: m for m in self.members})
        object.__setattr__(self, "_titulars", _titulars(self.members))
        _check_sitting(self)  # deliberations are unique per question past this point
        object.__setattr__(self, "_deliberations_by_question",
                           {d.question: d for d in self.deliberations})

    # -- lookups -------------------------------------------------------------

    def member(self, name: str) -> Member:
        """The member called ``name``, spelt exactly or but for accents, case, spacing,
        hyphens, a civility or the order of the words (see :mod:`quorum._lookup`).

        Raises :class:`~quorum.errors.UnknownMemberError` offering the closest
        names when none matches, :class:`~quorum.errors.AmbiguousMemberError`
        when several do.
        """
        found = self._members_by_name.get(name)
        return found if found is not None else self._members_by_name[
            resolve(name, self._members_by_name)]

    def titular_of(self, substitute: str) -> str | None:
        """The titular a substitute sits for: the one the record names, else the only
        titular of the substitute's commune; ``None`` when the record lists no such titular."""
        return self._titulars.get(substitute)

    def substitutes_of(self, titular: str) -> tuple[str, ...]:
        """The substitutes who may sit for ``titular``."""
        return tuple(s for s, t in self._titulars.items() if t == titular)

    def deliberation(self, question: str | int) -> Deliberation | None:
        """The deliberation published for ``question``, if any."""
        return self._deliberations_by_question.get(str(question))

    @property
    def rule_set(self) -> RuleSet:
        """The rules in force: those given, else those of the sitting's date."""
        if self.rules is not None:
            return self.rules
        if self.date is None:
            return DEFAULT_CALENDAR.default
        return DEFAULT_CALENDAR.rules_for(self.date)

    @property
    def quorum(self) -> int:
        """How many members must be present for the quorum."""
        return self.rule_set.quorum_threshold(self.in_office)

    # -- replay --------------------------------------------------------------

    def replay(self) -> Replay:
        """Every question, in order of passage (computed once, then kept)."""
        if not self._replayed:
            self._replayed.append(Views.replay(self))
        return self._replayed[0]

    def at(self, question: str | int) -> QuestionState:
        """The state of the sitting when ``question`` is taken up."""
        return self.replay().at(question)

    def explain(self, member: str, question: str | int) -> str:
        """One French sentence: why ``member`` counts, or not, at ``question``.

        ``member`` is looked up as by :meth:`member`.
        """
        return self.replay().explain(self.member(member).name, question)

    # -- the live sitting: the secretary records the evening as it goes -------
    #
    # Each move returns a new sitting, built again from its fields, so it is
    # checked as any sitting is (a titular arriving while their substitute sits,
    # more members present than in office, two proxies of one giver at one
    # question raise).  A proxy whose holder is absent is a fact, not a
    # contradiction: it is kept, and the audit reports it, as for a record.

    def arrives(self, name: str, *, at: str | int) -> Sitting:
        """The sitting where member ``name`` is present from question ``at`` to the close.

        Raises :class:`~quorum.errors.AttendanceChangeError` when the member is
        already present at ``at``; a member who left may come back.
        """
        member = self.member(name)
        key, position = self._question(at)
        present = self._positions_present(member.name)
        if position in present:
            raise AttendanceChangeError(
                member.name, key, f"« {member.name} » ne peut pas arriver à la question {key} : "
                f"{_pronoun(member)} y est déjà {_agreed(member, 'présent')}")
        return self._with_presence(member.name,
                                   present | set(range(position, len(self.agenda) + 1)))

    def leaves(self, name: str, *, after: str | int, proxy_to: str | None = None) -> Sitting:
        """The sitting where member ``name`` is present up to question ``after`` included,
        then absent to the close; with ``proxy_to``, they give that member a proxy from
        the next question on.

        That proxy replaces, from the next question on, a proxy the member gave
        earlier and that was still valid then (it now ends at ``after``).
        Raises :class:`~quorum.errors.AttendanceChangeError` when the member
        is not present at ``after``, or when ``after`` is the last question.
        """
        member = self.member(name)
        key, position = self._question(after)
        present = self._positions_present(member.name)
        if position not in present:
            raise AttendanceChangeError(
                member.name, key, f"« {member.name} » ne peut pas partir après la question "
                f"{key} : {_pronoun(member)} n'y est pas {_agreed(member, 'présent')}")
        if position == len(self.agenda):
            raise AttendanceChangeError(
                member.name, key, f"« {member.name} » ne peut pas partir après la question "
                f"{key} : c'est la dernière de l'ordre de passage")
        sitting = self._with_presence(member.name, {p for p in present if p <= position})
        if proxy_to is None:
            return sitting
        holder = self.member(proxy_to).name
        following = self.agenda.key(position + 1)
        kept: list[Proxy] = []
        for proxy in sitting.proxies:
            start, end = self.agenda.span(proxy.window)
            if proxy.giver == member.name and start <= position < end:
                proxy = attrs.evolve(proxy, window=attrs.evolve(proxy.window, end=key))
            kept.append(proxy)
        new = Proxy(giver=member.name, holder=holder, window=Window.from_question(following))
        return attrs.evolve(sitting, proxies=[*kept, new])

    def gives_proxy(self, giver: str, holder: str, *, start: str | int | None = None,
                    end: str | int | None = None) -> Sitting:
        """The sitting with a proxy from ``giver`` to ``holder``, valid from question
        ``start`` to question ``end`` included (the opening and the close when ``None``,
        as in :class:`Window`).

        A proxy given while its giver is present, or to a holder who is absent,
        is kept: the replay does not exercise it there, and the audit says so.
        """
        window = Window(start=None if start is None else self._question(start)[0],
                        end=None if end is None else self._question(end)[0])
        proxy = Proxy(giver=self.member(giver).name, holder=self.member(holder).name,
                      window=window)
        return attrs.evolve(self, proxies=[*self.proxies, proxy])

    def _question(self, key: str | int) -> tuple[str, int]:
        """``key`` as text and its position; unknown keys refused, naming the agenda's."""
        text = str(key)
        if text not in self.agenda:
            raise UnknownQuestionError(text, known=self.agenda.questions)
        return text, self.agenda.position(text)

    def _positions_present(self, member: str) -> set[int]:
        """The positions along the order of passage where ``member`` is present."""
        present: set[int] = set()
        for entry in self.attendance:
            if entry.member == member:
                for window in entry.windows:
                    start, end = self.agenda.span(window)
                    present.update(range(start, end + 1))
        return present

    def _with_presence(self, member: str, positions: set[int]) -> Sitting:
        """The sitting where ``member`` is present at ``positions`` exactly.

        The windows are written as a record would: one per run of questions,
        the opening and the close left open (``Window()`` for the whole
        sitting).  A member no longer absent throughout is no longer excused.
        """
        last = len(self.agenda)
        windows = tuple(Window(start=None if a == 1 else self.agenda.key(a),
                               end=None if b == last else self.agenda.key(b))
                        for a, b in _runs(positions))
        entries = list(self.attendance)
        for index, entry in enumerate(entries):
            if entry.member == member:
                entries[index] = attrs.evolve(entry, windows=windows,
                                              excused=entry.excused and not windows)
                break
        else:
            entries.append(Attendance(member=member, windows=windows))
        return attrs.evolve(self, attendance=entries)

    # -- display -------------------------------------------------------------

    def __repr__(self) -> str:
        """A short form: the sitting's figures, not its lists (see :meth:`full_repr`)."""
        body = self.body if len(self.body) <= 60 else self.body[:59] + "…"
        date = self.date.isoformat() if self.date is not None else None
        questions = self.agenda.questions
        span = f"{questions[0]!r}" if len(questions) == 1 else \
            f"{questions[0]!r} … {questions[-1]!r}"
        return (f"Sitting(body={body!r}, date={date}, in_office={self.in_office}, "
                f"members={len(self.members)}, questions={len(questions)} [{span}], "
                f"proxies={len(self.proxies)}, deliberations={len(self.deliberations)})")

    def full_repr(self) -> str:
        """Every field shown, as attrs writes it: the long form ``repr`` used to give."""
        shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}"
                          for field in attrs.fields(type(self)) if field.repr)
        return f"{type(self).__name__}({shown})"

    def _repr_html_(self) -> str:
        """The sitting at a glance, as an HTML table (for notebooks)."""
        questions = self.agenda.questions
        first = self.at(questions[0])
        rows: list[tuple[str, object]] = [
            ("conseil", self.body),
            ("date", french_date(self.date) if self.date is not None else "non précisée"),
            ("membres en exercice", self.in_office),
            ("quorum", self.quorum),
            ("présents à l'ouverture", f"{first.present} (question {first.question})"),
            ("questions", f"{len(questions)} : {questions[0]}"
                          + (f" … {questions[-1]}" if len(questions) > 1 else "")),
            ("procurations", len(self.proxies)),
            ("délibérations publiées", len(self.deliberations)),
        ]
        for label, name in (("président", self.president), ("secrétaire", self.secretary)):
            if name is not None:
                rows.append((label, self.member(name).display))
        return html_summary("Séance", rows)


def _runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive positions as (first, last) runs, in order."""
    runs: list[tuple[int, int]] = []
    for position in sorted(positions):
        if runs and position == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


def _agreed(member: Member, word: str) -> str:
    """``word`` agreed with the member's civility: « présent », « présente »."""
    return word + "e" if member.feminine else word


def _pronoun(member: Member) -> str:
    return "elle" if member.feminine else "il"


def _titulars(members: Sequence[Member]) -> dict[str, str]:
    """Substitute → titular: named by the record, else the single titular of the commune.

    A substitute sits for the titular of a single-seat commune (CGCT L5211-6),
    so a commune with one titular listed identifies them.
    """
    by_commune: dict[str, list[str]] = defaultdict(list)
    for member in members:
        if not member.substitute and member.commune is not None:
            by_commune[member.commune].append(member.name)
    titulars: dict[str, str] = {}
    for member in members:
        if not member.substitute:
            continue
        if member.substitute_for is not None:
            titulars[member.name] = member.substitute_for
        elif member.commune is not None and len(by_commune.get(member.commune, ())) == 1:
            titulars[member.name] = by_commune[member.commune][0]
    return titulars


def _check_sitting(sitting: Sitting) -> None:
    """The cross-field rules of a sitting; raise on the first that fails."""
    agenda = sitting.agenda
    if sitting.epci is not None and (not isinstance(sitting.epci, EpciKind)
                                     or sitting.kind is not BodyKind.EPCI):
        raise SittingError(f"la nature d'EPCI {sitting.epci!r} ne vaut que pour un EPCI "
                           f"(BodyKind.EPCI), pas pour {sitting.kind!r}")
    members: dict[str, Member] = {}
    for member in sitting.members:
        if member.name in members:
            raise DuplicateMemberError(member.name)
        members[member.name] = member
    for member in sitting.members:
        if member.substitute_for is not None and member.substitute_for not in members:
            raise UnknownMemberError(member.substitute_for, role="titular")

    def known(name: str | None, role: str, question: str | None = None) -> None:
        if name is not None and name not in members:
            raise UnknownMemberError(name, role=role, question=question)

    def span(window: Window, member: str) -> tuple[int, int]:
        try:
            start, end = agenda.span(window)
        except UnknownQuestionError as error:  # say whose window names it
            raise UnknownQuestionError(error.question, member=member) from None
        if end < start:
            raise InvertedWindowError(member, window.start or agenda.key(1),
                                      window.end or agenda.key(len(agenda)))
        return start, end

    seen: dict[str, Attendance] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for entry in sitting.attendance:
        known(entry.member, "attendance")
        if entry.member in seen:
            if seen[entry.member].is_absent != entry.is_absent:
                raise PresentAndAbsentError(entry.member)
            raise DuplicateAttendanceError(entry.member)
        seen[entry.member] = entry
        spans[entry.member] = [span(window, entry.member) for window in entry.windows]

    for substitute, titular in sitting._titulars.items():
        for s_start, s_end in spans.get(substitute, ()):
            for t_start, t_end in spans.get(titular, ()):
                if s_start <= t_end and t_start <= s_end:
                    raise TitularAndSubstituteError(
                        titular, substitute, agenda.key(max(s_start, t_start))
                    )

    _check_in_office(sitting, spans)

    by_giver: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for proxy in sitting.proxies:
        known(proxy.giver, "giver")
        known(proxy.holder, "holder")
        start, end = span(proxy.window, proxy.giver)
        by_giver[proxy.giver].append((start, end, proxy.holder))
    for giver, windows in by_giver.items():
        windows.sort()
        for (_, end_a, holder_a), (start_b, _, holder_b) in pairwise(windows):
            if start_b <= end_a:
                raise OverlappingProxiesError(giver, (holder_a, holder_b), agenda.key(start_b))

    questions: set[str] = set()
    for deliberation in sitting.deliberations:
        if deliberation.question not in agenda:
            raise UnknownQuestionError(deliberation.question)
        if deliberation.question in questions:
            raise SittingError(f"la question « {deliberation.question} » a deux délibérations")
        questions.add(deliberation.question)
        for name in deliberation.interested:
            known(name, "interested", deliberation.question)
        for name in deliberation.not_voting:
            known(name, "not voting", deliberation.question)
        for name in deliberation.representatives:
            known(name, "representative", deliberation.question)
            if name in deliberation.interested:
                raise SittingError(f"« {name} » est nommé à la fois intéressé et représentant "
                                   "(CGCT L1111-6) à la question "
                                   f"{deliberation.question}")
        for name in (*deliberation.voted_pour, *deliberation.voted_contre,
                     *deliberation.voted_abstention):
            known(name, "named voter", deliberation.question)
        named = [*deliberation.interested, *deliberation.not_voting]
        for name in set(named):
            if named.count(name) > 1:
                raise SittingError(f"« {name} » est nommé deux fois parmi les intéressés et ceux "
                                   f"qui ne votent pas à la question {deliberation.question}")
    known(sitting.president, "president")
    known(sitting.secretary, "secretary")


def _check_in_office(sitting: Sitting, spans: dict[str, list[tuple[int, int]]]) -> None:
    """No question may find more members present than there are members in office.

    Titular and substitute never sit together (checked before), so the members
    with a window over a question are the seats occupied then, the engine's
    ``present``.
    """
    count = len(sitting.agenda)
    if len(spans) <= sitting.in_office:  # fewer members with an entry than seats: cannot exceed
        return
    delta = [0] * (count + 2)
    for intervals in spans.values():
        last = 0  # the windows of one member may overlap: count each question once
        for start, end in sorted(intervals):
            start = max(start, last + 1)
            if start <= end:
                delta[start] += 1
                delta[end + 1] -= 1
            last = max(last, end)
    present = 0
    for position in range(1, count + 1):
        present += delta[position]
        if present > sitting.in_office:
            raise InOfficeError(present, sitting.in_office, sitting.agenda.key(position))


def members_named(sitting: Sitting, names: Sequence[str]) -> tuple[Member, ...]:
    """The members called ``names``, in that order."""
    return tuple(sitting.member(name) for name in names)


# -- the replay's values -------------------------------------------------------------
# The states of a replayed sitting and their proxies.  They live beside Sitting because
# each names the other (Sitting.replay() gives a Replay, whose ``sitting`` is the Sitting);
# quorum.engine computes them and re-exports them.


class ProxyStatus(enum.Enum):
    """Whether a proxy is exercised at a question, and if not, why."""

    EXERCISED = "exercised"
    OUTSIDE_WINDOW = "outside-window"
    GIVER_PRESENT = "giver-present"
    GIVER_ARRIVED = "giver-arrived"
    HOLDER_ABSENT = "holder-absent"
    GIVER_INTERESTED = "giver-interested"
    HOLDER_INTERESTED = "holder-interested"
    HOLDER_AT_MAXIMUM = "holder-at-maximum"
    GIVER_SUBSTITUTE = "giver-substitute"
    GIVER_REPLACED = "giver-replaced"

    @property
    def reason(self) -> str:
        """The reason in French, as the explanations print it."""
        return _REASONS[self]


_REASONS = {
    ProxyStatus.EXERCISED: "procuration exercée",
    ProxyStatus.OUTSIDE_WINDOW: "hors de la période de validité de la procuration",
    ProxyStatus.GIVER_PRESENT: "le mandant est présent",
    ProxyStatus.GIVER_ARRIVED: "la procuration a pris fin à l'arrivée du mandant",
    ProxyStatus.HOLDER_ABSENT: "le mandataire est absent",
    ProxyStatus.GIVER_INTERESTED: "le mandant est intéressé à la question",
    ProxyStatus.HOLDER_INTERESTED: "le mandataire est intéressé à la question",
    ProxyStatus.HOLDER_AT_MAXIMUM: "le mandataire exerce déjà le nombre maximal de procurations",
    ProxyStatus.GIVER_SUBSTITUTE: "le mandant est suppléant : seul le titulaire donne procuration",
    ProxyStatus.GIVER_REPLACED: "le suppléant du mandant siège à sa place",
}


@attrs.frozen
class ProxyUse:
    """A proxy and its status at one question."""

    proxy: Proxy
    status: ProxyStatus

    @property
    def exercised(self) -> bool:
        return self.status is ProxyStatus.EXERCISED


# A state read back from JSON has its figures but not the tables behind its members.
DETACHED = "cet état a été relu sans sa séance : rejouez la séance pour nommer ses membres"


class _Tables(Protocol):
    """What a state asks of the interval tables it was computed from (quorum.engine.Tables)."""

    @property
    def sitting(self) -> Sitting: ...

    def present_members(self, position: int) -> tuple[str, ...]: ...

    def is_present(self, member: str, position: int) -> bool: ...

    def proxy_status(self, index: int, position: int) -> ProxyStatus: ...

    def in_window(self, position: int) -> list[tuple[int, ProxyStatus]]: ...


@attrs.frozen(kw_only=True)
class QuestionState:
    """The sitting when one question is taken up.

    The counts are fields; the members and proxies behind them are worked out
    from the sitting on demand.
    """

    question: str
    position: int
    in_office: int
    present: int
    represented: int
    interested: int
    interested_present: int
    quorum: int
    quorum_count: int
    quorum_met: bool
    engine: _Tables | None = attrs.field(default=None, eq=False, repr=False, alias="engine")

    @property
    def absent(self) -> int:
        """Seats not occupied: ``in_office - present``."""
        return self.in_office - self.present

    @property
    def voters(self) -> int:
        """Votants: present + represented."""
        return self.present + self.represented

    @property
    def castable(self) -> int:
        """Votes that could be cast: voters less the interested members present."""
        return self.voters - self.interested_present

    def _engine(self) -> _Tables:
        if self.engine is None:
            raise DetachedStateError(DETACHED)
        return self.engine

    @property
    def present_members(self) -> tuple[str, ...]:
        """Names of the members present, in the order of the sitting's members."""
        return self._engine().present_members(self.position)

    @property
    def absent_members(self) -> tuple[str, ...]:
        """Names of the members (titular or substitute) not present."""
        engine = self._engine()
        return tuple(m.name for m in engine.sitting.members
                     if not engine.is_present(m.name, self.position))

    @property
    def interested_members(self) -> tuple[str, ...]:
        """Names of the members interested in this question."""
        deliberation = self._engine().sitting.deliberation(self.question)
        return deliberation.interested if deliberation else ()

    @property
    def proxies(self) -> tuple[ProxyUse, ...]:
        """Every proxy of the sitting with its status at this question."""
        engine = self._engine()
        return tuple(ProxyUse(proxy, engine.proxy_status(index, self.position))
                     for index, proxy in enumerate(engine.sitting.proxies))

    @property
    def exercised(self) -> tuple[Proxy, ...]:
        """The proxies exercised at this question."""
        engine = self._engine()
        proxies = engine.sitting.proxies
        return tuple(proxies[index] for index, status in engine.in_window(self.position)
                     if status is ProxyStatus.EXERCISED)

    @property
    def not_exercised(self) -> tuple[ProxyUse, ...]:
        """Proxies inside their window but not exercised, each with its reason."""
        engine = self._engine()
        proxies = engine.sitting.proxies
        return tuple(ProxyUse(proxies[index], status)
                     for index, status in engine.in_window(self.position)
                     if status is not ProxyStatus.EXERCISED)

    @property
    def in_window(self) -> tuple[ProxyUse, ...]:
        """The proxies whose window holds this question, exercised or not, with their status."""
        engine = self._engine()
        proxies = engine.sitting.proxies
        return tuple(ProxyUse(proxies[index], status)
                     for index, status in engine.in_window(self.position))

    def __str__(self) -> str:
        met = "atteint" if self.quorum_met else "NON atteint"
        return (f"question {self.question} : {self.present} présents + {self.represented} "
                f"représentés = {self.voters} votants ; quorum {self.quorum} {met}"
                + (f" ; {self.interested} intéressé(s)" if self.interested else ""))

    def _repr_html_(self) -> str:
        """The figures and the proxies exercised or not, as HTML tables (for notebooks)."""
        return Views.state_html(self)


@attrs.frozen
class Replay(Sequence[QuestionState]):
    """Every question of a sitting, in order of passage."""

    sitting: Sitting
    states: tuple[QuestionState, ...]

    def at(self, question: str | int) -> QuestionState:
        """The state at ``question``, by its key (``"26"`` or ``26``)."""
        return self.states[self.sitting.agenda.position(question) - 1]

    def __getitem__(self, index: int) -> QuestionState:  # type: ignore[override]
        return self.states[index]

    def __len__(self) -> int:
        return len(self.states)

    def __iter__(self) -> Iterator[QuestionState]:
        return iter(self.states)

    def explain(self, member: str, question: str | int) -> str:
        """One French sentence: why ``member`` counts, or not, at ``question``."""
        return Views.explain(self.sitting, member, question, self.at(question))

    def __str__(self) -> str:
        """The sitting on one line, then an aligned table with one row per question."""
        return Views.text(self)

    def _repr_html_(self) -> str:
        """An HTML table, rows where the quorum fails highlighted (for notebooks)."""
        return Views.html(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One plain, JSON-safe dict of figures per question, in order of passage."""
        return Views.records(self)

    def to_dataframe(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame indexed by question.

        Raises :class:`~quorum.errors.MissingExtraError` when pandas is not
        installed (``pip install 'quorum[pandas]'``).
        """
        return Views.dataframe(self)

    def plot(self, path: str | Path | None = None, ax: Axes | None = None) -> Figure:
        """A chart of the sitting (see :func:`quorum.plot.plot_replay`); returns the Figure.

        With ``path``, also writes the chart as PNG or SVG by its extension.
        Raises :class:`~quorum.errors.MissingExtraError` when matplotlib is
        not installed (``pip install 'quorum[plot]'``).
        """
        return Views.plot(self, ax, path)


class Views:
    """The computations and renderings the model offers but the layers above provide.

    The model imports nothing above it, yet ``sitting.at("26")`` replays the sitting and
    a :class:`Replay` prints itself as a table, in HTML for notebooks, and draws itself.
    Each is a :class:`~quorum._views.View` declared here and provided, when ``quorum`` is
    imported, by the module that knows how: :mod:`quorum.engine` (the replay and the
    explanations), :mod:`quorum.display` (tables), :mod:`quorum.plot` (the chart).
    """

    replay: ClassVar[View[[Sitting], Replay]] = View("quorum.engine.replay")
    explain: ClassVar[View[[Sitting, str, str | int, QuestionState | None], str]] = View(
        "quorum.engine.explain")
    text: ClassVar[View[[Replay], str]] = View("quorum.display.replay_text")
    html: ClassVar[View[[Replay], str]] = View("quorum.display.replay_html")
    records: ClassVar[View[[Replay], list[dict[str, Any]]]] = View(
        "quorum.display.replay_records")
    dataframe: ClassVar[View[[Replay], pandas.DataFrame]] = View(
        "quorum.display.replay_dataframe")
    state_html: ClassVar[View[[QuestionState], str]] = View("quorum.display.state_html")
    plot: ClassVar[View[[Replay, Axes | None, str | Path | None], Figure]] = View(
        "quorum.plot.plot_replay")
