"""What the line scanner has read so far: the entries of the lists and the items.

:class:`ReaderState` holds one pass's results (people, proxies, items, fields,
notes, problems) and the helpers that record them at a line and column as
written.  The stages (:mod:`quorum.reader._facts`, :mod:`quorum.reader._items`)
build on it, and :mod:`quorum.reader._build` turns it into a sitting.  The
entries are mutable while the scan runs (``attrs.define``); the builder reads them
once the scan is over.
"""

from __future__ import annotations

from typing import Any

import attrs

from quorum.model import HeaderCounts, Location, ReadNote, Reconciliation
from quorum.reader._lists import (
    Annotation,
    Marker,
    Mention,
)
from quorum.reader._text import Problems, Source


@attrs.define
class Person:
    mention: Mention
    listed: str  # "present", "absent" or "implicit" (a titular named as substituted)
    commune: str | None = None
    annotation: Annotation = attrs.field(factory=Annotation)
    substitute: bool = False
    substitute_of: Mention | None = None
    excused: bool = False


@attrs.define
class ProxyEntry:
    giver: Mention
    holder: Mention
    markers: list[Marker]
    commune: tuple[str, int, int] | None = None  # the heading over the giver, as written
    annotation: Annotation | None = None
    while_away: bool = False  # written in the list of those present: while the giver is away


@attrs.define
class Block:
    line: int  # 1-based
    heading: bool = False  # « 3 - FINANCES »: the heading of items 3/a, 3/b …
    body_seen: bool = False  # a line of its own text was read (counts after it are the next's)
    loose: bool = False  # an item numbered « 1. », « 3/a - », or headed « Objet : »
    identifier: str | None = None
    key: str | None = None
    key_column: int = 1
    title: str | None = None
    interested: list[Mention] = attrs.field(factory=list)
    not_voting: list[Mention] = attrs.field(factory=list)
    unanimous: bool = False
    secret: bool = False
    tally: dict[str, tuple[int, int]] = attrs.field(factory=dict)  # field -> (value, line)
    named: dict[str, list[Mention]] = attrs.field(factory=dict)  # « Contre : 1 (M. X) »
    counts: HeaderCounts | None = None
    secret_requested: int | None = None  # members who asked for a secret ballot
    public_requested: int | None = None
    election: bool = False  # an election is said (« Il est procédé à l'élection »)
    rounds: list[RoundEntry] = attrs.field(factory=list)
    elected: str | None = None  # the name proclaimed, as written
    elected_by_age: bool = False


@attrs.define
class RoundEntry:
    """One round of an election as read; counts ``None`` when not printed."""

    number: int
    line: int
    voters: int | None = None
    blank: int | None = None
    cast: int | None = None
    majority: int | None = None
    candidates: list[tuple[str, int]] = attrs.field(factory=list)


@attrs.define
class Movement:
    """An arrival or a departure told in prose between the items (« M. X quitte la séance
    à 21 h 30, avant l'examen du point 4 », « Arrivée de Mme Y »)."""

    who: Mention
    kind: str  # "arrival" or "departure"
    items_before: int  # items the text had opened before the sentence
    open_item: bool  # the sentence is inside an item whose tally is not yet printed
    key: str | None  # the question the sentence names, if any
    holder: Mention | None  # « … et donne pouvoir à Mme Z »
    resigned: bool
    text: str


@attrs.define
class Field:
    value: Any
    line: int
    column: int



class ReaderState:
    """What one pass over a record has read so far, and how it records problems and notes."""

    def __init__(self, text: str, file: str | None, source: Source | None = None):
        self.source = source if source is not None else Source.from_text(text, file)
        self.file = file
        self.problems = Problems(self.source)
        self.fields: dict[str, Field] = {}
        self.people: list[Person] = []
        self.proxies: list[ProxyEntry] = []
        self.blocks: list[Block] = []
        self.agenda: list[tuple[str, int, int]] = []  # key, line, column
        self.business: list[tuple[str, int, int]] = []  # « Ordre du jour » items announced
        self.headings: list[tuple[str, int, int]] = []
        self.body_title: str | None = None
        self.secretary: Mention | None = None
        self.president: Mention | None = None
        self.locations: list[Location] = []
        self.reconciliations: list[Reconciliation] = []
        self.notes: list[ReadNote] = []
        self.movements: list[Movement] = []
        self.office_listed: tuple[str, int, int] | None = None  # « M. le Maire » in a list
        self.absent_proxies = False  # reading « Absents ayant donné pouvoir : X à Y »
        self.givers: list[tuple[Mention, Annotation]] = []  # « Mandants : … »
        self.holders: list[tuple[Mention, Annotation]] = []  # « Mandataires : … »
        # « MM. », « Mmes » over the names that follow ("" after « Mmes et MM. »: unknown).
        self.group_civility: str | None = None
        self.mixed_group = False
        self.pending_counts: HeaderCounts | None = None  # printed for the items to come
        self.pending_line = 0
        self.keyed = False  # whether a « Rapport n° » or « Délibération n° » line was read

    def problem(self, message: str, line: int, column: int = 1, length: int = 1, **kw: Any
                ) -> None:
        self.problems.add(message, line, column, length, **kw)

    def note(self, code: str, line: int, column: int = 1, *, subject: str | None = None,
             question: str | None = None, values: tuple[str, ...] = ()) -> None:
        """Leave a reading note (see :class:`~quorum.model.ReadNote`) at a line and column."""
        line, column = self.source.where(line, column)
        self.notes.append(ReadNote(code=code, line=line, column=column, file=self.file,
                                   subject=subject, question=question, values=values))

    def set_field(self, name: str, value: Any, line: int, column: int) -> None:
        if name not in self.fields:
            self.fields[name] = Field(value, line, column)
            if name in ("date", "convened", "place", "opened", "closed", "body"):
                self.locate(name, str(value), line, column)

    def locate(self, what: str, key: str, line: int, column: int = 1) -> None:
        line, column = self.source.where(line, column)
        self.locations.append(Location(what=what, key=key, line=line, column=column,
                                       file=self.file))
