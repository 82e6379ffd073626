"""The clean stage of the reader: the noise of a conversion repaired, every repair recorded.

A record converted from PDF or HTML carries noise that has nothing to do with the
sitting: markup, page numbers and running headers in the middle of a list, the
« ti » ligature lost (« délibéraon »), words glued (« MmeHélène ») or split
(« Jean- Claude », « Marie-⏎Françoise »), lines of mojibake.  :func:`clean`
repairs it and says exactly what it changed, so that every position found in the
cleaned text can be mapped back to the text as written.

Terms used here:

- *input*: the text given to :func:`clean`, the decoded text as written.  Every
  offset stored by this module (:class:`Edit`, :class:`Doubt`) points into it.
- *edit*: ``Edit(start, end, replacement, fixer)``, ``input[start:end]`` replaced
  by ``replacement`` (an empty span is an insertion, an empty replacement a
  deletion).  The edits of a :class:`CleanText` are sorted and never touch one
  another: there is always at least one unedited character between two edits.
  When two fixers change the same or adjacent text their edits are merged into
  one, whose ``fixer`` names both (``"strip_markup+drop_page_furniture"``).
- *fixer*: a small pure function ``fixer(text) -> list[Edit | Doubt]`` whose
  edits and doubts point into ``text``, the output of the fixer before it.  The
  fixers are registered in :data:`FIXERS` and run once each, in that order; each
  has a switch of the same name in :class:`CleanConfig`.  :func:`clean` composes
  their edits so that they all point into the input.
- *doubt*: ``Doubt(code, start, end, detail)``, a repair that is a guess and could
  change a figure (a hyphen at a line end that may belong to a compound surname or
  only to the typesetter).  The reader turns each into a finding; ``detail`` is
  French, for a person.
- *running header* (or footer): a line a PDF repeats on every page, such as
  « Commune de X – Conseil municipal du 3 mai 2022 ».  It is told apart from
  text that merely repeats (« Adopté à l'unanimité. ») by three things together:
  it occurs at least twice identically (spaces folded); it holds 15 to 200
  characters, names a date or the body (« Conseil », « Séance », « Commune » …)
  and neither ends with « . », « : », « , », « ; » nor starts with a bullet; and
  the occurrence dropped sits at a page break (a page number line or a form feed
  between it and the text around it) or in the middle of a list (after a line
  ending with « , » or « ; », when it names both a date and the body).  An
  occurrence with no text before it opens the record and is kept.
- *page number line*: « Page 1 sur 3 », « Page 2/3 », « - 2 - », « 2/22 », always
  furniture; a line holding only a number is furniture only at a form feed or
  next to a running header that is dropped, never next to a page number line or
  another number (a lone « 1 », « 2 » may be a row number of a list, which the
  reader needs).

The fixers, in their order, and why that order:

1. ``drop_invisible``: zero-width spaces, stray byte order marks and soft hyphens
   (but at a line end), first: no later fixer must find one inside a word, a tag
   or a broken sequence;
2. ``strip_markup``: HTML tags and entities (« <strong> », « <br> », « &amp; »),
   so that no tag stands inside a broken sequence or a page number line; the
   Markdown ``**`` markers the reader uses are kept;
3. ``fix_mojibake``: UTF-8 read as cp1252 (« Ã© », « â€™ »), before every fixer
   that reads letters; only on lines that look broken (ftfy's ``is_bad`` idea),
   each broken sequence re-decoded; before ``normalise_spaces``, as the no-break
   space of « Ã\u00a0 » is the second half of « à »;
4. ``drop_page_furniture``: page number lines and running headers, with the blank
   lines around them when they cut running text; before ``normalise_spaces`` so
   that form feeds still mark the page breaks (it cuts lines at « \\r » too);
5. ``normalise_spaces``: no-break, narrow and thin spaces into « » (one character
   for one), « \\r\\n » and « \\r » into « \\n », form feeds into « \\n »;
6. ``unfold_hyphen_wrap``: « Marie-⏎Françoise », « présenta-⏎tion », « MENES
   (soft hyphen)⏎TRIER »: lines joined, after furniture removed what stood
   between the two halves;
7. ``restore_ti_ligature``: « délibéraon » into « délibération », after the
   wraps are joined (« délibé-⏎raon »);
8. ``fix_doubled_civility``: « Mmee » into « Mme », « Messieurss »;
9. ``split_glued_civility``: « MmeHélène », « àM. Yves », after the doubled
   civilities are repaired (« MmeeHélène »);
10. ``join_split_hyphen``: « Jean- Claude » into « Jean-Claude », once the name
    stands alone (« MmeJean- Claude »);
11. ``drop_stray_letter``: « ROUSSEL, s Mme Agnès », after the civilities are
    whole again.

How the reader uses it: it cleans the decoded text, reads the cleaned one, and
maps every position back (``Source.from_text(cleaned.text, written=decoded.text,
origin=cleaned.origin)``); each :class:`Doubt` becomes a finding at
``Span(doubt.start, doubt.end)``, already in the decoded text.  With
``drop_invisible`` and ``normalise_spaces`` on, the cleaned text holds no byte
order mark and no « \\r », so the reader's own line normalisation leaves its
offsets alone.

Every fixer runs in linear time, with possessive quantifiers where a regex could
otherwise backtrack over a long run of spaces.  Applying :func:`clean` to its own
output changes nothing.

>>> cleaned = clean("<strong>Présents :</strong> MmeHélène VIDAL")
>>> cleaned.text
'Présents : Mme Hélène VIDAL'
>>> [(e.start, e.end, e.replacement, e.fixer) for e in cleaned.edits]
[(0, 8, '', 'strip_markup'), (18, 27, '', 'strip_markup'), (31, 31, ' ', 'split_glued_civility')]
>>> cleaned.origin(cleaned.text.index("Hélène"))
31
"""

from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from encodings import cp1252
from itertools import accumulate, pairwise
from typing import Any

import attrs

__all__ = [
    "FIXERS",
    "CleanConfig",
    "CleanText",
    "Doubt",
    "Edit",
    "Fixer",
    "apply_edits",
    "clean",
]


def _ordered(instance: Edit | Doubt, attribute: attrs.Attribute[int], value: int) -> None:
    if not 0 <= instance.start <= value:
        raise ValueError(f"span {instance.start}..{value} is not in order")


@attrs.frozen
class Edit:
    """``input[start:end]`` replaced by ``replacement``, by the fixer named ``fixer``."""

    start: int
    end: int = attrs.field(validator=_ordered)
    replacement: str
    fixer: str


@attrs.frozen
class Doubt:
    """A repair that is a guess, over ``input[start:end]``; ``detail`` says it in French.

    Codes: ``hyphen-wrap`` (a hyphen at a line end between two words in capitals,
    kept: a compound surname or a surname cut by the typesetter),
    ``ligature-guess`` (« ti » restored in a capitalised word by the « -aon »
    rule alone, not from the vocabulary).
    """

    code: str
    start: int
    end: int = attrs.field(validator=_ordered)
    detail: str


def _edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(edits)


def _doubts(doubts: Iterable[Doubt]) -> tuple[Doubt, ...]:
    return tuple(doubts)


@attrs.frozen
class CleanText:
    """The cleaned text, the edits that made it from the input, and the doubts.

    :meth:`origin` maps an offset of ``text`` back to the input: outside the edits
    the same character; inside a replacement the character of the replaced span at
    the same distance from its start, clamped to the span's last character (the
    span's start for an insertion).  It is monotonic (never decreasing).
    """

    text: str
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=_edits)
    doubts: tuple[Doubt, ...] = attrs.field(default=(), converter=_doubts)
    # Where each edit's replacement starts in ``text``, and ``text`` offset minus
    # input offset just after each edit.
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _shifts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        starts, shifts = _offsets(self.edits)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_shifts", shifts)

    def origin(self, offset: int) -> int:
        """The input offset of offset ``offset`` of :attr:`text` (``len(text)`` maps to
        the input's length)."""
        return _origin(self.edits, self._starts, self._shifts, offset)

    def origin_span(self, start: int, end: int) -> tuple[int, int]:
        """The input span of ``text[start:end]``: an end inside or just after a
        replacement maps to the end of the replaced span, so a span that covers part
        of an edit covers the whole of what it replaced."""
        return (_origin(self.edits, self._starts, self._shifts, start),
                _origin_end(self.edits, self._starts, self._shifts, end))


def _offsets(edits: Sequence[Edit]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each edit's replacement starts in the edited text, and the edited text's
    offset minus the input's just after each edit."""
    deltas = [len(edit.replacement) - edit.end + edit.start for edit in edits]
    shifts = tuple(accumulate(deltas))
    starts = tuple(edit.start + shift - delta
                   for edit, shift, delta in zip(edits, shifts, deltas, strict=True))
    return starts, shifts


def _origin(edits: Sequence[Edit], starts: Sequence[int], shifts: Sequence[int],
            offset: int) -> int:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return offset
    edit = edits[index]
    inside = offset - starts[index]
    if inside < len(edit.replacement):
        return edit.start + min(inside, max(edit.end - edit.start - 1, 0))
    return offset - shifts[index]


def _origin_end(edits: Sequence[Edit], starts: Sequence[int], shifts: Sequence[int],
                offset: int) -> int:
    index = bisect.bisect_left(starts, offset) - 1
    if index < 0:
        return offset
    edit = edits[index]
    if offset - starts[index] <= len(edit.replacement):
        return edit.end
    return offset - shifts[index]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` (sorted, not overlapping, pointing into ``text``) made.

    >>> apply_edits("Mmee X", [Edit(3, 4, "", "fix_doubled_civility")])
    'Mme X'
    """
    pieces: list[str] = []
    done = 0
    for edit in edits:
        pieces += (text[done:edit.start], edit.replacement)
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces)


# ---------------------------------------------------------------------------
# Character classes and small helpers shared by the fixers.

_UPPER = "A-ZÀ-ÖØ-ÞŒŸ"
_LOWER = "a-zß-öø-ÿœ"
_LETTER = _UPPER + _LOWER
# The characters normalise_spaces makes a plain space, and the plain ones.
_SPACE_LIKE = (" \t\v\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a"
               "\u3000\u1680")
_CIVILITIES = ("Mesdemoiselles", "Mesdames", "Messieurs", "Mademoiselle", "Madame",
               "Monsieur", "Mlles", "Mlle", "Mmes", "Mme", "MM.", "M.")
_CIVILITY = "|".join(re.escape(word) for word in _CIVILITIES)
# Every civility starts with « M »: the regexes below start with that letter (the
# regex engine then finds the candidates fast) and go on with the rest.
_CIVILITY_WORDS = frozenset(word.rstrip(".") for word in _CIVILITIES) | {"Mr", "MME", "MMES"}
_CIVILITY_REST = "|".join(re.escape(word[1:]) for word in _CIVILITIES)


def _diff_edit(start: int, old: str, new: str, fixer: str) -> Edit:
    """The one edit that turns ``old`` (at ``start``) into ``new``, common ends kept."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(start + prefix, start + len(old) - suffix, new[prefix:len(new) - suffix], fixer)


# ---------------------------------------------------------------------------
# drop_invisible

_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_NO_INVISIBLE = str.maketrans(dict.fromkeys(_INVISIBLE))
_ODD_BLANK = re.compile(f"[{_SPACE_LIKE[1:]}{_INVISIBLE}]")  # all but the plain space
# A soft hyphen at a line end is kept for unfold_hyphen_wrap: it tells a word cut
# by the typesetter.
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff]++|\u00ad(?![ \t]*+[\r\n])")


def drop_invisible(text: str) -> list[Edit]:
    """Zero-width spaces and joiners, stray byte order marks and soft hyphens dropped
    (a soft hyphen at a line end is kept for :func:`unfold_hyphen_wrap`).

    >>> apply_edits("MENES\u00adTRIER\u200b", drop_invisible("MENES\u00adTRIER\u200b"))
    'MENESTRIER'
    """
    if text.isascii() or not any(char in text for char in _INVISIBLE):
        return []
    return [Edit(m.start(), m.end(), "", "drop_invisible") for m in _INVISIBLE_RE.finditer(text)]


# ---------------------------------------------------------------------------
# fix_mojibake

_CP1252_BYTE = {char: index for index, char in enumerate(cp1252.decoding_table)
                if char != "\ufffe"}
for _index in (0x81, 0x8D, 0x8F, 0x90, 0x9D):  # undefined in cp1252: kept as C1 controls
    _CP1252_BYTE[chr(_index)] = _index
# The characters a continuation byte 0x80-0xBF becomes when read as cp1252.
_CONT = "".join(sorted(re.escape(char) for char, byte in _CP1252_BYTE.items()
                       if 0x80 <= byte <= 0xBF))
_CONT_CLASS = f"[{_CONT}]"
# « Ã » then a plain space: « à » whose no-break space a conversion made plain
# (taken only on a line the gate found broken).
_SEQUENCE = (f"(?:\u00c3 |[\u00c2-\u00df]{_CONT_CLASS}|[\u00e0-\u00ef]{_CONT_CLASS}{{2}}"
             f"|[\u00f0-\u00f4]{_CONT_CLASS}{{3}})")
_MOJIBAKE_RUN = re.compile(f"(?:{_SEQUENCE})++")
# The gate: sequences French text never holds (« Ã » before a continuation
# character, « Â » before a space, a guillemet or « ° », « â€ » and « â‚¬ » for
# punctuation and « € », « Å“ » and « Å’ » for « œ » and « Œ »).
_BAD = re.compile(f"\u00c3{_CONT_CLASS}|\u00c2[\u00a0\u00ab\u00bb\u00b0]|\u00e2\u20ac"
                  "|\u00e2\u201a\u00ac|\u00c5[\u201c\u2019]")


def _redecode(run: str) -> str:
    run = run.replace("\u00c3 ", "\u00c3\u00a0")
    for _ in range(3):  # text encoded twice or three times over
        try:
            fixed = bytes(_CP1252_BYTE[char] for char in run).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return run
        if fixed == run or not _MOJIBAKE_RUN.fullmatch(fixed):
            return fixed
        run = fixed
    return run


def fix_mojibake(text: str) -> list[Edit]:
    """UTF-8 read as cp1252 re-decoded (« rÃ©uni » → « réuni »), on broken lines only:
    each run of broken sequences of such a line is re-decoded on its own, so a line
    that mixes good text and mojibake is repaired too.

    >>> apply_edits("rÃ©uni", fix_mojibake("rÃ©uni"))
    'réuni'
    """
    edits: list[Edit] = []
    position = 0
    while True:
        bad = _BAD.search(text, position)
        if bad is None:
            return edits
        line_start = max(text.rfind("\n", 0, bad.start()), text.rfind("\r", 0, bad.start())) + 1
        line_end = _line_end(text, bad.end())
        line = text[line_start:line_end]
        line_edits = _mojibake_edits(line)
        fixed = apply_edits(line, line_edits)
        again = apply_edits(fixed, _mojibake_edits(fixed))
        for _ in range(3):  # a repair that makes new mojibake with its neighbours
            if again == fixed:
                break
            fixed, again = again, apply_edits(again, _mojibake_edits(again))
        if fixed != apply_edits(line, line_edits):
            line_edits = [_diff_edit(0, line, fixed, "fix_mojibake")]
        edits.extend(attrs.evolve(edit, start=edit.start + line_start, end=edit.end + line_start)
                     for edit in line_edits)
        position = line_end


def _mojibake_edits(line: str) -> list[Edit]:
    edits: list[Edit] = []
    for run in _MOJIBAKE_RUN.finditer(line):
        fixed = _redecode(run.group())
        if fixed != run.group():
            edits.append(_diff_edit(run.start(), run.group(), fixed, "fix_mojibake"))
    return edits


def _line_end(text: str, position: int) -> int:
    end = len(text)
    for brk in ("\n", "\r"):
        found = text.find(brk, position, end)
        if found >= 0:
            end = found
    return end


# ---------------------------------------------------------------------------
# strip_markup

_BLOCK_TAGS = "p|div|li|tr|h[1-6]|ul|ol|table|blockquote"
_INLINE_TAGS = ("strong|b|i|em|u|s|span|font|sup|sub|small|big|center|a|td|th|tbody|thead"
                "|tfoot|mark|abbr|cite|code")
# A tag's name ends at a space, « / » or « > » (« <b’b> » is no tag).
_ATTRIBUTES = f"(?:[\r\n\f{_SPACE_LIKE}][^<>]*+)?/?>"
_TAG = re.compile(
    rf"<(?P<br>br|hr){_ATTRIBUTES}|</?(?:{_BLOCK_TAGS}){_ATTRIBUTES}(?P<block>)"
    rf"|</?(?:{_INLINE_TAGS}){_ATTRIBUTES}"
    r"|&(?:amp;)*(?:[a-zA-Z]{2,8}|#[0-9]{1,6}|#[xX][0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)
_LINE_END = re.compile(r"[ \t]*+(?:\r|\n|$)")


def _unescape(entity: str) -> str | None:
    if entity.lower() in ("&nbsp;", "&#160;", "&#xa0;"):
        return " "
    value = entity
    for _ in range(4):
        value, before = html.unescape(value), value
        if value == before:
            break
    value = value.translate(_NO_INVISIBLE)  # « &shy; », « &#8203; »
    if value == entity or "<" in value or ">" in value or ("&" in value and value != "&"):
        return None
    return value


def strip_markup(text: str) -> list[Edit]:
    """HTML tags removed (a line break for ``<br>`` and a block's end), entities
    decoded; Markdown ``**`` kept.

    >>> text = "<b>Présents</b>&nbsp;:<br>M. X"
    >>> apply_edits(text, strip_markup(text))
    'Présents :\\nM. X'
    """
    edits = _normalised(_markup_edits(text))
    current = apply_edits(text, edits) if edits else text
    for _ in range(3):  # « <<b>b> »: a tag made by removing one
        more = _normalised(_markup_edits(current)) if edits else []
        if not more:
            break
        edits = _compose(edits, more, current)
        current = apply_edits(current, more)
    return edits


def _markup_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for match in _TAG.finditer(text):
        token = match.group()
        if token.startswith("&"):
            value = _unescape(token)
            if value is not None:
                edits.append(Edit(match.start(), match.end(), value, "strip_markup"))
            continue
        breaks = match.group("br") is not None or (
            match.group("block") is not None and token.startswith("</"))
        at_line_end = _LINE_END.match(text, match.end()) is not None
        replacement = "\n" if breaks and not at_line_end else ""
        edits.append(Edit(match.start(), match.end(), replacement, "strip_markup"))
    return edits


# ---------------------------------------------------------------------------
# drop_page_furniture

# What normalise_spaces makes a space counts as a space here: the furniture must
# be the same before and after it (idempotence).
_BLANK_CHARS = _SPACE_LIKE + _INVISIBLE
_SP = f"[{_BLANK_CHARS}]"
_PAGE_TEXT = (
    rf"{_SP}*+(?:[-–—]{_SP}*+)?"
    rf"(?:(?i:page){_SP}*+\d{{1,4}}(?:{_SP}*+(?:/|sur|de|of){_SP}*+\d{{1,4}})?"
    rf"|[-–—]{_SP}*+\d{{1,4}}{_SP}*+[-–—]"
    rf"|(?P<num>\d{{1,3}}){_SP}*+/{_SP}*+(?P<den>\d{{1,3}}))"
    rf"(?:{_SP}*+[-–—])?{_SP}*+"
)
_PAGE_LINE = re.compile(_PAGE_TEXT)
_LONE_NUMBER = re.compile(rf"{_SP}*+\d{{1,4}}{_SP}*+")
_MONTHS = ("janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre"
           "|novembre|d[ée]cembre")
_DATE = re.compile(rf"(?i:\b\d{{1,2}}(?:er)?\s++(?:{_MONTHS})\s++\d{{4}}\b"
                   r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)")
_BODY = re.compile(r"(?i:conseil|s[ée]ance|commune|communaut[ée]|mairie|syndicat|m[ée]tropole"
                   r"|proc[èe]s-verbal|compte[ -]rendu|d[ée]lib[ée]ration|page)")
_HEADER_MIN = 15
_HEADER_MAX = 200  # a running header is one short line, never a paragraph
_PAGE_MAX = 30  # no page number line is longer
_DIGIT = re.compile(r"\d")
_BREAK_SPLIT = re.compile(r"(\r\n|[\r\n\f])")


class _Lines:
    """The lines of a text: their text, break (« \r\n », « \r », « \n », « \f », or ""
    for the last) and start offset, cut in one pass."""

    def __init__(self, text: str) -> None:
        self.contents: list[str] = text.split("\n")
        self.breaks: list[str] = ["\n"] * (len(self.contents) - 1) + [""]
        if "\f" in text or text.count("\r") != text.count("\r\n"):
            pieces = _BREAK_SPLIT.split(text)
            self.contents, self.breaks = pieces[0::2], [*pieces[1::2], ""]
        elif "\r" in text:  # Windows line breaks only
            self.breaks = [brk if not content.endswith("\r") or not brk else "\r\n"
                           for content, brk in zip(self.contents, self.breaks, strict=True)]
            self.contents = [content[:-1] if brk == "\r\n" else content
                             for content, brk in zip(self.contents, self.breaks, strict=True)]
        if len(self.contents) > 1 and not self.contents[-1]:
            self.contents.pop()  # the text ends with a line break
            self.breaks.pop()
        self.starts = list(accumulate(
            (len(content) + len(brk) for content, brk in zip(self.contents, self.breaks,
                                                              strict=True)),
            initial=0))[:-1]

    def __len__(self) -> int:
        return len(self.contents)

    def stop(self, index: int) -> int:
        return self.starts[index] + len(self.contents[index]) + len(self.breaks[index])

    def blank(self, index: int) -> bool:
        return not self.contents[index].strip(_BLANK_CHARS)

    def previous(self, index: int) -> int:
        """The nearest line before ``index`` that is not blank, or -1."""
        index -= 1
        while index >= 0 and self.blank(index):
            index -= 1
        return index

    def following(self, index: int) -> int:
        """The nearest line after ``index`` that is not blank, or ``len(self)``."""
        index += 1
        while index < len(self) and self.blank(index):
            index += 1
        return index

    def feed_between(self, first: int, last: int) -> bool:
        """Whether a form feed ends one of the lines ``first`` to ``last - 1``."""
        return "\f" in self.breaks[max(first, 0):last]


def _is_page_line(content: str) -> bool:
    match = _PAGE_LINE.fullmatch(content)
    if match is None:
        return False
    if match.group("num") is not None:
        return 0 < int(match.group("num")) <= int(match.group("den"))
    return True


def _header_key(content: str) -> str | None:
    """The form (spaces folded) of a line that could be a running header, else None."""
    key = content.strip(_BLANK_CHARS)
    if "  " in key or _ODD_BLANK.search(key):
        key = " ".join(key.translate(_NO_INVISIBLE).split())
    if len(key) < _HEADER_MIN or key.endswith((":", ".", ",", ";")) \
            or key.startswith(("-", "•", "*", "–")):
        return None
    return key


def drop_page_furniture(text: str) -> list[Edit]:
    """Page number lines and running headers dropped, with the blank lines around
    them when the text runs on across them (the line before ends with no full stop).

    >>> text = "M. A,\\n\\nPage 1 sur 3\\n\\nMme B"
    >>> apply_edits(text, drop_page_furniture(text))
    'M. A,\\nMme B'
    """
    lines = _Lines(text)
    short = [index for index, content in enumerate(lines.contents)
             if len(content) <= _PAGE_MAX and _DIGIT.search(content)]
    page = {index for index in short if _is_page_line(lines.contents[index])}
    furniture = set(page)
    keys: dict[int, str] = {}
    for index, content in enumerate(lines.contents):
        if _HEADER_MIN <= len(content) <= _HEADER_MAX:
            key = _header_key(content)
            if key is not None:
                keys[index] = key
    counts = Counter(keys.values())
    repeated = {key for key, count in counts.items() if count >= 2
                and (_BODY.search(key) or _DATE.search(key))}
    headers = {index for index, key in keys.items() if key in repeated}

    lone = {index for index in short if _LONE_NUMBER.fullmatch(lines.contents[index])}
    # The text lines around a line: blank lines, lone numbers and page lines passed.
    passed = lone | page

    def text_before(index: int) -> int:
        index = lines.previous(index)
        while index in passed:
            index = lines.previous(index)
        return index

    def text_after(index: int) -> int:
        index = lines.following(index)
        while index in passed:
            index = lines.following(index)
        return index

    def at_break(index: int) -> bool:
        """A page line or a form feed between the line and the text around it."""
        before, after = text_before(index), text_after(index)
        return lines.feed_between(before, after) or any(
            other in page for other in range(before + 1, after))

    def next_to(index: int, marks: set[int]) -> bool:
        return text_before(index) in marks or text_after(index) in marks

    for index in headers:
        key = keys[index]
        before = text_before(index)
        if before < 0:
            continue  # the first line of the record: its title, kept
        mid_list = before >= 0 and lines.contents[before].rstrip().endswith((",", ";"))
        if at_break(index) or (mid_list and _DATE.search(key) and _BODY.search(key)):
            furniture.add(index)
    dropped_headers = furniture & headers
    for index in headers:  # a header of two lines: the second next to the first
        if index not in furniture and next_to(index, dropped_headers):
            furniture.add(index)
    dropped_headers = furniture & headers
    # a lone number is a page number at a form feed or next to a running header
    # dropped, never next to another number (row numbers come in a column)
    furniture.update(
        index for index in lone
        if lines.feed_between(lines.previous(index), lines.following(index))
        or lines.previous(index) in dropped_headers or lines.following(index) in dropped_headers)
    return _furniture_edits(lines, furniture)


def _furniture_edits(lines: _Lines, furniture: set[int]) -> list[Edit]:
    """One edit per block of furniture lines and the blank lines around them."""
    edits: list[Edit] = []
    count = len(lines)
    done = -1
    for index in sorted(furniture):
        if index <= done:
            continue
        first = index
        while first > 0 and lines.blank(first - 1):
            first -= 1
        last = index
        while last + 1 < count and (last + 1 in furniture or lines.blank(last + 1)):
            last += 1
        if first > 0 and last + 1 < count:
            # between two lines of text: the text runs on across the page break
            # unless the line before ends a sentence; then one blank line is kept
            before = lines.contents[first - 1].rstrip()
            runs_on = not before.endswith((".", "!", "?", ":", "»"))
            blank = any(lines.blank(k) for k in range(first, last + 1))
            replacement = "\n" if blank and not runs_on else ""
            edits.append(Edit(lines.starts[first], lines.stop(last), replacement,
                              "drop_page_furniture"))
        else:
            edits.extend(Edit(lines.starts[k], lines.stop(k), "", "drop_page_furniture")
                         for k in range(first, last + 1) if k in furniture)
        done = last
    return _normalised(edits)


# ---------------------------------------------------------------------------
# normalise_spaces

_SPACE_CHARS = re.compile("[\r\f\u00a0\u202f\u2009\u2007\u2002-\u2006\u2008\u200a\u3000\u1680]")


def normalise_spaces(text: str) -> list[Edit]:
    """No-break, narrow and thin spaces into « », line breaks into « \\n », form feeds
    into « \\n ».

    >>> apply_edits("Présents\\u00a0:\\r\\nM. X", normalise_spaces("Présents\\u00a0:\\r\\nM. X"))
    'Présents :\\nM. X'
    """
    if text.isascii() and "\r" not in text and "\f" not in text:  # the usual case
        return []
    name = "normalise_spaces"
    # « \r\n »: the « \r » dropped; every other character replaced, one for one
    return [Edit(start, start + 1, "", name) if char == "\r" and text.startswith("\n", start + 1)
            else Edit(start, start + 1, _SPACE_REPLACEMENT.get(char, " "), name)
            for start, char in ((m.start(), m.group()) for m in _SPACE_CHARS.finditer(text))]


_SPACE_REPLACEMENT = {"\r": "\n", "\f": "\n"}


# ---------------------------------------------------------------------------
# unfold_hyphen_wrap

_WRAP = re.compile(
    rf"(?P<hyphen>[-\u00ad\u2010\u2011])(?<=[{_LETTER}].)[ \t]*+\n[ \t]*+(?=[{_LETTER}])")
_LETTERS_BEFORE = re.compile(rf"[{_LETTER}]++\Z")
_LETTERS_AFTER = re.compile(rf"[{_LETTER}]++")
_WORD_REACH = 60  # how far back a word is looked for (no word is longer)
_CAPS = re.compile(rf"[{_UPPER}]++")
# Lower-case compounds whose hyphen stays when a line ends on it.
_COMPOUND_FIRST = frozenset([
    "procès", "vice", "sous", "après", "avant", "arrière", "ci", "demi", "mi", "semi", "non",
    "ex", "porte", "grand", "grande", "petit", "petite", "saint", "sainte", "auto", "anti",
    "extra", "inter", "multi", "quasi", "belle", "beau",
])
_COMPOUND_SECOND = frozenset([
    "ci", "là", "même", "mêmes", "dire", "t", "il", "ils", "elle", "elles", "on", "verbal",
    "verbaux",
])


def unfold_hyphen_wrap(text: str) -> list[Edit | Doubt]:
    """A word cut at a line end joined: the hyphen kept before a capital (« Marie-⏎
    Françoise »), dropped in a lower-case word (« présenta-⏎tion ») and after a soft
    hyphen; between two words in capitals kept, with a ``hyphen-wrap`` doubt.

    >>> [apply_edits("Marie-\\nFrançoise", [e]) for e in unfold_hyphen_wrap("Marie-\\nFrançoise")]
    ['Marie-Françoise']
    """
    found: list[Edit | Doubt] = []
    for match in _WRAP.finditer(text):
        reach = max(0, match.start() - _WORD_REACH)
        before_match = _LETTERS_BEFORE.search(text, reach, match.start())
        after_match = _LETTERS_AFTER.match(text, match.end())
        if before_match is None or after_match is None:  # pragma: no cover (lookarounds)
            continue
        before, after = before_match.group(), after_match.group()
        soft = match.group("hyphen") == "\u00ad"
        if before in _CIVILITY_WORDS or after in _CIVILITY_WORDS:
            continue  # « M. DUPONT-⏎Mme X »: a dash between two items
        keep = not soft and (after[0].isupper() or before.lower() in _COMPOUND_FIRST
                             or after.lower() in _COMPOUND_SECOND)
        found.append(Edit(match.start() + (1 if keep else 0), match.end(), "",
                          "unfold_hyphen_wrap"))
        if keep and len(before) > 1 and len(after) > 1 and _CAPS.fullmatch(before) \
                and _CAPS.fullmatch(after):
            found.append(Doubt(
                "hyphen-wrap", before_match.start(), after_match.end(),
                f"« {before}- » en fin de ligne puis « {after} » : trait d'union gardé "
                f"(« {before}-{after} », nom composé) ; ce peut être un seul nom coupé "
                f"(« {before}{after} »)."))
    return found


# ---------------------------------------------------------------------------
# join_split_hyphen

_SPLIT_HYPHEN = re.compile(rf"-(?<=[{_LOWER}]-)[ \t]++(?=[{_UPPER}][{_LOWER}])")
_NAME_BEFORE = re.compile(rf"(?<![{_LETTER}])[{_UPPER}][{_LOWER}]++\Z")


def join_split_hyphen(text: str) -> list[Edit]:
    """The space after the hyphen of a compound name dropped (« Jean- Claude »).

    >>> apply_edits("M. Jean- Claude X", join_split_hyphen("M. Jean- Claude X"))
    'M. Jean-Claude X'
    """
    edits: list[Edit] = []
    for match in _SPLIT_HYPHEN.finditer(text):
        if _NAME_BEFORE.search(text, max(0, match.start() - _WORD_REACH), match.start()):
            edits.append(Edit(match.start() + 1, match.end(), "", "join_split_hyphen"))
    return edits


# ---------------------------------------------------------------------------
# restore_ti_ligature

# Words of council records that hold « ti », « tt » or « tti »; each yields the
# forms a PDF conversion leaves when it drops some or all of those ligatures.
_LEXICON = frozenset([
    "délibération", "délibérations", "procuration", "procurations", "convocation",
    "convocations", "abstention", "abstentions", "titulaire", "titulaires", "quitte",
    "quittent", "quitté", "quittée", "quittés", "attribution", "attributions", "attribué",
    "attribuée", "attribués", "attribuées", "modificative", "modificatives", "cotisation",
    "cotisations", "restauration", "approbation", "création", "créations", "participation",
    "participations", "présentation", "question", "questions", "élection", "élections",
    "subvention", "subventions", "convention", "conventions", "intervention", "interventions",
    "fonction", "fonctions", "article", "articles", "partir", "constitution",
    "administration", "administratif", "administrative", "opération", "opérations",
    "situation", "désignation", "représentation", "délégation", "délégations", "attention",
    "attendu", "initiative", "politique", "politiques", "section", "sections", "direction",
    "condition", "conditions", "notification", "activité", "activités", "collectivité",
    "collectivités", "rectification", "rectificative", "acquisition", "acquisitions",
    "compétition",
])
# Forms never repaired by the « -aon » rule: real words and place names.
_AON_WORDS = frozenset([
    "paon", "paons", "faon", "faons", "taon", "taons", "laon", "craon", "thaon", "caon",
    "saon",
])
_LIGATURES = ("tti", "tt", "ti")
_MIN_BROKEN = 4


def _fold_accents(word: str) -> str:
    return word.translate(_ACCENTS)


_ACCENTS = str.maketrans("àâäéèêëîïôöùûüÿç", "aaaeeeeiioouuuyc")


def _broken_forms() -> dict[str, tuple[tuple[int, str], ...]]:
    """Broken form (lower case) -> the insertions ((offset in the broken form, letters))
    that restore it."""
    forms: dict[str, tuple[tuple[int, str], ...]] = {}
    for word in sorted(_LEXICON):
        places: list[tuple[int, str]] = []
        index = 0
        while index < len(word):
            for ligature in _LIGATURES:
                if word.startswith(ligature, index):
                    places.append((index, ligature))
                    index += len(ligature)
                    break
            else:
                index += 1
        for mask in range(1, 1 << len(places)):
            dropped = [place for bit, place in enumerate(places) if mask >> bit & 1]
            broken: list[str] = []
            insertions: list[tuple[int, str]] = []
            done = 0
            for where, ligature in dropped:
                broken.append(word[done:where])
                insertions.append((sum(map(len, broken)), ligature))
                done = where + len(ligature)
            broken.append(word[done:])
            form = "".join(broken)
            if len(form) < _MIN_BROKEN or form in _LEXICON:
                continue
            forms.setdefault(form, tuple(insertions))
            forms.setdefault(_fold_accents(form), tuple(insertions))
    return forms


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, factored on their common prefixes (the
    engine then tries few branches at each position)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + pattern(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return pattern(tree)


_BROKEN = _broken_forms()
# Searched in the text in lower case: a word of the vocabulary, or one in « -aon(s) ».
_BROKEN_RE = re.compile(f"{_trie(_BROKEN)}(?![{_LETTER}])")
_AON_RE = re.compile(f"aons?(?![{_LETTER}])")
_WORD_START = re.compile(rf"[{_LETTER}]++\Z")


def _restore_case(word: str, insertions: Sequence[tuple[int, str]]) -> str:
    upper = len(word) > 1 and word.isupper()
    pieces: list[str] = []
    done = 0
    for where, letters in insertions:
        pieces.append(word[done:where])
        pieces.append(letters.upper() if upper else letters)
        done = where
    pieces.append(word[done:])
    fixed = "".join(pieces)
    if not upper and insertions[0][0] == 0 and word[0].isupper():
        fixed = fixed[0].upper() + fixed[1:len(insertions[0][1]) + 1].lower() \
            + fixed[len(insertions[0][1]) + 1:]
    return fixed


def restore_ti_ligature(text: str) -> list[Edit | Doubt]:
    """« ti », « tt », « tti » put back where a PDF conversion dropped the ligature: a
    word of the vocabulary (« Procuraons » → « Procurations », « aribuon » →
    « attribution », « quie » → « quitte »), or any word of six letters or more
    ending in « -aon(s) » (« -ation(s) »), never French otherwise.

    >>> apply_edits("PROCURAONS", [e for e in restore_ti_ligature("PROCURAONS")])
    'PROCURATIONS'
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # « İ » has two characters in lower case
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    words: dict[int, int] = {}  # start -> end of each candidate word
    for match in _BROKEN_RE.finditer(lowered):
        start = match.start()
        if start == 0 or not lowered[start - 1].isalpha():
            words[start] = match.end()
    for match in _AON_RE.finditer(lowered):
        head = _WORD_START.search(lowered, max(0, match.start() - _WORD_REACH), match.start())
        start = head.start() if head else match.start()
        words.setdefault(start, match.end())
    found: list[Edit | Doubt] = []
    for start in sorted(words):
        end = words[start]
        word, lower = text[start:end], lowered[start:end]
        insertions = _BROKEN.get(lower)
        guess = False
        if insertions is not None and word.isupper() and len(word) < 6:
            continue  # « PARR », « QUIE »: rather a surname in capitals
        if insertions is None:
            if len(word) < 6 or lower in _AON_WORDS:
                continue
            insertions = ((lower.rindex("aon") + 1, "ti"),)
            guess = word[0].isupper()
        fixed = _restore_case(word, insertions)
        if insertions[0][0] == 0 and not word.isupper():  # « Tulaires »: « T » lowered
            found.append(_diff_edit(start, word, fixed, "restore_ti_ligature"))
        else:
            upper = len(word) > 1 and word.isupper()
            found.extend(Edit(start + where, start + where,
                              letters.upper() if upper else letters, "restore_ti_ligature")
                         for where, letters in insertions)
        if guess:
            found.append(Doubt("ligature-guess", start, end,
                               f"« {word} » lu « {fixed} » (ligature « ti » perdue ?)."))
    return found


# ---------------------------------------------------------------------------
# fix_doubled_civility

def _doubled_forms() -> dict[str, str]:
    """Each civility (and its capitals) with one letter doubled -> the civility."""
    words = {civility.rstrip(".") for civility in _CIVILITIES}
    forms: dict[str, str] = {}
    for word in sorted(words):
        if len(word) < 3:  # « M », « MM »: a doubled letter is another civility
            continue
        for variant in (word, word.upper()):
            for index, char in enumerate(variant):
                doubled = variant[:index + 1] + char + variant[index + 1:]
                if doubled not in words and doubled.capitalize() not in words:
                    forms.setdefault(doubled, variant)
    return forms


_DOUBLED = _doubled_forms()
_DOUBLED_ALTERNATIVES = "|".join(sorted(map(re.escape, _DOUBLED), key=len, reverse=True))
_DOUBLED_RE = re.compile(
    rf"M(?<![{_LETTER}]M)"
    rf"(?:{'|'.join(sorted((re.escape(form[1:]) for form in _DOUBLED), key=len, reverse=True))})"
    rf"(?![{_LOWER}])")


def fix_doubled_civility(text: str) -> list[Edit]:
    """A civility with a letter doubled repaired (« Mmee » → « Mme », « Messieurss »).

    >>> apply_edits("Mmee X", fix_doubled_civility("Mmee X"))
    'Mme X'
    """
    return [_diff_edit(m.start(), m.group(), _DOUBLED[m.group()], "fix_doubled_civility")
            for m in _DOUBLED_RE.finditer(text)]


# ---------------------------------------------------------------------------
# split_glued_civility

# What follows the civility must be a name, not another civility (« MmeMmee »).
# The civility may itself be glued to the word before (« àMmeHélène »): both are split.
_GLUED_WORDS = ("à", "et", "par", "pour", "de")
_GLUED_AFTER = re.compile(
    rf"M(?:(?<![{_LETTER}.]M)|"
    + "|".join(rf"(?<=(?<![{_LETTER}]){word}M)" for word in _GLUED_WORDS)
    + rf")(?:{_CIVILITY_REST})(?=[{_UPPER}][{_LETTER}])"
    rf"(?!(?:{_CIVILITY}|{_DOUBLED_ALTERNATIVES})(?![{_LOWER}]))")
_GLUED_BEFORE = re.compile(
    "M(?:" + "|".join(rf"(?<=(?<![{_LETTER}]){word}M)" for word in _GLUED_WORDS)
    + rf")(?=(?:{_CIVILITY_REST})(?:[ \t]|[{_UPPER}][{_LETTER}]))")


def split_glued_civility(text: str) -> list[Edit]:
    """A space put between a civility and the capitalised name glued to it
    (« MmeHélène »), and between « à », « et », « par », « pour », « de » and a
    civility glued to them (« àM. Yves »).

    >>> apply_edits("àM. Yves, MmeHélène", split_glued_civility("àM. Yves, MmeHélène"))
    'à M. Yves, Mme Hélène'
    """
    places = sorted({m.end() for m in _GLUED_AFTER.finditer(text)}
                    | {m.start() for m in _GLUED_BEFORE.finditer(text)})
    return [Edit(place, place, " ", "split_glued_civility") for place in places]


# ---------------------------------------------------------------------------
# drop_stray_letter

_STRAY = re.compile(
    rf"M(?<=(?<![^ \t,;\r\n])[b-hj-xz][ \t]M)(?=(?:{_CIVILITY_REST})[ \t{_UPPER}])")


def drop_stray_letter(text: str) -> list[Edit]:
    """A lone lower-case letter before a civility after a comma dropped (« ROUSSEL, s Mme
    Agnès »); never « a », « à », « y », « i »: words of their own.

    >>> apply_edits("ROUSSEL, s Mme A", drop_stray_letter("ROUSSEL, s Mme A"))
    'ROUSSEL, Mme A'
    """
    edits: list[Edit] = []
    for match in _STRAY.finditer(text):
        letter = match.start() - 2
        before = letter
        while before > 0 and text[before - 1] in " \t":
            before -= 1
        if before == 0 or text[before - 1] in ",;\r\n":
            edits.append(Edit(letter, match.start(), "", "drop_stray_letter"))
    return edits


# ---------------------------------------------------------------------------
# The driver.

Fixer = Callable[[str], Sequence[Edit | Doubt]]

FIXERS: tuple[tuple[str, Fixer], ...] = (
    ("drop_invisible", drop_invisible),
    ("strip_markup", strip_markup),
    ("fix_mojibake", fix_mojibake),
    ("drop_page_furniture", drop_page_furniture),
    ("normalise_spaces", normalise_spaces),
    ("unfold_hyphen_wrap", unfold_hyphen_wrap),
    ("restore_ti_ligature", restore_ti_ligature),
    ("fix_doubled_civility", fix_doubled_civility),
    ("split_glued_civility", split_glued_civility),
    ("join_split_hyphen", join_split_hyphen),
    ("drop_stray_letter", drop_stray_letter),
)
"""The fixers by name, in the order :func:`clean` runs them."""


@attrs.frozen
class CleanConfig:
    """Which fixers run: one switch per fixer of :data:`FIXERS`, all on by default.

    >>> clean("MmeHélène", CleanConfig(split_glued_civility=False)).text
    'MmeHélène'
    """

    drop_invisible: bool = True
    strip_markup: bool = True
    fix_mojibake: bool = True
    drop_page_furniture: bool = True
    normalise_spaces: bool = True
    unfold_hyphen_wrap: bool = True
    restore_ti_ligature: bool = True
    fix_doubled_civility: bool = True
    split_glued_civility: bool = True
    join_split_hyphen: bool = True
    drop_stray_letter: bool = True


def clean(text: str, config: CleanConfig = CleanConfig()) -> CleanText:
    """``text`` with the fixers that ``config`` switches on applied, in the order of
    :data:`FIXERS`; edits and doubts point into ``text``."""
    current = text
    edits: list[Edit] = []
    doubts: list[Doubt] = []
    for name, fixer in FIXERS:
        if not getattr(config, name):
            continue
        found = fixer(current)
        new = _normalised([item for item in found if isinstance(item, Edit)])
        stage_doubts = [item for item in found if isinstance(item, Doubt)]
        if stage_doubts:
            starts, shifts = _offsets(edits)
            for doubt in stage_doubts:
                doubts.append(attrs.evolve(
                    doubt, start=_origin(edits, starts, shifts, doubt.start),
                    end=_origin_end(edits, starts, shifts, doubt.end)))
        if not new:
            continue
        edits = _compose(edits, new, current)
        current = apply_edits(current, new)
    return CleanText(current, edits, doubts)


def _normalised(edits: list[Edit]) -> list[Edit]:
    """A fixer's edits sorted, those that are no change dropped, touching ones merged."""
    if all(a.end < b.start for a, b in pairwise(edits)) and all(
            e.replacement or e.end > e.start for e in edits):
        return edits  # the usual case: already in order, apart, and all changes
    edits = [e for e in edits if e.replacement or e.end > e.start]
    edits.sort(key=lambda e: (e.start, e.end))
    merged: list[Edit] = []
    for edit in edits:
        if merged and merged[-1].end >= edit.start:
            last = merged.pop()
            if edit.start < last.end:
                raise ValueError(f"{edit.fixer}: overlapping edits {last} and {edit}")
            edit = Edit(last.start, edit.end, last.replacement + edit.replacement, edit.fixer)
        merged.append(edit)
    return merged


def _names(*fixers: str) -> str:
    seen: list[str] = []
    for fixer in fixers:
        for name in fixer.split("+"):
            if name not in seen:
                seen.append(name)
    return "+".join(seen)


def _compose(previous: Sequence[Edit], new: Sequence[Edit], current: str) -> list[Edit]:
    """Edits into the input equal to ``previous`` then ``new`` (which points into
    ``current``, the input with ``previous`` made): an edit of ``new`` that overlaps
    or touches the replacement of one of ``previous`` is merged with it."""
    starts, shifts = _offsets(previous)
    ends = [start + len(edit.replacement) for start, edit in zip(starts, previous, strict=True)]
    out: list[Edit] = []
    shift = 0  # current offset minus input offset, after the previous edits passed
    i = j = 0
    while j < len(new):
        # previous edits wholly before the next new edit stay as they are
        passed = bisect.bisect_left(ends, new[j].start, i)
        if passed > i:
            out.extend(previous[i:passed])
            shift = shifts[passed - 1]
            i = passed
        if i == len(previous) or starts[i] > new[j].end:
            # touching no previous edit (new edits never touch one another): moved only
            edit = new[j]
            out.append(Edit(edit.start - shift, edit.end - shift, edit.replacement, edit.fixer))
            j += 1
            continue
        # a cluster: the next new edit and everything that touches it, transitively
        group_new = [new[j]]
        group_old: list[int] = []
        low = new[j].start
        high = new[j].end
        j += 1
        while True:
            if i < len(previous) and starts[i] <= high:
                low = min(low, starts[i])
                high = max(high, starts[i] + len(previous[i].replacement))
                group_old.append(i)
                i += 1
            elif j < len(new) and new[j].start <= high:
                high = max(high, new[j].end)
                group_new.append(new[j])
                j += 1
            else:
                break
        if group_old:
            first, last = previous[group_old[0]], previous[group_old[-1]]
            start = first.start if starts[group_old[0]] == low else low - shift
            last_end = starts[group_old[-1]] + len(last.replacement)
            after_shift = last_end - last.end
            end = last.end if last_end == high else high - after_shift
            shift = after_shift
        else:
            start, end = low - shift, high - shift
        pieces: list[str] = []
        done = low
        for edit in group_new:
            pieces += (current[done:edit.start], edit.replacement)
            done = edit.end
        pieces.append(current[done:high])
        fixer = _names(*(previous[k].fixer for k in group_old), *(e.fixer for e in group_new))
        out.append(Edit(start, end, "".join(pieces), fixer))
    out.extend(previous[i:])
    return out
