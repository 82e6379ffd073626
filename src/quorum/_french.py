"""French wording shared by the reports, the displays, the chart and the writer."""

from __future__ import annotations

import datetime
import errno

__all__ = ["french_date", "os_reason", "plural"]

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")


def french_date(day: datetime.date, *, weekday: bool = False) -> str:
    """The date as French prose writes it, with its weekday on request.

    >>> french_date(datetime.date(2026, 6, 25)), french_date(datetime.date(2026, 7, 1))
    ('25 juin 2026', '1er juillet 2026')
    >>> french_date(datetime.date(2026, 4, 1), weekday=True)
    'mercredi 1er avril 2026'
    """
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``"1 présent"``, ``"2 présents"``: the count and the noun agreed with it."""
    word = singular if count <= 1 else (many if many is not None else singular + "s")
    return f"{count} {word}"


_OS_REASONS = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EEXIST: "le fichier existe déjà",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EROFS: "système de fichiers en lecture seule",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.EIO: "erreur d'entrée-sortie",
    errno.EPIPE: "tube fermé",
}


def os_reason(error: OSError) -> str:
    """An error of the system (a file missing, access refused…) as one French line:
    ``"chemin : raison"``; the system's own words only for a cause not listed here.

    >>> os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory", "a.txt"))
    'a.txt : fichier ou dossier introuvable'
    """
    reason = _OS_REASONS.get(error.errno or 0) or error.strerror or str(error)
    where = error.filename
    return f"{where} : {reason}" if where else reason
