"""The tally check: does a published tally account for every vote the attendance allows?

Terms (see :mod:`quorum.auditing`):

- *castable*: the votes that could be cast at the question, present +
  represented less the interested members present (CGCT L2131-11);
- *interested with a vote*: the interested members who would otherwise have
  voted: present, or absent with a proxy that would otherwise be exercised;
  published tallies list them apart ("Conseiller intéressé : 1");
- *expected total*: castable + interested with a vote, what the published
  figures must add up to;
- *published total*: pour + contre + abstention + interested + not voting +
  blank.  A count the record does not print is taken from the names it lists
  (the interested members with a vote, those who "ne prennent pas part au
  vote"), so that naming them without a count is not an inconsistency.

Private: the public names are re-exported by :mod:`quorum.auditing`.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from quorum._audit_common import Finding, Locator, at_questions, names, plural
from quorum._audit_legal import is_accounts
from quorum.engine import ProxyStatus, QuestionState, Replay, tables
from quorum.model import Deliberation, PublishedTally, Sitting

__all__ = [
    "OUTCOMES",
    "Outcome",
    "TallyCheck",
    "Vote",
    "check_tally",
    "tally_outcome",
]

Outcome = Literal[
    "adopted",
    "rejected",
    "adopted-casting-vote",
    "rejected-casting-vote",
    "tie-casting-vote-unknown",
    "rejected-tie-secret-ballot",
]
OUTCOMES: tuple[Outcome, ...] = (
    "adopted", "rejected", "adopted-casting-vote", "rejected-casting-vote",
    "tie-casting-vote-unknown", "rejected-tie-secret-ballot",
)
Vote = Literal["pour", "contre", "abstention"]

_OUTCOME_TEXT: dict[Outcome, str] = {
    "adopted": "adoptée",
    "rejected": "rejetée",
    "adopted-casting-vote": "adoptée par la voix prépondérante du président (partage des voix)",
    "rejected-casting-vote": "rejetée par la voix prépondérante du président (partage des voix)",
    "tie-casting-vote-unknown": ("partage des voix : la voix prépondérante du président "
                                 "décide, mais son vote n'est pas connu"),
    "rejected-tie-secret-ballot": "rejetée (partage des voix au scrutin secret)",
}


_TIE_TEXT: dict[Outcome, str] = {
    "adopted-casting-vote": "la voix prépondérante du président, pour, l'emporte : "
                            "délibération adoptée",
    "rejected-casting-vote": "la voix prépondérante du président, contre, l'emporte : "
                             "délibération rejetée",
    "rejected": "le président n'ayant voté ni pour ni contre, sa voix n'est pas prépondérante : "
                "délibération rejetée",
    "tie-casting-vote-unknown": "la voix prépondérante du président décide, mais le relevé ne "
                                "dit pas comment il a voté",
    "rejected-tie-secret-ballot": "au scrutin secret, le partage des voix vaut rejet",
    "adopted": "délibération adoptée",
}


def tally_outcome(pour: int, contre: int, *, secret_ballot: bool = False,
                  president_vote: Vote | None = None, accounts: bool = False) -> Outcome:
    """The outcome of a vote under CGCT L2121-20.

    Adopted by the absolute majority of the votes cast (pour > contre;
    abstentions and blanks are not votes cast).  In a tie the president's
    vote decides (``president_vote``; when it is not known the outcome says
    so) except in a secret ballot, where a tie rejects.  No vote cast at all
    (0 – 0) rejects: there is no majority, and a president who did not vote
    has no casting vote.

    >>> tally_outcome(117, 0)
    'adopted'
    >>> tally_outcome(20, 20, president_vote="pour")
    'adopted-casting-vote'
    >>> tally_outcome(20, 20, secret_ballot=True, president_vote="pour")
    'rejected-tie-secret-ballot'

    With ``accounts`` (a compte administratif or compte financier unique,
    CGCT L1612-12) the accounts are adopted unless a majority of the votes
    cast is against them: a tie, or no vote cast at all, adopts, in an open
    or a secret ballot alike.

    >>> tally_outcome(10, 10, accounts=True), tally_outcome(0, 0, accounts=True)
    ('adopted', 'adopted')
    >>> tally_outcome(10, 11, accounts=True)
    'rejected'
    """
    if accounts:
        return "rejected" if contre > pour else "adopted"
    if pour > contre:
        return "adopted"
    if pour < contre or pour == 0:
        return "rejected"
    if secret_ballot:
        return "rejected-tie-secret-ballot"
    if president_vote == "pour":
        return "adopted-casting-vote"
    if president_vote in ("contre", "abstention"):
        # A president who abstained has no casting vote: the tie rejects.
        return "rejected-casting-vote" if president_vote == "contre" else "rejected"
    return "tie-casting-vote-unknown"


def outcome_text(outcome: Outcome) -> str:
    """The outcome in French, as the report prints it."""
    return _OUTCOME_TEXT[outcome]


@attrs.frozen(kw_only=True)
class TallyCheck:
    """One published tally checked against the attendance at its question.

    ``expected_total`` = ``castable`` + ``interested_voting``; ``published_total``
    adds up every published count (see the module docstring); ``gap`` is
    ``published_total - expected_total``.  ``explanation`` gives the arithmetic
    in French, ``gap_explanation`` (empty when consistent) the members and
    proxies that may account for a gap, ``members`` their names.
    ``unanimous_consistent`` is ``None`` when the record does not claim
    unanimity.  ``could_change_outcome`` is ``None`` when the tally is
    consistent; otherwise whether the missing or extra votes, wherever they
    went, could turn the outcome (materiality).  ``accounts`` says the
    question is a compte administratif or compte financier unique
    (CGCT L1612-12), ``withdrawn`` how many votes the president's withdrawal
    took out of the expected total there (L2121-14; 0 when the tally counts
    the president).
    """

    question: str
    published: PublishedTally
    present: int
    represented: int
    interested_present: int
    interested_voting: tuple[str, ...]
    castable: int
    expected_total: int
    published_total: int
    consistent: bool
    outcome: Outcome
    secret_ballot: bool = False
    unanimous: bool = False
    unanimous_consistent: bool | None = None
    explanation: str = ""
    gap_explanation: str = ""
    members: tuple[str, ...] = ()
    could_change_outcome: bool | None = None
    accounts: bool = False
    withdrawn: int = 0

    @property
    def voters(self) -> int:
        """Votants: present + represented."""
        return self.present + self.represented

    @property
    def gap(self) -> int:
        """Published total less expected total: positive when too many votes are published."""
        return self.published_total - self.expected_total

    @property
    def adopted(self) -> bool | None:
        """Whether the deliberation was adopted (``None`` when it depends on an unknown vote)."""
        if self.outcome == "tie-casting-vote-unknown":
            return None
        return self.outcome in ("adopted", "adopted-casting-vote")

    @property
    def outcome_text(self) -> str:
        """The outcome in French."""
        text = outcome_text(self.outcome)
        if self.unanimous and self.unanimous_consistent:
            text += " à l'unanimité"
        return text

    def to_json(self) -> dict[str, Any]:
        """The check as CONTRACT.md's ``audit --format json`` writes it (more keys follow)."""
        published = self.published
        # The lines the record prints, and only those: CONTRACT.md's exact shape.
        printed = {"interested": published.interested, "not_voting": published.not_voting,
                   "blank": published.blank}
        return {
            "question": self.question,
            "published": {
                "pour": published.pour,
                "contre": published.contre,
                "abstention": published.abstention,
                **{line: count for line, count in printed.items() if count is not None},
            },
            "expected_total": self.expected_total,
            "consistent": self.consistent,
            "outcome": self.outcome,
            "could_change_outcome": self.could_change_outcome,
            "published_total": self.published_total,
            "gap": self.gap,
            "present": self.present,
            "represented": self.represented,
            "voters": self.voters,
            "interested_present": self.interested_present,
            "interested_voting": len(self.interested_voting),
            "castable": self.castable,
            "secret_ballot": self.secret_ballot,
            "unanimous": self.unanimous,
            "unanimous_consistent": self.unanimous_consistent,
            "explanation": self.explanation,
            "gap_explanation": self.gap_explanation,
            "members": list(self.members),
            "accounts": self.accounts,
            "withdrawn": self.withdrawn,
        }

    def __str__(self) -> str:
        verdict = "cohérent" if self.consistent else f"INCOHÉRENT (écart {self.gap:+d})"
        return f"question {self.question} : {self.explanation} — {verdict} ; {self.outcome_text}"


def interested_voting(state: QuestionState, deliberation: Deliberation) -> tuple[str, ...]:
    """The interested members who would otherwise have had a vote at ``state``'s question."""
    interested = set(deliberation.interested)
    engine = tables(state)
    position = state.position
    present = {name for name in interested if engine.is_present(name, position)}
    proxies = engine.sitting.proxies
    represented = {proxies[index].giver for name in interested
                   for index in engine.by_giver.get(name, ())
                   if proxies[index].holder not in interested
                   and engine.proxy_status(index, position) is ProxyStatus.GIVER_INTERESTED}
    return tuple(name for name in deliberation.interested
                 if name in present or name in represented)


def not_voting_counted(state: QuestionState, deliberation: Deliberation) -> tuple[str, ...]:
    """The members named as taking no part in the vote who had a vote there: present, or
    represented (« M. X quitte la séance et ne prend pas part au vote » names someone
    already gone, whose vote no total holds)."""
    engine = tables(state)
    givers = {proxy.giver for proxy in state.exercised}
    return tuple(name for name in deliberation.not_voting
                 if engine.is_present(name, state.position) or name in givers)


def _published_parts(tally: PublishedTally, not_voting: tuple[str, ...],
                     voting: tuple[str, ...]) -> list[tuple[int, str, bool]]:
    """(count, label, printed) for each part of the published total."""
    parts = [(tally.pour, "pour", True), (tally.contre, "contre", True),
             (tally.abstention, "abstention", True)]
    if tally.interested is not None:
        parts.append((tally.interested, "intéressé", True))
    elif voting:
        parts.append((len(voting), "intéressé (nommé)", False))
    if tally.not_voting is not None:
        parts.append((tally.not_voting, "ne prend pas part au vote", True))
    elif not_voting:
        parts.append((len(not_voting), "ne prend pas part au vote (nommé)", False))
    if tally.blank is not None:
        parts.append((tally.blank, "blanc ou nul", True))
    return parts


def _label(count: int, label: str) -> str:
    invariable = ("abstention", "contre", "pour", "ne prend", "blanc")
    if count > 1 and not label.startswith(invariable):
        head, _, tail = label.partition(" ")
        label = head + "s" + (" " + tail if tail else "")
    if count > 1 and label.startswith("abstention"):
        label = "abstentions"
    return f"{count} {label}"


def check_tally(sitting: Sitting, replayed: Replay, deliberation: Deliberation,
                locator: Locator, president_vote: Vote | None = None,
                ) -> tuple[TallyCheck, list[Finding]]:
    """Check the tally published under ``deliberation`` (which must have one)."""
    tally = deliberation.tally
    assert tally is not None
    state = replayed.at(deliberation.question)
    voting = interested_voting(state, deliberation)
    castable = state.castable
    expected = castable + len(voting)
    not_voting = not_voting_counted(state, deliberation)
    parts = _published_parts(tally, not_voting, voting)
    published_total = sum(count for count, _, _ in parts)
    accounts = is_accounts(deliberation)
    # The president withdraws for the vote of the accounts (L2121-14): a tally short of
    # the president's vote and the proxies they hold is the lawful one.
    withdrawn = _withdrawn(sitting, state, deliberation) if accounts else 0
    president_counted = bool(withdrawn) and (
        published_total == expected or sitting.president in (
            *deliberation.voted_pour, *deliberation.voted_contre, *deliberation.voted_abstention))
    if withdrawn and published_total == expected - withdrawn:
        castable -= withdrawn
        expected -= withdrawn
    else:
        withdrawn = 0
    problems: list[str] = []
    if published_total != expected:
        problems.append(f"le total publié ({published_total}) diffère du total attendu "
                        f"({expected})")
    if tally.interested is not None and tally.interested != len(voting):
        counted = plural(tally.interested, "conseiller intéressé", "conseillers intéressés")
        problems.append(f"{counted} publié(s), {len(voting)} attendu(s)"
                        + (f" ({names(voting)})" if voting else ""))
    if tally.not_voting is not None and deliberation.not_voting \
            and tally.not_voting != len(deliberation.not_voting):
        problems.append(f"{tally.not_voting} « ne prend pas part au vote » publié(s), "
                        f"{len(deliberation.not_voting)} nommé(s) "
                        f"({names(deliberation.not_voting)})")
    consistent = not problems
    outcome = tally_outcome(tally.pour, tally.contre, secret_ballot=deliberation.secret_ballot,
                            president_vote=president_vote, accounts=accounts)
    unanimous_consistent = (tally.contre == 0 and tally.pour > 0
                            if deliberation.unanimous else None)
    could_change: bool | None = None
    if not consistent:
        vote_gap = _vote_gap(tally, not_voting, voting, expected)
        could_change = could_change_outcome(
            tally.pour, tally.contre, vote_gap, secret_ballot=deliberation.secret_ballot,
            president_vote=president_vote, accounts=accounts)

    explanation = _arithmetic(state, voting, expected, parts, published_total, withdrawn)
    hints, concerned = ("", ()) if consistent else _gap_hints(
        sitting, replayed, state, deliberation, tally, voting, published_total - expected)
    check = TallyCheck(
        question=deliberation.question, published=tally, present=state.present,
        represented=state.represented, interested_present=state.interested_present,
        interested_voting=voting, castable=castable, expected_total=expected,
        published_total=published_total, consistent=consistent, outcome=outcome,
        secret_ballot=deliberation.secret_ballot, unanimous=deliberation.unanimous,
        unanimous_consistent=unanimous_consistent, explanation=explanation,
        gap_explanation=hints, members=concerned, could_change_outcome=could_change,
        accounts=accounts, withdrawn=withdrawn,
    )
    findings: list[Finding] = []
    place = locator.place(("tally", deliberation.question), ("deliberation", deliberation.question))
    q = deliberation.question
    if not consistent:
        message = (f"Question {q} : décompte incohérent avec les présences — "
                   + " ; ".join(problems) + f". Publié : {_published_sum(parts, published_total)}"
                   + f" ; attendu : {expected} ({_expected_sum(state, voting, expected)}).")
        if hints:
            message += " " + hints
        message += (" L'écart pourrait changer le résultat du vote." if could_change
                    else " L'écart ne peut pas changer le résultat du vote.")
        findings.append(Finding(severity="error", code="tally-inconsistent", message=message,
                                question=q, questions=(q,), members=concerned, **place))
    if unanimous_consistent is False:
        findings.append(Finding(
            severity="warning", code="unanimity-contradicted", question=q, questions=(q,),
            message=(f"Question {q} : « à l'unanimité » est contredit par les chiffres publiés "
                     f"({_label(tally.pour, 'pour')}, {_label(tally.contre, 'contre')})."),
            **place))
    if president_counted and sitting.president is not None:
        member = sitting.member(sitting.president)
        e = "e" if member.feminine else ""
        findings.append(Finding(
            severity="warning", code="president-votes-own-accounts", question=q, questions=(q,),
            members=(sitting.president,),
            message=(f"Question {q} : {member.display}, qui préside l'assemblée, est "
                     f"compté{e} parmi les votants du compte administratif (le décompte publié "
                     f"fait {published_total} voix en l'y comptant) : le maire ou le président "
                     "peut assister à la discussion mais doit se retirer au moment du vote, "
                     "ni voter ni donner ou exercer de procuration, et le conseil élit son "
                     "président pour ce point (CGCT L2121-14) ; le relevé devrait "
                     f"{'la' if e else 'le'} dire sorti{e} ou ne prenant pas part au vote."),
            **place))
    if tally.pour == tally.contre and tally.pour > 0:
        why = ("pour le compte administratif, seule une majorité de voix contre le rejette : "
               "délibération adoptée (CGCT L1612-12)" if accounts
               else f"{_TIE_TEXT[outcome]} (CGCT L2121-20)")
        findings.append(Finding(
            severity="info", code="tally-tie", question=q, questions=(q,),
            members=(sitting.president,) if sitting.president and not accounts else (),
            message=f"Question {q} : partage des voix ({tally.pour} – {tally.contre}) ; {why}.",
            **place))
    return check, findings


def _withdrawn(sitting: Sitting, state: QuestionState, deliberation: Deliberation) -> int:
    """The votes the president takes away by withdrawing for the accounts: their own and
    the proxies they hold there (0 when the record names no president present, or lists
    them as interested or not voting)."""
    president = sitting.president
    if president is None or president in deliberation.interested \
            or president in deliberation.not_voting:
        return 0
    engine = tables(state)
    if not engine.is_present(president, state.position):
        return 0
    return 1 + sum(1 for proxy in state.exercised if proxy.holder == president)


def _vote_gap(tally: PublishedTally, not_voting: tuple[str, ...], voting: tuple[str, ...],
              expected: int) -> int:
    """Published votes (pour, contre, abstentions, blanks) less the votes expected.

    The members listed apart (interested, not taking part) are taken at the
    count the record prints, else at the count of names: a gap in those
    lists alone moves no vote.
    """
    votes = tally.pour + tally.contre + tally.abstention + (tally.blank or 0)
    apart_expected = len(voting) + (tally.not_voting if tally.not_voting is not None
                                    else len(not_voting))
    return votes - (expected - apart_expected)


def could_change_outcome(pour: int, contre: int, gap: int, *, secret_ballot: bool = False,
                         president_vote: Vote | None = None, accounts: bool = False) -> bool:
    """Whether ``gap`` votes too many (> 0) or missing (< 0) could turn the outcome.

    Missing votes may all have gone to pour or all to contre; votes too many
    may all have been counted in pour or all in contre.  The outcome is
    monotone in each count, so the two extremes decide.

    >>> could_change_outcome(10, 5, -4), could_change_outcome(10, 5, -5)
    (False, True)
    >>> could_change_outcome(10, 5, 4), could_change_outcome(10, 5, 5)
    (False, True)
    >>> could_change_outcome(117, 0, 0)
    False
    """
    def adopted(p: int, c: int) -> bool | None:
        outcome = tally_outcome(p, c, secret_ballot=secret_ballot,
                                president_vote=president_vote, accounts=accounts)
        return None if outcome == "tie-casting-vote-unknown" else outcome in (
            "adopted", "adopted-casting-vote")

    now = adopted(pour, contre)
    if gap < 0:
        extremes = [(pour - gap, contre), (pour, contre - gap)]
    elif gap > 0:
        extremes = [(max(0, pour - gap), contre), (pour, max(0, contre - gap))]
    else:
        return False
    return any(adopted(p, c) != now for p, c in extremes)


def _published_sum(parts: list[tuple[int, str, bool]], total: int) -> str:
    return " + ".join(_label(count, label) for count, label, _ in parts) + f" = {total}"


def _expected_sum(state: QuestionState, voting: tuple[str, ...], expected: int,
                  withdrawn: int = 0) -> str:
    text = (f"{plural(state.present, 'présent')} + "
            f"{plural(state.represented, 'représenté')}")
    if state.interested_present:
        text += f" − {plural(state.interested_present, 'intéressé présent', 'intéressés présents')}"
    if withdrawn:
        text += (f" − {withdrawn} (le président se retire au vote du compte administratif, "
                 "CGCT L2121-14)")
    text += f" = {plural(state.castable - withdrawn, 'voix possible', 'voix possibles')}"
    if voting:
        text += f", + {plural(len(voting), 'intéressé listé à part', 'intéressés listés à part')}"
        text += f" = {expected}"
    return text


def _arithmetic(state: QuestionState, voting: tuple[str, ...], expected: int,
                parts: list[tuple[int, str, bool]], published_total: int,
                withdrawn: int = 0) -> str:
    return (f"attendu {_expected_sum(state, voting, expected, withdrawn)} ; "
            f"publié {_published_sum(parts, published_total)}")


# Proxies not exercised that a tally may have counted by mistake: all but those whose
# giver votes in person or is listed apart as interested.
_NOT_GAP_STATUSES = (ProxyStatus.GIVER_PRESENT, ProxyStatus.GIVER_INTERESTED)


def _gap_hints(sitting: Sitting, replayed: Replay, state: QuestionState,
               deliberation: Deliberation, tally: PublishedTally, voting: tuple[str, ...],
               gap: int) -> tuple[str, tuple[str, ...]]:
    """French sentences naming the members and proxies that may explain ``gap``."""
    hints: list[str] = []
    concerned: list[str] = []
    size = abs(gap)
    if gap > 0:
        hints.append(f"{plural(size, 'voix publiée', 'voix publiées')} de trop.")
        unexercised = [use for use in state.not_exercised
                       if use.status not in _NOT_GAP_STATUSES]
        if unexercised:
            exact = " (exactement l'écart)" if len(unexercised) == size else ""
            described = [f"{use.proxy.giver} → {use.proxy.holder} ({use.status.reason})"
                         for use in unexercised]
            hints.append(f"Procurations non exercées à cette question, peut-être comptées"
                         f"{exact} : {names(described)}.")
            concerned += [use.proxy.giver for use in unexercised]
        elsewhere = _present_elsewhere(sitting, state)
        if elsewhere:
            exact = " (exactement l'écart)" if len(elsewhere) == size else ""
            hints.append(f"Membres absents à cette question mais présents à d'autres, "
                         f"peut-être comptés{exact} : {names(elsewhere)}.")
            concerned += elsewhere
        if tally.interested and state.interested_present == size:
            hints.append("L'écart égale le nombre d'intéressés présents : ils sont peut-être "
                         "comptés deux fois (dans les voix et à part).")
            concerned += [n for n in deliberation.interested if n in state.present_members]
    else:
        hints.append(f"{plural(size, 'voix manque', 'voix manquent')} au décompte.")
        if voting and tally.interested == 0:
            hints.append(f"Intéressés non listés à part : {names(voting)}.")
            concerned += voting
        exercised = state.exercised
        if exercised and len(exercised) == size:
            hints.append(f"Autant que les procurations exercées, peut-être oubliées : "
                         f"{names([f'{p.giver} → {p.holder}' for p in exercised])}.")
            concerned += [p.giver for p in exercised]
        edge = _edge_members(replayed, state)
        if edge:
            exact = " (exactement l'écart)" if len(edge) == size else ""
            hints.append(f"Membres arrivés à cette question ou partant juste après{exact} : "
                         f"{names(edge)}.")
            concerned += edge
    published_total = state.castable + len(voting) + gap
    if published_total == sitting.in_office and state.voters < sitting.in_office:
        hints.append(f"Le total publié égale le nombre de membres en exercice "
                     f"({sitting.in_office}) : les absents non représentés semblent comptés.")
    in_window = len(tables(state).in_window(state.position))
    if gap > 0 and in_window > state.represented \
            and published_total == state.castable + len(voting) - state.represented \
            + in_window:
        hints.append(f"Le total publié compte toutes les procurations de la période, "
                     f"exercées ou non ({in_window}, dont {state.represented} "
                     f"exercée{'s' if state.represented > 1 else ''}).")
    matches = [other.position for other in replayed
               if other.position != state.position and other.voters == published_total]
    if matches and state.voters != published_total:
        hints.append(f"Le total publié égale les votants (présents + représentés) "
                     f"{at_questions(sitting, matches)}.")
    return " ".join(hints), tuple(dict.fromkeys(concerned))


def _present_elsewhere(sitting: Sitting, state: QuestionState) -> list[str]:
    """Members absent at ``state``'s question, not represented there, present at another."""
    engine = tables(state)
    represented = {p.giver for p in state.exercised}
    return [name for name in engine.partial_members()
            if name not in represented and not engine.is_present(name, state.position)]


def _edge_members(replayed: Replay, state: QuestionState) -> list[str]:
    """Members present at ``state``'s question who arrive there or leave just after."""
    engine = tables(state)
    edge = engine.edge_members(state.position)
    return [name for name in engine.partial_members() if name in edge]
