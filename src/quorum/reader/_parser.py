"""The line scanner's driver: one pass over the lines of a record.

Each line is recognised by how it begins (after folding: lower case, no accents —
see :mod:`quorum.reader._text`) and handed to the stage it calls for:

- the header: the body (« Conseil de Communauté »), « Séance du … », the
  members in office, « convoqué le … », « sous la présidence de … »,
  counts (« En exercice 39 Présents 36 Pouvoirs 3 Votants 39 »): the facts
  stage, :mod:`quorum.reader._facts`;
- the lists: « Étaient présents : », « Étaient absents : » (« Absents
  excusés et représentés : » …), « Procurations de vote : », « Mandants : »,
  « Ordre de passage des rapports : »: the list-items stage,
  :mod:`quorum.reader._items` (one item, one mention: :mod:`quorum.reader._lists`);
- deliberation blocks, from « Délibération n° … », « Rapport n° … » or an item
  « 1. », « 3/a - »: interested members, those who take no part in the vote,
  « à l'unanimité », « scrutin secret », the tally lines « Pour : 117 », the rounds
  of an election, arrivals and departures told in prose: the facts stage again.

The cue words are the vocabulary of :mod:`quorum.reader._cues`; what the pass reads
is kept on :class:`~quorum.reader._state.ReaderState`.  The builder
(:mod:`quorum.reader._build`) then reconciles every name with the lists
(:mod:`quorum.reader._names`), builds the windows along the order of passage, and
gathers every problem before raising them together.
"""

from __future__ import annotations

from quorum.reader._cues import (
    ABSENT,
    AGENDA,
    DELIBERATION,
    GAVE_PROXY,
    ITEM,
    KEY_LINE,
    OBJECT,
    ORDER_OF_BUSINESS,
    OTHERS,
    PARALLEL,
    PREFIX,
    PRESENT,
    PRESIDENT_CUE,
    PROXIES,
    SECRETARY,
    SUBSTITUTED,
    TABLE_HEADING,
    TITLED_KEY,
)
from quorum.reader._facts import merge_counts
from quorum.reader._items import ListReader
from quorum.reader._lists import parse_mention
from quorum.reader._state import Block, Person, ProxyEntry

__all__ = ["Block", "Person", "ProxyEntry", "Reader"]


class Reader(ListReader):
    """One pass over one record's lines: each line goes to the stage its first words call for."""

    def scan(self) -> None:
        source = self.source
        block: Block | None = None
        index = 0
        count = len(source)
        while index < count:
            folded = source.folded[index]
            at = PREFIX.match(folded).end()  # type: ignore[union-attr]
            if at >= len(folded.rstrip()):
                index += 1
                continue
            line = index + 1
            consumed = 1
            counted = False
            if match := DELIBERATION.match(folded, at):
                block = Block(line)
                self.blocks.append(block)
                self.keyed = True
                identifier = source.plain[index][match.end():].strip(" .:*")
                titled = TITLED_KEY.fullmatch(identifier)
                if titled:  # « Délibération n° 2022-38 – Approbation … »: an item
                    block.loose = True  # of the minutes, in the order of the text
                    block.key = block.identifier = titled.group(1)
                    block.key_column = match.end() + 1
                    block.title = titled.group(2).strip() or None
                else:
                    block.identifier = identifier or None
            elif (match := KEY_LINE.match(folded, at)) and (block is None or block.key):
                block = Block(line)
                self.blocks.append(block)
                self.keyed = True
                self._key_line(block, index, match)
                self._tally_line(block, index, match.end())  # « Point n° 8 – … : adopté (22 voix) »
            elif (block is None and not self.keyed and not self.agenda
                  and ORDER_OF_BUSINESS.match(folded, at)):
                consumed = self._order_of_business(index)
            elif (not self.keyed and not self.agenda and (self.people or self.proxies)
                  and (item := ITEM.match(source.plain[index], at))):
                # « 1. Approbation … », « 3/a - Tarifs », « D23/45 – … »: an item of the sitting.
                block = Block(line, loose=True)
                self.blocks.append(block)
                block.key = item.group(1)
                block.key_column = item.start(1) + 1
                block.title = source.plain[index][item.end():].strip() or None
                self._tally_line(block, index, item.end())
            elif not self.agenda and (self.people or self.proxies) and OBJECT.match(folded, at):
                block = Block(line, loose=True)  # « Objet : … »: an item without a number
                self.blocks.append(block)
                block.title = source.plain[index][folded.index(":", at) + 1:].strip() or None
            elif match and block is not None:
                self._key_line(block, index, match)
                counted = True  # the item's heading, not its text
            elif block is not None and self._election_line(block, index, at):
                pass  # a round of an election: its counts are not the item's header counts
            elif counts := self._counts(index, at):
                # Counts may come one per line (« Présents : 36 », « Votants : 39 »).
                counted = True
                if block is not None and block.body_seen and (block.tally or block.unanimous):
                    # After an item's vote: the counts of the items that follow (a member
                    # came or went) when the next item's heading comes next, else its own.
                    self.pending_counts = merge_counts(self.pending_counts, counts)
                    self.pending_line = self.pending_line or line
                elif block is not None:
                    block.counts = merge_counts(block.counts, counts)
                else:
                    self._header_counts(counts, line, at + 1)
            elif block is not None and self._tally_line(block, index, at):
                self._free_text(index, at, block)
            elif (match := PRESIDENT_CUE.match(folded, at)) and self.president is None:
                # « Président de séance : » / « Présidence : M. X, Maire », maybe on the next line.
                target, begin = index, match.end()
                if not folded[begin:].strip() and index + 1 < count:
                    target, begin, consumed = index + 1, 0, 2
                plain_line = source.plain[target]
                comma = plain_line.find(",", begin)
                self.president = parse_mention(source, target, begin,
                                               comma if comma >= 0 else len(plain_line))
            elif block is None and TABLE_HEADING.match(folded, at):
                consumed = self._attendance_table(index)
            elif match := PRESENT.match(folded, at):
                consumed = self._people(index, match.end(), "present", False)
            elif match := PARALLEL.match(folded, at):
                # « Mandants : A, B » then « Mandataires : C, D »: A → C, B → D.
                consumed = self._parallel(index, match.end(), match.group(1).startswith("mandants"))
            elif match := SUBSTITUTED.match(folded, at):
                # « Délégués titulaires suppléés : M. X, représenté par sa suppléante Mme Y »
                consumed = self._people(index, match.end(), "absent", False)
            elif match := ABSENT.match(folded, at):
                excused = "excus" in match.group(0)
                # « Absents excusés ayant donné pouvoir : M. X à M. Y, … »: items are proxies.
                self.absent_proxies = bool(GAVE_PROXY.search(match.group(0)))
                excused = excused or "represente" in match.group(0)
                consumed = self._people(index, match.end(), "absent", excused)
                self.absent_proxies = False
            elif match := PROXIES.match(folded, at):
                consumed = self._proxy_list(index, match.end())
            elif match := SECRETARY.match(folded, at):
                mention = parse_mention(source, index, match.end(), len(folded))
                self._secretary(mention, line, match.end() + 1)
            elif match := AGENDA.match(folded, at):
                consumed = self._agenda(index, match.end())
            elif OTHERS.match(folded, at):
                # « Assistaient également : M. X, directeur … »: staff, not members.
                consumed = len(self._list_lines(index, at, join=True))
            else:
                if block is None and not self.blocks:
                    self._names_left_out(index, at)
                self._free_text(index, at, block)
            if block is not None and line != block.line and not counted:
                block.body_seen = True
                if self.pending_counts:  # more of the item's text: the counts were its own
                    block.counts = merge_counts(block.counts, self.pending_counts)
                    self.pending_counts, self.pending_line = None, 0
            elif block is not None and line == block.line and self.pending_counts:
                block.counts = self.pending_counts
                self.note("header-counts-repeated", self.pending_line, question=block.key)
                self.pending_counts, self.pending_line = None, 0
            index += consumed
        if block is not None and self.pending_counts:  # the last item's own counts
            block.counts = merge_counts(block.counts, self.pending_counts)
        self._pair_parallel()
        self._drop_headings()
