"""Lists of people as records write them: items, commune headings, civilities, annotations.

A list (« Étaient présents : … ») is a run of *items* separated by commas,
semicolons, line breaks or « et » before a civility, with commune
*headings* among them: ``**Besançon :**`` in bold, or, once a conversion
has lost the bold, a heading that runs straight on from the previous name
(« … Mme Christine WERTHE Beure : M. Bruno LIND, … »).  Each item names a
person — an optional civility (« M. », « Mme », « Monsieur » …), the name,
then parenthesised *annotations* (« (à compter de la question n° 17) »,
« (suppléante) », « (visioconférence) ») and possibly a *tail*
(« suppléé par Mme … », « a donné pouvoir à M. … »).

Everything here works on one line at a time with offsets into it, so every
piece keeps its line and column; no pattern can backtrack beyond a bounded
window.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from quorum.reader._text import Source

__all__ = [
    "BARE_WINDOW",
    "BY_OFFICE",
    "NUMBER",
    "Annotation",
    "Item",
    "Marker",
    "Mention",
    "civility_at",
    "is_caps",
    "parse_annotation",
    "parse_mention",
    "read_annotations",
    "split_items",
    "split_run_on",
]

# « M. », « Mme », « Monsieur », « Mr », « Mme. », « M.Thomas » …; plurals have no civility.
_CIVILITY = re.compile(
    r"(monsieur|madame|mademoiselle|messieurs|mesdames|mmes|mme|mlle|mm|mr|m|docteur|dr|maitre"
    r"|me)\.?(?=\s|$)"
    r"|(mme|mlle|mr|m)\.(?=[a-z])"
)
_CIVILITIES = {"monsieur": "M.", "m": "M.", "mr": "M.", "madame": "Mme", "mme": "Mme",
               "mademoiselle": "Mlle", "mlle": "Mlle", "docteur": "Dr", "dr": "Dr",
               "maitre": "Me", "me": "Me"}
_ET_CIVILITY = re.compile(
    r"\s(?:et|&)\s+(?=(?:monsieur|madame|mme|mlle|mr|m\.|mm\.|mmes)\s)"
)
_ET_NAME = re.compile(r"(?<=[A-ZÀ-ÖØ-Þ]{2})\s+et\s+(?=[A-ZÀ-ÖØ-Þ])")
_SPECIAL = re.compile(r"\*\*|[(),;]")
_BRACKETS_AND_COLONS = re.compile(r"[():]")
_BRACKETS = re.compile(r"[()]")
# « **Besançon :** », with possessive space runs (see NUMBER); the bold
# markers round spaces alone (« ** :** ») are _BLANK_HEADING, the last space
# as its name, which is what ``\*\*\s*([^*:\n]{1,120}?)\s*…`` found for them
# by backtracking — quadratic in the spaces after « ** ».
_BOLD_HEADING = re.compile(r"\*\*\s*+([^*:\n]{1,120}?)\s*+(?::\s*\*\*|\*\*\s*:)")
_BLANK_HEADING = re.compile(r"\*\*\s*(\s)(?::\s*\*\*|\*\*\s*:)")
# What may follow a name inside an item (folded text).
TAIL = re.compile(
    r"\s(?:(supplee?e?s?|remplacee?s?|representee?s?(?=\s+par\s+(?:son|sa|leur)\s+suppl))\s+par"
    r"(?:\s+(?:son|sa|leur)\s+suppleant\w*)?"
    r"|(ayant\s+la\s+suppleance\s+de|suppleant\w*\s+de)"
    r"|((?:qui\s+)?(?:a|ayant)\s+donne\s+(?:pouvoir|procuration|mandat|delegation)\s+a(?:u|ux)?"
    r"|donne\s+(?:pouvoir|procuration|mandat)\s+a(?:u|ux)?"
    r"|(?:pouvoir|procuration|mandat)\s+(?:donnee?\s+)?a(?:u|ux)?"
    r"|represente\w*\s+par))(?=\s)"
)
# Between giver and holder in a list of proxies: the tails above, or a bare « à ».
PROXY_SEPARATOR = re.compile(
    r"\s(?:(?:qui\s+)?(?:a|ayant)\s+donne\s+(?:pouvoir|procuration|mandat|delegation)\s+a"
    r"|donne\s+(?:pouvoir|procuration|mandat)\s+a"
    r"|(?:pouvoir|procuration|mandat)\s+(?:donnee?\s+)?a"
    r"|represente\w*\s+par|a|par)\s"
)
_KEY = r"(?!n[°o]|n\s)([0-9a-z][^\s,;:()]{0,40})"  # never the « n° » of a key with none
# Runs of spaces are matched possessively (``\s*+``) where what follows cannot
# be a space: the same matches, but a long run of spaces before a word that
# does not fit is given up at once instead of being split every possible way
# (quadratic: « en exercice » and 5 MB of spaces took hours).
NUMBER = r"(?:n\s*+[°o]\s*+\.?\s*+|n\.?\s++(?=\d)|numero\s++)?"
_SUBJECT = r"(?:la\s+|le\s+)?(?:question|point|rapport|deliberation|dossier|affaire)s?\s*+"
# « à 18h45, », « à 19 h 05 » between a verb and the question (« arrivée à 18h45 au point 3 »).
_AT_TIME = r"(?:a\s++\d{1,2}\s*+h\s*+\d{0,2},?\s++)?"
_START = re.compile(
    r"(?:a\s+compter|a\s+partir|des|arrive\w*|present\w*)\s++" + _AT_TIME
    + r"(?:de\s+la|du|de|a\s+la|au|le|la)?\s*+" + _SUBJECT + NUMBER + _KEY
)
# « départ après le point 2 »: present up to 2 included.
_AFTER = re.compile(
    r"(?:depart\w*|partie?|quitte\w*(?:\s+la\s+seance)?|sortie?)\s++" + _AT_TIME
    + r"apres\s++(?:le\s+|la\s+|l')?(?:vote\s+d[ue]\s+|examen\s+d[ue]\s+)?\s*+" + _SUBJECT
    + NUMBER + _KEY
)
# « jusqu'à la question 3 exclue » (group 2): gone from 3, like a departure at 3.
_END = re.compile(r"jusqu['\s]\s*+(?:a|au)\s*+" + _SUBJECT + NUMBER + _KEY
                  + r"(?:\s+(?:(exclue?s?|non\s+incluse?s?)|incluse?s?))?")
# « présent des questions 2 à 4 », « de la question 2 à la question 4 »: the window 2..4.
_SPAN = re.compile(
    r"(?:present\w*\s+)?(?:des|de\s+la|du|de)\s++" + _SUBJECT + NUMBER + _KEY
    + r"\s++(?:a|au)\s++(?:la\s+|le\s+)?(?:(?:question|point|rapport|deliberation|dossier"
    r"|affaire)s?\s*+)?" + NUMBER + _KEY + r"(?:\s+incluse?s?)?"
)
_BEFORE = re.compile(
    r"(?:depart\w*|partie?|quitte\w*\s+la\s+seance|sortie?)\s++" + _AT_TIME
    + r"(?:a|avant|lors\s+de|au|des)\s*+(?:l'examen\s+d[ue]\s+|le\s+vote\s+d[ue]\s+)?"
    + _SUBJECT + NUMBER + _KEY
)
# « absent à partir de la question 7 », « quitte la séance à compter du point 7 »: gone from 7.
_LEFT_FROM = re.compile(
    r"(?:absent\w*|excuse\w*|quitte\w*(?:\s+la\s+seance)?|depart\w*|sorti\w*|partie?s?)\s+"
    r"(?:a\s+compter|a\s+partir|des)\s++(?:de\s+la|du|de|a\s+la|au)?\s*+"
    + _SUBJECT + NUMBER + _KEY
)
# Someone named by office only: « M. le Maire », « Madame la Présidente » (folded).
BY_OFFICE = re.compile(
    r"\s*+(?:(?:m\.?|mme|monsieur|madame)\s+)?(?:le|la)\s+(?:maire|presidente?)\s*+")
# A window written after a name without parentheses (« à M. Y jusqu'au point n° 6 »).
BARE_WINDOW = re.compile(r"\s(?:jusqu['\s]|a\s+compter\s|a\s+partir\s)")
_HOUR = re.compile(r"\b\d{1,2}\s*+h(?:\s*+\d{2})?\b")
# « arrivée à 19 h 10 », « départ à 21 h »: a movement, even when it names no question.
_WINDOW_WORD = re.compile(r"jusqu|a\s+compter|a\s+partir"
                          r"|\barrivee?s?\b|\bdepart\b|\bpartie?s?\b|\bquitte")
_QUESTION_WORD = re.compile(r"\b(?:question|point|rapport)s?\b")
_REMOTE = re.compile(r"visio\w*|a\s+distance|distanciel|en\s+ligne")
_SUBSTITUTE = re.compile(r"suppleant\w*|suppleance")
_SUBSTITUTE_OF = re.compile(r"(?:ayant\s+la\s+suppleance\s+de|suppleant\w*\s+de)\s+")
_EXCUSED = re.compile(r"excuse\w*")
_PROXY_TO = re.compile(
    r"(?:(?:a|ayant)\s+donne\s+)?(?:pouvoir|procuration|mandat|delegation)\s+(?:donnee?\s+)?"
    r"a(?:u|ux)?\s+|represente\w*\s+par\s+"
)
_PROXY_FROM = re.compile(r"(?:pouvoir|procuration|mandat)\s+(?:de|du|des|d')\s*")
_FOOTNOTE = re.compile(r"\s*[\d*]+\s*")
# A word that every pattern of an annotation needs (the subjects of _START,
# _END, _BEFORE and _LEFT_FROM; substitutes; proxies; remote; excused): an
# annotation with none of them says nothing, whatever its length.
_ANNOTATION_WORD = re.compile(
    r"jusqu|compter|partir|question|point|rapport|deliberation|dossier|affaire|suppl|pouvoir|procuration|mandat"
    r"|delegation|represente|visio|distan|ligne|excuse|arrive|depart|parti|quitte"
)
_PART_END = re.compile(r"[,;]")


def is_caps(word: str) -> bool:
    """Whether ``word`` is written in capitals (a surname in French records)."""
    return word.isupper()


# Items, mentions and markers are made by the hundred thousand on long input:
# named tuples, immutable like frozen attrs classes, are quicker to make.
class Item(NamedTuple):
    """A piece of a list on line ``line`` (0-based index) from ``start`` to ``end``."""

    kind: str  # "entry" or "heading"
    line: int
    start: int
    end: int


class Mention(NamedTuple):
    """A person as written: civility (canonical form) and name, with where."""

    civility: str | None
    name: str
    line: int  # 1-based
    column: int  # 1-based, of the civility if any
    length: int
    written: str  # civility and name as written


class Marker(NamedTuple):
    """A window bound inside an annotation: « à compter de » (start), « jusqu'à » (end), …"""

    kind: str  # "start", "end" or "before" (departure at a question: absent from it)
    key: str
    line: int
    column: int
    length: int


@attrs.define
class Annotation:
    """What the parenthesised annotations (and tails) of an item say."""

    markers: list[Marker] = attrs.field(factory=list)
    remote: bool = False
    substitute: bool = False
    excused: bool = False
    substitute_of: Mention | None = None
    proxy_to: Mention | None = None
    proxy_from: Mention | None = None  # « (pouvoir de X) » on the holder
    unreadable: list[tuple[int, int, int, str]] = attrs.field(factory=list)
    timed: list[tuple[int, int, str]] = attrs.field(factory=list)  # « (à partir de 20h30) »


def split_items(source: Source, line: int, start: int, end: int) -> list[Item]:
    """The items and bold headings of ``source`` line ``line`` between two offsets."""
    raw = source.raw[line]
    folded = source.folded[line]
    events = [(m.start(), m.group()) for m in _SPECIAL.finditer(raw, start, end)]
    et_at = {m.start(): m.end() for m in _ET_CIVILITY.finditer(folded, start, end)}
    if " et " in raw:  # « Sylvie GALLOIS et Carine THIÉBAUT »: « et » after a surname
        et_at.update((m.start(), m.end()) for m in _ET_NAME.finditer(raw, start, end))
    if et_at:
        events = sorted(events + [(index, "et") for index in et_at])
    items: list[Item] = []

    def flush(a: int, b: int, kind: str = "entry") -> None:
        while a < b and raw[a] in " \t*":
            a += 1
        while b > a and raw[b - 1] in " \t*.":
            b -= 1
        if b > a:
            items.append(Item(kind, line, a, b))

    depth = 0
    item_start = skip_to = start
    for index, token in events:
        if index < skip_to:
            continue
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif token == "**":
            heading = (_BOLD_HEADING.match(raw, index, end)
                       or _BLANK_HEADING.match(raw, index, end))
            if heading:
                flush(item_start, index)
                flush(heading.start(1), heading.end(1), "heading")
                item_start = skip_to = heading.end()
        elif token == "et":
            flush(item_start, index)
            item_start = skip_to = et_at[index]
        else:  # "," or ";"
            flush(item_start, index)
            item_start = index + 1
    flush(item_start, end)
    return items


def colons(raw: str, start: int, end: int) -> list[int]:
    """Offsets of the colons outside parentheses between two offsets."""
    found: list[int] = []
    if raw.find(":", start, end) < 0:  # most items
        return found
    depth = 0
    for match in _BRACKETS_AND_COLONS.finditer(raw, start, end):
        char = match.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            found.append(match.start())
    return found


def civility_at(folded: str, start: int, end: int) -> tuple[str | None, int] | None:
    """The civility starting at ``start`` (canonical form or None if plural) and where it ends."""
    match = _CIVILITY.match(folded, start, end)
    if match is None:
        return None
    return _CIVILITIES.get(match.group(1) or match.group(2)), match.end()


def _words(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(m.start() + offset, m.end() + offset, m.group())
            for m in re.finditer(r"\S+", text)]


def split_run_on(source: Source, line: int, start: int, end: int
                 ) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Split the text before a colon into (name part or None, commune heading).

    « Amagney » is a heading alone; « Mme Christine WERTHE Beure » is a name
    whose list runs on into the heading « Beure » (bold markers lost).
    """
    plain = source.plain[line]
    close = plain.rfind(")", start, end)
    if close >= 0:
        return (start, close + 1), _strip(plain, close + 1, end)
    words = _words(plain[start:end], start)
    civ = civility_at(source.folded[line], start, end)
    first = 1 if civ is not None else 0
    caps = [i for i in range(first, len(words)) if is_caps(words[i][2])]
    if civ is None and (not caps or caps[-1] == len(words) - 1 or len(words) < 2):
        return None, _strip(plain, start, end)
    if not caps or caps[-1] == len(words) - 1:
        return (start, end), (end, end)
    last = caps[-1]
    return (start, words[last][1]), _strip(plain, words[last + 1][0], end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t*,;":
        start += 1
    while end > start and text[end - 1] in " \t*,;.)" and (
            text[end - 1] != ")" or text.count("(", start, end) < text.count(")", start, end)):
        end -= 1  # a closing parenthesis is stripped only when nothing opened it
    return start, end


def parse_mention(source: Source, line: int, start: int, end: int) -> Mention | None:
    """The person named between two offsets (civility, then the name), or None if no name."""
    plain = source.plain[line]
    folded = source.folded[line]
    start, end = _strip(plain, start, end)
    # Footnote calls such as « (1) » or a stray « * » are not part of a name.
    name_start = start
    civility: str | None = None
    civ = civility_at(folded, start, end)
    if civ is not None:
        civility, name_start = civ
    text = " ".join(plain[name_start:end].split()).strip(" ,;:.*")
    if not text[:1].isalpha() and not any(c.isalpha() for c in text):
        return None
    where = source.where(line + 1, start + 1)
    return Mention(civility, text, *where, end - start,
                   " ".join(plain[start:end].split()))


def read_annotations(source: Source, line: int, start: int, end: int, into: Annotation
                     ) -> None:
    """Read every parenthesised annotation between two offsets into ``into``."""
    raw = source.raw[line]
    if raw.find("(", start, end) < 0:  # most items: nothing opens an annotation
        if raw[start:end].strip(" \t.*"):  # « – arrivé au point 3 » after the name
            parse_annotation(source, line, start, end, into)
        return
    depth = 0
    opened = -1
    outside = start  # where the text outside parentheses resumes
    for match in _BRACKETS.finditer(raw, start, end):
        index = match.start()
        if match.group() == "(":
            if depth == 0:
                opened = index + 1
                if raw[outside:index].strip(" \t.*"):
                    parse_annotation(source, line, outside, index, into)
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                parse_annotation(source, line, opened, index, into)
                outside = index + 1
    if depth and opened >= 0:
        parse_annotation(source, line, opened, end, into)
    elif raw[outside:end].strip(" \t.*"):
        parse_annotation(source, line, outside, end, into)


def parse_annotation(source: Source, line: int, start: int, end: int, into: Annotation) -> None:
    """One annotation's text (inside parentheses, or a tail): its parts, comma-separated."""
    part_start = start
    for match in _PART_END.finditer(source.folded[line], start, end):
        _annotation_part(source, line, part_start, match.start(), into)
        part_start = match.end()
    _annotation_part(source, line, part_start, end, into)


def _annotation_part(source: Source, line: int, start: int, end: int, into: Annotation) -> None:
    folded = source.folded[line]
    plain = source.plain[line]
    start, end = _strip(plain, start, end)
    if start >= end or _FOOTNOTE.fullmatch(folded, start, end):
        return
    if not _ANNOTATION_WORD.search(folded, start, end):
        return
    understood = False
    taken: list[tuple[int, int]] = []
    for match in _SPAN.finditer(folded, start, end):
        taken.append((match.start(), match.end()))
        for group, kind in ((1, "start"), (2, "end")):
            key = plain[match.start(group):match.end(group)].rstrip(".")
            begin = match.start() if group == 1 else match.start(group)
            into.markers.append(Marker(kind, key, line + 1, begin + 1,
                                       match.end(group) - begin))
        understood = True
    for kind, pattern in (("before", _LEFT_FROM), ("start", _START), ("end", _END),
                          ("end", _AFTER),
                          ("before", _BEFORE)):
        for match in pattern.finditer(folded, start, end):
            if any(a <= match.start(1) < b for a, b in taken):
                continue  # « absent à partir de … » is a departure, not an arrival
            taken.append((match.start(), match.end()))
            key = plain[match.start(1):match.end(1)].rstrip(".")
            excluded = pattern is _END and match.group(2) is not None
            into.markers.append(Marker("before" if excluded else kind, key, line + 1,
                                       match.start() + 1,
                                       match.end() - match.start()))
            understood = True
    if understood:
        into.markers.sort(key=lambda m: m.column)
    substitute_of = _SUBSTITUTE_OF.search(folded, start, end)
    proxy_to = _PROXY_TO.search(folded, start, end)
    if proxy_from := _PROXY_FROM.match(folded, start, end):
        into.proxy_from = parse_mention(source, line, proxy_from.end(), end)
        understood = True
    if substitute_of:
        into.substitute = True
        into.substitute_of = parse_mention(source, line, substitute_of.end(), end)
        understood = True
    elif _SUBSTITUTE.search(folded, start, end):
        into.substitute = True
        understood = True
    if proxy_to:
        into.proxy_to = parse_mention(source, line, proxy_to.end(), end)
        understood = True
    if _REMOTE.search(folded, start, end):
        into.remote = True
        understood = True
    if _EXCUSED.search(folded, start, end):
        into.excused = True
        understood = True
    if (not understood and _WINDOW_WORD.search(folded, start, end)
            and not _QUESTION_WORD.search(folded, start, end) and _HOUR.search(folded, start, end)):
        # « (à partir de 20h30) »: an hour, no question; said, and the window not applied.
        into.timed.append((line + 1, start + 1, plain[start:end]))
    elif not understood and (_QUESTION_WORD.search(folded, start, end)
                             or _WINDOW_WORD.search(folded, start, end)):
        into.unreadable.append((line + 1, start + 1, end - start, plain[start:end]))
