"""The facts stage of the line scanner: what a line of a record states.

Counts (« En exercice : 39 Présents : 36 »), the tally of an item (« Pour : 117 »,
« adopté par 21 voix pour et 5 voix contre »), the rounds of an election, dates and
hours (« Séance du 25 juin 2026 », « ouverte à 18 h »), the president, the
secretary, and the arrivals and departures told in prose between the items
(« M. X quitte la séance avant l'examen du point 4 »).  Each reader method takes a
line (``index``, 0-based) and an offset into it, and records what it read on the
reader's state (:mod:`quorum.reader._state`); the cue words come from
:mod:`quorum.reader._cues`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quorum.model import HeaderCounts
from quorum.reader._cues import (
    AND,
    ARRIVES,
    BALLOT_REQUEST,
    BARE_TALLY,
    BARE_TALLY_ENTRY,
    BODY,
    BY_AGE,
    CANDIDATE,
    CLOSED,
    CONVENED,
    COUNT,
    COUNT_FILLER,
    COUNT_VALUE,
    DEPARTS,
    DIGIT,
    ELECTION_COUNT,
    ELECTION_CUE,
    ELECTION_ONLY,
    ELECTION_SAID,
    ELECTION_SEPARATORS,
    IN_OFFICE,
    INTERESTED,
    KIND,
    LABEL,
    MET,
    MOVEMENT_KEY,
    MOVEMENT_LEAD,
    NAME_LIKE,
    NAMES_LEAD,
    NOT_SECRET,
    NOT_TITLE,
    NOT_VOTING,
    NUMERIC,
    OPENED,
    PARTICLES,
    POPULATION,
    PRESIDENCE,
    PROCLAIMED,
    PROSE,
    PROSE_COUNT,
    PROSE_VERB,
    PROXY_IN_PROSE,
    RECONVENED,
    REPORTS_SENT,
    ROLE,
    ROUND,
    ROUND_WORDS,
    SEANCE,
    SECRET,
    SECRETARY_SENTENCE,
    SENTENCE_END,
    SEPARATORS,
    SMALL,
    SPACES,
    SUBJECT_END,
    SUBJECT_PREFIX,
    TALLY_INSIDE,
    TALLY_LABEL,
    TALLY_WORD,
    TITLE_WORD,
    UNANIMOUS,
    UNANIMOUS_COUNT,
    UNIT,
    URGENT,
    WORDS,
)
from quorum.reader._dates import BadDate, find_date, find_time, find_written_date
from quorum.reader._lists import (
    Mention,
    is_caps,
    parse_mention,
    split_items,
)
from quorum.reader._state import Block, Movement, ReaderState, RoundEntry
from quorum.reader._text import fold


class FactReader(ReaderState):
    """Reads the facts a line states (see the module docstring)."""

    def _header_counts(self, counts: HeaderCounts, line: int, column: int = 1) -> None:
        """Counts printed in the sitting's header, merged when they come one per line."""
        if "header_counts" in self.fields:
            field = self.fields["header_counts"]
            field.value = merge_counts(field.value, counts)
        else:
            self.set_field("header_counts", counts, line, column)
            self.locate("header_counts", "sitting", line, column)

    def _key_line(self, block: Block, index: int, match: re.Match[str]) -> None:
        plain = self.source.plain[index]
        group = 1 if match.group(1) is not None else 2  # after « n° », or a bare number
        block.key = plain[match.start(group):match.end(group)].rstrip(".")
        block.key_column = match.start(group) + 1
        title = plain[match.end():].strip().lstrip("-–—:.").strip()
        block.title = title or None

    def _counts(self, index: int, at: int, alone: bool = False) -> HeaderCounts | None:
        """Counts printed on a line of their own: « En exercice 39 Présents 36 Pouvoirs 3
        Votants 39 », « Nombre de conseillers : en exercice : 19 présents : 14 votants : 17 »,
        « Délégués en exercice : 16 — Présents : 12 — … », one per line too.  The members in
        office alone (« En exercice : 33 ») are counts only when ``alone`` (inside a list);
        elsewhere the header's free text reads them."""
        folded = self.source.folded[index]
        if not DIGIT.search(folded) or not any(word in folded for word in _COUNT_WORDS):
            return None
        found = list(COUNT.finditer(folded, at))
        if not found:
            return None
        position = at
        for match in found:
            if not COUNT_FILLER.fullmatch(folded, position, match.start()):
                return None
            position = match.end()
        if not COUNT_FILLER.fullmatch(folded, position, len(folded)):
            return None
        if len(found) == 1 and found[0].group(1).startswith(("en", "afferent")) and not alone:
            return None
        values: dict[str, int] = {}
        for match in found:
            word = match.group(1)
            if word.startswith("afferent"):
                continue  # the seats: in office is what the quorum counts
            name = ("in_office" if word.startswith("en") else "present" if word.startswith("pr")
                    and "sent" in word else "voters" if word.startswith(("vot", "qui", "ayant"))
                    else "proxies")
            if name in values:
                return None
            values[name] = int(match.group(2))
        if "in_office" in values:
            self.set_field("in_office", values["in_office"], index + 1, found[0].start(2) + 1)
        return HeaderCounts(**values)

    def _tally_line(self, block: Block, index: int, at: int) -> bool:
        folded = self.source.folded[index]
        if BARE_TALLY.fullmatch(folded, at):
            self._bare_tally(block, index, at)
            return True
        if ":" in folded and (label := TALLY_LABEL.match(folded, at)):
            word = label.group(1)
            if (word.startswith(("conseil", "ne")) and not COUNT_VALUE.match(folded, label.end())
                    and folded[label.end():].strip()):
                # « Conseiller intéressé : M. X »: names, no count — read below.
                pass
            else:
                self._tallies(block, index, label)
                return True
        if ":" in folded and (label := TALLY_INSIDE.search(folded, at)):
            # « Vote : Pour : 15 … », « Votants : 10 – Pour : 10 – … », « Adopté à
            # l'unanimité – Pour : 27 »: the tally starts inside the line.
            if "unanimit" in folded[at:label.start()]:
                block.unanimous = True
            self._tallies(block, index, TALLY_LABEL.match(folded, label.start(1)))
            return True
        handled = False
        if "voix" in folded or "abstention" in folded or "votants" in folded:
            handled = self._prose_tally(block, index, at)
        if "interess" in folded and (interested := INTERESTED.search(folded, at)):
            after = folded[interested.end():].strip()
            if after.startswith(":"):
                colon = folded.index(":", interested.end())
                block.interested.extend(self._names(index, colon + 1, len(folded)))
            else:
                block.interested.extend(self._names_before(index, at, interested.start()))
            handled = True
        elif "au vote" in folded and (not_voting := NOT_VOTING.search(folded, at)):
            if not_voting.start() > at:
                block.not_voting.extend(self._names_before(index, at, not_voting.start()))
            elif folded[not_voting.end():].lstrip().startswith(("*", ":")):
                # « Ne prend pas part au vote : M. X »: the names follow.
                colon = folded.index(":", not_voting.end())
                block.not_voting.extend(self._names(index, colon + 1, len(folded)))
            handled = True
        if "unanimit" in folded and UNANIMOUS.search(folded, at):
            block.unanimous = True
            handled = True
        if "secret" in folded and SECRET.search(folded, at):
            block.secret = True
            handled = True
        if "demande" in folded and (request := BALLOT_REQUEST.search(folded, at)):
            # « À la demande de 12 conseillers, il est procédé au scrutin secret »
            count = int(request.group("count") or request.group("count2"))
            if "public" in request.group(0):
                block.public_requested = count
            else:
                block.secret_requested = count
            handled = True
        if not handled and ("pour" in folded or "contre" in folded) and _tally_words(folded, at):
            # « Pour huit voix, contre … »: the words of a tally that no phrasing reads.
            self.note("tally-unread", index + 1, at + 1, question=block.key,
                      values=(" ".join(self.source.plain[index][at:].split()),))
        return handled

    def _election_line(self, block: Block, index: int, at: int) -> bool:
        """A line of an election: a round's heading, its counts, the candidates' votes, the
        proclamation.  Other lines return ``False`` (« Il est procédé à l'élection au scrutin
        secret » marks the block as an election and is read further as usual)."""
        folded = self.source.folded[index]
        plain = self.source.plain[index]
        line = index + 1
        if ELECTION_SAID.search(folded, at):
            block.election = True
        if "secret" in folded and NOT_SECRET.search(folded, at):
            block.election = True  # an appointment voted openly, not a secret ballot
            if "unanimit" in folded:
                block.unanimous = True
            return True
        handled = False
        if heading := ROUND.match(folded, at):
            word = heading.group(1)
            digits = NUMERIC.match(word)
            number = int(digits.group(0)) if digits else ROUND_WORDS[word]
            block.rounds.append(RoundEntry(number, line))
            block.election = handled = True
            at = heading.end()
            if at >= len(folded.rstrip()):
                return True
        counts = self._election_counts(block, folded, at)
        if counts is not None:
            current = block.rounds[-1] if block.rounds else None
            if current is None or current.candidates or any(
                    getattr(current, name) is not None for name in counts if name != "blank"):
                current = RoundEntry(len(block.rounds) + 1 if current is None
                                     else current.number + 1, line)
                block.rounds.append(current)
            for name, value in counts.items():
                if name == "blank" and current.blank is not None:
                    value += current.blank  # « Bulletins blancs : 1 » then « Bulletins nuls : 0 »
                setattr(current, name, value)
            block.election = True
            return True
        if block.election or block.rounds:
            candidates = self._candidates(folded, plain, at)
            if candidates:
                if not block.rounds:
                    block.rounds.append(RoundEntry(1, line))
                block.rounds[-1].candidates.extend(candidates)
                return True
        if "elu" in folded and (proclaimed := PROCLAIMED.search(folded, at)) and (
                block.election or block.rounds or not proclaimed.group(0).startswith("est elu")):
            # « est élu » alone (« Mme Y est élue secrétaire de séance ») only in an election.
            end = proclaimed.start()
            comma = plain.find(",", at, end)
            name = plain[at:comma if comma >= 0 else end].strip(" .:-\u2013")
            if name:
                block.election = True
                block.elected = name
                block.elected_by_age = bool(BY_AGE.search(folded, at))
                return True
        return handled

    @staticmethod
    def _election_counts(block: Block, folded: str, at: int) -> dict[str, int] | None:
        """« Nombre de votants : 21 – Bulletins blancs ou nuls : 1 – Suffrages exprimés :
        20 – Majorité absolue : 11 »: the whole line, or ``None``."""
        if folded.find(":", at) < 0:  # most lines: every count of a round has its colon
            return None
        found = list(ELECTION_COUNT.finditer(folded, at))
        if not found or not (block.rounds or ELECTION_ONLY.search(folded)
                             or (block.election and ELECTION_CUE.search(folded))):
            return None  # « Votants : 20 » alone, outside a round: the item's counts
        position = at
        for match in found:
            if not ELECTION_SEPARATORS.fullmatch(folded, position, match.start()):
                return None
            position = match.end()
        if not ELECTION_SEPARATORS.fullmatch(folded, position, len(folded)):
            return None
        values: dict[str, int] = {}
        for match in found:
            word, value = match.group(1), int(match.group(2))
            if word.startswith("nombre de bulletins"):
                continue
            name = ("voters" if "votants" in word else "cast" if word.startswith("suffrages")
                    else "majority" if word.startswith("majorite") else "blank")
            values[name] = values.get(name, 0) + value if name == "blank" else value
        return values

    @staticmethod
    def _candidates(folded: str, plain: str, at: int) -> list[tuple[str, int]]:
        """« M. X : 14 voix – Mme Y : 6 voix »: the whole line, or nothing."""
        found: list[tuple[str, int]] = []
        position = ELECTION_SEPARATORS.match(folded, at).end()  # type: ignore[union-attr]
        end = len(folded.rstrip())
        while position < end:
            match = CANDIDATE.match(folded, position)
            if match is None or match.group(1).strip() in ("pour", "contre", "abstention",
                                                           "abstentions"):
                return []
            found.append((plain[match.start(1):match.end(1)].strip(), int(match.group(2))))
            position = ELECTION_SEPARATORS.match(folded, match.end()).end()  # type: ignore
        return found

    def _prose_tally(self, block: Block, index: int, at: int) -> bool:
        """« Adopté par 21 voix pour, 5 voix contre et 1 abstention », « à l'unanimité
        (19 voix) », « à l'unanimité des 17 votants »: figures written in a sentence."""
        folded = self.source.folded[index]
        line = index + 1
        found: dict[str, int] = {}
        for match in PROSE_COUNT.finditer(folded, at):
            name = ("pour" if match.group(2) == "pour" else "contre"
                    if match.group(2) == "contre" else "abstention")
            found.setdefault(name, int(match.group(1)))
        if not found and "unanimit" in folded and (all_of := UNANIMOUS_COUNT.search(folded, at)):
            found = {"pour": int(all_of.group(1) or all_of.group(2))}
            block.unanimous = True
        if not found or block.tally:
            return bool(found)
        if "pour" not in found:
            return False  # « 4 abstentions » alone is no tally
        for name, count in found.items():
            block.tally[name] = (count, line)
        return True

    def _bare_tally(self, block: Block, index: int, at: int) -> None:
        """« Pour 8, Contre 1, Abstentions 0 », « 8 pour, 1 contre »: a tally without colons."""
        folded = self.source.folded[index]
        line = index + 1
        for entry in BARE_TALLY_ENTRY.finditer(folded, at):
            word = entry.group(1) or entry.group(4)
            count = int(entry.group(2) or entry.group(3))
            name = "pour" if word == "pour" else "contre" if word == "contre" else "abstention"
            self._count_once(block, name, word, count, line, entry.start(), entry.end())

    def _count_once(self, block: Block, name: str, word: str, count: int, line: int,
                    start: int, end: int) -> None:
        """One count of an item's tally; a second one for the same word is a problem."""
        if name in block.tally:
            self.problem(f"une seconde ligne « {word} » dans cette délibération "
                         f"(la première ligne {block.tally[name][1]})", line, start + 1,
                         end - start)
        else:
            block.tally[name] = (count, line)

    def _tallies(self, block: Block, index: int, label: re.Match[str] | None) -> None:
        """« Pour : 117 voix », « Contre : 2 (M. A, Mme B) », « Contre : 1 - M. A », « une »."""
        folded = self.source.folded[index]
        line = index + 1
        while label is not None:
            word = label.group(1)
            name = ("pour" if word == "pour" else "contre" if word == "contre"
                    else "abstention" if word.startswith("abst")
                    else "interested" if word.startswith("conseil")
                    else "not_voting" if word.startswith(("ne", "non"))
                    else "blank")
            value = COUNT_VALUE.match(folded, label.end())
            if value is None:
                rest = folded[label.end():].rstrip()
                self.problem(f"le nombre après « {word} » ne se lit pas : écrivez un nombre",
                             line, label.end() + 1, max(1, len(rest) - label.end()))
                return
            count = int(value.group(1)) if value.group(1) else WORDS[value.group(2)]
            self._count_once(block, name, word, count, line, label.start(), value.end())
            position = value.end()
            if unit := UNIT.match(folded, position):
                position = unit.end()
            position, label = self._tally_rest(block, index, name, count, position)
            if label is None and position < len(folded.rstrip()):
                text = self.source.plain[index][position:].strip()
                column = position + len(folded[position:]) - len(folded[position:].lstrip()) + 1
                self.problem(f"« {text} » ne se lit pas après le nombre de « {word} »",
                             line, column, len(text))
                return

    def _tally_rest(self, block: Block, index: int, name: str, count: int, position: int
                    ) -> tuple[int, re.Match[str] | None]:
        """What follows one count: the next label, or the names counted. (where, next label)"""
        folded = self.source.folded[index]
        raw = self.source.raw[index]
        end = len(folded.rstrip())
        after = SEPARATORS.match(folded, position).end()  # type: ignore[union-attr]
        if after >= end:
            return end, None
        if label := TALLY_LABEL.match(folded, after):
            return after, label
        stripped = SPACES.match(folded, position).end()  # type: ignore[union-attr]
        if folded.startswith("(", stripped):
            close = raw.find(")", stripped)
            if close < 0:
                return position, None
            names_start, names_end, position = stripped + 1, close, close + 1
        elif lead := NAMES_LEAD.match(folded, position):
            following = None
            for candidate in re.finditer(r"[,;.]\s*", folded[lead.end():end]):
                if TALLY_LABEL.match(folded, lead.end() + candidate.end()):
                    following = lead.end() + candidate.start()
                    break
            names_start, names_end = lead.end(), following if following is not None else end
            position = names_end
        else:
            return position, None
        names = ([] if folded[names_start:names_end].lstrip().startswith("dont ")
                 else self._names(index, names_start, names_end))
        if not names:
            if not folded[names_start:names_end].lstrip().startswith("dont "):
                return names_start, None
        elif len(names) != count:
            self.problem(f"{len(names)} nommé(s) ici pour un nombre de {count}", index + 1,
                         names_start + 1, max(1, names_end - names_start))
        target = {"not_voting": block.not_voting, "interested": block.interested}.get(name)
        if name in ("pour", "contre", "abstention") and names:
            block.named.setdefault(name, []).extend(names)  # « Contre : 2 (M. A, Mme B) »
        if target is not None:
            known = {m.name for m in target}
            target.extend(m for m in names if m.name not in known)
        after = SEPARATORS.match(folded, position).end()  # type: ignore[union-attr]
        if after >= end:
            return end, None
        return after, TALLY_LABEL.match(folded, after)

    def _names(self, index: int, start: int, end: int) -> list[Mention]:
        """The people named between two offsets (« Mme A, M. B et C »), footnotes dropped."""
        mentions = []
        folded = self.source.folded[index]
        for item in split_items(self.source, index, start, end):
            stop = self.source.raw[index].find("(", item.start, item.end)
            stop = stop if stop >= 0 else item.end
            # Here « et » always separates two people (« MM. Paul A et Jean B »).
            begin = item.start
            for and_start, and_end in _and_spans(folded, item.start, stop):
                mention = parse_mention(self.source, index, begin, and_start)
                if mention is not None:
                    mentions.append(mention)
                begin = and_end
            mention = parse_mention(self.source, index, begin, stop)
            if mention is not None:
                mentions.append(mention)
        return mentions

    def _names_before(self, index: int, start: int, end: int) -> list[Mention]:
        """The people a sentence names before its cue (« M. X, intéressé, quitte la salle et
        ne prend pas part au vote »): the names up to the sentence's verb, not its words."""
        folded = self.source.folded[index]
        if verb := PROSE_VERB.search(folded, start, end):
            end = verb.start()
        return [mention for mention in self._names(index, start, end)
                if any(word[:1].isupper() for word in mention.name.split())]

    def _dated(self, index: int) -> bool:
        """Whether line ``index`` holds a date (a running header's, as a rule)."""
        try:
            return find_date(self.source.folded[index]) is not None
        except BadDate:
            return True

    def _secretary(self, mention: Mention | None, line: int, column: int) -> None:
        if mention is None:
            self.problem("attendu : le nom du secrétaire de séance", line, column)
        elif self.secretary is None:
            self.secretary = mention

    def _free_text(self, index: int, at: int, block: Block | None) -> None:
        source = self.source
        folded = source.folded[index]
        plain = source.plain[index]
        line = index + 1
        if self.people and ("quitt" in folded or "arriv" in folded or "rejoin" in folded
                            or "retir" in folded):
            self._movement(index, at, block)
        if "date" not in self.fields and SEANCE.match(folded, at):
            self._date("date", index, at)
        if "date" not in self.fields and block is None and not self.people:
            self._title_date(index, at)
        if "date" not in self.fields and "l'an " in folded and (
                written := find_written_date(folded, at)):
            self.set_field("date", written[0], line, written[1] + 1)
        if ("body" not in self.fields and block is None and BODY.match(folded, at)
                and "convoqu" not in folded and len(folded) < 200 and ":" not in folded):
            self.set_field("body", " ".join(plain[at:].split()).rstrip(" .,"), line, at + 1)
        if ("in_office" not in self.fields and "exercice" in folded
                and (match := IN_OFFICE.search(folded, at))):
            self.set_field("in_office", int(match.group(1)), line, match.start(1) + 1)
            self.locate("in_office", match.group(1), line, match.start(1) + 1)
        if ("convened" not in self.fields and "convo" in folded
                and (match := CONVENED.search(folded, at))):
            # « légalement convoqué, s'est réuni » names no date: only a label or « convoqué
            # le » promises one.
            promised = bool(re.search(r"\ble\s|du\s|:|date", match.group()))
            self._date("convened", index, match.end(), anchored=promised)
        if (self.president is None and "presidence" in folded
                and (match := PRESIDENCE.search(folded, at))):
            self._presidency(index, match.end())
        if "place" not in self.fields and "reuni" in folded and (match := MET.search(folded, at)):
            stop = PRESIDENCE.search(folded, match.end())
            end = stop.start() if stop else len(folded)
            place = plain[match.end():end].strip().rstrip(",.").strip()
            if place:
                self.set_field("place", " ".join(place.split()), line, match.end() + 1)
        for name, pattern in (("opened", OPENED), ("closed", CLOSED)):
            if name not in self.fields and " a " in folded and (
                    match := pattern.search(folded, at)):
                self._time(name, index, match.end())
        if "habitants" in folded:
            if match := SMALL.search(folded, at):
                self.set_field("small", True, line, match.start() + 1)
            elif match := POPULATION.search(folded, at):
                population = int(re.sub(r"\D", "", match.group(1)))
                self.set_field("small", population < 3500, line, match.start(1) + 1)
        if "assemblee" in folded and (match := KIND.search(folded, at)):
            self.set_field("kind", match.group(1), line, match.start(1) + 1)
        if ("reports_sent" not in self.fields and block is None and "rapports" in folded
                and (sent := REPORTS_SENT.search(folded, at))):
            self._date("reports_sent", index, sent.end(), anchored=True)
        if "urgence" in folded and block is None and URGENT.search(folded, at):
            self.set_field("urgent", True, line, at + 1)
        if "quorum" in folded and RECONVENED.search(folded, at):
            self.set_field("reconvened", True, line, at + 1)
        if (self.secretary is None and "secretaire" in folded
                and (match := SECRETARY_SENTENCE.search(folded, at))):
            self._secretary(parse_mention(source, index, at, match.start()), line, at + 1)

    def _names_left_out(self, index: int, at: int) -> None:
        """A line before the items that names several people but is in no list the reader
        knows (an unknown cue, a list cut from its cue): said, never dropped in silence."""
        raw = self.source.raw[index]
        folded = self.source.folded[index]
        names = len(NAME_LIKE.findall(raw, at))
        alone = names == 1 and NAME_LIKE.fullmatch(raw.strip().rstrip(",;."))
        if not (names and unknown_cue(raw)) and not alone and (
                names < 2 or PRESIDENCE.search(folded) or PROSE.match(folded, at)
                or PROSE_VERB.search(folded, at)):
            return  # one name, or a sentence of the minutes
        excerpt = " ".join(raw[at:].split())
        self.note("list-interrupted", index + 1, at + 1,
                  values=(excerpt if len(excerpt) <= 80 else excerpt[:79] + "…",))

    def _movement(self, index: int, at: int, block: Block | None) -> None:
        """A member arriving or leaving, told in a sentence of the minutes."""
        source = self.source
        folded = source.folded[index]
        plain = source.plain[index]
        verb = DEPARTS.search(folded, at)
        kind = "departure"
        subject_end = verb.start() if verb else -1
        if verb is None:
            verb = ARRIVES.search(folded, at)
            kind = "arrival"
            subject_end = verb.start() if verb else -1
        if verb is None:
            return
        stops = [m.end() for m in SENTENCE_END.finditer(plain, at, verb.start())]
        sentence = stops[-1] if stops else at
        subject_start = sentence
        if lead := MOVEMENT_LEAD.match(folded, sentence):  # « Arrivée de Monsieur X à 20h40 »
            kind = "arrival" if lead.group(1).startswith("arriv") else "departure"
            subject_start = lead.end()
            subject_end = SUBJECT_END.search(folded, subject_start).start()  # type: ignore[union-attr]
        else:
            comma = folded.find(",", sentence, subject_end)
            subject_end = comma if comma >= 0 else subject_end
            if prefix := SUBJECT_PREFIX.match(folded, subject_start, subject_end):
                subject_start = prefix.end()
        who = parse_mention(source, index, subject_start, subject_end)
        if who is None or not any(is_caps(word) and len(word) > 1 for word in who.name.split()):
            return  # « Le Conseil », « Monsieur le Maire »: no member named
        named = MOVEMENT_KEY.search(folded, verb.end())
        key = plain[named.start(1):named.end(1)].rstrip(".") if named else None
        holder = None
        if proxy := PROXY_IN_PROSE.search(folded, verb.end()):
            stop = SENTENCE_END.search(plain, proxy.end())
            holder = parse_mention(source, index, proxy.end(),
                                   stop.start() if stop else len(folded))
        open_item = block is not None and not block.tally
        end = SENTENCE_END.search(plain, verb.end())
        text = " ".join(plain[sentence:end.start() + 1 if end else len(plain)].split())
        self.movements.append(Movement(
            who, kind, len(self.blocks), open_item, key, holder,
            resigned="demission" in folded, text=text))

    def _title_date(self, index: int, at: int) -> None:
        """The sitting's date in a title (« PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL
        DU 27 JUIN 2023 », « Conseil communautaire du mardi 9 avril 2024 »), maybe on the
        title's next line; never a convocation's or a publication's date."""
        folded = self.source.folded[index]
        if not TITLE_WORD.search(folded, at) or NOT_TITLE.search(folded, at):
            return
        self._date("date", index, at)
        following = index + 1
        if "date" not in self.fields and following < len(self.source):
            after = self.source.folded[following]
            if after.lstrip().startswith("du ") and not NOT_TITLE.search(after):
                self._date("date", following, 0)

    def _date(self, name: str, index: int, start: int, anchored: bool = False) -> None:
        folded = self.source.folded[index]
        try:
            found = find_date(folded, start)
        except BadDate as error:
            self.problem(f"date impossible : {error}", index + 1, error.start + 1,
                         error.end - error.start)
            self.set_field(name, None, index + 1, error.start + 1)
            return
        if found is None or (anchored and found[1] > start + 12):
            if not anchored:
                return
            self.problem("attendu : une date (« 19 juin 2026 » ou « 19/06/2026 »)",
                         index + 1, start + 1)
            return
        self.set_field(name, found[0], index + 1, found[1] + 1)

    def _time(self, name: str, index: int, start: int) -> None:
        folded = self.source.folded[index]
        try:
            found = find_time(folded, start)
        except BadDate as error:
            self.problem(f"heure impossible : {error}", index + 1, error.start + 1,
                         error.end - error.start)
            return
        if found is not None and found[1] == start:
            self.set_field(name, found[0], index + 1, start + 1)

    def _presidency(self, index: int, start: int) -> None:
        plain = self.source.plain[index]
        comma = plain.find(",", start)
        end = comma if comma >= 0 else len(plain)
        self.president = parse_mention(self.source, index, start, end)
        if comma >= 0:
            title = plain[comma + 1:].strip().rstrip(".").strip()
            match = re.match(r"(?:pr[ée]sidente?|maire)\s+((?:de\s+la|de\s+l'|de|du|des|d')"
                             r"\s*.+)", title, re.IGNORECASE)
            if match:
                self.body_title = " ".join(match.group(1).split())


def merge_counts(first: HeaderCounts | None, then: HeaderCounts | None) -> HeaderCounts | None:
    """Counts read over several lines: the first value of each count wins."""
    if first is None or then is None:
        return then or first
    values = {name: getattr(first, name) if getattr(first, name) is not None
              else getattr(then, name) for name in ("in_office", "present", "proxies", "voters")}
    return HeaderCounts(**values)


def _and_spans(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The « et » and « & » between spaces from ``start`` to ``end``, each with its spaces.

    What ``\\s+(?:et|&)\\s+`` finds, but that pattern, searched, would try every
    space of a long run of spaces as a start (quadratic); this finds the word
    with one space either side, then takes in the spaces around it.
    """
    position = start
    while match := AND.search(folded, position, end):
        begin = match.start()
        while begin > position and folded[begin - 1].isspace():
            begin -= 1
        position = SPACES.match(folded, match.end(), end).end()  # type: ignore[union-attr]
        yield begin, position


# A word that every label of COUNT holds: a line without one has no counts (cheap to test).
_COUNT_WORDS = ("exercice", "present", "pouvoir", "procuration", "represent", "votant",
                "pris part", "afferent")


def _tally_words(folded: str, at: int) -> bool:
    """Whether a line has figures and two of the words of a tally (pour, contre, abstention)."""
    return bool(DIGIT.search(folded, at)) and len(
        {word.group(1)[:4] for word in TALLY_WORD.finditer(folded, at)}) >= 2


def unknown_cue(plain: str) -> bool:
    """Whether a line begins with a label and a colon that is no commune heading: words in
    lower case (« Ne siégeaient pas : », « Membres représentés : »), not « Beure : »."""
    label = LABEL.match(plain)
    if label is None:
        return False
    words = re.split(r"[\s'-]+", label.group(1).strip())
    if len(words) < 2 or ROLE.fullmatch(fold(label.group(1))):
        return False  # « conseillers municipaux : » between the names of a list
    return any(word[:1].islower() and word not in PARTICLES for word in words[1:])

