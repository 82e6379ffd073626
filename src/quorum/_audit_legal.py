"""Legal checks of issue 9: named votes, urgency, the compte administratif.

Terms (see :mod:`quorum.auditing`):

- *named vote*: a member printed under a heading of a tally, « Contre : 1
  (M. X) » (:attr:`Deliberation.voted_pour`, ``voted_contre``,
  ``voted_abstention``).  A member named must be a *voter* at that question:
  present, or absent and represented by a proxy exercised there, and not
  interested in it (CGCT L2121-20, L2131-11).
- *accounts*: the compte administratif, or the compte financier unique that
  replaces it, recognised from the deliberation's title.  Under L1612-12 it
  is adopted unless a majority of the votes cast is against it; under
  L2121-14 the mayor (or president) may attend the debate but withdraws
  when the vote comes.

Private: the codes are documented in docs/findings.md.
"""

from __future__ import annotations

import unicodedata

from quorum._audit_common import Finding, Locator, names, plural
from quorum.engine import ProxyStatus, Replay, tables
from quorum.model import BodyKind, Deliberation, EpciKind, Sitting
from quorum.rules import (
    ACCOUNTS_TITLES,
    PUBLIC_BALLOT_SHARE,
    PUBLIC_BALLOT_SHARE_COUNCILS,
    REMOTE_EPCI_FROM,
    REMOTE_EXCLUDED_TITLES,
    SECRET_BALLOT_SHARE,
    SUBSTITUTE_EPCI_KINDS,
    SUBSTITUTE_STATUTORY_KINDS,
    representatives_article,
)

__all__ = ["check_ballot_requests", "check_named_votes", "check_remote",
           "check_representatives", "check_substitutes", "is_accounts"]

_HEADINGS = (("voted_pour", "Pour"), ("voted_contre", "Contre"),
             ("voted_abstention", "Abstention"))


def _fold(text: str) -> str:
    """Lower case, accents removed, apostrophes and spaces made plain."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("’", "'").replace("-", " ").split())


def is_accounts(deliberation: Deliberation) -> bool:
    """Whether ``deliberation`` adopts a compte administratif or compte financier unique.

    >>> is_accounts(Deliberation(question="1", title="Vote du COMPTE ADMINISTRATIF 2025"))
    True
    >>> is_accounts(Deliberation(question="1", title="Compte financier unique — exercice 2025"))
    True
    >>> is_accounts(Deliberation(question="1", title="Budget primitif 2026"))
    False
    """
    if not deliberation.title:
        return False
    title = _fold(deliberation.title)
    return any(words in title for words in ACCOUNTS_TITLES)


def _voter_status(sitting: Sitting, replayed: Replay, deliberation: Deliberation,
                  name: str) -> str | None:
    """``None`` when ``name`` is a voter at the deliberation's question, else why not."""
    state = replayed.at(deliberation.question)
    engine = tables(state)
    if name in deliberation.interested:
        return "interested"
    if engine.is_present(name, state.position):
        return None
    for index in engine.by_giver.get(name, ()):
        if engine.proxy_status(index, state.position) is ProxyStatus.EXERCISED:
            return None
    return "absent"


def check_named_votes(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Every member named under Pour / Contre / Abstention must be a voter, named once."""
    findings: list[Finding] = []
    for deliberation in sitting.deliberations:
        q = deliberation.question
        place = locator.place(("tally", q), ("deliberation", q))
        headings: dict[str, list[str]] = {}
        for field, label in _HEADINGS:
            for name in getattr(deliberation, field):
                headings.setdefault(name, []).append(label)
        for name, labels in headings.items():
            member = sitting.member(name)
            who, e = member.display, "e" if member.feminine else ""
            if len(labels) > 1:
                shown = names([f"« {label} »" for label in labels])
                findings.append(Finding(
                    severity="error", code="named-voter-twice", question=q, questions=(q,),
                    members=(name,),
                    message=(f"Question {q} : {who} est nommé{e} sous {shown} : un membre "
                             "n'exprime qu'une voix (la sienne, et au plus celle de son "
                             "mandant) et ne figure que sous une rubrique du vote."),
                    **place))
            status = _voter_status(sitting, replayed, deliberation, name)
            where = names([f"« {label} »" for label in dict.fromkeys(labels)])
            if status == "interested":
                findings.append(Finding(
                    severity="error", code="named-voter-interested", question=q,
                    questions=(q,), members=(name,),
                    message=(f"Question {q} : {who}, intéressé{e} à l'affaire, est nommé{e} sous "
                             f"{where} : un conseiller intéressé ne prend part ni au débat ni "
                             "au vote, en personne ou comme mandataire (CGCT L2131-11) ; la "
                             "délibération est exposée à l'annulation."),
                    **place))
            elif status == "absent":
                findings.append(Finding(
                    severity="error", code="named-voter-absent", question=q, questions=(q,),
                    members=(name,),
                    message=(f"Question {q} : {who} est nommé{e} sous {where}, mais n'est ni "
                             f"présent{e} ni représenté{e} par une procuration exercée à cette "
                             "question (CGCT L2121-20) : ce vote ne peut pas avoir été "
                             "exprimé."),
                    **place))
    return findings


# -- attendance by teleconference --------------------------------------------------------


def _remote_allowed(sitting: Sitting) -> tuple[bool, str]:
    """Whether a text lets this council sit by teleconference, and which."""
    rules = sitting.rule_set
    if rules.remote_attendance:
        return True, rules.reference or rules.name
    if sitting.kind is BodyKind.EPCI and sitting.date is not None \
            and sitting.date >= REMOTE_EPCI_FROM:
        return True, "CGCT L5211-11-1"
    return False, ""


def check_remote(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Members present by teleconference (« (visioconférence) »): where no text allows it
    (a commune outside the health-emergency texts), and for an EPCI under L5211-11-1 the
    items it excludes (secret ballot, elections, budget primitif, appointments)."""
    remote = [entry.member for entry in sitting.attendance
              if entry.remote and not entry.is_absent]
    if not remote:
        return []
    allowed, text = _remote_allowed(sitting)
    if sitting.kind in (BodyKind.DEPARTEMENT, BodyKind.REGION) and not allowed:
        return []  # their own texts are not encoded (docs/rules.md)
    engine = tables(replayed[0]) if len(replayed) else None
    findings: list[Finding] = []
    if not allowed:
        shown = names([sitting.member(name).display for name in remote])
        when = f"le {sitting.date.strftime('%d/%m/%Y')}" if sitting.date else "à cette date"
        findings.append(Finding(
            severity="error", code="remote-attendance-not-allowed", members=tuple(remote),
            message=(f"{shown} {'participe' if len(remote) == 1 else 'participent'} par "
                     f"visioconférence : aucun texte ne le permet {when} à cette assemblée "
                     "(seuls les textes de l'état d'urgence sanitaire l'ont permis aux "
                     "conseils municipaux, jusqu'au 31/07/2022 ; CGCT L5211-11-1 pour les "
                     "EPCI) ; "
                     + ("ce membre ne peut être compté présent." if len(remote) == 1
                        else "ces membres ne peuvent être comptés présents.")),
            **locator.place(*(("member", name) for name in remote))))
        return findings
    if engine is None or sitting.rule_set.remote_attendance:
        return findings  # the health-emergency texts had restrictions we do not encode
    for deliberation in sitting.deliberations:
        position = sitting.agenda.position(deliberation.question)
        here = [name for name in remote if engine.is_present(name, position)]
        if not here:
            continue
        title = _fold(deliberation.title or "")
        excluded = next((words for words in REMOTE_EXCLUDED_TITLES if words in title), None)
        if not deliberation.secret_ballot and excluded is None:
            continue
        q = deliberation.question
        why = ("un vote au scrutin secret, qui ne peut se tenir par visioconférence : le point "
               "est reporté à une séance réunie en un seul lieu" if deliberation.secret_ballot
               else f"un point (« {excluded} ») que la réunion ne peut pas traiter en plusieurs "
               "lieux")
        findings.append(Finding(
            severity="error", code="remote-vote-excluded", question=q, questions=(q,),
            members=tuple(here),
            message=(f"Question {q} : {names([sitting.member(n).display for n in here])} "
                     f"{'participe' if len(here) == 1 else 'participent'} par visioconférence "
                     f"à {why} ({text})."),
            **locator.place(("tally", q), ("deliberation", q))))
    return findings


# -- requests for a secret or a public ballot --------------------------------------------


def check_ballot_requests(sitting: Sitting, replayed: Replay,
                          locator: Locator) -> list[Finding]:
    """A request for a secret ballot by a third of the members present, or for a public
    ballot by a quarter (a sixth in départements and régions), that the vote does not follow
    (CGCT L2121-21, L3121-15, L4132-14).  A valid request for a secret ballot prevails."""
    findings: list[Finding] = []
    councils = sitting.kind in (BodyKind.DEPARTEMENT, BodyKind.REGION)
    public_share = PUBLIC_BALLOT_SHARE_COUNCILS if councils else PUBLIC_BALLOT_SHARE
    public_article = ("CGCT L3121-15" if sitting.kind is BodyKind.DEPARTEMENT
                      else "CGCT L4132-14" if councils else "CGCT L2121-21")
    for deliberation in sitting.deliberations:
        secret, public = deliberation.secret_requested, deliberation.public_requested
        if secret is None and public is None:
            continue
        q = deliberation.question
        present = replayed.at(q).present
        secret_valid = not councils and secret is not None and secret >= SECRET_BALLOT_SHARE \
            * present
        public_valid = public is not None and public >= public_share * present
        place = locator.place(("tally", q), ("deliberation", q))
        if secret_valid and not deliberation.secret_ballot:
            findings.append(Finding(
                severity="error", code="secret-ballot-not-held", question=q, questions=(q,),
                message=(f"Question {q} : "
                         f"{plural(secret or 0, 'membre demande', 'membres demandent')}"
                         f" le scrutin secret, soit au moins le tiers des {present} présents, "
                         "mais le vote n'a pas eu lieu au scrutin secret (CGCT L2121-21) ; la "
                         "demande de scrutin secret l'emporte sur une demande de scrutin "
                         "public."),
                **place))
        elif public_valid and not secret_valid and deliberation.secret_ballot:
            share = "le sixième" if councils else "le quart"
            findings.append(Finding(
                severity="error", code="public-ballot-not-held", question=q, questions=(q,),
                message=(f"Question {q} : "
                         f"{plural(public or 0, 'membre demande', 'membres demandent')}"
                         f" le scrutin public, soit au moins {share} des {present} présents, "
                         "sans demande valable de scrutin secret, mais le vote a eu lieu au "
                         f"scrutin secret ({public_article})."),
                **place))
    return findings


# -- substitutes (suppléants) by kind of EPCI --------------------------------------------

_EPCI_NAMES = {
    EpciKind.COMMUNAUTE_DE_COMMUNES: "une communauté de communes",
    EpciKind.COMMUNAUTE_D_AGGLOMERATION: "une communauté d'agglomération",
    EpciKind.COMMUNAUTE_URBAINE: "une communauté urbaine",
    EpciKind.METROPOLE: "une métropole",
}


def check_substitutes(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Substitutes listed where CGCT L5211-6 gives none: in a communauté urbaine or a
    métropole (``substitute-not-provided``), or for a commune that has more than one
    titular (``substitute-multi-seat``).  Warnings: a record may call « suppléant » the
    member who replaced a titular for good (code électoral L273-10, L273-12)."""
    kind = sitting.epci
    if kind is None or kind.value in SUBSTITUTE_STATUTORY_KINDS:
        return []  # unknown kind, or substitutes from statutes a record does not show
    substitutes = [m for m in sitting.members if m.substitute]
    if not substitutes:
        return []
    findings: list[Finding] = []
    if kind.value not in SUBSTITUTE_EPCI_KINDS:
        shown = names([m.display for m in substitutes])
        e = "e" if all(m.feminine for m in substitutes) else ""
        listed = (f"sont listé{e}s comme suppléant{e}s" if len(substitutes) > 1
                  else f"est listé{e} comme suppléant{e}")
        findings.append(Finding(
            severity="warning", code="substitute-not-provided",
            members=tuple(m.name for m in substitutes),
            message=(f"{shown} {listed}, mais "
                     f"{_EPCI_NAMES[kind]} n'a pas de conseillers communautaires suppléants : "
                     "CGCT L5211-6 n'en donne qu'aux communautés de communes et "
                     "d'agglomération, pour une commune qui ne dispose que d'un seul "
                     "conseiller ; un suppléant qui siège n'y a pas de voix. Vérifier "
                     "qu'il ne s'agit pas d'un conseiller qui remplace définitivement un "
                     "titulaire (code électoral L273-10, L273-12)."),
            **locator.place(*(("member", m.name) for m in substitutes))))
        return findings
    titulars: dict[str, list[str]] = {}
    for member in sitting.members:
        if not member.substitute and member.commune is not None:
            titulars.setdefault(member.commune, []).append(member.name)
    for member in substitutes:
        commune = member.commune
        if member.substitute_for is not None:
            commune = sitting.member(member.substitute_for).commune or commune
        seats = titulars.get(commune, []) if commune is not None else []
        if len(seats) < 2:
            continue
        findings.append(Finding(
            severity="warning", code="substitute-multi-seat", members=(member.name,),
            message=(f"{member.display} est listé{'e' if member.feminine else ''} comme "
                     f"suppléant{'e' if member.feminine else ''} pour {commune}, qui a "
                     f"{len(seats)} conseillers titulaires : CGCT L5211-6 ne donne un "
                     "suppléant qu'à la commune qui ne dispose que d'un seul conseiller "
                     "communautaire ; un titulaire absent y donne procuration."),
            **locator.place(("member", member.name))))
    return findings


# -- representatives in another body (CGCT L1111-6) --------------------------------------


def check_representatives(sitting: Sitting, replayed: Replay,
                          locator: Locator) -> list[Finding]:
    """Each question where representatives of the council in the body concerned take no
    part under L1111-6 II: how the quorum was reckoned (an info)."""
    article = representatives_article(sitting.kind.value, sitting.date)
    findings: list[Finding] = []
    for deliberation in sitting.deliberations:
        if not deliberation.representatives:
            continue
        q = deliberation.question
        state = replayed.at(q)
        shown = names([sitting.member(n).display for n in deliberation.representatives])
        count = len(deliberation.representatives)
        if article is not None:
            how = (f"ne sont pas comptés parmi les membres en exercice pour le quorum "
                   f"({article}) : quorum de {state.quorum} sur "
                   f"{sitting.in_office - count} membres en exercice")
        else:
            how = ("restent membres en exercice, aucun texte ne les en retirant pour cette "
                   "assemblée à cette date, mais ne sont pas comptés présents : quorum de "
                   f"{state.quorum} sur {sitting.in_office} membres en exercice")
        findings.append(Finding(
            severity="info", code="representatives-left-out", question=q, questions=(q,),
            members=deliberation.representatives,
            message=(f"Question {q} : {shown}, "
                     f"{'représentants' if count > 1 else 'représentant'} de l'assemblée "
                     "auprès de l'organisme concerné, ne "
                     f"{'prennent' if count > 1 else 'prend'} pas part à la décision "
                     f"(CGCT L1111-6 II) et {how} ; {state.quorum_count} "
                     f"{'membres comptés' if state.quorum_count != 1 else 'membre compté'}."),
            **locator.place(("tally", q), ("deliberation", q))))
    return findings
