"""The legality checks of the audit, one function per subject, each returning findings.

Private: see :mod:`quorum.auditing` and docs/findings.md for the codes.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from quorum._audit_common import (
    Finding,
    Locator,
    at_questions,
    names,
    plural,
    question_ranges,
)
from quorum.engine import ProxyStatus, QuestionState, Replay, tables
from quorum.model import (
    BodyKind,
    Disagreement,
    Fact,
    HeaderCounts,
    MatchReason,
    Member,
    Proxy,
    Reconciliation,
    Sitting,
)
from quorum.rules import RECONVENED_CLEAR_DAYS, REPORTS_DAYS, URGENCY_CLEAR_DAYS

__all__ = [
    "check_civilities",
    "check_convocation",
    "check_disagreements",
    "check_headers",
    "check_officers",
    "check_proxies",
    "check_quorum",
    "check_reconciliations",
    "check_reconvened",
    "check_seats",
    "clear_days",
    "seats",
]


def _proxy_keys(proxy: Proxy) -> tuple[tuple[str, str], ...]:
    return (("proxy", proxy.giver), ("proxy", str(proxy)),
            ("proxy", f"{proxy.giver} → {proxy.holder}"), ("member", proxy.giver))


def _display(sitting: Sitting, name: str) -> str:
    return sitting.member(name).display


def _spanning(sitting: Sitting, positions: Iterable[int]) -> dict[str, Any]:
    """``question`` (when there is one) and ``questions`` keyword arguments for a finding."""
    keys = tuple(sitting.agenda.key(p) for p in sorted(positions))
    return {"questions": keys, "question": keys[0] if len(keys) == 1 else None}


def _feminine(sitting: Sitting, name: str) -> str:
    return "e" if sitting.member(name).feminine else ""


# -- quorum ----------------------------------------------------------------------


def check_quorum(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Quorum not met where a deliberation was taken (CGCT L2121-17), or elsewhere on the agenda."""
    findings: list[Finding] = []
    published = {d.question for d in sitting.deliberations}
    rules = sitting.rule_set
    counted = "présents ou représentés" if rules.quorum_counts_represented else "présents"
    elsewhere: list[QuestionState] = []
    for state in replayed:
        if state.quorum_met:
            continue
        if state.question not in published:
            elsewhere.append(state)
            continue
        detail = (f"{state.quorum_count} membres {counted} comptés pour le quorum "
                  f"({plural(state.present, 'présent')}"
                  + (f", dont {plural(state.interested_present, 'intéressé')} non compté"
                     + ("s" if state.interested_present > 1 else "")
                     if state.interested_present else "")
                  + f"), il en faut {state.quorum} sur {state.in_office} en exercice "
                  f"({rules.name})")
        place = locator.place(("deliberation", state.question), ("tally", state.question))
        if sitting.reconvened and not _new_item(sitting, state.question):
            findings.append(Finding(
                severity="info", code="quorum-not-met-reconvened", question=state.question,
                questions=(state.question,),
                message=(f"Question {state.question} : quorum non atteint — {detail} ; la séance "
                         "est une nouvelle réunion après un défaut de quorum, qui délibère "
                         "valablement sans condition de quorum (CGCT L2121-17)."),
                **place))
        else:
            findings.append(Finding(
                severity="error", code="quorum-not-met", question=state.question,
                questions=(state.question,),
                message=(f"Question {state.question} : quorum non atteint — {detail} ; la "
                         "délibération n'a pas été prise valablement (CGCT L2121-17)."),
                **place))
    if elsewhere and not sitting.reconvened:
        lowest = min(elsewhere, key=lambda s: s.quorum_count)
        findings.append(Finding(
            severity="warning", code="quorum-not-met-agenda",
            **_spanning(sitting, (s.position for s in elsewhere)),
            message=(f"Quorum non atteint "
                     f"{at_questions(sitting, (s.position for s in elsewhere))} de l'ordre "
                     f"de passage ({'au plus bas ' if len(elsewhere) > 1 else ''}"
                     f"{lowest.quorum_count} membres {counted}, il en faut {lowest.quorum}) : "
                     "ce relevé n'en publie aucune délibération, mais une délibération prise "
                     "sans quorum serait irrégulière (CGCT L2121-17)."),
            **locator.place(("agenda", "agenda"))))
    return findings


def _new_item(sitting: Sitting, question: str) -> bool:
    """Whether ``question`` of a reconvened sitting was not on the failed sitting's agenda."""
    return sitting.failed_agenda is not None and question not in sitting.failed_agenda


def check_reconvened(sitting: Sitting, locator: Locator) -> list[Finding]:
    """A reconvened sitting deliberates without quorum on the failed sitting's items only
    (CGCT L2121-17): its other items, when the failed agenda is known (error)."""
    if not sitting.reconvened or sitting.failed_agenda is None:
        return []
    new = [p for p, key in enumerate(sitting.agenda, start=1) if _new_item(sitting, key)]
    if not new:
        return []
    return [Finding(
        severity="error", code="reconvened-agenda-differs", **_spanning(sitting, new),
        message=(f"Séance réunie à nouveau après un défaut de quorum : "
                 f"{question_ranges(sitting, new)} ne figur"
                 f"{'ent' if len(new) > 1 else 'e'} pas à l'ordre du jour de la séance où le "
                 "quorum manquait ; la dispense de quorum ne vaut que pour les mêmes affaires "
                 "(CGCT L2121-17), le quorum s'y apprécie comme d'ordinaire."),
        **locator.place(("agenda", "agenda")))]


# -- proxies ---------------------------------------------------------------------


# Statuses with a finding of their own (or none: exercised, outside the window, ended by
# the giver's arrival); any other reason a proxy is not exercised is ``proxy-not-exercised``.
_HANDLED = frozenset({
    ProxyStatus.EXERCISED, ProxyStatus.OUTSIDE_WINDOW, ProxyStatus.GIVER_ARRIVED,
    ProxyStatus.GIVER_PRESENT, ProxyStatus.HOLDER_ABSENT, ProxyStatus.HOLDER_AT_MAXIMUM,
    ProxyStatus.GIVER_INTERESTED, ProxyStatus.HOLDER_INTERESTED,
})


_HELD = frozenset({ProxyStatus.EXERCISED, ProxyStatus.HOLDER_AT_MAXIMUM})
_DROPPED = frozenset({ProxyStatus.HOLDER_AT_MAXIMUM})


def check_proxies(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Proxies not exercised, and why: holder absent, over the limit, giver present, interested."""
    findings: list[Finding] = []
    if not len(replayed) or not sitting.proxies:
        return findings
    engine = tables(replayed[0])
    limit = sitting.rule_set.proxies_per_holder
    published = {d.question for d in sitting.deliberations}
    over: dict[str, set[int]] = defaultdict(set)  # holder -> positions with a proxy over the limit

    for index, proxy in enumerate(sitting.proxies):
        # The engine's runs of one status, never a status per question and proxy.
        by_status = engine.proxy_positions(index)
        giver, holder = _display(sitting, proxy.giver), _display(sitting, proxy.holder)
        place = locator.place(*_proxy_keys(proxy))

        absent = by_status.get(ProxyStatus.HOLDER_ABSENT, [])
        pair = {"members": (proxy.giver, proxy.holder), **place}
        if absent:
            findings.append(Finding(
                severity="warning", code="proxy-holder-absent", **_spanning(sitting, absent),
                message=(f"Procuration de {giver} à {holder} non exercée "
                         f"{at_questions(sitting, absent)} : le mandataire est absent "
                         f"(CGCT L2121-20) ; {giver} n'y est pas "
                         f"représenté{_feminine(sitting, proxy.giver)}."),
                **pair))

        for position in by_status.get(ProxyStatus.HOLDER_AT_MAXIMUM, []):
            over[proxy.holder].add(position)

        present = by_status.get(ProxyStatus.GIVER_PRESENT, [])
        usable = [p for status, positions in by_status.items()
                  if status not in (ProxyStatus.GIVER_PRESENT, ProxyStatus.GIVER_ARRIVED)
                  for p in positions]
        starts_present = (proxy.window.start is not None
                          and sitting.agenda.position(proxy.window.start) in set(present))
        if present and (not usable or starts_present):
            why = ("elle n'a jamais pu servir" if not usable else
                   "sa procuration commence alors que son mandant est là")
            findings.append(Finding(
                severity="warning", code="proxy-giver-present", **_spanning(sitting, present),
                message=(f"{giver} donne procuration à {holder} mais est "
                         f"présent{_feminine(sitting, proxy.giver)} "
                         f"{at_questions(sitting, present)}, dans la période de la procuration : "
                         f"{why} (un membre présent vote lui-même)."),
                **pair))

        for status, code, role in ((ProxyStatus.GIVER_INTERESTED, "proxy-giver-interested",
                                    "le mandant"),
                                   (ProxyStatus.HOLDER_INTERESTED, "proxy-holder-interested",
                                    "le mandataire")):
            positions = [p for p in by_status.get(status, [])
                         if sitting.agenda.key(p) in published]
            if not positions:
                continue
            who = proxy.giver if status is ProxyStatus.GIVER_INTERESTED else proxy.holder
            findings.append(Finding(
                severity="info", code=code, **_spanning(sitting, positions),
                members=(who, proxy.giver, proxy.holder),
                message=(f"Procuration de {giver} à {holder} non exercée "
                         f"{at_questions(sitting, positions)} : {role} "
                         f"({_display(sitting, who)}) est intéressé{_feminine(sitting, who)} "
                         "à la question et ne prend "
                         "part ni au débat ni au vote, ni en personne ni par procuration "
                         "(CGCT L2131-11) : cette voix n'est pas exprimée."),
                **place))

        for status, positions in by_status.items():
            if status in _HANDLED:
                continue
            findings.append(Finding(
                severity="warning", code="proxy-not-exercised", **_spanning(sitting, positions),
                message=(f"Procuration de {giver} à {holder} non exercée "
                         f"{at_questions(sitting, positions)} : {status.reason}."),
                **pair))

    for holder, over_at in over.items():
        positions = sorted(over_at)
        mine = engine.by_holder.get(holder, [])
        held = [sitting.proxies[index] for index in mine
                if engine.proxy_has_status(index, _HELD, positions)]
        dropped = [sitting.proxies[index] for index in mine
                   if engine.proxy_has_status(index, _DROPPED, positions)]
        first = next(proxy for proxy in held)
        allowed = "qu'une" if limit == 1 else f"que {limit}"
        findings.append(Finding(
            severity="error", code="proxy-holder-over-limit", **_spanning(sitting, positions),
            members=(holder, *(p.giver for p in held)),
            message=(f"{_display(sitting, holder)} détient {len(held)} procurations valables en "
                     f"même temps {at_questions(sitting, positions)}, alors que les règles "
                     f"en vigueur ({sitting.rule_set.name}) n'en permettent "
                     f"{allowed} (CGCT L2121-20) : "
                     f"procurations de {names([_display(sitting, p.giver) for p in held])} ; "
                     f"le relevé ne dit pas laquelle fut exercée, ce décompte ne retient pas "
                     f"celle de {names([_display(sitting, p.giver) for p in dropped])} "
                     "(la plus ancienne d'abord)."),
            **locator.place(*_proxy_keys(first))))
    return findings


# -- president, secretary --------------------------------------------------------


def check_officers(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """The president and the secretary of the sitting must be members present (L2121-15)."""
    findings: list[Finding] = []
    engine = tables(replayed[0]) if len(replayed) else None
    for name, role, code, article in (
        (sitting.president, "président", "president-absent", "CGCT L2121-14"),
        (sitting.secretary, "secrétaire de séance", "secretary-absent", "CGCT L2121-15"),
    ):
        if name is None or (engine is not None and engine.present_somewhere(name)):
            continue
        member = sitting.member(name)
        findings.append(Finding(
            severity="error", code=code, members=(name,),
            message=(f"{member.display}, {role}, n'est présent{_feminine(sitting, name)} "
                     f"à aucune question de la séance "
                     f"({article})."),
            **locator.place(("secretary" if code == "secretary-absent" else "president", name),
                            ("member", name))))
    if sitting.secretary is None:
        findings.append(Finding(
            severity="info", code="secretary-not-named",
            message=("Le relevé ne nomme pas de secrétaire de séance (CGCT L2121-15 : le conseil "
                     "en nomme un parmi ses membres au début de chaque séance)."),
            **locator.place()))
    return findings


# -- convocation -----------------------------------------------------------------


def clear_days(convened: datetime.date, sitting: datetime.date) -> int:
    """Clear days (jours francs) between a convocation and a sitting.

    Neither the day of the convocation nor the day of the sitting counts.

    >>> clear_days(datetime.date(2026, 6, 19), datetime.date(2026, 6, 25))
    5
    """
    first = datetime.datetime.combine(convened, datetime.time()) + datetime.timedelta(days=1)
    last = datetime.datetime.combine(sitting, datetime.time()) - datetime.timedelta(days=1)
    if last < first:
        return 0
    return (last - first).days + 1


def check_convocation(sitting: Sitting, locator: Locator) -> list[Finding]:
    """The convocation delay (CGCT L2121-11, L2121-12; L5211-1 for an EPCI), the urgency
    (same articles), and for départements and régions the sending of the reports
    (L3121-19, L4132-18)."""
    place = locator.place(("convened", None), ("date", None))
    findings = _reports_delay(sitting, locator)
    if sitting.convened is None:
        return [Finding(severity="info", code="convocation-date-unknown",
                        message="Le relevé ne donne pas la date de convocation : le délai de "
                                "convocation n'a pas pu être vérifié.", **place), *findings]
    if sitting.date is None:  # the reader's « date-unknown » note says so
        return findings
    convened = sitting.convened.strftime("%d/%m/%Y")
    held = sitting.date.strftime("%d/%m/%Y")
    if sitting.convened > sitting.date:
        return [Finding(
            severity="error", code="convocation-after-sitting",
            message=(f"Convocation datée du {convened}, après la séance du {held} : une "
                     "séance ne peut pas être convoquée après sa tenue (CGCT L2121-10, "
                     "L2121-12) ; la date de convocation ou celle de la séance est fausse."),
            **place), *findings]
    days = clear_days(sitting.convened, sitting.date)
    # A sitting reconvened after a failed quorum is called three days ahead (L2121-17).
    if sitting.reconvened:
        required, source = RECONVENED_CLEAR_DAYS, "CGCT L2121-17"
    elif sitting.urgent:
        required, source = URGENCY_CLEAR_DAYS, (
            "CGCT L2121-11" if sitting.kind.clear_days == 3 else "CGCT L2121-12")
    else:
        required = sitting.kind.clear_days
        source = "CGCT L2121-11" if required == 3 else "CGCT L2121-12"
    if sitting.urgent and not sitting.reconvened:
        if days >= required:
            findings.append(Finding(
                severity="warning", code="urgency-declared",
                message=(f"Séance convoquée en urgence le {convened} pour le {held} "
                         f"({plural(days, 'jour franc', 'jours francs')}, il en faut "
                         f"{required} au moins en urgence, {sitting.kind.clear_days} "
                         f"sinon) : le président doit en rendre compte dès l'ouverture de la "
                         "séance, et le conseil se prononcer sur l'urgence, qu'il peut "
                         f"écarter en renvoyant tout ou partie de l'ordre du jour ({source}) "
                         "; le relevé doit en faire foi."),
                **place))
            return findings
        findings.append(Finding(
            severity="error", code="convocation-too-late",
            message=(f"Séance convoquée en urgence le {convened} pour le {held} : "
                     f"{plural(days, 'jour franc', 'jours francs')}, alors que même "
                     f"l'urgence exige au moins {plural(required, 'jour franc', 'jours francs')} "
                     f"({source})."),
            **place))
        return findings
    if days >= required:
        return findings
    findings.append(Finding(
        severity="error", code="convocation-too-late",
        message=(f"Convocation du {convened} pour une séance du {held} : "
                 f"{plural(days, 'jour franc', 'jours francs')}, il en faut {required} "
                 f"({source}) ; seule l'urgence, "
                 "sur laquelle le conseil se prononce en début de séance, permet un délai "
                 "plus court, d'un jour franc au moins."),
        **place))
    return findings


def _reports_delay(sitting: Sitting, locator: Locator) -> list[Finding]:
    """Départements and régions send a report on each item twelve days ahead (L3121-19,
    L4132-18), one clear day at least in urgency: checked when the sending date is known."""
    if sitting.kind not in (BodyKind.DEPARTEMENT, BodyKind.REGION):
        return []
    if sitting.reports_sent is None or sitting.date is None:
        return []
    article = "CGCT L3121-19" if sitting.kind is BodyKind.DEPARTEMENT else "CGCT L4132-18"
    sent = sitting.reports_sent.strftime("%d/%m/%Y")
    held = sitting.date.strftime("%d/%m/%Y")
    if sitting.urgent:
        days = clear_days(sitting.reports_sent, sitting.date)
        if sitting.reports_sent <= sitting.date and days >= URGENCY_CLEAR_DAYS:
            return []
        delay = f"{plural(days, 'jour franc', 'jours francs')}, il en faut " \
                f"{URGENCY_CLEAR_DAYS} au moins en urgence"
    else:
        days = (sitting.date - sitting.reports_sent).days
        if days >= REPORTS_DAYS:
            return []
        delay = f"{plural(max(days, 0), 'jour')} avant la réunion, il en faut {REPORTS_DAYS}"
    return [Finding(
        severity="error", code="reports-too-late",
        message=(f"Rapports adressés aux conseillers le {sent} pour la séance du {held} : "
                 f"{delay} ({article})."),
        **locator.place(("reports_sent", None), ("date", None)))]


# -- members in office -------------------------------------------------------------


def seats(sitting: Sitting) -> list[Member]:
    """The seats the record lists: titulars, and substitutes whose titular it does not list."""
    return [member for member in sitting.members
            if not member.substitute or sitting.titular_of(member.name) is None]


def check_seats(sitting: Sitting, locator: Locator) -> list[Finding]:
    """Members listed (one per seat) against the members in office the record announces."""
    listed = seats(sitting)
    if len(listed) == sitting.in_office:
        return []
    substitutes = sum(1 for m in listed if m.substitute)
    detail = (f" dont {plural(substitutes, 'suppléant')} sans titulaire listé"
              if substitutes else "")
    return [Finding(
        severity="error", code="members-count-mismatch",
        message=(f"Le relevé annonce {sitting.in_office} membres en exercice mais en liste "
                 f"{len(listed)} ({len(listed)} sièges{detail}) : "
                 + ("des membres manquent aux listes des présents, absents et représentés."
                    if len(listed) < sitting.in_office else
                    "la liste compte plus de membres que de sièges pourvus.")),
        **locator.place(("in_office", None)))]


# -- header counts -------------------------------------------------------------------


def _header_targets(sitting: Sitting) -> Iterable[tuple[HeaderCounts, str | None]]:
    """Each printed header with the question whose figures it gives (``None``: in office only)."""
    if sitting.header_counts is not None:
        if len(sitting.deliberations) == 1:
            yield sitting.header_counts, sitting.deliberations[0].question
        elif not sitting.deliberations:
            yield sitting.header_counts, sitting.agenda.key(1)
        else:
            yield sitting.header_counts, None
    for deliberation in sitting.deliberations:
        if deliberation.header_counts is not None:
            yield deliberation.header_counts, deliberation.question


def check_headers(sitting: Sitting, replayed: Replay, locator: Locator) -> list[Finding]:
    """Printed counts (en exercice, présents, pouvoirs, votants) against the replay."""
    findings: list[Finding] = []
    for header, question in _header_targets(sitting):
        keys: tuple[tuple[str, str | None], ...] = (
            (("header_counts", question), ("header_counts", "sitting"),
             ("deliberation", question)) if question else ())
        place = locator.place(*keys, ("header_counts", "sitting"), ("in_office", None))
        if header.in_office is not None and header.in_office != sitting.in_office:
            findings.append(Finding(
                severity="error", code="header-count-mismatch", question=question,
                questions=(question,) if question else (),
                message=(f"En-tête{_at(question)} : {header.in_office} membres en exercice "
                         f"imprimés, {sitting.in_office} pour la séance."),
                **place))
        if question is None:
            continue
        state = replayed.at(question)
        checks = (
            ("présents", header.present, (state.present, state.present - state.interested_present),
             f"{state.present} présents à la question"),
            ("pouvoirs", header.proxies, (state.represented,),
             f"{plural(state.represented, 'procuration exercée', 'procurations exercées')}"),
            ("votants", header.voters, (state.voters, state.castable),
             f"{state.voters} votants ({plural(state.present, 'présent')} + "
             f"{plural(state.represented, 'représenté')})"),
        )
        for label, printed, accepted, computed in checks:
            if printed is None or printed in accepted:
                continue
            note = ""
            if label == "pouvoirs":
                given = len(state.in_window)
                if printed == given:
                    note = (f" ; {printed} est le nombre de procurations valables à cette "
                            "question, exercées ou non")
                elif printed == len(sitting.proxies):
                    note = f" ; {printed} est le nombre de procurations données pour la séance"
            findings.append(Finding(
                severity="error", code="header-count-mismatch", question=question,
                questions=(question,),
                message=f"En-tête{_at(question)} : {label} {printed} imprimé, {computed}{note}.",
                **place))
    # A header printed both above the lists and in the deliberation says the same twice.
    unique = {(f.code, f.question, f.message): f for f in findings}
    return list(unique.values())


def _at(question: str | None) -> str:
    return f" de la question {question}" if question else ""


# -- civilities --------------------------------------------------------------------------

# First names ending in -a that are men's; other first names ending in -a are mostly women's.
_MEN_IN_A = frozenset({"aba", "andrea", "attila", "elia", "ilia", "ilya", "issa", "joshua",
                       "luca", "moussa", "mustafa", "mustapha", "nicola", "noa", "sacha",
                       "sasha", "yahya"})


def _usually_feminine(first_name: str) -> bool:
    """A narrow test on purpose: a last word of the first name ending in -a, not a man's."""
    word = unicodedata.normalize("NFKD", first_name.split("-")[-1].lower())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return len(word) > 2 and word.endswith("a") and word not in _MEN_IN_A


def check_civilities(sitting: Sitting, locator: Locator) -> list[Finding]:
    """« M. » before a first name that is usually a woman's: kept as written, but said.

    The civility sets the agreement of the explanations (présent / présente),
    and a wrong one often hides a copy error in the list; we never correct it.
    """
    findings: list[Finding] = []
    for member in sitting.members:
        first = member.name.split()[0] if member.name.split() else ""
        if member.civility == "M." and _usually_feminine(first):
            findings.append(Finding(
                severity="info", code="civility-doubtful", members=(member.name,),
                message=(f"« {member.display} » : civilité « M. » devant le prénom « {first} », "
                         "d'ordinaire féminin ; le relevé est gardé tel qu'écrit."),
                **locator.place(("member", member.name))))
    return findings


# -- reconciliations --------------------------------------------------------------------


def check_reconciliations(sitting: Sitting) -> list[Finding]:
    """Every spelling the reader reconciled to one member or commune (warning)."""
    origin = sitting.origin
    if origin is None:
        return []
    findings: list[Finding] = []
    for item in origin.reconciliations:
        where = ""
        if item.canonical_line is not None:
            other = (f"{item.canonical_file}, " if item.canonical_file is not None
                     and item.canonical_file != item.file else "")
            where = f" ({other}ligne {item.canonical_line})"
        reasons = " ; ".join(_reason(item, reason) for reason in item.reasons)
        reason = f" : {reasons}" if reasons else ""
        if item.kind == "commune":
            code, what = "commune-reconciled", "la commune"
        else:
            code, what = "name-reconciled", "le membre"
        members = (item.canonical,) if item.kind != "commune" else ()
        findings.append(Finding(
            severity="warning", code=code, members=members, line=item.line, column=item.column,
            file=item.file if item.file is not None else (
                origin.files[0] if len(origin.files) == 1 else None),
            message=(f"« {item.written} » (ligne {item.line}) lu comme {what} "
                     f"« {item.canonical} »{where}{reason}.")))
    return findings


# The French of the reader's reasons and of the facts two extracts disagree on: the
# reader hands over only MatchReason and Fact values (and the names they quote).
_REASONS = {
    MatchReason.SAME_KEY: "accents, casse, traits d'union ou espaces",
    MatchReason.WORD_ORDER: "mots dans un autre ordre",
    MatchReason.SPELLING: "orthographe voisine",
    MatchReason.PART_OF: "un nom contient l'autre",
    MatchReason.SURNAME_ONLY: "nom de famille seul",
    MatchReason.INITIALS: "initiales du prénom",
    MatchReason.NO_CIVILITY: "écrit sans civilité",
}


def _reason(item: Reconciliation, reason: MatchReason) -> str:
    """One reason for a reconciliation, in French, with the names it quotes."""
    if reason is MatchReason.OTHER_CIVILITY:
        return f"civilité {item.written_civility} ici, {item.listed_civility} dans les listes"
    if reason is MatchReason.ONLY_ONE_OF_COMMUNE:
        return f"le seul de {item.commune}"
    return _REASONS[reason]


# -- extracts of one sitting that disagree ---------------------------------------------

def check_disagreements(sitting: Sitting) -> list[Finding]:
    """Facts on which two extracts of the sitting disagree (the first extract's are kept)."""
    origin = sitting.origin
    if origin is None:
        return []
    findings: list[Finding] = []
    for item in origin.disagreements:
        first = _written(item.first_file, item.first_line)
        second = _written(item.second_file, item.second_line)
        findings.append(Finding(
            severity="error" if item.fact.changes_figures else "warning", code="extracts-disagree",
            line=item.second_line, file=item.second_file,
            message=(f"Les extraits de la séance se contredisent sur {_fact(item)} : "
                     f"« {item.first} »{first}, « {item.second} »{second} ; l'audit retient "
                     "le premier.")))
    return findings


def _written(file: str | None, line: int | None) -> str:
    parts = [part for part in (file, f"ligne {line}" if line is not None else None) if part]
    return f" ({', '.join(parts)})" if parts else ""


_FACTS = {Fact.IN_OFFICE: "le nombre de membres en exercice",
          Fact.KIND: "la nature de l'assemblée", Fact.CONVENED: "la date de convocation",
          Fact.OPENED: "l'heure d'ouverture", Fact.CLOSED: "l'heure de clôture",
          Fact.PLACE: "le lieu", Fact.PRESIDENT: "le président",
          Fact.SECRETARY: "le secrétaire de séance",
          Fact.HEADER_COUNTS: "les comptes de l'en-tête",
          Fact.RECONVENED: "la nouvelle réunion après défaut de quorum",
          Fact.URGENT: "la convocation en urgence", Fact.AGENDA: "l'ordre de passage",
          Fact.MEMBER: "le membre {}", Fact.ATTENDANCE: "la présence de {}",
          Fact.PROXY: "la procuration de {}",
          Fact.DELIBERATION: "la délibération de la question {}"}


def _fact(item: Disagreement) -> str:
    """The fact two extracts disagree on, in French, with the member or question named."""
    return _FACTS[item.fact].format(item.subject)
