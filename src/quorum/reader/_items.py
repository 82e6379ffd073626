"""The list-items stage of the line scanner: the lists of a record, item by item.

« Étaient présents : », « Étaient absents : », « Procurations de vote : »,
« Mandants : / Mandataires : », « Ordre de passage des rapports : »: a list runs
from its cue over the lines that follow until another section's cue, and may be
interrupted by a blank line, a page number or a running header (skipped, and said
when a doubt remains), or by a count box (read by the facts stage, on which this
stage builds).  Each item becomes a :class:`~quorum.reader._state.Person` or a
:class:`~quorum.reader._state.ProxyEntry`, with its annotations (« (à compter de la
question n° 17) »); an item that cannot be read is a problem or a note at its place,
never dropped silently.  Splitting a line into items and reading one mention are in
:mod:`quorum.reader._lists`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quorum.reader._cues import (
    BULLET,
    COLUMN_HEADING,
    CONNECTIVE,
    COUNT,
    DASH_NOTE,
    DIGIT,
    EXCUSED_ITEM,
    FOR_COMMUNE,
    FURNITURE,
    GROUP_CIVILITY,
    HEADER_WORDS,
    INITIAL,
    ITEM,
    LIST_CUE,
    LIST_LEAD,
    LIST_NAMES,
    MAYBE_NO_NAME,
    MENTION_START,
    NAME_PARTICLES,
    NOBODY,
    NOTE_ITEM,
    OBJECT,
    PREFIX,
    PROSE,
    PROSE_VERB,
    RANGE,
    ROLE,
    ROW_NUMBERS,
    SECTION,
    TABLE_COLUMN,
    TABLE_MARK,
    WORD,
)
from quorum.reader._facts import FactReader, unknown_cue
from quorum.reader._lists import (
    BARE_WINDOW,
    BY_OFFICE,
    PROXY_SEPARATOR,
    TAIL,
    Annotation,
    Item,
    Mention,
    civility_at,
    colons,
    is_caps,
    parse_annotation,
    parse_mention,
    read_annotations,
    split_items,
    split_run_on,
)
from quorum.reader._state import Person, ProxyEntry


class ListReader(FactReader):
    """Reads the lists of a record, item by item (see the module docstring)."""

    def _list_lines(self, index: int, start: int, join: bool = False, proxies: bool = False
                    ) -> list[tuple[int, int]]:
        """The line (index, start offset) pieces of a list: its line and continuation lines.

        With ``join``, a line that continues an item wrapped in its middle (« M. David »
        then « DODANE, … », « (jusqu'à la » then « question n°16 incluse) ») is joined to
        the line before with a space, whatever it begins with, and left blank.
        """
        source = self.source
        pieces = [(index, start)]
        following = index + 1
        target = index
        joined: list[int] = []
        # The end of the logical line (an item is short) and whether its last item is left
        # open (parentheses, bold), kept as lines are joined: never the whole line again.
        raw, folded_end = source.raw[index][start:], source.folded[index][start:]
        depth, bold = raw.count("(") - raw.count(")"), raw.count("**") % 2
        raw, folded_end = raw[-400:], folded_end[-400:]
        while following < len(source):
            folded = source.folded[following]
            if not folded.strip():
                after = self._after_blank(following)
                if after is None or not self._list_goes_on(raw, folded_end, after, proxies,
                                                           depth > 0 or bool(bold)):
                    break
                # A blank line inside a list (a page break, a conversion): the list goes on.
                for skipped in range(following, after):  # blank lines and page furniture
                    self._skip_furniture(skipped)
                    pieces.append((skipped, len(source.raw[skipped])))
                following = after
                continue
            if self._furniture(following):
                # A page number or a running header left inside a list by a page break: the
                # list goes on over it.
                self._skip_furniture(following)
                pieces.append((following, len(source.raw[following])))
                following += 1
                continue
            section = _starts_section(folded)
            if section and (counts := self._counts(following, 0, alone=True)) is not None:
                # A box of counts interleaved with the names (two columns flattened):
                # the counts are read, the list goes on.
                self._header_counts(counts, following + 1)
                pieces.append((following, len(source.raw[following])))
                following += 1
                continue
            if join and (depth > 0 or bold or _wrapped(raw, folded_end, source.raw[following],
                                                       folded, proxies, section)):
                line = source.raw[following]
                depth += line.count("(") - line.count(")")
                bold = (bold + line.count("**")) % 2
                raw = (raw + " " + line)[-400:]
                folded_end = (folded_end + " " + folded)[-400:]
                joined.append(following)
                pieces.append((following, 0))
                following += 1
                continue
            if joined:
                source.join(target, joined)
                joined = []
            if section or unknown_cue(source.plain[following]):
                break  # « Ne siégeaient pas : … »: a section the reader does not know
            if not _list_line(raw, folded_end, source.plain[following], folded):
                break  # « Le quorum étant atteint, … », « 1. Vente d'un terrain »: not names
            pieces.append((following, 0))
            target = following
            raw, folded_end = source.raw[following], folded
            depth, bold = raw.count("(") - raw.count(")"), raw.count("**") % 2
            raw, folded_end = raw[-400:], folded_end[-400:]
            following += 1
        if joined:
            source.join(target, joined)
        return pieces

    def _furniture(self, index: int) -> bool:
        """Whether line ``index`` is a page number or a running header (a line naming the
        council and a date, no civility, no list separator) left by a page break."""
        folded = self.source.folded[index]
        if FURNITURE.fullmatch(folded):
            return True
        at = PREFIX.match(folded).end()  # type: ignore[union-attr]
        return bool(HEADER_WORDS.search(folded)) and "," not in folded and ";" not in folded \
            and civility_at(folded, at, len(folded)) is None and self._dated(index)

    def _skip_furniture(self, index: int) -> None:
        """Say a running header skipped inside a list (a number alone says nothing)."""
        folded = self.source.folded[index]
        if folded.strip() and not FURNITURE.fullmatch(folded):
            self.note("list-interrupted", index + 1, 1,
                      values=(" ".join(self.source.raw[index].split()),))

    def _after_blank(self, index: int) -> int | None:
        """The first line after the blank lines from ``index`` and the page furniture among
        them (at most a few lines), if any."""
        budget = 8  # blank lines and headers; row numbers (« 1 », « 2 » …) do not count
        for following in range(index, len(self.source)):
            folded = self.source.folded[following]
            if folded.strip() and not self._furniture(following):
                return following
            if not ROW_NUMBERS.fullmatch(folded) or not folded.strip():
                budget -= 1
                if budget == 0:
                    return None
        return None

    def _list_goes_on(self, raw: str, folded: str, index: int, proxies: bool,
                      open_item: bool = False) -> bool:
        """Whether the line ``index``, after blank lines, continues the list ending in ``raw``.

        It does when the list is left open (nothing yet after the cue, a trailing comma or
        semicolon, an item cut in its middle) or when the line begins with a civility; a
        line that begins a section, or prose after a closed list, ends it.
        """
        next_raw, next_folded = self.source.raw[index], self.source.folded[index]
        at = PREFIX.match(next_folded).end()  # type: ignore[union-attr]
        if open_item and not LIST_CUE.match(next_folded, at):
            return True  # inside parentheses or bold: the item goes on
        if _starts_section(next_folded) and not _counts_only(next_folded):
            return False
        content = raw.rstrip()
        if ITEM.match(self.source.plain[index], at) or OBJECT.match(next_folded, at):
            return False  # « 1. Tarifs … »: the first item of the sitting
        if PROSE.match(next_folded, at) or PROSE_VERB.search(next_folded, at):
            return False
        if not content or content.endswith((",", ";", ":")):
            return True
        last = folded.split()[-1] if folded.split() else ""
        if content.endswith(".") and last not in CONNECTIVE and not INITIAL.fullmatch(last):
            return False  # the list was closed (not « M. », « J. »)
        if civility_at(next_folded, at, len(next_folded)) is not None:
            return True
        return _wrapped(raw, folded, next_raw, next_folded, proxies, False) and not \
            PROSE.match(next_folded, at)

    def _walk(self, index: int, start: int, canonical: bool,
              entry: Callable[[int, int, int, tuple[str, int, int] | None], None]) -> int:
        """Walk a list: call ``entry(line, start, end, commune)`` for each name in it.

        Commune headings, bold or run on from the previous name, set the
        commune of the names after them; those of the lists of people present
        or absent are ``canonical`` (kept as the communes' spellings).
        Returns how many lines the list takes.
        """
        pieces = self._list_lines(index, start, join=True, proxies=not canonical)
        commune: tuple[str, int, int] | None = None
        for line_index, offset in pieces:
            raw = self.source.raw[line_index]
            if bullet := BULLET.match(raw, offset):  # « - M. X » one per line
                offset = bullet.end()
            items = split_items(self.source, line_index, offset, len(raw))
            if canonical and len(items) == 1 and self._table_heading(items[0]):
                # A table flattened: « BROUSSE-LE-HAUT » alone on its line over its delegates;
                # « COMMUNE », « DÉLÉGUÉS » are the columns' headings.
                item = items[0]
                if not COLUMN_HEADING.fullmatch(self.source.folded[line_index], item.start,
                                                 item.end):
                    commune = self._heading(line_index, item.start, item.end, canonical)
                continue
            for item in items:
                if item.kind == "heading":
                    commune = self._heading(line_index, item.start, item.end, canonical)
                    continue
                begin = item.start
                for colon in colons(raw, item.start, item.end):
                    name_span, heading = split_run_on(self.source, line_index, begin, colon)
                    if name_span is not None:
                        entry(line_index, *name_span, commune)
                    if heading[1] > heading[0] and not ROLE.fullmatch(
                            self.source.folded[line_index], *heading):
                        commune = self._heading(line_index, *heading, canonical)
                    begin = colon + 1
                if begin < item.end:
                    entry(line_index, begin, item.end, commune)
        return len(pieces)

    def _table_heading(self, item: Item) -> bool:
        """Whether a line's only item is a commune in capitals (no civility, no first name)."""
        text = self.source.plain[item.line][item.start:item.end]
        folded = self.source.folded[item.line]
        return (text.isupper() and not any(c.isdigit() or c in "()" for c in text)
                and self.group_civility is None
                and civility_at(folded, item.start, item.end) is None
                and not ROLE.fullmatch(folded, item.start, item.end))

    def _people(self, index: int, start: int, listed: str, excused: bool) -> int:
        previous: list[Person | None] = [None]
        self.group_civility, self.mixed_group = None, False  # a group ends with its list

        def entry(line: int, begin: int, end: int, commune: tuple[str, int, int] | None
                  ) -> None:
            previous[0] = self._person(line, begin, end, listed, excused, commune, previous[0])

        return self._walk(index, start, True, entry)

    def _heading(self, index: int, start: int, end: int, canonical: bool
                 ) -> tuple[str, int, int]:
        name = " ".join(self.source.plain[index][start:end].split()).strip(" *:")
        heading = (name, *self.source.where(index + 1, start + 1))
        if canonical:
            self.headings.append(heading)
        return heading

    def _person(self, index: int, start: int, end: int, listed: str, excused: bool,
                commune: tuple[str, int, int] | None, previous: Person | None
                ) -> Person | None:
        source = self.source
        folded = source.folded[index]
        raw = source.raw[index]
        while start < end and folded[start] in " \t":
            start += 1
        tail = TAIL.search(folded, max(0, start - 1), end)
        if tail is not None and tail.start() <= start:
            # « …, suppléé par Mme X » or « …, pouvoir à M. Y »: about the previous person.
            if previous is None:
                self.problem("ceci ne suit aucun nom", index + 1, start + 1, end - start)
                return None
            self._tail(previous, index, tail, end, listed)
            return previous
        if tail is None and self.absent_proxies and (
                bare := PROXY_SEPARATOR.search(_mask_parentheses(folded, start, end))):
            # « M. X à Mme Y » in a list of those absent who gave a proxy.
            self._proxy(index, start, end, commune)
            giver_end = self._name_end(index, start, start + bare.start())
            giver = parse_mention(source, index, start, giver_end)
            if giver is None:
                return previous
            person = Person(giver, listed, commune[0] if commune else None, excused=excused)
            self.people.append(person)
            return person
        paren = raw.find("(", start, end)
        name_end = min(paren if paren >= 0 else end, tail.start() if tail else end)
        if dash := DASH_NOTE.search(raw, start, name_end):
            name_end = dash.start()  # « M. Thierry JACOB – arrivé au point 3 »
        if previous is not None and folded[start:start + 1].isalpha() and \
                raw[start].islower() and NOTE_ITEM.match(folded, start, end):
            # « M. Thierry JACOB, arrivé au point 3 »: the item before, annotated.
            parse_annotation(source, index, start, end, previous.annotation)
            return previous
        special = MAYBE_NO_NAME.match(folded, start, name_end) is not None  # one cheap test
        if special and NOBODY.fullmatch(folded, start, end):
            return previous  # « Absents : néant »
        if special and ROW_NUMBERS.fullmatch(folded, start, name_end):
            return previous  # row numbers pulled away from their names: « 1 », « 18 19 20 21 »
        if special and previous is not None and EXCUSED_ITEM.fullmatch(folded, start, end):
            previous.excused = True  # « M. Paul TISSOT, excusé, pouvoir à … »
            return previous
        if raw.find(" pour ", start, name_end) >= 0 and (
                group_commune := FOR_COMMUNE.search(raw, start, name_end)):
            # « Mme Odile RAVIER pour SAINT-AUBIN-DES-CHAUMES »: the delegates' commune.
            commune = (group_commune.group(1), index + 1, group_commune.start(1) + 1)
            name_end = group_commune.start()
        if special and BY_OFFICE.fullmatch(folded, start, name_end):
            # « Présents : M. le Maire, MM. … »: the president, named by office.
            self.office_listed = (listed, index + 1, start + 1)
            return previous
        if (special and ROLE.fullmatch(folded, start, name_end)) or start >= name_end:
            return previous  # « Maire », « Adjoints », « Conseillers Municipaux »: a label
        if GROUP_CIVILITY.fullmatch(folded, start, name_end):
            self.mixed_group = True  # « Mmes et MM. A, B »: the gender of each is not said
            return previous
        mention = parse_mention(source, index, start, name_end)
        if mention is None:
            self.problem("attendu : le nom d'un membre", index + 1, start + 1,
                         max(1, end - start))
            return previous
        mention = self._grouped(folded, start, name_end, mention)
        if (mention.civility is None and self.group_civility is None
                and civility_at(folded, start, name_end) is None
                and " " not in mention.name and not is_caps(mention.name)):
            # « Yves » alone, no civility, no surname in capitals: no member.
            self.note("item-unreadable", index + 1, start + 1,
                      values=(mention.written, LIST_NAMES[listed]))
            return previous
        person = Person(mention, listed, commune[0] if commune else None, excused=excused)
        read_annotations(source, index, name_end, tail.start() if tail else end, person.annotation)
        self.people.append(person)
        if tail is not None:
            self._tail(person, index, tail, end, listed)
        return person

    def _tail(self, person: Person, index: int, tail: re.Match[str], end: int,
              listed: str) -> None:
        source = self.source
        name_end = self._name_end(index, tail.end(), end)
        other = parse_mention(source, index, tail.end(), name_end)
        if other is None:
            self.problem("attendu : un nom après ceci", index + 1, tail.start() + 2,
                         tail.end() - tail.start() - 1)
            return
        annotation = Annotation()
        self._windows_after(index, name_end, end, annotation)
        if tail.group(1):  # « M. X suppléé par Mme Y »: Y sits for X
            substitute = Person(other, "present", person.commune, annotation, substitute=True,
                                 substitute_of=person.mention)
            if not person.annotation.markers:
                person.listed = "implicit"
            self.people.append(substitute)
        elif tail.group(2):  # « Mme Y ayant la suppléance de M. X »
            person.substitute = True
            person.substitute_of = other
        elif listed == "present":
            # « M. X (départ à la question 4) a donné pouvoir à M. Y »: X's own window
            # stays X's; the proxy runs when X is gone (see the builder).
            self.proxies.append(ProxyEntry(person.mention, other, annotation.markers, None,
                                           annotation, while_away=True))
        else:  # « M. X a donné pouvoir à M. Y »
            markers = [*person.annotation.markers, *annotation.markers]
            person.annotation.markers = []
            self.proxies.append(ProxyEntry(person.mention, other, markers, None, annotation))

    def _proxy_list(self, index: int, start: int) -> int:
        return self._walk(index, start, False, self._proxy)

    def _grouped(self, folded: str, start: int, end: int, mention: Mention) -> Mention:
        """``mention`` under the group civility of its list (« MM. BASTIDE, CHAMBON, Mmes
        DELORME »: for every name up to the next civility; none after « Mmes et MM. »),
        the group opened, kept or closed by it."""
        if group := GROUP_CIVILITY.match(folded, start, end):
            self.group_civility = ("" if self.mixed_group else "Mme"
                                   if group.group(1) in ("mmes", "mesdames") else "M.")
            self.mixed_group = False
            return mention._replace(civility=self.group_civility or None)
        if mention.civility is None and civility_at(folded, start, end) is None:
            if self.group_civility is not None:
                return mention._replace(civility=self.group_civility or None)
            return mention
        self.group_civility = None
        return mention

    def _parallel(self, index: int, start: int, givers: bool) -> int:
        """One of the parallel lists of proxies (« Mandants : … », « Mandataires : … »)."""
        found = self.givers if givers else self.holders
        self.group_civility, self.mixed_group = None, False  # a group ends with its list

        def entry(line: int, begin: int, end: int, commune: tuple[str, int, int] | None
                  ) -> None:
            name_end = self._name_end(line, begin, end)
            mention = parse_mention(self.source, line, begin, name_end)
            if mention is None:
                self.problem("attendu : le nom d'un membre", line + 1, begin + 1,
                             max(1, end - begin))
                return
            mention = self._grouped(self.source.folded[line], begin, name_end, mention)
            annotation = Annotation()
            self._windows_after(line, name_end, end, annotation)
            found.append((mention, annotation))

        return self._walk(index, start, False, entry)

    def _drop_headings(self) -> None:
        """« 3 - FINANCES » over « 3/a - … », « 3/b - … »: a heading, not a question."""
        keys = [block.key for block in self.blocks if block.loose and block.key]
        for block in self.blocks:
            key, title = block.key, block.title or ""
            if (block.loose and key and title.isupper() and not block.tally
                    and any(other.startswith((f"{key}/", f"{key}.", f"{key}-"))
                            for other in keys)):
                block.key = None
                block.heading = True

    def _pair_parallel(self) -> None:
        """Pair the givers and holders of the parallel lists by position."""
        if not self.givers and not self.holders:
            return
        if len(self.givers) != len(self.holders):
            first = (self.givers or self.holders)[0][0]
            self.problem(f"{len(self.givers)} mandants pour {len(self.holders)} mandataires : "
                         "les deux listes se lisent rang par rang", first.line, first.column,
                         first.length)
            return
        for (giver, given), (holder, held) in zip(self.givers, self.holders, strict=True):
            annotation = given if given.markers else held
            self.proxies.append(ProxyEntry(giver, holder, annotation.markers, None, annotation))

    def _name_end(self, index: int, start: int, end: int) -> int:
        """Where the name from ``start`` stops: at « ( » or a window without parentheses."""
        paren = self.source.raw[index].find("(", start, end)
        stop = paren if paren >= 0 else end
        bare = BARE_WINDOW.search(self.source.folded[index], start, stop)
        return bare.start() if bare else stop

    def _windows_after(self, index: int, start: int, end: int, into: Annotation) -> None:
        """The windows after a name: « jusqu'au point n° 6 » bare, then parenthesised."""
        paren = self.source.raw[index].find("(", start, end)
        bare_end = paren if paren >= 0 else end
        if self.source.folded[index][start:bare_end].strip():
            parse_annotation(self.source, index, start, bare_end, into)
        if paren >= 0:
            read_annotations(self.source, index, paren, end, into)

    def _proxy(self, index: int, start: int, end: int,
               commune: tuple[str, int, int] | None) -> None:
        source = self.source
        raw = source.raw[index]
        masked = _mask_parentheses(source.folded[index], start, end)
        separator = PROXY_SEPARATOR.search(masked)
        if separator is not None and (pieces := _run_on_proxies(masked)):
            # « Madame A à Monsieur B Monsieur C à Madame D »: proxies with no separator.
            for begin, stop in pieces:
                self._proxy(index, start + begin, start + stop, commune)
            return
        if separator is None:
            self.problem("attendu : « mandant à mandataire » dans la liste des procurations",
                         index + 1, start + 1, end - start)
            return
        before, after = start + separator.start(), start + separator.end()  # in the line
        paren = raw.find("(", start, before)
        giver = parse_mention(source, index, start, paren if paren >= 0 else before)
        annotation = Annotation()
        if paren >= 0:
            read_annotations(source, index, paren, before, annotation)
        holder_end = self._name_end(index, after, end)
        holder = parse_mention(source, index, after, holder_end)
        self._windows_after(index, holder_end, end, annotation)
        if giver is None or holder is None:
            self.problem("attendu : les noms du mandant et du mandataire d'une procuration",
                         index + 1, start + 1, end - start)
            return
        for line, column, length, text in annotation.unreadable:
            self.problem(f"« {text} » ne se lit pas comme une fenêtre de questions", line,
                         column, length)
        for line, column, text in annotation.timed:
            self.note("window-by-time", line, column, subject=giver.name, values=(text,))
        self.proxies.append(ProxyEntry(giver, holder, annotation.markers, commune,
                                        annotation))

    def _attendance_table(self, index: int) -> int:
        """An attendance table, its columns kept by the conversion (« NOM Prénom   Présent
        Absent   Pouvoir à »): each row a name, a mark « X » under the column that says how
        the member attended, and under « Pouvoir à » the holder of the proxy.  A mark that
        stands under no column is a problem at its place, never a guess.  Returns the lines
        consumed."""
        source = self.source
        heading = source.folded[index]
        columns: list[tuple[int, int, str]] = []  # start, end, kind
        for match in TABLE_COLUMN.finditer(heading):
            word = match.group(1)
            kind = ("present" if word.startswith("present") else "proxy"
                    if word.startswith(("pouvoir", "procuration", "represent")) else "excused"
                    if "excuse" in word else "absent")
            columns.append((match.start(), match.end(), kind))
        first = min(start for start, _, _ in columns)
        following = index + 1
        while following < len(source):
            plain = source.plain[following]
            if not plain.strip():
                break
            marks = [match.start() for match in TABLE_MARK.finditer(plain)]
            cut = marks[0] if marks else first
            name_end = len(plain[:cut].rstrip())
            if name_end == 0 or (not marks and len(plain.rstrip()) <= first):
                break  # the table is over
            giver = parse_mention(source, following, 0, name_end)
            kinds = []
            for mark in marks:
                under = next((k for start, end, k in columns if start - 3 <= mark < end + 3), None)
                if under is None:
                    self.problem("tableau de présence : cette marque ne se place sous aucune "
                                 "colonne", following + 1, mark + 1)
                    break
                kinds.append(under)
            holder = None
            proxy_column = next((start for start, _, k in columns if k == "proxy"), None)
            tail = marks[-1] + 1 if marks else name_end
            if proxy_column is not None and plain[tail:].strip():
                begin = len(plain) - len(plain[tail:].lstrip())
                holder = parse_mention(source, following, begin, len(plain.rstrip()))
            if len(kinds) < len(marks):
                pass  # a mark under no column: said above
            elif giver is None or (len(set(kinds)) > 1 and "proxy" not in kinds) or (
                    holder is None and (not kinds or "proxy" in kinds)):
                self.problem("tableau de présence : cette ligne ne dit pas comment le membre "
                             "a assisté (une marque « X » sous une seule colonne)",
                             following + 1, 1, max(1, len(plain.rstrip())))
            elif holder is not None:
                self.people.append(Person(giver, "absent", excused=True))
                self.proxies.append(ProxyEntry(giver, holder, []))
            else:
                kind = kinds[0] if "proxy" not in kinds else "absent"
                self.people.append(Person(giver, "present" if kind == "present" else "absent",
                                          excused=kind == "excused"))
            following += 1
        return following - index

    def _order_of_business(self, index: int) -> int:
        """« Ordre du jour : » then « 1) Compte administratif 2015 », « 2) … »: the items
        announced, kept apart so that the items deliberated further down are not read
        twice.  Returns the lines consumed."""
        source = self.source
        following = index + 1
        while following < len(source) and not source.folded[following].strip():
            following += 1
        seen = following
        while following < len(source):
            plain = source.plain[following]
            at = PREFIX.match(source.folded[following]).end()  # type: ignore[union-attr]
            if not plain.strip():
                break
            item = ITEM.match(plain, at)
            if item is None and not BULLET.match(plain):
                break
            if item is not None:
                self.business.append((item.group(1), following + 1, item.start(1) + 1))
            following += 1
        return following - index if following > seen else 1

    def _agenda(self, index: int, start: int) -> int:
        pieces = self._list_lines(index, start)
        for number, (line_index, offset) in enumerate(pieces[1:], start=1):
            if WORD.search(self.source.folded[line_index], offset):
                # « La séance est ouverte … » right after the keys (a PDF has no blank line):
                # the order of passage stops where words begin.
                pieces = pieces[:number]
                break
        if self.agenda:
            self.problem(f"un second ordre de passage (le premier est ligne {self.agenda[0][1]})",
                         index + 1, 1, len(self.source.raw[index]))
            return len(pieces)
        seen: dict[str, int] = {}
        for line_index, offset in pieces:
            plain = self.source.plain[line_index]
            content = plain[offset:]
            separators = ("," in content or ";" in content
                          or RANGE.fullmatch(content.strip(" .")) is not None)
            for match in re.finditer(r"[^,;\s]+(?:\s+[^,;\s]+)*" if separators else r"\S+",
                                     plain[offset:]):
                text = match.group().strip(" .")
                text = re.sub(r"^(?:n\s*[°o]\s*\.?\s*)", "", text, flags=re.IGNORECASE)
                column = offset + match.start() + 1
                if not text:
                    continue
                span = RANGE.fullmatch(text)
                keys = ([str(n) for n in range(int(span.group(1)), int(span.group(2)) + 1)]
                        if span and int(span.group(2)) - int(span.group(1)) < 10000 else [text])
                for key in keys:
                    if key in seen:
                        self.problem(f"la question {key} figure deux fois dans l'ordre de passage",
                                     line_index + 1, column, len(match.group()))
                        continue
                    seen[key] = line_index + 1
                    self.agenda.append((key, line_index + 1, column))
        return len(pieces)


def _run_on_proxies(item: str) -> list[tuple[int, int]]:
    """The proxies of an item that runs several together (« A à B C à D »), each a
    (start, end) in ``item``, when every name has a civility; else []."""
    separators = list(PROXY_SEPARATOR.finditer(item))
    if len(separators) < 2:
        return []
    starts = [0, *(m.start() for m in MENTION_START.finditer(item))]
    if len(starts) != 2 * len(separators):
        return []
    # Giver, separator, holder in turn: each separator between the starts around it.
    for number, separator in enumerate(separators):
        if not starts[2 * number] < separator.start() < starts[2 * number + 1]:
            return []
    ends = [*starts[2::2], len(item)]
    return list(zip(starts[::2], ends, strict=True))


def _mask_parentheses(folded: str, start: int, end: int) -> str:
    """``folded[start:end]`` with what is in parentheses masked by « # ».

    Only the item is copied, never the whole line: a list of proxies written on
    one long line would otherwise be read in quadratic time.
    """
    item = folded[start:end]
    if "(" not in item and ")" not in item:
        return item
    chars = list(item)
    depth = 0
    for index, char in enumerate(chars):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
            chars[index] = "#"
        if depth:
            chars[index] = "#"
    return "".join(chars)


def _wrapped(raw: str, folded: str, next_raw: str, next_folded: str, proxies: bool,
             section: bool) -> bool:
    """Whether the next line continues the item at the end of a line (``raw``, ``folded``).

    In a list of proxies, a line whose first item has no « à » continues the line before.
    A line that begins a section (``section``) continues only an item left open: in
    parentheses or bold, or after « à », « de », a civility …
    """
    raw, folded = raw.rstrip(), folded.rstrip()
    if not raw or raw.endswith((",", ";", ":", ":**")) or BULLET.match(next_raw):
        return False  # « - M. X »: a bullet begins an item
    words = folded.split()
    if words[-1] in CONNECTIVE or (raw.split()[-1][:1].islower() and not section):
        return True
    if section:
        return False
    after = next_raw.lstrip()
    if after.startswith(("(", ")", ":")) or after[:1].islower():
        return True
    if proxies:
        folded_after = next_folded
        stop = min((i for i in (folded_after.find(","), folded_after.find(";")) if i >= 0),
                   default=len(folded_after))
        item_after = _mask_parentheses(folded_after, 0, stop)
        if ":" not in item_after and not PROXY_SEPARATOR.search(item_after):
            return True
    first = after.split()[0].strip(",;")
    if not (is_caps(first) and sum(c.isalpha() for c in first) > 1):
        return False
    # « …, M. David » then « DODANE, … »: the last item has no surname yet.
    cut = max(raw.rfind(","), raw.rfind(";"), raw.rfind(":"), raw.rfind("*"), raw.rfind(")"),
              folded.rfind(" a "))
    item = folded[cut + 1:]
    item_raw = raw[cut + 1:]
    civility = civility_at(item, len(item) - len(item.lstrip()), len(item))
    begin = civility[1] if civility else 0
    if not any(is_caps(word) and sum(c.isalpha() for c in word) > 1
               for word in item_raw[begin:].split()):
        return True
    # « Mme Emmanuelle HUOT » then « CUSENIER, … »: a surname alone goes on the name before.
    # A line in capitals alone under a line of one name is a heading (a table's commune),
    # not the end of a surname.
    parts = re.split(r"[,;(:]", after, maxsplit=1)
    first_item = parts[0].split()
    if len(parts) == 1 and not section and "," not in raw and ";" not in raw:
        return False  # a line of one item after a line of one item: a table's rows
    return civility is not None and all(
        is_caps(word) and sum(c.isalpha() for c in word) > 1 for word in first_item)


def _list_line(raw: str, folded: str, next_plain: str, next_folded: str) -> bool:
    """Whether a line (``next_*``) after a closed line of a list (``raw``, ``folded``) is
    more of the list: names, headings in capitals, row numbers — not prose, an item of
    the sitting or a tally, which end the list rather than be read as members.

    A line that begins with a civility is names unless a verb follows (« Monsieur le
    Maire ouvre la séance »); any other line is names when its first item has no figure
    and no word in lower case but the particles of names (« Marie de LA MOTTE »).
    """
    content = raw.rstrip()
    words = folded.split()
    if not content or content.endswith((",", ";", ":", "-", "\u2013")) or (
            words and words[-1] in CONNECTIVE):
        return True  # the list was left open
    lead = LIST_LEAD.match(next_folded).end()  # type: ignore[union-attr]
    if next_plain[lead:lead + 1] in ("(", "*", "") or ROW_NUMBERS.fullmatch(next_folded):
        return True  # an annotation, a bold heading, row numbers pulled away from the names
    end = len(next_plain)
    for stop in (",", ";", "(", ":"):
        found = next_plain.find(stop, lead)
        if found >= 0:
            end = min(end, found)
    if dash := DASH_NOTE.search(next_plain, lead, end):
        end = dash.start()  # « M. X – arrivé au point 3 »: an annotation, not a sentence
    item, folded_item = next_plain[lead:end], next_folded[lead:end]
    if BY_OFFICE.fullmatch(folded_item.strip(" .")):
        return True  # « M. le Maire »
    civility = civility_at(next_folded, lead, end)
    if civility is not None:
        return not PROSE_VERB.search(next_folded, lead, end)
    if any(char.isdigit() for char in item):
        return False
    for word in re.split(r"[\s']+", item.strip(" .")):
        if word and word[:1].islower() and word.lower() not in NAME_PARTICLES:
            return False
    return True


def _counts_only(folded: str) -> bool:
    return bool(DIGIT.search(folded)) and bool(COUNT.search(folded))


def _starts_section(folded: str) -> bool:
    at = PREFIX.match(folded).end()  # type: ignore[union-attr]
    return bool(SECTION.match(folded, at))

