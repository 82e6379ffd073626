"""The kind of an EPCI or syndicat, recognised from its name or the record's text.

Terms:

- *EPCI* (établissement public de coopération intercommunale): a body of communes,
  :class:`~quorum.model.BodyKind.EPCI`; its *kind* (:class:`~quorum.model.EpciKind`)
  says whether a single-seat commune has a substitute (CGCT L5211-6).
- *communauté de communes* / *d'agglomération* / *urbaine*, *métropole*: the
  EPCI with their own tax (L5214-1, L5216-1, L5215-1, L5217-1).
- *syndicat de communes* (SIVU: à vocation unique, SIVOM: à vocations multiples,
  L5212-1) and *syndicat mixte* (L5711-1, L5721-1).

« Grand Besançon Métropole » is a communauté urbaine by law but calls itself a
métropole: the name is what a record gives, so it is what is read; the first kind
named wins (« Communauté urbaine … Métropole » is a communauté urbaine).
"""

from __future__ import annotations

import re
import unicodedata

from quorum.model import EpciKind

__all__ = ["epci_kind"]

_PATTERNS: tuple[tuple[EpciKind, re.Pattern[str]], ...] = (
    (EpciKind.COMMUNAUTE_DE_COMMUNES, re.compile(r"\bcommunaute\s+de\s+communes\b")),
    (EpciKind.COMMUNAUTE_D_AGGLOMERATION,
     re.compile(r"\bcommunaute\s+d\s*'?\s*agglomeration\b|\bagglomeration\b")),
    (EpciKind.COMMUNAUTE_URBAINE, re.compile(r"\bcommunaute\s+urbaine\b")),
    (EpciKind.METROPOLE, re.compile(r"\bmetropole\b")),
    (EpciKind.SYNDICAT_MIXTE, re.compile(r"\bsyndicat\s+mixte\b")),
    (EpciKind.SYNDICAT_DE_COMMUNES,
     re.compile(r"\bsivom\b|\bsivu\b|\bsyndicat\s+intercommunal\b"
                r"|\bsyndicat\s+de\s+communes\b")),
)


def _fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and hyphens made spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[’'\-]", " ", plain).split())


def epci_kind(text: str) -> EpciKind | None:
    """The kind of EPCI that ``text`` (a body's name, or a record's heading) names.

    The kind named first in the text wins; ``None`` when it names none.

    >>> epci_kind("Communauté urbaine de Dunkerque").value
    'communaute-urbaine'
    >>> epci_kind("GRAND BESANÇON MÉTROPOLE").value
    'metropole'
    >>> epci_kind("SIVOM de la vallée").value
    'syndicat-de-communes'
    >>> epci_kind("Conseil municipal de Morre") is None
    True
    """
    folded = _fold(text)
    found: list[tuple[int, EpciKind]] = []
    for kind, pattern in _PATTERNS:
        match = pattern.search(folded)
        if match:
            found.append((match.start(), kind))
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]
