"""From what the reader saw to a :class:`~quorum.model.Sitting`.

The members are those the lists of those present and absent name (their
spellings are canonical); every other mention is reconciled with them
(:mod:`quorum.reader._names`).  Windows are built along the order of
passage — or, when the record publishes none, along the question keys it
names, plain numbers in numeric order.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections.abc import Sequence
from typing import Any

import attrs

from quorum.errors import InOfficeError, QuorumError
from quorum.model import (
    Agenda,
    Attendance,
    BodyKind,
    Deliberation,
    ElectionRound,
    MatchReason,
    Member,
    Proxy,
    PublishedTally,
    ReadNote,
    Reconciliation,
    RecordOrigin,
    Sitting,
    Window,
)
from quorum.reader._clean import CleanText, clean
from quorum.reader._decode import Span
from quorum.reader._epci import epci_kind
from quorum.reader._lists import BY_OFFICE, Marker, Mention
from quorum.reader._names import NameIndex
from quorum.reader._parser import Block, Person, ProxyEntry, Reader
from quorum.reader._segment import segment
from quorum.reader._text import Source, fold

__all__ = ["parse"]

_KINDS = {"epci": BodyKind.EPCI, "commune": BodyKind.COMMUNE, "departement": BodyKind.DEPARTEMENT,
          "region": BodyKind.REGION}


def parse(text: str, file: str | None = None, fallbacks: Sequence[Span] = ()) -> Sitting:
    """Read one record's text into a sitting; raise a RecordError listing every problem."""
    # Reading allocates a few small objects per name, hardly any in cycles: the
    # cyclic collector would walk them over and over (a quarter of the time
    # on 5 MB) to free next to nothing.  It is switched back on however reading ends.
    collecting = gc.isenabled()
    gc.disable()
    try:
        written = text[1:] if text.startswith("\ufeff") else text
        source, cleaned = _prepare(written, file)
        reader = Reader(text, file, source)
        _note_stages(reader, written, cleaned, fallbacks)
        reader.scan()
        return _Builder(reader).build()
    finally:
        if collecting:
            gc.enable()


def _prepare(written: str, file: str | None) -> tuple[Source, CleanText]:
    """The stages before the lines are read: clean the noise of a conversion (see
    :mod:`quorum.reader._clean`), then segment flattened paragraphs (see
    :mod:`quorum.reader._segment`); positions still point into the text as written."""
    cleaned = clean(written)
    segmented = segment(cleaned.text)
    if not cleaned.edits and not segmented.breaks:
        return Source.from_text(written, file), cleaned

    def origin(offset: int) -> int:
        return cleaned.origin(segmented.origin(offset))

    return Source.from_text(segmented.text, file, written=written, origin=origin), cleaned


def _note_stages(reader: Reader, written: str, cleaned: CleanText,
                 fallbacks: Sequence[Span]) -> None:
    """The doubts of the stages before the scan, as notes at their places as written: each
    repair of the clean stage that is a guess, each line decode read as cp1252."""
    if not cleaned.doubts and not fallbacks:
        return
    starts = [0, *(match.end() for match in re.finditer("\n", written))]

    def where(offset: int) -> tuple[int, int]:  # one bisect, not a count from the start
        index = bisect.bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1

    for doubt in cleaned.doubts:
        line, column = where(doubt.start)
        excerpt = " ".join(written[doubt.start:doubt.end].split())
        reader.notes.append(ReadNote(code="text-cleaned", line=line, column=column,
                                     file=reader.file, values=(doubt.detail, excerpt)))
    for span in fallbacks:
        reader.notes.append(ReadNote(code="decode-fallback", line=where(span.start)[0],
                                     file=reader.file))


def body_kind(body: str) -> BodyKind:
    """The kind of council a body's name says (EPCI when it says nothing)."""
    folded = fold(body)
    if "municipal" in folded:
        return BodyKind.COMMUNE
    if re.search(r"departement", folded):
        return BodyKind.DEPARTEMENT
    if re.search(r"\bregion", folded):
        return BodyKind.REGION
    return BodyKind.EPCI


# The title line naming the council or its collectivity (« COMMUNE DE X », « VILLE DE X »,
# « COMMUNAUTÉ DE COMMUNES … », « SYNDICAT … »); « Département de … » alone is an address.
_COLLECTIVITY = re.compile(
    r"(?:commune|ville|communaute|syndicat|metropole|conseil|comite|agglomeration)\b"
)


# The roles a name is resolved for, as messages say them.
_ROLES = {"president": "président(e) de séance", "secretary": "secrétaire de séance",
          "titular": "titulaire suppléé(e)",
          "member arriving or leaving": "membre qui arrive ou part",
          "giver of a proxy": "mandant d'une procuration",
          "holder of a proxy": "mandataire d'une procuration"}

_EXPLICIT_KIND = re.compile(r"municipal|communaut|metropol|syndic|comite|departement|region"
                            r"|agglomeration")
_KIND_WORDS = re.compile(
    r"(?P<departement>conseil\s+departemental)|(?P<region>conseil\s+regional)"
    r"|(?P<commune>conseil\s+municipal|\b(?:commune|ville|mairie)\s+d)"
    r"|(?P<epci>conseil\s+(?:communautaire|de\s+communaute|metropolitain|de\s+la\s+metropole)"
    r"|comite\s+syndical|syndicat\s|communaute\s+(?:de\s+communes|d'agglomeration|urbaine))"
)
_KIND_OF = {"departement": BodyKind.DEPARTEMENT, "region": BodyKind.REGION,
            "commune": BodyKind.COMMUNE, "epci": BodyKind.EPCI}

SITTING_KEY = "séance"
"""The key of the only question of a record that numbers none (the contract's)."""


def _known(names: Sequence[str | None]) -> tuple[str, ...]:
    return tuple(name for name in names if name is not None)


def _natural(key: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(part), "") if part.isdigit() else (-1, part)
                 for part in re.findall(r"\d+|\D+", key))


class _Builder:
    def __init__(self, reader: Reader):
        self.reader = reader
        self.problem = reader.problem
        self.president: str | None = None  # once resolved (see _president)
        self.members = NameIndex()
        self.communes = NameIndex(communes=True)
        self.people: dict[str, Person] = {}
        self.member_at: dict[str, tuple[int, int]] = {}
        self.order: list[str] = []
        self.positions: dict[str, int] = {}
        self.keys: list[str] = []
        self.late: list[Attendance] = []  # members only the list of proxies names
        self.gone: set[str] = set()  # listed present, but left before the first question
        self.presence: dict[str, list[Window]] = {}  # the windows of those listed present
        # Each commune's first heading, where its spelling is canonical (a dict, not a
        # search of every heading per reconciled spelling).
        self.first_heading: dict[str, tuple[str, int, int]] = {}

    # -- members ---------------------------------------------------------------

    def _members(self) -> None:
        for heading in self.reader.headings:
            self.communes.add(heading[0])
            self.first_heading.setdefault(heading[0], heading)
        for person in self.reader.people:
            name = person.mention.name
            existing = self.members.same(name)
            if existing is None:
                self._add(person)
                continue
            first = self.people[existing]
            if first.listed == "implicit" and person.listed != "implicit":
                person.mention = first.mention if existing != name else person.mention
                self.people[existing] = person
            elif {first.listed, person.listed} == {"present", "absent"}:
                self._present_and_absent(existing, first, person)
            elif person.listed != "implicit":
                line, _ = self.member_at[existing]
                self.problem(f"{existing} figure deux fois dans les listes (d'abord ligne {line})",
                             person.mention.line, person.mention.column, person.mention.length)

    def _present_and_absent(self, name: str, first: Person, second: Person) -> None:
        """One member in both lists: the windows of both read together, else a contradiction.

        « DURIEUX (jusqu'à la question 8/a) » present and « DURIEUX (à partir de la question
        8/a) » absent: an arrival or a departure written in both lists, where « à partir de »
        is the bound that holds (present up to the question before 8/a).  With no window on
        either side the record contradicts itself: present, as the list of those present says,
        and an error finding.
        """
        present, absent = (first, second) if first.listed == "present" else (second, first)
        self.people[name] = present
        if first is not present:
            self.member_at[name] = (present.mention.line, present.mention.column)
        mention = second.mention
        if not present.annotation.markers and not absent.annotation.markers:
            self.reader.note("present-and-absent", mention.line, mention.column, subject=name)
            return
        starts = {m.key for m in absent.annotation.markers if m.kind == "start"}
        present.annotation.markers = [
            m._replace(kind="before") if m.kind == "end" and m.key in starts else m
            for m in present.annotation.markers]
        if not present.annotation.markers:  # the absent list alone says when: its complement
            present.annotation.markers = [
                m._replace(kind="before") if m.kind == "start" else m._replace(kind="start")
                for m in absent.annotation.markers if m.kind in ("start", "end")]
        self.reader.note("listed-present-and-absent", mention.line, mention.column,
                         subject=name)

    def _add(self, person: Person) -> None:
        name = person.mention.name
        self.members.add(name, person.commune)
        self.people[name] = person
        self.order.append(name)
        self.member_at[name] = (person.mention.line, person.mention.column)

    def _president(self) -> None:
        """The president named by « sous la présidence de »: a member listed, or else a
        member present throughout whom the lists leave out (the mayor often is)."""
        mention = self.reader.president
        listed_by_office = self.reader.office_listed
        if mention is None and listed_by_office is not None:
            # « M. le Maire » listed, never named: a member all the same, under that title.
            listed, line, column = listed_by_office
            self._add(Person(Mention(None, "le Maire", line, column, 8, "le Maire"), listed))
            self.president = "le Maire"
            return
        if mention is None:
            return
        if self.order and not self.members.match(mention.name).found \
                and not self.members.match(mention.name).candidates:
            self._add(Person(mention, listed_by_office[0] if listed_by_office else "present"))
            if listed_by_office:  # « Présents : M. le Maire, … »
                self.reader.note("holder-by-office", listed_by_office[1], listed_by_office[2],
                                 subject=mention.name, values=("le Maire",))
            else:
                self.reader.note("president-not-listed", mention.line, mention.column,
                                 subject=mention.name)
        self.president = self._role(mention, "president")

    def _substitutes(self) -> dict[str, str]:
        titulars: dict[str, str] = {}
        for name in list(self.order):
            person = self.people[name]
            mention = person.substitute_of or person.annotation.substitute_of
            if mention is None:
                continue
            match = self.members.match(mention.name)
            if match.found is None and not match.candidates:
                titular = Person(mention, "implicit", person.commune)
                self._add(titular)
                titulars[name] = mention.name
                continue
            resolved = self._resolve(mention, "titular")
            if resolved is not None:
                titulars[name] = resolved
        return titulars

    # -- names -----------------------------------------------------------------

    def _resolve(self, mention: Mention, role: str, group: str | None = None) -> str | None:
        if (self.president is not None
                and BY_OFFICE.fullmatch(fold(mention.written))):
            self.reader.note("holder-by-office", mention.line, mention.column,
                             subject=self.president, values=(mention.written,))
            return self.president
        match = self.members.match(mention.name, group)
        where = (mention.line, mention.column, mention.length)
        if match.found is None:
            if match.candidates:
                names = " et ".join(match.candidates)
                self.problem(f"« {mention.name} » ({_ROLES.get(role, role)}) peut être {names} : "
                             "écrivez le nom comme dans les listes", *where,
                             kind="ambiguous", name=mention.name, candidates=match.candidates)
            else:
                closest = self.members.closest(mention.name)
                hint = f" ; le plus proche : {', '.join(closest)}" if closest else ""
                self.problem(f"« {mention.name} » ({_ROLES.get(role, role)}) ne figure ni "
                             f"parmi les présents ni parmi les absents{hint}", *where,
                             kind="unknown", name=mention.name, candidates=closest)
            return None
        canonical = match.found
        member = self.people[canonical].mention
        if mention.civility and member.civility and mention.civility != member.civility:
            # « Mme Jean MARTIN » with « M. Jean MARTIN » and « Mme Jeanne MARTIN » listed:
            # the civility points to the one, the name to the other: nothing guessed.
            others = [name for name in self.members.closest(mention.name, 5)
                      if name != canonical and name in self.people
                      and self.people[name].mention.civility == mention.civility]
            if others:
                candidates = (canonical, *others)
                self.problem(f"« {mention.written} » ({_ROLES.get(role, role)}) peut être "
                             f"{' et '.join(self.people[n].mention.written for n in candidates)}"
                             " : écrivez le nom comme dans les listes", *where, kind="ambiguous",
                             name=mention.name, candidates=candidates)
                return None
        reasons = list(match.reasons)
        civilities: tuple[str | None, str | None] = (None, None)
        if mention.civility is None and member.civility is not None and \
                mention.written == mention.name:
            reasons.append(MatchReason.NO_CIVILITY)
        elif mention.civility and member.civility and mention.civility != member.civility:
            reasons.append(MatchReason.OTHER_CIVILITY)
            civilities = (mention.civility, member.civility)
        if reasons:
            self.reader.reconciliations.append(Reconciliation(
                kind="member", canonical=canonical, written=mention.written,
                line=mention.line, column=mention.column, canonical_line=member.line,
                canonical_column=member.column, file=self.reader.file,
                canonical_file=self.reader.file, reasons=reasons, commune=match.commune,
                written_civility=civilities[0], listed_civility=civilities[1],
            ))
        return canonical

    def _commune(self, heading: tuple[str, int, int]) -> str | None:
        name, line, column = heading
        if not self.communes.names:
            return None
        match = self.communes.match(name)
        if match.found is None:
            if match.candidates:
                self.problem(f"la commune « {name} » peut être {' et '.join(match.candidates)}",
                             line, column, len(name), kind="ambiguous", name=name,
                             candidates=match.candidates)
            else:
                self.problem(f"la commune « {name} » ne figure pas dans les listes des présents "
                             "et des absents",
                             line, column, len(name), kind="unknown", name=name,
                             candidates=self.communes.closest(name))
            return None
        if match.found != name:
            first = self.first_heading[match.found]
            self.reader.reconciliations.append(Reconciliation(
                kind="commune", canonical=match.found, written=name, line=line, column=column,
                canonical_line=first[1], canonical_column=first[2], file=self.reader.file,
                canonical_file=self.reader.file, reasons=match.reasons,
            ))
        return match.found

    # -- questions -------------------------------------------------------------

    def _agenda(self) -> None:
        """The order of passage: as printed; else the items in the order of the text;
        else the questions the windows name, in natural order; else one question."""
        reader = self.reader
        if reader.agenda:
            self.keys = [key for key, _, _ in reader.agenda]
            line, column = reader.agenda[0][1], reader.agenda[0][2]
            reader.locate("agenda", "agenda", line, column)
        else:
            found: dict[str, None] = {}
            for block in reader.blocks:
                if block.key:
                    found.setdefault(block.key, None)
            keyed_blocks = bool(found)
            markers = [m for p in reader.people for m in p.annotation.markers]
            markers += [m for p in reader.proxies for m in p.markers]
            from_windows: dict[str, None] = {}
            for marker in markers:
                if marker.key not in found and any(c.isdigit() for c in marker.key):
                    from_windows[marker.key] = None
                previous = str(int(marker.key) - 1) if marker.key.isdigit() else ""
                if marker.kind == "before" and int(previous or 0) > 0 and previous not in found:
                    from_windows[previous] = None
            if keyed_blocks and not from_windows:
                # The deliberations (« 1. », « 3/a - », « Rapport n° 2 ») in the order of the text.
                self.keys = list(found)
            else:
                self.keys = sorted({**found, **from_windows}, key=_natural)
                if self.keys:
                    reader.note("order-from-windows", 1, values=(", ".join(self.keys),))
            if not self.keys:
                self.keys = [SITTING_KEY]
                reader.note("single-question", 1)
        self.positions = {key: index for index, key in enumerate(self.keys)}

    def _windows(self, markers: Sequence[Marker], who: str) -> list[Window] | None:
        windows: list[Window] = []
        start: Marker | None = None
        for marker in markers:
            where = (marker.line, marker.column, marker.length)
            if marker.key not in self.positions:
                self.problem(f"la question {marker.key} n'est pas dans l'ordre de passage", *where)
                return None
            if marker.kind == "start":
                if start is not None:
                    self.problem(f"{who} arrive deux fois sans être parti(e)", *where)
                    return None
                start = marker
                continue
            if marker.kind == "end":
                end = marker.key
            else:
                position = self.positions[marker.key]
                if position == 0:
                    self.problem(f"{who} part avant la première question", *where)
                    return None
                end = self.keys[position - 1]
            if start is None and windows:
                self.problem(f"{who} part deux fois sans être revenu(e)", *where)
                return None
            if start is not None and self.positions[start.key] > self.positions[end]:
                self.problem(f"{who} : la fenêtre finit à la question {end} avant de commencer à "
                             f"la question {start.key}", *where)
                return None
            windows.append(Window(start.key if start else None, end))
            start = None
        if start is not None:
            windows.append(Window(start.key, None))
        return windows

    # -- the sitting -------------------------------------------------------------

    def build(self) -> Sitting:
        reader = self.reader
        self._members()
        self._president()
        titulars = self._substitutes()
        self._agenda()
        prose_proxies = self._movements()
        attendance, extra_proxies = self._attendance()
        extra_proxies += prose_proxies
        proxies = self._proxies([*reader.proxies, *extra_proxies])
        attendance.extend(self.late)
        attendance = self._one_seat(attendance, titulars)
        deliberations = self._deliberations()
        secretary = self._role(reader.secretary, "secretary")
        president = self.president
        fields = {name: field.value for name, field in reader.fields.items()}
        body = self._body()
        if "date" not in fields:
            reader.note("date-unknown", 1)
        in_office = fields.get("in_office")
        if in_office is None:
            # Nothing printed: the people the lists name are the members in office.
            in_office = sum(1 for name in self.order if not self._sits_for_another(name, titulars))
            reader.note("in-office-from-lists", 1, values=(str(in_office),))
        if not reader.people and not reader.proxies:
            self.problem("le relevé ne nomme aucun membre : ni liste des présents (« Étaient "
                         "présents : … ») ni liste des absents", 1)
        for person in reader.people:
            for line, column, text in person.annotation.timed:
                reader.note("window-by-time", line, column, subject=person.mention.name,
                            values=(text,))
            for line, column, length, text in person.annotation.unreadable:
                self.problem(f"« {text} » ne se lit pas comme une fenêtre de questions", line,
                             column, length)
        if reader.problems:
            raise reader.problems.error()
        members = []
        for name in self.order:
            person = self.people[name]
            annotation = person.annotation
            members.append(Member(
                name=name, civility=person.mention.civility, commune=person.commune,
                substitute=person.substitute or annotation.substitute or name in titulars,
                substitute_for=titulars.get(name),
            ))
            reader.locate("member", name, *self.member_at[name])
        kind = self._kind(body)
        origin = RecordOrigin(files=(reader.file,) if reader.file else (),
                              reconciliations=reader.reconciliations, locations=reader.locations,
                              notes=reader.notes)
        printed, notes = in_office, origin.notes
        for _ in range(len(self.keys) + 1):  # each retry raises in_office: it ends
            try:
                return self._sitting(body, fields, in_office, members, attendance, proxies,
                                     deliberations, kind, president, secretary, origin)
            except InOfficeError as error:
                # More members present than the record says are in office: a contradiction of
                # the record, not a reason to refuse it; the lists' count is used.
                where = reader.fields.get("in_office")
                in_office = error.present
                origin = attrs.evolve(origin, notes=(*notes, ReadNote(
                    code="in-office-below-present", line=where.line if where else 1,
                    column=where.column if where else 1, file=reader.file,
                    question=error.question, values=(str(printed), str(error.present)))))
            except (QuorumError, ValueError, LookupError) as error:
                self._place(error, origin)
                raise reader.problems.error() from None
        raise AssertionError("in_office grows at each retry")  # pragma: no cover

    def _sitting(self, body: str, fields: dict[str, Any], in_office: int,
                 members: list[Member], attendance: list[Attendance], proxies: list[Proxy],
                 deliberations: list[Deliberation], kind: BodyKind, president: str | None,
                 secretary: str | None, origin: RecordOrigin) -> Sitting:
        return Sitting(
            body=body, date=fields.get("date"), in_office=in_office,
            agenda=Agenda(tuple(self.keys)), members=members, attendance=attendance,
            proxies=proxies, deliberations=deliberations, kind=kind,
            epci=epci_kind(body) if kind is BodyKind.EPCI else None,
            convened=fields.get("convened"), opened=fields.get("opened"),
            closed=fields.get("closed"), place=fields.get("place"), president=president,
            secretary=secretary, header_counts=fields.get("header_counts"),
            reconvened=bool(fields.get("reconvened", False)),
            urgent=bool(fields.get("urgent", False)),
            reports_sent=fields.get("reports_sent"), origin=origin,
        )

    def _movements(self) -> list[ProxyEntry]:
        """Arrivals and departures told in prose, as windows of the members they name.

        A departure counts from the next item (or the one the sentence names: « avant
        l'examen du point 4 »); an arrival from the item it is told in, when that item's
        vote is still to come, else from the next.  A sentence that restates a window of
        the lists changes nothing; one that contradicts them is a warning, and the lists win.
        """
        proxies: list[ProxyEntry] = []
        reader = self.reader
        for movement in reader.movements:
            mention = movement.who
            match = self.members.match(mention.name)
            if match.found is None:
                if not match.candidates:  # staff or the public, or a name beyond recognition
                    reader.note("movement-unresolved", mention.line, mention.column,
                                subject=mention.name, values=(movement.text,))
                continue
            name = self._resolve(mention, "member arriving or leaving")
            if name is None:
                continue
            key = movement.key if movement.key in self.positions else None
            if key is None:
                # Told inside an item whose vote is still to come: from that item on.
                first = movement.items_before - (1 if movement.open_item else 0)
                key = self._item_key(first)
            person = self.people[name]
            where = (mention.line, mention.column, mention.length)
            if key is None or (movement.kind == "departure" and self.positions[key] == 0):
                if movement.kind == "departure" and (key is not None
                                                     or movement.items_before == 0):
                    self.gone.add(name)
                    reader.note("member-resigned" if movement.resigned else "movement-in-prose",
                                mention.line, mention.column, subject=name,
                                values=("quitte la séance avant la première question"
                                        + (f" ({key})" if key is not None else ""),
                                        movement.text))
                continue
            position = self.positions[key]
            marker = Marker("before" if movement.kind == "departure" else "start", key, *where)
            markers = person.annotation.markers
            if self._restates(markers, marker):
                pass
            elif markers and not self._follows(markers, marker):
                reader.note("movement-contradicts-list", mention.line, mention.column,
                            subject=name, question=key, values=(movement.text,))
                continue
            else:
                if movement.kind == "arrival" and person.listed == "absent":
                    person.listed = "present"
                if position > 0 or movement.kind == "departure":
                    markers.append(marker)  # an arrival at the first question: throughout
                reader.note("movement-in-prose", mention.line, mention.column, subject=name,
                            question=key, values=(
                                "arrive" if movement.kind == "arrival" else "quitte la séance",
                                movement.text))
            if movement.holder is not None and movement.kind == "departure":
                proxies.append(ProxyEntry(mention, movement.holder,
                                          [Marker("start", key, *where)]))
                reader.note("proxy-in-prose", mention.line, mention.column, subject=name,
                            question=key, values=(movement.holder.name, movement.text))
        return proxies

    def _item_key(self, index: int) -> str | None:
        """The key of the first item from the ``index``-th one (0-based) on, if any."""
        for block in self.reader.blocks[max(0, index):]:
            if block.key in self.positions:
                return block.key
        return None

    def _restates(self, markers: Sequence[Marker], marker: Marker) -> bool:
        """Whether the lists already say what a sentence of the minutes says."""
        position = self.positions[marker.key]
        for known in markers:
            if known.key not in self.positions:
                continue
            at = self.positions[known.key]
            if marker.kind == "start" and known.kind == "start" and at == position:
                return True
            if marker.kind == "before" and ((known.kind == "before" and at == position)
                                            or (known.kind == "end" and at == position - 1)):
                return True
        return False

    def _follows(self, markers: Sequence[Marker], marker: Marker) -> bool:
        """Whether a movement comes after every window bound of the lists and alternates."""
        last = markers[-1]
        if last.key not in self.positions or self.positions[last.key] >= self.positions[
                marker.key]:
            return False
        return (last.kind == "start") == (marker.kind == "before")

    def _one_seat(self, attendance: list[Attendance], titulars: dict[str, str]
                  ) -> list[Attendance]:
        """A titular and their substitute never both count: when the record has them both
        sitting at a question, the titular counts and the substitute does not (an error)."""
        spans = {entry.member: entry for entry in attendance}
        for substitute, titular in titulars.items():
            mine, theirs = spans.get(substitute), spans.get(titular)
            if mine is None or theirs is None or mine.is_absent or theirs.is_absent:
                continue
            if not self._overlap(mine.windows, theirs.windows):
                continue
            mention = self.people[substitute].mention
            self.reader.note("titular-and-substitute", mention.line, mention.column,
                             subject=titular, values=(substitute,))
            spans[substitute] = Attendance(member=substitute, windows=())
        return [spans[entry.member] for entry in attendance]

    def _overlap(self, first: Sequence[Window], second: Sequence[Window]) -> bool:
        def span(window: Window) -> tuple[int, int]:
            start = 0 if window.start is None else self.positions.get(window.start, 0)
            end = (len(self.keys) - 1 if window.end is None
                   else self.positions.get(window.end, len(self.keys) - 1))
            return start, end
        return any(a <= d and c <= b for a, b in map(span, first) for c, d in map(span, second))

    def _sits_for_another(self, name: str, titulars: dict[str, str]) -> bool:
        """Whether ``name`` is a substitute (who holds no seat of their own)."""
        person = self.people[name]
        return person.substitute or person.annotation.substitute or name in titulars

    def _place(self, error: Exception, origin: RecordOrigin) -> None:
        member = getattr(error, "member", None)
        location = origin.locate("member", member) if isinstance(member, str) else None
        question = getattr(error, "question", None)
        if location is None and isinstance(question, str):
            location = origin.locate("deliberation", question)
        if location is None:
            self.problem(str(error), 1)
        else:
            self.problem(str(error), location.line, location.column)

    def _body(self) -> str:
        reader = self.reader
        field = reader.fields.get("body")
        body = str(field.value) if field else ""
        # « Conseil municipal du 15 septembre 2022 », or « CONSEIL MUNICIPAL » alone under
        # « COMMUNE DE BOIS-LE-ROI »: the title block names the council better.
        if not body or re.search(r"\d", body) or (len(body.split()) <= 2 and not reader.body_title):
            body = self._collectivity() or body
        if not body:
            date = reader.fields.get("date")
            if date is not None:
                for index in range(date.line - 2, max(-1, date.line - 6), -1):
                    text = " ".join(reader.source.plain[index].split())
                    if text:
                        if len(text) < 120 and not re.search(r"\d", text):
                            body = text
                        break
        if reader.body_title and fold(reader.body_title).split(" ", 1)[-1] not in fold(body):
            body = f"{body} {reader.body_title}".strip()
        if not body:
            reader.note("body-unknown", 1, values=(self._kind(body).value,))
        return body

    def _collectivity(self) -> str:
        """The council named by the title block: « COMMUNE DE X », « Conseil communautaire »."""
        source = self.reader.source
        for index in range(min(len(source), 12)):
            plain = " ".join(source.plain[index].split())
            if _COLLECTIVITY.match(fold(plain)) and len(plain) < 160:
                return plain.rstrip(" .,")
        return ""

    def _kind(self, body: str) -> BodyKind:
        fields = self.reader.fields
        if "kind" in fields:
            written = " ".join(str(fields["kind"].value).split())
            if written == "petite commune":
                return BodyKind.SMALL_COMMUNE
            return _KINDS[written]
        kind = body_kind(body)
        if not _EXPLICIT_KIND.search(fold(body)):
            kind = self._kind_from_text() or kind
        if kind is BodyKind.COMMUNE and "small" in fields and fields["small"].value:
            return BodyKind.SMALL_COMMUNE
        return kind

    def _kind_from_text(self) -> BodyKind | None:
        """The kind of council the text names (« le Conseil municipal », « Comité syndical »)
        when its title does not: the first such words of the record's opening lines."""
        source = self.reader.source
        for folded in source.folded[:80]:
            if match := _KIND_WORDS.search(folded):
                return _KIND_OF[next(name for name, text in match.groupdict().items() if text)]
        return None

    def _attendance(self) -> tuple[list[Attendance], list[ProxyEntry]]:
        attendance = []
        proxies: list[ProxyEntry] = []
        for name in self.order:
            person = self.people[name]
            annotation = person.annotation
            if annotation.proxy_from is not None:  # « M. Y (pouvoir de M. X) »
                proxies.append(ProxyEntry(annotation.proxy_from, person.mention, []))
            if annotation.proxy_to is not None:
                proxies.append(ProxyEntry(person.mention, annotation.proxy_to,
                                          annotation.markers if person.listed != "present"
                                          else [], while_away=person.listed == "present"))
            if name in self.gone:
                attendance.append(Attendance(member=name, windows=()))
            elif person.listed == "present":
                windows = self._windows(annotation.markers, name) or [Window()]
                self.presence[name] = windows
                attendance.append(Attendance(member=name, windows=windows or [Window()],
                                             remote=annotation.remote))
            else:
                if annotation.markers and annotation.proxy_to is None:
                    marker = annotation.markers[0]
                    self.problem(f"une fenêtre de présence pour {name}, inscrit(e) parmi les "
                                 "absents", marker.line, marker.column, marker.length)
                attendance.append(Attendance(member=name, windows=(),
                                             excused=person.excused or annotation.excused))
        return attendance, proxies

    def _proxies(self, entries: Sequence[ProxyEntry]) -> list[Proxy]:
        proxies = []
        listed_absent = any(person.listed == "absent" for person in self.reader.people)
        written: dict[tuple[str, str, Window], Mention] = {}
        for entry in entries:
            group = self._commune(entry.commune) if entry.commune else None
            known = self.members.match(entry.giver.name)
            if (not listed_absent and not known.candidates) or (
                    known.found is None and not known.candidates):
                # A giver no list names (or no list of those absent at all): an absent member.
                if listed_absent:
                    self.reader.note("giver-not-listed", entry.giver.line, entry.giver.column,
                                     subject=entry.giver.name)
                self._add(Person(entry.giver, "absent", entry.commune[0] if entry.commune
                                 else None))
                self.late.append(Attendance(member=entry.giver.name, windows=()))
            giver = self._resolve(entry.giver, "giver of a proxy", group)
            known = self.members.match(entry.holder.name)
            if (known.found is None and not known.candidates
                    and not BY_OFFICE.fullmatch(fold(entry.holder.written))):
                # A holder nobody else names cannot be present: the proxy is not exercised.
                self.reader.note("holder-not-listed", entry.holder.line, entry.holder.column,
                                 subject=entry.holder.name,
                                 values=(giver or entry.giver.name,
                                         ", ".join(self.members.closest(entry.holder.name))))
                continue
            holder = self._resolve(entry.holder, "holder of a proxy")
            windows = self._windows(entry.markers, f"la procuration de {entry.giver.name}")
            if giver is None or holder is None or windows is None:
                continue
            if not windows and entry.while_away and giver in self.presence:
                windows = self._while_away(self.presence[giver])
            if len(windows) > 1:
                marker = entry.markers[-1]
                self.problem("une procuration n'a qu'une fenêtre", marker.line, marker.column,
                             marker.length)
                continue
            if giver == holder:
                self.problem(f"{giver} se donne procuration à soi-même", entry.holder.line,
                             entry.holder.column, entry.holder.length)
                continue
            window = windows[0] if windows else Window()
            if (giver, holder, window) in written:  # « (pouvoir de X) » and « X (pouvoir à Y) »
                first = written[giver, holder, window]
                self.reader.note("proxy-repeated", entry.giver.line, entry.giver.column,
                                 subject=giver, values=(holder, str(first.line)))
                continue
            written[giver, holder, window] = entry.giver
            proxies.append(Proxy(giver=giver, holder=holder, window=window))
            self.reader.locate("proxy", giver, entry.giver.line, entry.giver.column)
        return proxies

    def _while_away(self, presence: Sequence[Window]) -> list[Window]:
        """The window of a proxy given by a member present in ``presence``: while they are away.

        « M. X (départ à la question 4, pouvoir à M. Y) »: from question 4 on; an
        arrival, up to the question before it.  Otherwise the whole sitting (a proxy
        is not exercised while its giver is present).
        """
        if len(presence) != 1:
            return []
        start, end = presence[0].start, presence[0].end
        if start is None and end is not None and end in self.positions:
            position = self.positions[end] + 1
            return [Window(start=self.keys[position])] if position < len(self.keys) else []
        if start is not None and end is None and start in self.positions:
            position = self.positions[start]
            return [Window(end=self.keys[position - 1])] if position > 0 else []
        return []

    def _role(self, mention: Mention | None, role: str) -> str | None:
        if mention is None:
            return None
        if role == "secretary" and self._unknown(mention):
            # A secretary the lists do not name: a contradiction of the record, not a
            # reason to refuse it (no figure depends on the secretary).
            self.reader.note("secretary-not-listed", mention.line, mention.column,
                             subject=mention.name,
                             values=(", ".join(self.members.closest(mention.name)),))
            return None
        name = self._resolve(mention, role)
        if name is not None:
            self.reader.locate(role, name, mention.line, mention.column)
        return name

    def _unknown(self, mention: Mention) -> bool:
        """Whether no member, not even a doubtful one, has the name of ``mention``."""
        match = self.members.match(mention.name)
        return match.found is None and not match.candidates

    def _deliberations(self) -> list[Deliberation]:
        deliberations = []
        seen: dict[str, int] = {}
        for block in self.reader.blocks:
            key = block.key
            if key is None and block.identifier in self.positions:
                key = block.identifier
            if block.heading:
                continue
            if key is None and block.loose:  # « Objet : … »: an item of the one question
                if self.keys != [SITTING_KEY] or (SITTING_KEY in seen or not block.tally):
                    continue
                key = SITTING_KEY
            if key is None:
                self.problem("une délibération sans sa question (« Rapport n° 26 - … »)",
                             block.line)
                continue
            if key not in self.positions:
                self.problem(f"la question {key} n'est pas dans l'ordre de passage", block.line,
                             block.key_column, len(key))
                continue
            if key in seen:
                self.problem(f"une seconde délibération sur la question {key} (la première ligne "
                             f"{seen[key]})", block.line, block.key_column, len(key))
                continue
            seen[key] = block.line
            for mention in [m for m in block.interested if self._unknown(m)]:
                # Named interested but in no list: the figures do not depend on it.
                self.reader.note("interested-not-listed", mention.line, mention.column,
                                 subject=mention.name, question=key)
            interested = [self._resolve(m, f"intéressé(e) à la question {key}")
                          for m in block.interested if not self._unknown(m)]
            not_voting = [self._resolve(m, f"ne prenant pas part au vote à la question {key}")
                          for m in block.not_voting]
            named = {heading: _known([self._resolve(m, f"nommé(e) sous « {heading} » à la "
                                                             f"question {key}") for m in mentions])
                     for heading, mentions in block.named.items()}
            deliberations.append(Deliberation(
                question=key, identifier=block.identifier, title=block.title,
                interested=_known(interested),
                not_voting=_known(not_voting),
                tally=self._tally(block), unanimous=block.unanimous, secret_ballot=block.secret,
                header_counts=block.counts,
                voted_pour=named.get("pour", ()), voted_contre=named.get("contre", ()),
                voted_abstention=named.get("abstention", ()),
                secret_requested=block.secret_requested, public_requested=block.public_requested,
                rounds=tuple(ElectionRound(number=r.number, voters=r.voters, blank=r.blank,
                                           cast=r.cast, majority=r.majority,
                                           candidates=tuple(r.candidates))
                             for r in block.rounds),
                elected=block.elected, elected_by_age=block.elected_by_age,
            ))
            if block.rounds:  # where the election's figures start, for the audit to cite
                self.reader.locate("election", key, block.rounds[0].line, 1)
            self.reader.locate("deliberation", key, block.line, 1)
            if block.tally:  # where the tally starts (« Pour : 117 »), for the audit to cite
                self.reader.locate("tally", key, min(line for _, line in block.tally.values()), 1)
            if block.counts is not None:
                self.reader.locate("header_counts", key, block.line, 1)
        return deliberations

    def _tally(self, block: Block) -> PublishedTally | None:
        if not block.tally:
            return None
        if "pour" not in block.tally:
            line = min(line for _, line in block.tally.values())
            self.problem("un décompte sans sa ligne « Pour : »", line)
            return None
        values = {name: value for name, (value, _) in block.tally.items()}
        return PublishedTally(**values)

