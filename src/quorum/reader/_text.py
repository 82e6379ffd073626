"""Text helpers of the reader: length-preserving folding, lines, problems.

Every helper here keeps offsets: a folded line has exactly the length of the
line it comes from, so a match found in the folded text (lower case, accents
dropped, typographic apostrophes and spaces made plain) gives the column of
the same text in the record as written.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from operator import itemgetter

import attrs

from quorum.errors import AmbiguousNameError, ReadProblem, RecordError, UnknownNameError

__all__ = ["Problems", "Source", "fold", "normalise_lines"]


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x5B):
        table[code] = chr(code + 0x20)
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base.isascii() and base.isalpha():
            table[code] = base.lower()
        elif len(char.lower()) == 1:
            table[code] = char.lower()
    for char in "\u2018\u2019\u02bc\u00b4`":
        table[ord(char)] = "'"
    for char in "\u00a0\u202f\u2009\u2007\t\r\f\v":
        table[ord(char)] = " "
    for char in "\u2010\u2011\u2012\u2013\u2014":
        table[ord(char)] = "-"
    table[0x1E9E] = "s"  # capital sharp s
    table[0xBA] = "°"  # « nº », the ordinal indicator PDF conversions put for « n° »
    return table


_FOLD = _fold_table()
# str.translate looks every non-ASCII character up in a dict, one at a time
# (most of the reading time on 5 MB); bytes.translate is a table lookup.
# Latin-1 text (nearly all of a French record) goes through bytes; the rare
# characters past U+00FF (« ’ », « œ », narrow spaces) through the dict.
_LATIN_FOLD = bytes(ord(_FOLD.get(code, chr(code))) for code in range(256))
_PAST_LATIN = re.compile(r"([^\x00-\xff]+)")


def _fold_latin(text: str) -> str:
    return text.encode("latin-1").translate(_LATIN_FOLD).decode("latin-1")


def fold(text: str) -> str:
    """``text`` in lower case without accents, same length, for matching.

    >>> fold("Étaient PRÉSENTS : M. Kévin VEJUX")
    'etaient presents : m. kevin vejux'
    """
    try:
        return _fold_latin(text)
    except UnicodeEncodeError:
        pass
    parts = _PAST_LATIN.split(text)  # latin-1 runs at even indexes, the others between
    parts[::2] = [_fold_latin(part) for part in parts[::2]]
    parts[1::2] = [part.translate(_FOLD) for part in parts[1::2]]
    return "".join(parts)


@attrs.define
class Source:
    """The record's lines in three aligned forms.

    ``raw`` as written (for error messages and bold headings), ``plain`` with
    the ``**`` bold markers blanked out, ``folded`` the plain line folded.
    """

    file: str | None
    raw: list[str]
    plain: list[str]
    folded: list[str]
    # The lines as written, and where the text of lines joined to a line came from
    # (line index -> [(offset in the joined line, line index, offset there)]).
    original: list[str] = attrs.field(factory=list)
    moved: dict[int, list[tuple[int, int, int]]] = attrs.field(factory=dict)
    # When the lines read are not the lines as written (the text was cleaned or
    # segmented first): where an offset of the text read comes from in the text as
    # written, and where the lines of both begin.
    origin: Callable[[int], int] | None = None
    starts: list[int] = attrs.field(factory=list)
    original_starts: list[int] = attrs.field(factory=list)

    @classmethod
    def from_text(cls, text: str, file: str | None = None, *,
                  written: str | None = None, origin: Callable[[int], int] | None = None
                  ) -> Source:
        """The lines of ``text``; ``written`` is the text as written when ``text`` was made
        from it, and ``origin`` maps an offset of ``text`` to an offset of ``written``."""
        text = normalise_lines(text)
        raw = text.split("\n")
        plain = [line.replace("**", "  ") for line in raw]
        folded = [fold(line) for line in plain]
        if written is None or origin is None:
            return cls(file, raw, plain, folded, list(raw))
        original = written.split("\n")
        return cls(file, raw, plain, folded, original, origin=origin,
                   starts=_line_starts(raw), original_starts=_line_starts(original))

    def __len__(self) -> int:
        return len(self.raw)

    def join(self, line: int, following: Sequence[int]) -> None:
        """Append the ``following`` lines to line ``line``, each after a space (an item
        wrapped by a conversion), leaving them blank; :meth:`where` still finds their text."""
        segments = self.moved.setdefault(line, [(0, line, 0)])
        offset = len(self.raw[line]) + 1
        for index in following:
            segments.append((offset, index, 0))
            offset += len(self.raw[index]) + 1
        for lines in (self.raw, self.plain, self.folded):
            lines[line] = " ".join([lines[line], *(lines[index] for index in following)])
            for index in following:
                lines[index] = ""

    def where(self, line: int, column: int) -> tuple[int, int]:
        """The line and column (1-based) as written of a line and column of a joined line."""
        segments = self.moved.get(line - 1)
        if segments:
            found = bisect.bisect_right(segments, (column - 1, len(self.raw), 0)) - 1
            offset, source_line, source_offset = segments[max(0, found)]
            line, column = source_line + 1, column - offset + source_offset
        if self.origin is None or not 0 < line <= len(self.starts):
            return line, column
        written = self.origin(self.starts[line - 1] + column - 1)
        index = max(0, bisect.bisect_right(self.original_starts, written) - 1)
        return index + 1, written - self.original_starts[index] + 1


def normalise_lines(text: str) -> str:
    """``text`` without its byte-order mark, every line ending a plain « \\n »."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


# line, column, message, length, kind, name, candidates: a plain tuple, for
# garbage makes a problem of every other word (100,000 of them in 5 MB).
_Entry = tuple[int, int, str, int, str, str, tuple[str, ...]]


@attrs.define
class Problems:
    """Every problem found in one pass, raised together at the end."""

    source: Source
    entries: list[_Entry] = attrs.field(factory=list)

    def add(self, message: str, line: int, column: int = 1, length: int = 1, *,
            kind: str = "", name: str = "", candidates: Sequence[str] = ()) -> None:
        """Record a problem at ``line`` (1-based) and ``column`` (1-based)."""
        line, column = self.source.where(line, column)
        self.entries.append((line, max(1, column), message, max(1, length), kind, name,
                             tuple(candidates)))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def error(self) -> RecordError:
        """The error carrying every problem, of the class the first one calls for."""
        raw = self.source.original or self.source.raw
        file = self.source.file
        entries = sorted(self.entries, key=itemgetter(0, 1))
        problems = [
            ReadProblem(message=message, line=line, column=column, length=length, file=file,
                        source_line=raw[line - 1] if 0 < line <= len(raw) else "")
            for line, column, message, length, _, _, _ in entries
        ]
        _, _, _, _, kind, name, candidates = entries[0]
        if kind == "ambiguous":
            return AmbiguousNameError(problems, name=name, candidates=candidates)
        if kind == "unknown":
            return UnknownNameError(problems, name=name, candidates=candidates)
        return RecordError(problems)
