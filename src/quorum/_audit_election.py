"""Elections and appointments (issue 9, item 6): CGCT L2121-21, L2122-7, L5211-2.

Terms (see :mod:`quorum.auditing`):

- *election*: a deliberation whose record prints its rounds
  (:attr:`Deliberation.rounds`) or proclaims someone elected
  (:attr:`Deliberation.elected`).
- *round*: one vote of an election (:class:`ElectionRound`): voters, blank or
  spoilt ballots, votes cast (suffrages exprimés), the absolute majority
  printed, each candidate's votes.
- *absolute majority*: more than half of the votes cast, ``cast // 2 + 1``
  (:data:`quorum.rules.ELECTION_MAJORITY_SHARE`).  At the first two rounds
  only a candidate who has it is elected; from the third
  (:data:`quorum.rules.ELECTION_RELATIVE_ROUND`) the relative majority elects
  and a tie goes to the eldest (L2121-21 for appointments, L2122-7 for the
  mayor and adjoints, L5211-2 for an EPCI's president and bureau).

Private: the codes are documented in docs/findings.md.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from quorum._audit_common import Finding, Locator, names
from quorum.engine import Replay
from quorum.model import Deliberation, ElectionRound, Sitting
from quorum.rules import (
    ELECTION_EXPRESSLY_SECRET_TITLES,
    ELECTION_MAJORITY_SHARE,
    ELECTION_RELATIVE_ROUND,
)

__all__ = ["absolute_majority", "check_elections", "round_winners"]

_CIVILITY = re.compile(r"^(?:m|mme|mlle|mr|monsieur|madame|mademoiselle)\.?\s+")


def _fold(text: str) -> str:
    """Lower case, accents and civility removed, spaces made plain: names compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = " ".join(plain.replace("’", "'").replace("-", " ").split())
    return _CIVILITY.sub("", plain)


def absolute_majority(cast: int) -> int:
    """The least number of votes that is more than half of ``cast``.

    >>> absolute_majority(20), absolute_majority(21), absolute_majority(0)
    (11, 11, 1)
    """
    return math.floor(cast * ELECTION_MAJORITY_SHARE) + 1


def round_winners(election_round: ElectionRound) -> tuple[str, ...]:
    """Who the figures of ``election_round`` elect: one name, several when the relative
    majority ties (the eldest of them is elected), none when the absolute majority is
    needed and nobody has it.

    >>> round_winners(ElectionRound(number=1, cast=20, candidates=(("A", 11), ("B", 9))))
    ('A',)
    >>> round_winners(ElectionRound(number=2, cast=20, candidates=(("A", 10), ("B", 10))))
    ()
    >>> round_winners(ElectionRound(number=3, cast=20, candidates=(("A", 10), ("B", 10))))
    ('A', 'B')
    """
    if not election_round.candidates:
        return ()
    cast = election_round.cast
    if cast is None:
        cast = sum(votes for _, votes in election_round.candidates)
    best = max(votes for _, votes in election_round.candidates)
    top = tuple(name for name, votes in election_round.candidates if votes == best)
    if election_round.number >= ELECTION_RELATIVE_ROUND:
        return top
    return top if len(top) == 1 and best >= absolute_majority(cast) else ()


def _expressly_secret(deliberation: Deliberation) -> bool:
    title = _fold(deliberation.title or "")
    return any(words in title for words in ELECTION_EXPRESSLY_SECRET_TITLES)


def check_elections(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Every election: held by secret ballot, its figures adding up, its absolute majority
    printed right, the one proclaimed the one the figures elect, no more voters than
    members present or represented."""
    findings: list[Finding] = []
    for deliberation in sitting.deliberations:
        if not deliberation.rounds and deliberation.elected is None:
            continue
        q = deliberation.question
        place = locator.place(("election", q), ("deliberation", q))
        findings += _secret(deliberation, place)
        state = replayed.at(q)
        possible = state.present + state.represented
        for election_round in deliberation.rounds:
            findings += _figures(q, election_round, possible, place)
        findings += _outcome(deliberation, place)
    return findings


def _secret(deliberation: Deliberation, place: dict[str, Any]) -> list[Finding]:
    if deliberation.secret_ballot:
        return []
    q = deliberation.question
    if _expressly_secret(deliberation):
        return [Finding(
            severity="error", code="election-not-secret", question=q, questions=(q,),
            message=(f"Question {q} : le procès-verbal ne dit pas que l'élection a eu lieu au "
                     "scrutin secret, que la loi impose expressément pour cette élection "
                     "(CGCT L2122-7, L5211-2) : le conseil ne peut pas décider d'y renoncer, "
                     "même à l'unanimité (L2121-21)."),
            **place)]
    if deliberation.unanimous:
        return []  # the council decided unanimously not to vote secretly (L2121-21 al. 4)
    return [Finding(
        severity="warning", code="election-not-secret", question=q, questions=(q,),
        message=(f"Question {q} : le procès-verbal ne dit pas que la nomination a eu lieu au "
                 "scrutin secret (CGCT L2121-21 2°) ni que le conseil a décidé à "
                 "l'unanimité de ne pas y procéder."),
        **place)]


def _figures(q: str, election_round: ElectionRound, possible: int,
             place: dict[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    n = election_round.number
    which = "1er tour" if n == 1 else f"{n}e tour"
    voters, blank, cast = election_round.voters, election_round.blank, election_round.cast
    wrong: list[str] = []
    if voters is not None and blank is not None and cast is not None \
            and cast != voters - blank:
        wrong.append(f"{voters} votants moins {blank} bulletins blancs ou nuls font "
                     f"{voters - blank} suffrages exprimés, pas {cast}")
    total = sum(votes for _, votes in election_round.candidates)
    if election_round.candidates and cast is not None and total != cast:
        wrong.append(f"les voix des candidats font {total}, pour {cast} suffrages exprimés")
    if wrong:
        findings.append(Finding(
            severity="error", code="election-figures-inconsistent", question=q, questions=(q,),
            message=f"Question {q}, {which} : " + " ; ".join(wrong) + ".",
            **place))
    if election_round.majority is not None and cast is not None \
            and election_round.majority != absolute_majority(cast):
        findings.append(Finding(
            severity="error", code="election-majority-misprinted", question=q, questions=(q,),
            message=(f"Question {q}, {which} : la majorité absolue de {cast} suffrages "
                     f"exprimés est {absolute_majority(cast)}, pas {election_round.majority} "
                     "(plus de la moitié des suffrages exprimés)."),
            **place))
    if voters is not None and voters > possible:
        findings.append(Finding(
            severity="error", code="election-voters-exceed", question=q, questions=(q,),
            message=(f"Question {q}, {which} : {voters} votants, pour {possible} membres "
                     "présents ou représentés à cette question."),
            **place))
    return findings


def _outcome(deliberation: Deliberation, place: dict[str, Any]) -> list[Finding]:
    if deliberation.elected is None or not deliberation.rounds:
        return []
    last = deliberation.rounds[-1]
    if not last.candidates:
        return []
    q = deliberation.question
    n = last.number
    which = "1er tour" if n == 1 else f"{n}e tour"
    elected = _fold(deliberation.elected)
    winners = round_winners(last)
    folded = [_fold(name) for name in winners]
    cast = last.cast if last.cast is not None else sum(votes for _, votes in last.candidates)
    why = ""
    if not winners:
        why = (f"au {which}, aucun candidat n'a la majorité absolue "
               f"({absolute_majority(cast)} voix) : nul n'est élu à la majorité relative "
               f"avant le {ELECTION_RELATIVE_ROUND}e tour")
    elif elected not in folded:
        why = (f"au {which}, les chiffres élisent {names(list(winners))}"
               + (" (égalité : le plus âgé l'emporte)" if len(winners) > 1 else ""))
    elif deliberation.elected_by_age and len(winners) == 1:
        why = (f"au {which}, {winners[0]} a le plus de voix : l'âge ne départage "
               "qu'une égalité")
    if not why:
        return []
    return [Finding(
        severity="error", code="election-outcome-contradicted", question=q, questions=(q,),
        message=(f"Question {q} : {deliberation.elected} est proclamé(e) élu(e), mais {why} "
                 "(CGCT L2121-21, L2122-7)."),
        **place)]
