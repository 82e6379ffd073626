"""French dates and times, read with python-dateutil.

Records write dates in words (« jeudi 25 juin 2026 », « 1er juillet 2026 »,
often with their accents lost: « 12 fevrier 2026 », « 3 aout 2026 ») or in
figures (« 19/06/2026 »).  :class:`FrenchParserInfo` teaches dateutil the
French day and month names; :func:`find_date` finds the first date in a
folded line (see :func:`quorum.reader._text.fold`) and returns it with its
span, so the reader can point at it.
"""

from __future__ import annotations

import datetime
import re

from dateutil import parser as dateutil_parser

__all__ = ["BadDate", "FrenchParserInfo", "find_date", "find_time", "find_written_date",
           "parse_french_date"]


class BadDate(ValueError):
    """Text shaped like a date (or a time) that is none; ``start`` and ``end`` locate it."""

    def __init__(self, message: str, start: int, end: int):
        super().__init__(message)
        self.start = start
        self.end = end


class FrenchParserInfo(dateutil_parser.parserinfo):
    """dateutil's parser taught the French names of days and months (with and without accents)."""

    def __init__(self) -> None:
        self.JUMP = [" ", ".", ",", ";", "-", "/", "'", "le", "du", "de", "er"]
        self.WEEKDAYS = [("lun", "lundi"), ("mar", "mardi"), ("mer", "mercredi"),
                         ("jeu", "jeudi"), ("ven", "vendredi"), ("sam", "samedi"),
                         ("dim", "dimanche")]
        self.MONTHS = [("janv", "janvier"), ("fevr", "février", "fevrier"), ("mars", "mars"),
                       ("avr", "avril"), ("mai", "mai"), ("juin", "juin"),
                       ("juil", "juillet"), ("aout", "août"), ("sept", "septembre"),
                       ("oct", "octobre"), ("nov", "novembre"), ("dec", "décembre", "decembre")]
        self.HMS = [("h", "heure", "heures"), ("m", "minute", "minutes"),
                    ("s", "seconde", "secondes")]
        self.AMPM = []
        self.PERTAIN = ["de"]
        super().__init__(dayfirst=True, yearfirst=False)


_INFO = FrenchParserInfo()
_MONTH = ("janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
          "|decembre")
_WEEKDAY = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATE = re.compile(
    rf"\b(?:(?:{_WEEKDAY})\s+)?(\d{{1,2}})\s*+(?:er\b)?\s*+({_MONTH})\s+(\d{{4}})\b"
    r"|\b(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})\b"
)
_TIME = re.compile(r"\b(\d{1,2})\s*(?:h|heures?|:)\s*(\d{2})?(?!\d)")


def parse_french_date(text: str) -> datetime.date:
    """A date written in French words or figures, through dateutil.

    >>> parse_french_date("jeudi 25 juin 2026")
    datetime.date(2026, 6, 25)
    >>> parse_french_date("1er aout 2026")
    datetime.date(2026, 8, 1)

    Raises :class:`ValueError` (or :class:`OverflowError`) on text that is no date.
    """
    cleaned = re.sub(r"\b(\d{1,2})\s*er\b", r"\1", text)
    default = datetime.datetime(2000, 1, 1)
    return dateutil_parser.parse(cleaned, parserinfo=_INFO, default=default).date()


def find_date(folded: str, start: int = 0) -> tuple[datetime.date, int, int] | None:
    """The first date in ``folded`` from ``start``: ``(date, begin, end)``, or ``None``.

    Raises :class:`BadDate` when the text looks like a date but is none
    (« 31 juin 2026 »).
    """
    match = _DATE.search(folded, start)
    if match is None:
        return None
    if match.group(1):
        text = f"{match.group(1)} {match.group(2)} {match.group(3)}"
    else:
        text = f"{match.group(4)}/{match.group(5)}/{match.group(6)}"
    try:
        day = parse_french_date(text)
    except (ValueError, OverflowError):
        raise BadDate(f"ce jour n'existe pas : {text}", match.start(), match.end()) from None
    return day, match.start(), match.end()


def find_time(folded: str, start: int = 0) -> tuple[datetime.time, int, int] | None:
    """The first time of day (« 17h08 », « 18 h », « 20:30 ») from ``start``, or ``None``.

    Raises :class:`BadDate` on an impossible time (« 25h70 »).
    """
    match = _TIME.search(folded, start)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    try:
        return datetime.time(hour, minute), match.start(), match.end()
    except ValueError:
        raise BadDate(f"cette heure n'existe pas : {hour} h {minute:02d}", match.start(),
                      match.end()) from None


# Numbers written in words, as minutes write the date (« L'an deux mille vingt-trois, le
# vingt-sept juin »): units, tens and the few compounds French makes.
_UNITS = {"zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4,
          "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
          "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
          "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_WRITTEN_DATE = re.compile(
    r"l'an\s+([a-z][a-z\s-]{3,60}?),?\s+le\s+([a-z][a-z\s-]{1,30}?)\s+(" + _MONTH + r")\b"
)


def _words_number(words: str) -> int | None:
    """« deux mille vingt-trois » → 2023, « vingt-sept » → 27, « premier » → 1; else None."""
    total, current, last = 0, 0, 0
    for word in re.split(r"[\s-]+", words.strip()):
        if word in ("et", ""):
            continue
        if word in ("mille", "mil"):
            total += (current or 1) * 1000
            current = last = 0
        elif word in ("cent", "cents"):
            current = (current or 1) * 100
            last = 0
        elif word in ("vingt", "vingts") and last == 4:
            current += 76  # quatre-vingt(s): 4 already counted, 80 in all
            last = 0
        elif word in _UNITS:
            current += _UNITS[word]
            last = _UNITS[word]
        else:
            return None
    return total + current


def find_written_date(folded: str, start: int = 0) -> tuple[datetime.date, int, int] | None:
    """A date written in words (« l'an deux mille vingt-trois, le vingt-sept juin »), or None.

    >>> find_written_date("l'an deux mille vingt-trois, le vingt-sept juin a vingt heures")[0]
    datetime.date(2023, 6, 27)
    """
    match = _WRITTEN_DATE.search(folded, start)
    if match is None:
        return None
    year = _words_number(match.group(1).rstrip(", "))
    day = _words_number(match.group(2))
    if year is None or day is None or not 1900 <= year <= 2100:
        return None
    try:
        found = parse_french_date(f"{day} {match.group(3)} {year}")
    except (ValueError, OverflowError):
        return None
    return found, match.start(), match.end()
