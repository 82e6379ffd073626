"""Segment: give each section of a record its own line.

A *section* is a part of the attendance record that a *cue* opens: « Présents : »,
« Excusés : », « Procurations : », « Secrétaire de séance : », « En exercice : ».
Most records start each section on a line of its own, and the reader finds
sections by how lines begin.  Some flatten the whole attendance into one
paragraph (« … salle du Conseil. EN EXERCICE : 23 PRESIDENT : Monsieur A
PRESENTS : Monsieur A, Madame B EXCUSES : … PROCURATIONS : … »): this stage
breaks such a line before each cue, so the reader meets one section per line.

The stage only inserts line breaks, and says where (:class:`Segmented`), so every
offset of its output maps back to the text it was given.  A line is broken only
when it holds two cues or more, each in capitals or with a capital initial,
followed by a colon: a single cue, or a cue word in running prose (« les
membres présents »), leaves the line as it is.
"""

from __future__ import annotations

import bisect
import re

import attrs

from quorum.reader._text import fold

__all__ = ["Segmented", "segment"]

# The cue words of sections, folded (lower case, no accents); a cue is one of them
# followed by a colon.
_CUE = re.compile(
    r"(?:etaient\s+|membres\s+)?(?:en\s+exercice|presidente?|presents?|absente?s?(?:\s+excusee?s?)?"
    r"|excusee?s?|procurations?|pouvoirs?|mandants?|mandataires?|secretaire\s+de\s+seance"
    r"|votants?)\s*+:"
)
_LINE = re.compile(r"[^\n]+")


@attrs.frozen
class Segmented:
    """The text with a line break inserted before each cue of a flattened paragraph.

    ``breaks`` are the offsets, in the text given, where a line break was inserted.
    """

    text: str
    breaks: tuple[int, ...]
    # Where each inserted line break stands in :attr:`text` (derived once).
    _inserted: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_inserted",
                           tuple(offset + index for index, offset in enumerate(self.breaks)))

    def origin(self, offset: int) -> int:
        """The offset in the text given of ``offset`` in :attr:`text` (a break maps to the
        character it was put before)."""
        return offset - bisect.bisect_left(self._inserted, offset)


def segment(text: str) -> Segmented:
    """Break flattened paragraphs before each of their cues (see the module docstring)."""
    folded = fold(text)
    breaks: list[int] = []
    for line in _LINE.finditer(folded):
        if line.group().count(":") < 2:
            continue
        cues = [match for match in _CUE.finditer(folded, line.start(), line.end())
                if _written_as_cue(text, folded, match.start(), line.start())]
        if len(cues) < 2:
            continue
        for cue in cues:
            start = cue.start()
            if folded[line.start():start].strip():
                breaks.append(start)
    if not breaks:
        return Segmented(text, ())
    pieces = [text[start:end] for start, end in zip((0, *breaks), (*breaks, len(text)),
                                                     strict=True)]
    return Segmented("\n".join(pieces), tuple(breaks))


def _written_as_cue(text: str, folded: str, start: int, line_start: int) -> bool:
    """Whether the cue word at ``start`` is written as a label: at the line's start, or after
    a space, and in capitals or with a capital initial."""
    if start > line_start and not folded[start - 1].isspace():
        return False
    word = text[start:start + 20].split(":")[0].split()
    return bool(word) and (word[0].isupper() or word[0][:1].isupper())
